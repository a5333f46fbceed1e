// The two extensions' configuration: API version, targets, capabilities, TypeScript settings,
// and the app URL compiled into them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { APP_URL } from "../../extensions/shared/app-url";
import { projectRoot } from "./support/sources";
// @ts-expect-error -- a plain .mjs script without type declarations
import { appUrlModule, applicationUrl } from "../../extensions/scripts/sync-app-url.mjs";

type Toml = { api_version: string; extensions: Array<{ type: string; handle: string; targeting: Array<{ target: string; module: string }>; capabilities: { network_access?: boolean } }> };
const toml = (handle: string) => parse(readFileSync(path.join(projectRoot, "extensions", handle, "shopify.extension.toml"), "utf8")) as unknown as Toml;

describe("the extensions' configuration", () => {
  it("clause-returns: the order action menu item and the order-status block, with network access", () => {
    const config = toml("clause-returns");
    expect(config.api_version).toBe("2026-07");
    const [ext] = config.extensions;
    expect(ext).toMatchObject({ type: "ui_extension", handle: "clause-returns", capabilities: { network_access: true } });
    expect(ext!.targeting.map((t) => t.target)).toEqual(["customer-account.order.action.menu-item.render", "customer-account.order-status.block.render"]);
  });

  it("clause-returns-page: the full-page order target alone (a full page cannot share an extension)", () => {
    const config = toml("clause-returns-page");
    expect(config.api_version).toBe("2026-07");
    const [ext] = config.extensions;
    expect(ext).toMatchObject({ handle: "clause-returns-page", capabilities: { network_access: true } });
    expect(ext!.targeting.map((t) => t.target)).toEqual(["customer-account.order.page.render"]);
  });

  it("points each target at a module that exists", () => {
    for (const handle of ["clause-returns", "clause-returns-page"]) {
      for (const t of toml(handle).extensions[0]!.targeting) {
        expect(() => readFileSync(path.join(projectRoot, "extensions", handle, t.module)), `${handle} ${t.module}`).not.toThrow();
      }
    }
  });

  it("uses @shopify/ui-extensions 2026.7 with Preact, not the React package", () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const deps = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(deps["@shopify/ui-extensions"]).toMatch(/^[~^]?2026\.7\./);
    expect(deps.preact).toBeDefined();
    expect(deps["@shopify/ui-extensions-react"]).toBeUndefined();
    const tsconfig = JSON.parse(readFileSync(path.join(projectRoot, "extensions", "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, "")) as { compilerOptions: Record<string, string> };
    expect(tsconfig.compilerOptions).toMatchObject({ jsx: "react-jsx", jsxImportSource: "preact" });
  });

  it("calls the app at shopify.app.toml's application_url (run extensions/scripts/sync-app-url.mjs after `shopify app config link`)", () => {
    expect(APP_URL).toBe(applicationUrl());
    expect(readFileSync(path.join(projectRoot, "extensions", "shared", "app-url.ts"), "utf8")).toBe(appUrlModule(APP_URL));
  });
});
