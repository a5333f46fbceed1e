// The demo's front door is closed outside the demo, and always in production.
import { afterEach, describe, expect, it, vi } from "vitest";
import { responseStatus } from "../helpers/response-status";

const loadDemoRoute = async () => (await import("~/routes/demo._index")).loader({ request: new Request("https://clause.test/demo"), params: {}, context: {} });


describe("/demo", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers 404 when the demo is off", async () => {
    vi.stubEnv("CLAUSE_DEMO", "0");
    expect(await responseStatus(loadDemoRoute())).toBe(404);
  });

  it("answers 404 under NODE_ENV=production even with CLAUSE_DEMO=1", async () => {
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "production");
    expect(await responseStatus(loadDemoRoute())).toBe(404);
  });

  it("lists the demo shops with signed admin links when the demo is on", async () => {
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "development");
    const data = (await loadDemoRoute()) as { shops: Array<{ shop: string; href: string }> };
    expect(data.shops).toHaveLength(5);
    const link = new URL(data.shops[0]!.href, "https://clause.test");
    expect(link.pathname).toBe("/app");
    expect(link.searchParams.get("shop")).toBe(data.shops[0]!.shop);
    expect(link.searchParams.get("id_token")?.split(".")).toHaveLength(3);
  });

  it("serves the App Bridge stand-in and session tokens only in the demo", async () => {
    const appBridge = () => import("~/routes/demo.app-bridge[.]js").then((m) => m.loader());
    const token = (shop: string) =>
      import("~/routes/demo.session-token").then((m) =>
        m.loader({ request: new Request(`https://clause.test/demo/session-token?shop=${shop}`), params: {}, context: {} }),
      );
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "production");
    expect(await responseStatus(appBridge())).toBe(404);
    expect(await responseStatus(token("purtly-demo.myshopify.com"))).toBe(404);

    vi.stubEnv("NODE_ENV", "development");
    const script = await appBridge();
    expect(script.headers.get("Content-Type")).toMatch(/javascript/);
    expect(await script.text()).toContain("window.shopify");
    expect((await token("someone-else.myshopify.com")).status).toBe(400);
    const ok = await token("purtly-demo.myshopify.com");
    expect(ok.status).toBe(200);
    expect((await ok.json()).token.split(".")).toHaveLength(3);
  });
});

describe("demo edge", () => {
  afterEach(() => vi.unstubAllEnvs());
  it("refuses to replace Shopify's network edge outside the demo", async () => {
    const { installDemoEdge } = await import("../standin/demo-edge");
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "production");
    expect(() => installDemoEdge({ appUrl: "http://localhost:1", secret: "s" })).toThrow(/only for the offline demo/);
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("CLAUSE_DEMO", "0");
    expect(() => installDemoEdge({ appUrl: "http://localhost:1", secret: "s" })).toThrow(/only for the offline demo/);
  });
});
