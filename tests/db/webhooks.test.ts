import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";
import { installShop, shopDomain } from "../helpers/shopify-test-app";
import { webhookRequest } from "../helpers/webhook-request";

const routes = {
  uninstalled: () => import("~/routes/webhooks.app.uninstalled"),
  scopes: () => import("~/routes/webhooks.app.scopes_update"),
  returns: () => import("~/routes/webhooks.returns"),
  refunds: () => import("~/routes/webhooks.refunds.create"),
  compliance: () => import("~/routes/webhooks.compliance"),
};
const args = (request: Request) => ({ request, params: {}, context: {} });

async function status(promise: Promise<Response>): Promise<number> {
  try {
    return (await promise).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describeDb(`webhooks (${dbProvider})`, () => {
  it("rejects a forged HMAC with 401 and changes nothing", async () => {
    const db = (await import("~/db.server")).default;
    await installShop("forged-shop");
    const { action } = await routes.uninstalled();
    const request = webhookRequest({ path: "/webhooks/app/uninstalled", topic: "app/uninstalled", shop: shopDomain("forged-shop"), payload: {}, secret: "not-the-secret" });
    expect(await status(action(args(request)))).toBe(401);
    expect(await db.session.count({ where: { shop: shopDomain("forged-shop") } })).toBe(1);
  });

  it("app/uninstalled removes the shop's sessions; a retried delivery changes nothing", async () => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("uninstall-shop");
    await installShop("uninstall-shop");
    const { action } = await routes.uninstalled();
    const webhookId = randomUUID();
    const deliver = () => webhookRequest({ path: "/webhooks/app/uninstalled", topic: "app/uninstalled", shop, payload: { id: 1 }, webhookId });
    expect(await status(action(args(deliver())))).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(0);
    const first = await db.shop.findUniqueOrThrow({ where: { shop } });
    expect(first.uninstalledAt).not.toBeNull();

    await installShop("uninstall-shop"); // reinstalled before Shopify's retry arrives
    expect(await status(action(args(deliver())))).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(1);
  });

  it("app/scopes_update stores the granted scopes", async () => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("scopes-shop");
    await installShop("scopes-shop");
    const { action } = await routes.scopes();
    const current = ["read_orders", "read_returns", "read_all_orders"];
    const request = webhookRequest({ path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop, payload: { previous: ["read_orders"], current } });
    expect(await status(action(args(request)))).toBe(200);
    const session = await db.session.findFirstOrThrow({ where: { shop } });
    expect(session.scope).toBe(current.join(","));
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).scope).toBe(current.join(","));
  });

  it("app/scopes_update with a malformed payload answers 400 and changes nothing", async () => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("bad-scopes-shop");
    await installShop("bad-scopes-shop");
    const before = (await db.session.findFirstOrThrow({ where: { shop } })).scope;
    const { action } = await routes.scopes();
    const webhookId = randomUUID();
    const request = webhookRequest({ path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop, payload: { current: "read_orders" }, webhookId });
    expect(await status(action(args(request)))).toBe(400);
    expect((await db.session.findFirstOrThrow({ where: { shop } })).scope).toBe(before);
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(0);
  });

  it.each([
    ["returns", "/webhooks/returns", "returns/approve"],
    ["refunds", "/webhooks/refunds/create", "refunds/create"],
    ["compliance", "/webhooks/compliance", "customers/data_request"],
    ["compliance", "/webhooks/compliance", "customers/redact"],
  ] as const)("%s route acknowledges %s (%s) once per delivery", async (route, path, topic) => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("ack-shop");
    const { action } = await routes[route]();
    const webhookId = randomUUID();
    for (let i = 0; i < 2; i++) {
      const request = webhookRequest({ path, topic, shop, payload: { id: 7 }, webhookId });
      expect(await status(action(args(request)))).toBe(200);
    }
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(1);
  });

  it("shop/redact erases the shop's sessions and record", async () => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("redact-shop");
    await installShop("redact-shop");
    await db.shop.create({ data: { shop } });
    const { action } = await routes.compliance();
    const request = webhookRequest({ path: "/webhooks/compliance", topic: "shop/redact", shop, payload: { shop_domain: shop } });
    expect(await status(action(args(request)))).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect(await db.shop.count({ where: { shop } })).toBe(0);
  });
});
