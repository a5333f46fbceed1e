// Shopify's return semantics in the stand-in, driven with raw GraphQL: REQUESTED → OPEN →
// CLOSED, DECLINED, INVALID_STATE and NOT_FOUND on wrong transitions, returnable quantities,
// refunds capped at what the payments can give back.
import { describe, expect, it } from "vitest";
import { AdminApiStandIn } from "../../standin/admin-api-standin";
import { standInGraphql } from "../../standin/graphql-client";
import { addEarlierReturn, addOrder, addProduct } from "../../standin/seed";

const shop = "semantics-shop.myshopify.com";

function setup() {
  const standIn = new AdminApiStandIn();
  standIn.addShop(shop);
  const store = standIn.store(shop);
  const product = addProduct(store, { title: "Lamp", productType: "Lamp", vendor: "V", price: "50.00" });
  const now = Date.now();
  const order = addOrder(store, {
    createdAt: now - 10 * 86_400_000,
    lines: [{ product, quantity: 2 }],
    shipping: "10.00",
    fulfillments: [{ createdAt: now - 9 * 86_400_000, deliveredAt: now - 5 * 86_400_000 }],
  });
  const graphql = standInGraphql(standIn, shop);
  const run = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const body = (await (await graphql(query, { variables })).json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  return { standIn, store, order, fli: order.fulfillments[0]!.lineItems[0]!.id, run };
}

const REQUEST = `mutation Req($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id status } userErrors { field code message } } }`;
const APPROVE = `mutation App($id: ID!) { returnApproveRequest(input: { id: $id }) { return { id status } userErrors { field code message } } }`;
const DECLINE = `mutation Dec($id: ID!) { returnDeclineRequest(input: { id: $id, declineReason: FINAL_SALE }) { return { id status } userErrors { field code message } } }`;
const CLOSE = `mutation Clo($id: ID!) { returnClose(id: $id) { return { id status } userErrors { field code message } } }`;
const RETURNABLE = `query Rf($id: ID!) { returnableFulfillments(orderId: $id, first: 5) { nodes { returnableFulfillmentLineItems(first: 5) { nodes { quantity } } } } }`;

type Payload = { return: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string; message: string }> };

describe("return statuses", () => {
  it("REQUESTED → OPEN → CLOSED, with INVALID_STATE on every wrong transition", async () => {
    const { run, order, fli } = setup();
    const req = (await run<{ returnRequest: Payload }>(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1 }] } })).returnRequest;
    expect(req.return?.status).toBe("REQUESTED");
    const id = req.return!.id;
    expect((await run<{ returnClose: Payload }>(CLOSE, { id })).returnClose.userErrors[0]?.code).toBe("INVALID_STATE");
    expect((await run<{ returnApproveRequest: Payload }>(APPROVE, { id })).returnApproveRequest.return?.status).toBe("OPEN");
    expect((await run<{ returnApproveRequest: Payload }>(APPROVE, { id })).returnApproveRequest.userErrors).toEqual([
      { field: ["input", "id"], code: "INVALID_STATE", message: expect.stringMatching(/only a REQUESTED return can be approved/) },
    ]);
    expect((await run<{ returnDeclineRequest: Payload }>(DECLINE, { id })).returnDeclineRequest.userErrors[0]?.code).toBe("INVALID_STATE");
    expect((await run<{ returnClose: Payload }>(CLOSE, { id })).returnClose.return?.status).toBe("CLOSED");
    expect((await run<{ returnClose: Payload }>(CLOSE, { id })).returnClose.userErrors[0]?.code).toBe("INVALID_STATE");
  });

  it("REQUESTED → DECLINED gives the items back to what is returnable", async () => {
    const { run, order, fli } = setup();
    const id = (await run<{ returnRequest: Payload }>(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 2 }] } })).returnRequest.return!.id;
    type Rf = { returnableFulfillments: { nodes: Array<{ returnableFulfillmentLineItems: { nodes: Array<{ quantity: number }> } }> } };
    expect((await run<Rf>(RETURNABLE, { id: order.id })).returnableFulfillments.nodes).toEqual([]);
    expect((await run<{ returnDeclineRequest: Payload }>(DECLINE, { id })).returnDeclineRequest.return?.status).toBe("DECLINED");
    expect((await run<Rf>(RETURNABLE, { id: order.id })).returnableFulfillments.nodes[0]!.returnableFulfillmentLineItems.nodes).toEqual([{ quantity: 2 }]);
  });

  it("answers NOT_FOUND for unknown ids and for another shop's return", async () => {
    const { run, standIn } = setup();
    expect((await run<{ returnApproveRequest: Payload }>(APPROVE, { id: "gid://shopify/Return/1" })).returnApproveRequest.userErrors[0]?.code).toBe("NOT_FOUND");
    const other = "other-shop.myshopify.com";
    standIn.addShop(other);
    const store = standIn.store(other);
    const p = addProduct(store, { title: "X", productType: "X", vendor: "X", price: "1" });
    const o = addOrder(store, { createdAt: Date.now(), lines: [{ product: p, quantity: 1 }], fulfillments: [{ createdAt: Date.now(), deliveredAt: Date.now() }] });
    const theirs = addEarlierReturn(store, o, { status: "REQUESTED", createdAt: Date.now(), lines: [{ fulfillment: 0, line: 0, quantity: 1 }] });
    expect((await run<{ returnApproveRequest: Payload }>(APPROVE, { id: theirs.id })).returnApproveRequest.userErrors[0]?.code).toBe("NOT_FOUND");
  });

  it("refuses to request more than was fulfilled less what other returns hold", async () => {
    const { run, order, fli } = setup();
    await run(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1 }] } });
    const second = (await run<{ returnRequest: Payload }>(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 2 }] } })).returnRequest;
    expect(second.return).toBeNull();
    expect(second.userErrors[0]).toMatchObject({ code: "INVALID", field: ["input", "returnLineItems", "0", "quantity"] });
  });

  it("refuses a restocking fee outside 0–100", async () => {
    const { run, order, fli } = setup();
    const res = (await run<{ returnRequest: Payload }>(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, restockingFee: { percentage: 150 } }] } })).returnRequest;
    expect(res.userErrors[0]).toMatchObject({ code: "INVALID", field: ["input", "returnLineItems", "0", "restockingFee", "percentage"] });
  });
});

describe("refunds", () => {
  const REFUND = `mutation Refund($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) { refund { id totalRefundedSet { shopMoney { amount } } } userErrors { field message } } }`;
  type RefundPayload = { refundCreate: { refund: { id: string; totalRefundedSet: { shopMoney: { amount: string } } } | null; userErrors: Array<{ field: string[]; message: string }> } };

  it("caps refunds at what the payment can still give back", async () => {
    const { run, order, store } = setup();
    const sale = order.transactions[0]!;
    const tx = (amount: string) => [{ orderId: order.id, parentId: sale.id, gateway: sale.gateway, kind: "REFUND", amount }];
    const ok = (await run<RefundPayload>(REFUND, { key: "one", input: { orderId: order.id, transactions: tx("80.00") } })).refundCreate;
    expect(ok.refund?.totalRefundedSet.shopMoney.amount).toBe("80.0");
    const over = (await run<RefundPayload>(REFUND, { key: "two", input: { orderId: order.id, transactions: tx("30.01") } })).refundCreate;
    expect(over.refund).toBeNull();
    expect(over.userErrors[0]).toMatchObject({ field: ["transactions", "0", "amount"], message: expect.stringMatching(/exceeds the amount refundable/) });
    expect((await run<RefundPayload>(REFUND, { key: "three", input: { orderId: order.id, transactions: tx("30.00") } })).refundCreate.refund).not.toBeNull();
    expect(store.refunds.size).toBe(2);
  });

  it("does not use up a key on a refused request", async () => {
    const { run, order } = setup();
    const sale = order.transactions[0]!;
    const input = (amount: string) => ({ orderId: order.id, transactions: [{ orderId: order.id, parentId: sale.id, gateway: sale.gateway, kind: "REFUND", amount }] });
    expect((await run<RefundPayload>(REFUND, { key: "k", input: input("999.00") })).refundCreate.userErrors).toHaveLength(1);
    expect((await run<RefundPayload>(REFUND, { key: "k", input: input("10.00") })).refundCreate.refund).not.toBeNull();
  });
});
