// shopify.app.toml and the code must agree: scopes, API version, and a route for every uri.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { DEFAULT_SCOPES } from "~/env.server";
import { TOPICS } from "~/webhooks/topics.server";

const root = path.resolve(__dirname, "../..");
type Subscription = { uri: string; topics?: string[]; compliance_topics?: string[] };
const toml = parse(readFileSync(path.join(root, "shopify.app.toml"), "utf8")) as {
  embedded: boolean;
  access_scopes: { scopes: string; optional_scopes: string[] };
  auth: { redirect_urls: string[] };
  webhooks: { api_version: string; subscriptions: Subscription[] };
};

/** Remix flat-route file for a URL path: /webhooks/app/uninstalled → webhooks.app.uninstalled. */
const routeFileFor = (uri: string) => path.join(root, "app", "routes", `${uri.replace(/^\//, "").replaceAll("/", ".")}.tsx`);

describe("shopify.app.toml", () => {
  it("is embedded and has an [auth] section", () => {
    expect(toml.embedded).toBe(true);
    expect(toml.auth.redirect_urls.length).toBeGreaterThan(0);
  });

  it("asks for exactly the scopes the app uses, with read_all_orders optional", () => {
    expect(toml.access_scopes.scopes.split(",").sort()).toEqual([...DEFAULT_SCOPES].sort());
    expect(toml.access_scopes.optional_scopes).toEqual(["read_all_orders"]);
  });

  it("pins webhooks to the app's API version", () => {
    expect(toml.webhooks.api_version).toBe(API_VERSION);
  });

  it("has a route file mirroring every webhook uri", () => {
    for (const sub of toml.webhooks.subscriptions) {
      expect(existsSync(routeFileFor(sub.uri)), `${sub.uri} → ${routeFileFor(sub.uri)}`).toBe(true);
    }
  });

  it("subscribes to the compliance topics and the returns topics", () => {
    const topics = toml.webhooks.subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]);
    expect(topics).toEqual(expect.arrayContaining(["app/uninstalled", "app/scopes_update", "customers/data_request", "customers/redact", "shop/redact", "returns/request", "returns/approve", "returns/decline", "returns/process", "returns/close", "refunds/create"]));
  });

  it("every webhook route handles each topic it is subscribed to", () => {
    for (const sub of toml.webhooks.subscriptions) {
      const source = readFileSync(routeFileFor(sub.uri), "utf8");
      for (const topic of [...(sub.topics ?? []), ...(sub.compliance_topics ?? [])]) {
        const enumName = topic.toUpperCase().replaceAll("/", "_");
        expect(source, `${sub.uri} accepts ${topic}`).toContain(`"${enumName}"`);
        expect(TOPICS[enumName], `${topic} has work in app/webhooks/topics.server.ts`).toBeDefined();
      }
    }
  });
});
