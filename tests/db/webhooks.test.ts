import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";
import { installShop, shopDomain } from "../helpers/shopify-test-app";
import { webhookRequest } from "../helpers/webhook-request";
import { responseStatus } from "../helpers/response-status";
import { settleWebhookWork, sweepPendingDeliveries } from "~/webhooks/inbox-worker.server";

const routes = {
  uninstalled: () => import("~/routes/webhooks.app.uninstalled"),
  scopes: () => import("~/routes/webhooks.app.scopes_update"),
  returns: () => import("~/routes/webhooks.returns"),
  refunds: () => import("~/routes/webhooks.refunds.create"),
  compliance: () => import("~/routes/webhooks.compliance"),
};
const args = (request: Request) => ({ request, params: {}, context: {} });

/** The answer's status (thrown or returned), after the work it scheduled has finished. */
async function status(promise: Promise<Response>): Promise<number> {
  const code = await responseStatus(promise);
  await settleWebhookWork();
  return code;
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
      const request = webhookRequest({ path, topic, shop, payload: { id: 7, admin_graphql_api_id: "gid://shopify/Return/7" }, webhookId });
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

  it("answers before the work runs, and clears the stored payload once processed", async () => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("fast-ack-shop");
    await installShop("fast-ack-shop");
    const { action } = await routes.uninstalled();
    const webhookId = randomUUID();
    const response = await action(args(webhookRequest({ path: "/webhooks/app/uninstalled", topic: "app/uninstalled", shop, payload: { id: 3 }, webhookId })));
    expect(response.status).toBe(200);
    // Answered, work not yet run: the delivery waits in the inbox with its payload.
    const pending = await db.webhookDelivery.findUniqueOrThrow({ where: { webhookId } });
    expect(pending.processedAt).toBeNull();
    expect(pending.payload).toBe(JSON.stringify({ id: 3 }));
    await settleWebhookWork();
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { webhookId } });
    expect(done.processedAt).not.toBeNull();
    expect(done.payload).toBeNull();
    expect(await db.session.count({ where: { shop } })).toBe(0);
  });

  it("a delivery whose work failed stays pending and the sweep completes it once", async () => {
    const db = (await import("~/db.server")).default;
    const { processDelivery, receiveDelivery } = await import("~/models/webhook-inbox.server");
    const shop = shopDomain("crash-shop");
    await installShop("crash-shop");
    const webhookId = randomUUID();
    await receiveDelivery(db, { webhookId, shop, topic: "APP_UNINSTALLED", apiVersion: "2026-07", payload: {} });
    // The first attempt dies half-way: its session deletion must not survive.
    await expect(
      processDelivery(db, webhookId, async (tx) => {
        await tx.session.deleteMany({ where: { shop } });
        throw new Error("process killed");
      }),
    ).rejects.toThrow("process killed");
    expect(await db.session.count({ where: { shop } })).toBe(1);
    const failed = await db.webhookDelivery.findUniqueOrThrow({ where: { webhookId } });
    expect(failed).toMatchObject({ processedAt: null, attempts: 1, lastError: "process killed" });

    expect(await sweepPendingDeliveries(-1000)).toBeGreaterThanOrEqual(1);
    expect(await db.session.count({ where: { shop } })).toBe(0);
    // Sweeping again finds nothing left to do for it.
    const { pendingDeliveryIds } = await import("~/models/webhook-inbox.server");
    expect(await pendingDeliveryIds(db, { receivedBefore: new Date(Date.now() + 1000) })).not.toContain(webhookId);
  });

  it("two workers racing on one delivery run its work once", async () => {
    const db = (await import("~/db.server")).default;
    const { processDelivery, receiveDelivery } = await import("~/models/webhook-inbox.server");
    const webhookId = randomUUID();
    await receiveDelivery(db, { webhookId, shop: shopDomain("race-shop"), topic: "RETURNS_APPROVE", apiVersion: "2026-07", payload: {} });
    let runs = 0;
    const work = async () => {
      runs += 1;
    };
    const outcomes = await Promise.all([processDelivery(db, webhookId, work), processDelivery(db, webhookId, work), processDelivery(db, webhookId, work)]);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o === "processed")).toHaveLength(1);
  });
});
