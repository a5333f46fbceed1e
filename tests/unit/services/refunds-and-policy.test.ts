// refundCreate with its required idempotency key, refunds capped at what is refundable, and
// publishing the refund policy.
import { describe, expect, it } from "vitest";
import { ShopifyGraphqlError, ShopifyUserError } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { createRefund } from "~/services/refund-create.server";
import { allocateRefund } from "~/services/return-process.server";
import { publishRefundPolicy } from "~/services/shop-policy.server";
import { contractSetup, deliveredOrder } from "./fixture";

async function orderWithSnapshot(payments: "single" | "split" = "single") {
  const setup = contractSetup();
  const order = deliveredOrder(setup, { lines: [{ price: "30.00", quantity: 2 }], shipping: "10.00", extra: { payments } });
  const snapshot = (await getOrderSnapshot(setup.client, order.id))!;
  setup.standIn.ledger.reset();
  return { ...setup, order, snapshot };
}

describe("createRefund (refundCreate @idempotent)", () => {
  it("refunds an item that never arrived", async () => {
    const { client, order, snapshot, store } = await orderWithSnapshot();
    const refund = await createRefund(client, {
      orderId: order.id,
      idempotencyKey: "case-17-refund",
      lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      amount: { amount: "30.00", currencyCode: "USD" },
      transactions: snapshot.transactions,
      notify: true,
    });
    expect(refund.total).toEqual({ amount: "30.0", currencyCode: "USD" });
    expect(refund.transactions).toEqual([expect.objectContaining({ kind: "REFUND", status: "SUCCESS", gateway: "shopify_payments", amount: { amount: "30.0", currencyCode: "USD" } })]);
    expect(store.refunds.size).toBe(1);
    expect(store.notifications.at(-1)).toMatchObject({ mutation: "refundCreate", notifyCustomer: true });
  });

  it("answers the same refund for the same key and creates no second one", async () => {
    const { client, order, snapshot, store, standIn, shop } = await orderWithSnapshot();
    const input = { orderId: order.id, idempotencyKey: "case-18-refund", amount: { amount: "12.50", currencyCode: "USD" }, transactions: snapshot.transactions, notify: false };
    const first = await createRefund(client, input);
    const second = await createRefund(client, input);
    expect(second.id).toBe(first.id);
    expect(store.refunds.size).toBe(1);
    expect(standIn.ledger.forOperation("RefundCreate", shop)).toHaveLength(2);
    expect(standIn.webhooks.pending({ shop, topics: ["refunds/create"] })).toHaveLength(1);
  });

  it("refuses a reused key with different input", async () => {
    const { client, order, snapshot } = await orderWithSnapshot();
    await createRefund(client, { orderId: order.id, idempotencyKey: "case-19", amount: { amount: "5.00", currencyCode: "USD" }, transactions: snapshot.transactions, notify: false });
    const error = await createRefund(client, { orderId: order.id, idempotencyKey: "case-19", amount: { amount: "6.00", currencyCode: "USD" }, transactions: snapshot.transactions, notify: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect((error as Error).message).toMatch(/already used with different input/);
  });

  it("spreads the amount over the payments and never past what they can give back", async () => {
    const { snapshot } = await orderWithSnapshot("split");
    expect(allocateRefund(snapshot.transactions, { amount: "50.00", currencyCode: "USD" }).map((t) => t.amount.amount)).toEqual(["35.00", "15.00"]);
    expect(() => allocateRefund(snapshot.transactions, { amount: "70.01", currencyCode: "USD" })).toThrow(/cannot refund 70.01 USD/);
  });

  it("counts earlier refunds against what a payment can give back", async () => {
    const { client, order, snapshot } = await orderWithSnapshot();
    await createRefund(client, { orderId: order.id, idempotencyKey: "a", amount: { amount: "60.00", currencyCode: "USD" }, transactions: snapshot.transactions, notify: false });
    const after = (await getOrderSnapshot(client, order.id))!;
    expect(() => allocateRefund(after.transactions, { amount: "10.01", currencyCode: "USD" })).toThrow(RangeError);
    expect(allocateRefund(after.transactions, { amount: "10.00", currencyCode: "USD" })).toHaveLength(1);
  });

  it("maps Shopify's refusal of more than the refunded items are worth to a typed userError", async () => {
    const { client, order, snapshot, store } = await orderWithSnapshot();
    const error = await createRefund(client, {
      orderId: order.id,
      idempotencyKey: "too-much",
      lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      amount: { amount: "45.00", currencyCode: "USD" },
      transactions: snapshot.transactions,
      notify: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect((error as ShopifyUserError).userErrors[0]!.field).toEqual(["transactions"]);
    expect(store.refunds.size).toBe(0);
  });

  it("maps refunding more items than were bought to a typed userError", async () => {
    const { client, order, snapshot } = await orderWithSnapshot();
    const error = await createRefund(client, {
      orderId: order.id,
      idempotencyKey: "qty",
      lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 3 }],
      amount: { amount: "10.00", currencyCode: "USD" },
      transactions: snapshot.transactions,
      notify: false,
    }).catch((e: unknown) => e);
    expect((error as ShopifyUserError).userErrors[0]!.field).toEqual(["refundLineItems", "0", "quantity"]);
  });
});

describe("publishRefundPolicy (shopPolicyUpdate)", () => {
  it("publishes the generated policy as the shop's refund policy, and again when it changes", async () => {
    const { client, store, clock } = contractSetup();
    const first = await publishRefundPolicy(client, { body: "<p>Returns within 30 days of delivery.</p>" });
    expect(first).toMatchObject({ type: "REFUND_POLICY", title: "Refund policy", url: "https://contract-shop.myshopify.com/policies/refund-policy" });
    clock.advance(1000);
    const second = await publishRefundPolicy(client, { body: "<p>Returns within 14 days of delivery.</p>" });
    expect(second.id).toBe(first.id);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(store.policies.get("REFUND_POLICY")!.body).toContain("14 days");
  });

  it("maps a body over Shopify's limit to a typed TOO_BIG userError", async () => {
    const { client } = contractSetup();
    const error = await publishRefundPolicy(client, { body: "x".repeat(600 * 1024) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect((error as ShopifyUserError).codes).toEqual(["TOO_BIG"]);
  });
});
