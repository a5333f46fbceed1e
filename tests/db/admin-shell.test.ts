import { expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, installShop, shopDomain, standIn } from "../helpers/shopify-test-app";

describeDb(`embedded admin (${dbProvider})`, () => {
  it("serves the home page to an authenticated admin request", async () => {
    await installShop("home-shop");
    const { loader } = await import("~/routes/app._index");
    const request = await adminDocumentRequest("home-shop", "/app");
    const data = await loader({ request, params: {}, context: {} });
    expect(data.shop).toBe(shopDomain("home-shop"));
    // Read from the Admin API (the stand-in's shop record).
    const shopRecord = standIn.shops.get(shopDomain("home-shop"))!;
    expect(data).toMatchObject({ shopName: shopRecord.name, currencyCode: shopRecord.currencyCode, timeZone: shopRecord.ianaTimezone });
    expect(data.apiVersion).toBe("2026-07");
    expect(data.scopes).toContain("write_returns");
  });

  it("does not serve the admin to a request without a valid session token", async () => {
    await installShop("anon-shop");
    const { loader } = await import("~/routes/app._index");
    const request = new Request("https://clause.test/app", { headers: { Authorization: "Bearer not-a-token" } });
    const outcome = await loader({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(401);
  });

  it("routes Admin API calls to the schema-validating stand-in", async () => {
    await installShop("summary-shop");
    const { authenticate } = await import("~/shopify.server");
    const { getShopSummary } = await import("~/services/shop-summary.server");
    const { admin } = await authenticate.admin(await adminFetchRequest("summary-shop", "/app"));
    const summary = await getShopSummary(admin.graphql);
    expect(summary).toMatchObject({ myshopifyDomain: shopDomain("summary-shop"), ianaTimezone: "America/New_York" });
    expect(standIn.ledger.at(-1)).toMatchObject({ shop: shopDomain("summary-shop"), operationName: "ShopSummary", ok: true });
  });

  it("the stand-in rejects an invalid document as Shopify would", async () => {
    await installShop("invalid-doc-shop");
    const { authenticate } = await import("~/shopify.server");
    const { admin } = await authenticate.admin(await adminFetchRequest("invalid-doc-shop", "/app"));
    const failure = await admin.graphql("query Bad { shop { nmae } }").catch((e: unknown) => e);
    expect(String((failure as Error).message ?? failure)).toMatch(/Cannot query field "nmae" on type "Shop"/);
  });

  it("accepts the demo's minted session tokens exactly as Shopify admin's", async () => {
    await installShop("minted-shop");
    const { mintAdminSessionToken } = await import("~/demo/session-token.server");
    const { authenticate } = await import("~/shopify.server");
    const idToken = await mintAdminSessionToken({ shop: shopDomain("minted-shop"), apiKey: "testApiKey", apiSecret: "testApiSecretKey", userId: 1 });
    const { session } = await authenticate.admin(new Request("https://clause.test/app", { headers: { Authorization: `Bearer ${idToken}` } }));
    expect(session.shop).toBe(shopDomain("minted-shop"));

    const forged = await mintAdminSessionToken({ shop: shopDomain("minted-shop"), apiKey: "testApiKey", apiSecret: "wrong-secret", userId: 1 });
    const rejected = await authenticate.admin(new Request("https://clause.test/app", { headers: { Authorization: `Bearer ${forged}` } })).catch((e: unknown) => e);
    expect((rejected as Response).status).toBe(401);
  });
});
