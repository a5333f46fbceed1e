// The order snapshot against the stand-in: the engine's shape in one query, complete lists when
// an order has more than a page of anything, and a first query that stays within Shopify's cost limit.
import { describe, expect, it } from "vitest";
import { orderSchema } from "~/domain/policy/order";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { addEarlierReturn, addOrder, addProduct } from "../../standin/seed";
import { contractSetup, DAY, deliveredOrder } from "./fixture";

describe("getOrderSnapshot", () => {
  it("answers the engine's order shape in one query", async () => {
    const setup = contractSetup();
    const { store, client, standIn, shop } = setup;
    const engraved = addProduct(store, { title: "Engraved Collar", productType: "Collar", vendor: "Studio", tags: ["personalized"], price: "34.00" });
    const refill = addProduct(store, { title: "Refill", productType: "Refill", vendor: "Pura", tags: ["refill"], price: "11.99", sellingPlan: "Monthly" });
    const now = setup.clock.now();
    const order = addOrder(store, {
      createdAt: now - 10 * DAY,
      customer: { email: "ana@example.com", firstName: "Ana", lastName: "Lee" },
      lines: [
        { product: engraved, quantity: 1, customAttributes: [{ key: "Engraving", value: "Biscuit" }] },
        { product: refill, quantity: 2, subscription: true, discountPercent: 10 },
        { product: null, name: "Deleted product", quantity: 1, price: "5.00" },
      ],
      shipping: "6.99",
      fulfillments: [
        { createdAt: now - 9 * DAY, deliveredAt: now - 6 * DAY, lines: [{ line: 0, quantity: 1 }, { line: 2, quantity: 1 }] },
        { createdAt: now - 8 * DAY, deliveredAt: null, displayStatus: "IN_TRANSIT", lines: [{ line: 1, quantity: 2 }] },
      ],
      returns: [{ status: "DECLINED", createdAt: now - 5 * DAY, lines: [{ fulfillment: 0, line: 0, quantity: 1 }], declineReason: "FINAL_SALE" }],
    });

    const snapshot = await getOrderSnapshot(client, order.id);
    expect(standIn.ledger.operations(shop)).toEqual(["OrderSnapshot"]);
    expect(snapshot).not.toBeNull();
    const parsed = orderSchema.parse(snapshot);
    expect(parsed.currencyCode).toBe("USD");
    expect(snapshot!.name).toBe(order.name);
    expect(snapshot!.customer).toMatchObject({ email: "ana@example.com", displayName: "Ana Lee" });
    expect(snapshot!.shippingLines.nodes[0]!.originalPriceSet.shopMoney).toEqual({ amount: "6.99", currencyCode: "USD" });
    const [first, second, third] = snapshot!.lineItems.nodes;
    expect(first).toMatchObject({ quantity: 1, refundableQuantity: 1, customAttributes: [{ key: "Engraving", value: "Biscuit" }], product: { tags: ["personalized"], productType: "Collar", vendor: "Studio" }, sellingPlan: null });
    expect(second).toMatchObject({ sellingPlan: { name: "Monthly" }, discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { amount: "10.79", currencyCode: "USD" } } });
    expect(third!.product).toBeNull();
    expect(snapshot!.fulfillments.map((f) => [f.displayStatus, f.deliveredAt === null, f.fulfillmentLineItems.nodes.length])).toEqual([
      ["DELIVERED", false, 2],
      ["IN_TRANSIT", true, 1],
    ]);
    expect(snapshot!.returns.nodes).toEqual([{ id: expect.any(String), status: "DECLINED", returnLineItems: { nodes: [{ quantity: 1, fulfillmentLineItem: { lineItem: { id: first!.id } } }] } }]);
    expect(snapshot!.transactions).toEqual([
      expect.objectContaining({ kind: "SALE", status: "SUCCESS", gateway: "shopify_payments", amountSet: { shopMoney: { amount: "67.57", currencyCode: "USD" } }, parentTransaction: null }),
    ]);
  });

  it("stays within Shopify's single-query cost limit at the default page sizes", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup);
    await getOrderSnapshot(setup.client, order.id);
    const [entry] = setup.standIn.ledger.forOperation("OrderSnapshot");
    expect(entry!.cost!.requested).toBeLessThanOrEqual(1000);
    expect(entry!.cost!.requested).toBeGreaterThan(500);
    expect(entry!.cost!.actual).toBeLessThan(entry!.cost!.requested);
  });

  it("follows every page when an order has more line items, returns and fulfillment lines than a page", async () => {
    const setup = contractSetup();
    const { store, client, standIn, shop, clock } = setup;
    const now = clock.now();
    const products = Array.from({ length: 7 }, (_, i) => addProduct(store, { title: `P${i}`, productType: "T", vendor: "V", price: `${10 + i}.00` }));
    const order = addOrder(store, {
      createdAt: now - 20 * DAY,
      lines: products.map((p) => ({ product: p, quantity: 3 })),
      shipping: "5.00",
      fulfillments: [
        { createdAt: now - 19 * DAY, deliveredAt: now - 15 * DAY, lines: products.map((_, i) => ({ line: i, quantity: 2 })) },
        { createdAt: now - 18 * DAY, deliveredAt: now - 14 * DAY, lines: products.map((_, i) => ({ line: i, quantity: 1 })) },
        { createdAt: now - 17 * DAY, canceled: true, lines: [{ line: 0, quantity: 1 }] },
      ],
      payments: "split",
    });
    for (const status of ["CLOSED", "OPEN", "REQUESTED"] as const) {
      addEarlierReturn(store, order, { status, createdAt: now - 10 * DAY, lines: [0, 1, 2].map((line) => ({ fulfillment: 0, line: line + (status === "OPEN" ? 3 : 0), quantity: 1 })) });
    }

    const whole = await getOrderSnapshot(client, order.id);
    standIn.ledger.reset();
    const paged = await getOrderSnapshot(client, order.id, { lineItems: 2, fulfillments: 2, fulfillmentLineItems: 2, returns: 2, returnLineItems: 2, transactions: 2 });
    expect(paged).toEqual(whole);
    expect(paged!.lineItems.nodes).toHaveLength(7);
    expect(paged!.fulfillments).toHaveLength(3);
    expect(paged!.fulfillments[0]!.fulfillmentLineItems.nodes).toHaveLength(7);
    expect(paged!.returns.nodes).toHaveLength(3);
    expect(paged!.returns.nodes.every((r) => r.returnLineItems.nodes.length === 3)).toBe(true);
    expect(paged!.transactions.map((t) => t.kind)).toEqual(["CAPTURE", "CAPTURE", "REFUND"]);

    const ops = standIn.ledger.operations(shop);
    expect(ops[0]).toBe("OrderSnapshot");
    expect(ops.filter((o) => o === "OrderLineItemsPage")).toHaveLength(3); // 2 + 2 + 2 + 1
    expect(ops).toContain("OrderFulfillments");
    expect(ops).toContain("FulfillmentLineItemsPage");
    expect(ops).toContain("OrderReturnsPage");
    expect(ops).toContain("ReturnLineItemsPage");
    expect(ops).toContain("OrderTransactions");
    expect(standIn.ledger.forShop(shop).every((e) => e.ok)).toBe(true);
  });

  it("asks for no follow-up page when everything fits", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup, { lines: [{ price: "1.00", quantity: 1 }, { price: "2.00", quantity: 1 }] });
    await getOrderSnapshot(setup.client, order.id);
    expect(setup.standIn.ledger.operations()).toEqual(["OrderSnapshot"]);
  });

  it("answers null for an order the shop does not have", async () => {
    const setup = contractSetup();
    expect(await getOrderSnapshot(setup.client, "gid://shopify/Order/999999")).toBeNull();
  });
});
