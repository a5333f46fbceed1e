// Embedding: every admin document the app serves carries the Content-Security-Policy
// frame-ancestors Shopify requires for the shop — its own admin domain and Shopify admin, no
// other shop and no catch-all. Documents are answered by the REAL server build: the Remix Vite
// plugin's `virtual:remix/server-build` (entry.server.tsx, root, every route, as `remix vite:build`
// bundles them), loaded through a Vite dev server in middleware mode, so nothing is written to
// build/ and the app's current source is what is checked.
//
// The documents: every app*.tsx route file with a default export (the embedded pages), as Shopify
// admin loads them (?embedded=1&shop&host&id_token); error pages (a case id that does not exist,
// a page that does not exist); and the auth pages a document load meets without a usable
// id_token (the session-token bounce, followed from its redirect) and the exit-iframe page.
// Redirects carry no document (the browser renders only where they lead), so they are followed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import type { ProductSpec } from "../standin/seed";
import { recordFigures } from "./figures";

const root = path.resolve(import.meta.dirname, "..", "..");
const bracelet: ProductSpec = { title: "Elton Bangle Bracelet", productType: "Bracelet", vendor: "Kendra Scott", tags: ["jewelry"], price: "65.00" };
// Shopify admin's own hosts, as @shopify/shopify-app-remix's addDocumentResponseHeaders lists
// them beside the shop (admin.shopify.com, and Shopify's internal admin environments).
const SHOPIFY_ADMIN_SOURCES = new Set(["https://admin.shopify.com", "https://*.spin.dev", "https://admin.myshopify.io", "https://admin.shop.dev"]);

let vite: ViteDevServer;
let build: ServerBuild;
let handle: (request: Request) => Promise<Response>;
let loadSeconds = 0;

beforeAll(async () => {
  const started = Date.now();
  const { createServer } = await import("vite");
  vite = await createServer({
    root,
    configFile: path.join(root, "vite.config.ts"),
    appType: "custom",
    logLevel: "error",
    server: { middlewareMode: true, hmr: false, ws: false },
    // Only the server side is used: no browser bundles to pre-build (and none left half-built at close).
    plugins: [{ name: "clause-test-no-client-deps", configResolved: (c) => void Object.assign(c.optimizeDeps, { noDiscovery: true, include: [] }) }],
  });
  build = (await vite.ssrLoadModule("virtual:remix/server-build")) as unknown as ServerBuild;
  const { createRequestHandler } = await import("@remix-run/node");
  // As server.mjs serves it in production (errors sanitised as a merchant would see them).
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request);
  loadSeconds = (Date.now() - started) / 1000;
});

afterAll(async () => {
  await vite?.close();
});

/** The URL path of a route of the build (its own path and its parents'). */
function routePath(id: string): string {
  const parts: string[] = [];
  for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined) if (route.path) parts.unshift(route.path);
  return `/${parts.join("/")}`;
}

/** The frame-ancestors sources of a Content-Security-Policy header (null when it has none). */
function frameAncestors(csp: string | null): string[] | null {
  const directive = (csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name?.toLowerCase() === "frame-ancestors");
  return directive ? directive.slice(1) : null;
}

describeDb(`embedding (${dbProvider})`, () => {
  it("every admin document carries frame-ancestors for its own shop and Shopify admin only", { timeout: 120_000 }, async () => {
    const started = Date.now();
    const a = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }], store: `embed-a-${randomUUID().slice(0, 8)}` });
    const b = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }], store: `embed-b-${randomUUID().slice(0, 8)}` });
    const opened = await a.open({ type: "DEFECTIVE", lines: [{ lineItemId: a.lineId(0), quantity: 1, condition: "USED", reason: "Clasp broke" }] });
    await b.open({ type: "DEFECTIVE", lines: [{ lineItemId: b.lineId(0), quantity: 1, condition: "USED", reason: "Stone fell out" }] });
    expect(await (await db()).returnCase.count({ where: { shop: b.shop } })).toBe(1);
    const params: Record<string, string> = { id: opened.id };

    // The embedded pages: app*.tsx route files with a default export (a rendered page, not JSON).
    const pageFiles = readdirSync(path.join(root, "app", "routes")).filter(
      (f) => /^app(\..+)?\.tsx$/.test(f) && /^export default /m.test(readFileSync(path.join(root, "app", "routes", f), "utf8")),
    );
    expect(pageFiles).toContain("app._index.tsx");
    const pages = pageFiles.map((f) => {
      const id = `routes/${f.replace(/\.tsx$/, "")}`;
      expect(build.routes[id], `${f} is in the server build`).toBeDefined();
      return routePath(id).replace(/:(\w+)/g, (_m, name: string) => {
        if (!(name in params)) throw new Error(`no test value for :${name} (route ${f}); add one`);
        return encodeURIComponent(params[name]!);
      });
    });

    type Doc = { label: string; request: Request; status: number };
    const docs: Doc[] = [];
    for (const p of new Set(pages)) docs.push({ label: `page ${p}`, request: await adminDocumentRequest(a.store, p), status: 200 });
    docs.push(
      { label: "unknown case (404)", request: await adminDocumentRequest(a.store, "/app/returns/no-such-case"), status: 404 },
      { label: "another shop's case (404)", request: await adminDocumentRequest(a.store, `/app/returns/${(await (await db()).returnCase.findFirstOrThrow({ where: { shop: b.shop } })).id}`), status: 404 },
      { label: "unknown page (404)", request: await adminDocumentRequest(a.store, "/app/no-such-page"), status: 404 },
    );
    // Without a usable id_token: the bounce page (App Bridge fetches a fresh token and reloads).
    const valid = new URL((await adminDocumentRequest(a.store, "/app/returns")).url);
    const noToken = new URL(valid);
    noToken.searchParams.delete("id_token");
    const badToken = new URL(valid);
    badToken.searchParams.set("id_token", "not-a-token");
    const exitIframe = new URL("/auth/exit-iframe", valid);
    for (const k of ["shop", "host"]) exitIframe.searchParams.set(k, valid.searchParams.get(k)!);
    exitIframe.searchParams.set("exitIframe", "/app");
    docs.push(
      { label: "document load without id_token (bounce)", request: new Request(noToken), status: 200 },
      { label: "document load with a bad id_token", request: new Request(badToken), status: 200 },
      { label: "exit-iframe page", request: new Request(exitIframe), status: 200 },
    );

    const shopSource = `https://${a.shop}`;
    const failures: string[] = [];
    let documents = 0;
    let missing = 0;
    let redirects = 0;
    for (const doc of docs) {
      let request = doc.request;
      let response = await handle(request);
      // Follow the app's own redirects (relative, or to this origin) to the document they lead to.
      for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
        const location = new URL(response.headers.get("location") ?? "", request.url);
        if (location.origin !== new URL(request.url).origin) break;
        redirects++;
        request = new Request(location);
        response = await handle(request);
      }
      const body = await response.text();
      documents++;
      const sources = frameAncestors(response.headers.get("content-security-policy"));
      const problems: string[] = [];
      if (response.status !== doc.status) problems.push(`status ${response.status}, expected ${doc.status}`);
      if (!/<html|<script/i.test(body)) problems.push("not a document");
      if (!sources) problems.push(`no frame-ancestors (CSP: ${response.headers.get("content-security-policy")})`);
      else {
        if (!sources.includes(shopSource)) problems.push(`frame-ancestors lacks ${shopSource}`);
        if (!sources.includes("https://admin.shopify.com")) problems.push("frame-ancestors lacks https://admin.shopify.com");
        const foreign = sources.filter((s) => s !== shopSource && !SHOPIFY_ADMIN_SOURCES.has(s));
        if (foreign.length) problems.push(`frame-ancestors admits ${foreign.join(" ")}`);
      }
      if (problems.some((p) => p.startsWith("no frame-ancestors") || p.startsWith("frame-ancestors"))) missing++;
      if (body.includes(b.shop) || body.includes(b.store)) problems.push("names shop B");
      if (problems.length) failures.push(`${doc.label} (${new URL(request.url).pathname}): ${problems.join("; ")}`);
    }

    const figures = { documents, missing_frame_ancestors: missing, redirects_followed: redirects };
    recordFigures("embedding", dbProvider, figures);
    console.log(`embedding (${dbProvider}): ${JSON.stringify(figures)}; server build loaded in ${loadSeconds.toFixed(1)} s, check ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
    expect(documents).toBe(docs.length);
    expect(redirects).toBeGreaterThan(0); // the bounce was reached through its redirect
  });
});
