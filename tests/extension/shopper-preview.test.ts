// @vitest-environment node
// The offline shopper preview's server side: closed outside the demo, the customer token it
// mints is one authenticate.public.customerAccount accepts, the browser bundle is the
// extensions' code talking to the page's own origin, and the fake `shopify` translates as
// Shopify does.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "~/demo/shopper-host";
import { mintCustomerSessionToken } from "~/demo/shopper-token.server";
import { responseStatus } from "../helpers/response-status";

const args = (url: string) => ({ request: new Request(url), params: {}, context: {} });
const routes = {
  page: () => import("~/routes/demo.shopper").then((m) => m.loader(args("https://clause.test/demo/shopper?format=json"))),
  token: () => import("~/routes/demo.shopper-token").then((m) => m.loader(args("https://clause.test/demo/shopper-token?shop=purtly-demo.myshopify.com&order=1209"))),
  bundle: () => import("~/routes/demo.shopper-preview[.]js").then((m) => m.loader()),
};

describe("/demo/shopper, /demo/shopper-token, /demo/shopper-preview.js", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answer 404 when the demo is off", async () => {
    vi.stubEnv("CLAUSE_DEMO", "0");
    for (const [name, load] of Object.entries(routes)) expect(await responseStatus(load()), name).toBe(404);
  });

  it("answer 404 under NODE_ENV=production even with CLAUSE_DEMO=1", async () => {
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "production");
    for (const [name, load] of Object.entries(routes)) expect(await responseStatus(load()), name).toBe(404);
  });

  it("refuse a shop that is not a demo shop", async () => {
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "development");
    const { loader } = await import("~/routes/demo.shopper-token");
    expect((await loader(args("https://clause.test/demo/shopper-token?shop=someone.myshopify.com&order=1"))).status).toBe(400);
    const page = await import("~/routes/demo.shopper");
    expect((await page.loader(args("https://clause.test/demo/shopper?shop=someone.myshopify.com&order=1"))).status).toBe(400);
  });

  it("bundles the extensions' real modules for the browser, calling the page's own origin", async () => {
    vi.stubEnv("CLAUSE_DEMO", "1");
    vi.stubEnv("NODE_ENV", "development");
    const response = await routes.bundle();
    expect(response.headers.get("Content-Type")).toMatch(/javascript/);
    const js = await response.text();
    expect(js).toContain("window.location.origin");
    expect(js).not.toContain("clause.example.com");
    expect(js).toContain("customer-account.order.page.render");
    expect(js).toContain('customElements.define(tag');
  }, 30_000);
});

describe("the shopper preview's customer token", () => {
  it("is accepted by authenticate.public.customerAccount, with the shop and the customer", async () => {
    const { authenticate } = await import("~/shopify.server");
    const token = await mintCustomerSessionToken({ shop: "purtly-demo.myshopify.com", customerId: "gid://shopify/Customer/1042", apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET! });
    const request = new Request("https://my-test-app.myshopify.io/api/portal/orders/1/eligibility", {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" },
    });
    const { sessionToken } = await authenticate.public.customerAccount(request);
    expect(sessionToken).toMatchObject({ dest: "purtly-demo.myshopify.com", aud: process.env.SHOPIFY_API_KEY, sub: "gid://shopify/Customer/1042", iss: "https://purtly-demo.myshopify.com" });
    expect(Number(sessionToken.exp) - Number(sessionToken.iat)).toBe(300);
    expect(sessionToken.jti).toBeTruthy();
    expect(sessionToken.sid).toBeTruthy();
  });

  it("is refused once signed with another secret", async () => {
    const { authenticate } = await import("~/shopify.server");
    const token = await mintCustomerSessionToken({ shop: "purtly-demo.myshopify.com", customerId: "gid://shopify/Customer/1042", apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: "not-the-secret" });
    const request = new Request("https://my-test-app.myshopify.io/api/portal/orders/1/eligibility", {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" },
    });
    expect(await responseStatus(authenticate.public.customerAccount(request))).toBe(401);
  });
});

describe("the preview's i18n.translate", () => {
  const translate = createTranslator({ review: { total: "Estimated refund: {{amount}}" }, menu: { requestReturn: "Request a return" } });
  it("reads dotted keys and fills {{placeholders}}", () => {
    expect(translate("review.total", { amount: "$12.50" })).toBe("Estimated refund: $12.50");
    expect(translate("menu.requestReturn")).toBe("Request a return");
  });
  it("answers the key itself, and reports it, when a translation is missing", () => {
    const missing: string[] = [];
    expect(createTranslator({}, (k) => missing.push(k))("nope.key")).toBe("nope.key");
    expect(missing).toEqual(["nope.key"]);
  });
});
