// Webhooks from the stand-in: queued by the mutations that change returns and refunds, shaped
// like Shopify's payloads, signed so @shopify/shopify-api's own validation (what
// authenticate.webhook runs) accepts them, and delivered at least once — retried on failure,
// duplicated and shuffled on request, with a stable webhook id.
// The web-api adapter converts web Requests, as @shopify/shopify-app-remix passes them to validate.
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { createAdminClient } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { createRefund } from "~/services/refund-create.server";
import { closeReturn, processReturn } from "~/services/return-process.server";
import { requestReturn } from "~/services/return-request.server";
import { approveReturn, declineReturn } from "~/services/return-review.server";
import { AdminApiStandIn } from "../../standin/admin-api-standin";
import { standInGraphql } from "../../standin/graphql-client";
import { seededRandom } from "../../standin/prng";
import { addOrder, addProduct } from "../../standin/seed";
import { webhookHmac } from "../../standin/webhooks";

const shop = "hooks-shop.myshopify.com";
const secret = "testApiSecretKey";
const shopify = shopifyApi({ apiKey: "testApiKey", apiSecretKey: secret, apiVersion: ApiVersion.July26, hostName: "clause.test", isEmbeddedApp: true, logger: { level: LogSeverity.Error } });

async function scene() {
  const standIn = new AdminApiStandIn();
  standIn.addShop(shop);
  const store = standIn.store(shop);
  const product = addProduct(store, { title: "Collar", productType: "Collar", vendor: "V", price: "20.00" });
  const now = Date.now();
  const order = addOrder(store, { createdAt: now - 5 * 86_400_000, lines: [{ product, quantity: 3 }], shipping: "5.00", fulfillments: [{ createdAt: now - 4 * 86_400_000, deliveredAt: now - 86_400_000 }] });
  const client = createAdminClient(standInGraphql(standIn, shop), { sleep: async () => {} });
  const snapshot = (await getOrderSnapshot(client, order.id))!;
  const fli = order.fulfillments[0]!.lineItems[0]!.id;
  // A full life: request, approve, process with a refund, close; a second return declined; a refund outside returns.
  const a = await requestReturn(client, { orderId: order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 1 }] }, { existingReturnIds: [] });
  await approveReturn(client, { returnId: a.id, notifyCustomer: false });
  await processReturn(client, { returnId: a.id, lines: [{ returnLineItemId: a.lines[0]!.id, quantity: 1 }], refund: { amount: { amount: "20.00", currencyCode: "USD" }, transactions: snapshot.transactions }, refundShipping: null, notifyCustomer: false });
  await closeReturn(client, { returnId: a.id });
  const b = await requestReturn(client, { orderId: order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 1 }] }, { existingReturnIds: [a.id] });
  await declineReturn(client, { returnId: b.id, reason: "FINAL_SALE", explanation: "Final sale.", clause: { id: "exclusion.final-sale" }, notifyCustomer: true });
  await createRefund(client, { orderId: order.id, idempotencyKey: "goodwill", amount: { amount: "5.00", currencyCode: "USD" }, transactions: snapshot.transactions, notify: false });
  return { standIn, order, a, b };
}

async function validated(request: Request) {
  const rawBody = await request.clone().text();
  return shopify.webhooks.validate({ rawBody, rawRequest: request });
}

describe("webhooks from the stand-in", () => {
  it("queues the topic of every change, with Shopify's payload shapes", async () => {
    const { standIn, order, a, b } = await scene();
    expect(standIn.webhooks.pending({ shop }).map((e) => e.topic)).toEqual([
      "returns/request",
      "returns/approve",
      "refunds/create",
      "returns/process",
      "returns/close",
      "returns/request",
      "returns/decline",
      "refunds/create",
    ]);
    const [request, , refund] = standIn.webhooks.events;
    expect(request!.payload).toMatchObject({
      id: Number(a.id.split("/").pop()),
      admin_graphql_api_id: a.id,
      status: "requested",
      order: { admin_graphql_api_id: order.id },
      total_return_line_items: 1,
      return_line_items: [{ quantity: 1, fulfillment_line_item: { line_item: { admin_graphql_api_id: order.lineItems[0]!.id } } }],
    });
    expect(refund!.payload).toMatchObject({ order_id: Number(order.id.split("/").pop()), return: { admin_graphql_api_id: a.id }, transactions: [{ kind: "refund", status: "success", amount: "20.0" }] });
    expect(standIn.webhooks.events.find((e) => e.topic === "returns/decline")!.payload).toMatchObject({ admin_graphql_api_id: b.id, status: "declined", decline: { reason: "final_sale" } });
  });

  it("signs deliveries so Shopify's validation accepts them, with every X-Shopify header", async () => {
    const { standIn } = await scene();
    const received: Request[] = [];
    const report = await standIn.webhooks.deliver({ secret, target: async (req) => (received.push(req), new Response(null, { status: 200 })) });
    expect(report).toMatchObject({ requests: 8, failed: [] });
    expect(report.delivered).toHaveLength(8);
    const first = received[0]!;
    expect(new URL(first.url).pathname).toBe("/webhooks/returns");
    expect(new URL(received[2]!.url).pathname).toBe("/webhooks/refunds/create");
    for (const header of ["X-Shopify-Topic", "X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id", "X-Shopify-Event-Id", "X-Shopify-Triggered-At"]) {
      expect(first.headers.get(header), header).toBeTruthy();
    }
    expect(first.headers.get("X-Shopify-Hmac-Sha256")).toBe(webhookHmac(await first.clone().text(), secret));
    const check = await validated(first);
    expect(check).toMatchObject({ valid: true, topic: "RETURNS_REQUEST", domain: shop, apiVersion: "2026-07", webhookId: first.headers.get("X-Shopify-Webhook-Id") });
    expect(standIn.webhooks.pending()).toEqual([]);
  });

  it("retries a failed delivery with the same webhook id, and leaves it pending when every attempt fails", async () => {
    const { standIn } = await scene();
    const ids: string[] = [];
    let calls = 0;
    const report = await standIn.webhooks.deliver({
      secret,
      topics: ["returns/request"],
      maxAttempts: 3,
      target: async (req) => {
        ids.push(req.headers.get("X-Shopify-Webhook-Id")!);
        calls += 1;
        if (calls === 1) return new Response("boom", { status: 500 });
        if (calls === 2) throw new Error("connection reset");
        return new Response(null, { status: calls <= 3 ? 200 : 503 });
      },
    });
    expect(report.delivered).toHaveLength(1);
    expect(report.failed).toHaveLength(1);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[1]).toBe(ids[2]);
    expect(report.requests).toBe(6);
    expect(standIn.webhooks.pending().map((e) => e.topic)).toContain("returns/request");
  });

  it("duplicates and shuffles on request, keeping each event's webhook id", async () => {
    const { standIn } = await scene();
    const seen: Array<{ id: string; topic: string }> = [];
    await standIn.webhooks.deliver({ secret, duplicate: 1, shuffle: true, random: seededRandom(3), target: async (req) => (seen.push({ id: req.headers.get("X-Shopify-Webhook-Id")!, topic: req.headers.get("X-Shopify-Topic")! }), new Response(null, { status: 200 })) });
    expect(seen).toHaveLength(16);
    const counts = new Map<string, number>();
    for (const s of seen) counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
    const inOrder = standIn.webhooks.events.map((e) => e.webhookId);
    const firstSeen = [...new Set(seen.map((s) => s.id))];
    expect(firstSeen).not.toEqual(inOrder);
  });
});
