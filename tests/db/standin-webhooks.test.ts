// End to end through the seam: return mutations in the stand-in queue Shopify's webhooks, which
// are delivered — duplicated and out of order — to the app's real webhook routes. Each is
// verified, stored once and processed once.
import { expect, it } from "vitest";
import { createAdminClient } from "~/services/admin-client";
import { requestReturn } from "~/services/return-request.server";
import { approveReturn } from "~/services/return-review.server";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { shopDomain, standIn } from "../helpers/shopify-test-app";
import { standInGraphql } from "../standin/graphql-client";
import { addOrder, addProduct } from "../standin/seed";
import { seededRandom } from "../standin/prng";

import type { ActionFunctionArgs } from "@remix-run/node";

type WebhookRoute = { action: (args: ActionFunctionArgs) => Promise<Response> };
const routes: Record<string, () => Promise<WebhookRoute>> = {
  "/webhooks/returns": () => import("~/routes/webhooks.returns"),
  "/webhooks/refunds/create": () => import("~/routes/webhooks.refunds.create"),
};

describeDb(`stand-in webhooks to the app (${dbProvider})`, () => {
  it("delivers each event to its route; duplicates and reordering change nothing", async () => {
    const db = (await import("~/db.server")).default;
    const shop = shopDomain("hooks-e2e-shop");
    if (!standIn.shops.has(shop)) standIn.addShop(shop);
    const store = standIn.store(shop);
    const product = addProduct(store, { title: "Filter", productType: "Filter", vendor: "Purtly", price: "30.00" });
    const now = Date.now();
    const order = addOrder(store, { createdAt: now - 5 * 86_400_000, lines: [{ product, quantity: 2 }], shipping: "5.00", fulfillments: [{ createdAt: now - 4 * 86_400_000, deliveredAt: now - 86_400_000 }] });
    const client = createAdminClient(standInGraphql(standIn, shop), { sleep: async () => {} });
    const fli = order.fulfillments[0]!.lineItems[0]!.id;
    const created = await requestReturn(client, { orderId: order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 1 }] }, { existingReturnIds: [] });
    await approveReturn(client, { returnId: created.id, notifyCustomer: false });
    const events = standIn.webhooks.pending({ shop });
    expect(events.map((e) => e.topic).sort()).toEqual(["returns/approve", "returns/request"]);

    const report = await standIn.webhooks.deliver({
      shop,
      secret: "testApiSecretKey",
      duplicate: 2,
      shuffle: true,
      random: seededRandom(11),
      target: async (request) => {
        const route = routes[new URL(request.url).pathname];
        if (!route) return new Response(null, { status: 404 });
        return (await route()).action({ request, params: {}, context: {} });
      },
    });
    await settleWebhookWork();
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(events.length * 3);
    const stored = await db.webhookDelivery.findMany({ where: { shop } });
    expect(stored).toHaveLength(events.length);
    expect(stored.every((d) => d.processedAt !== null && d.attempts === 1 && d.payload === null)).toBe(true);
    expect(stored.map((d) => d.topic).sort()).toEqual(["RETURNS_APPROVE", "RETURNS_REQUEST"]);
  });
});
