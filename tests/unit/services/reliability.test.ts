// The client under throttling and failures, against the stand-in's leaky bucket and injected
// faults: it waits exactly as long as the bucket needs, retries 5xx and timeouts a bounded
// number of times with jittered backoff, gives up with typed errors, and never applies a
// mutation twice when an answer is lost after the change landed.
import { describe, expect, it } from "vitest";
import { createAdminClient, ShopifyThrottledError, ShopifyUnavailableError, type AdminClientEvent } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { createRefund } from "~/services/refund-create.server";
import { closeReturn, processReturn } from "~/services/return-process.server";
import { requestReturn } from "~/services/return-request.server";
import { approveReturn, declineReturn } from "~/services/return-review.server";
import { createReverseDelivery, disposeReturnedItems, listLocations } from "~/services/reverse-logistics.server";
import { getShopSummary } from "~/services/shop-summary.server";
import { standInGraphql } from "../../standin/graphql-client";
import { contractSetup, deliveredOrder } from "./fixture";

describe("throttling", () => {
  it("waits until the bucket holds the request's cost, then succeeds", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup);
    setup.standIn.throttle.setAvailable(setup.shop, 100);
    const snapshot = await getOrderSnapshot(setup.client, order.id);
    expect(snapshot?.id).toBe(order.id);
    const [throttled, ok] = setup.standIn.ledger.forOperation("OrderSnapshot");
    expect(throttled).toMatchObject({ ok: false, errorCodes: ["THROTTLED"] });
    expect(ok).toMatchObject({ ok: true });
    // (requested − available) / restoreRate, in ms: the bucket holds exactly the cost after the wait.
    expect(setup.sleeps).toEqual([Math.ceil(((throttled!.cost!.requested - 100) / 100) * 1000)]);
    expect(setup.client.lastCost?.throttleStatus.maximumAvailable).toBe(2000);
  });

  it("reads the wait from the THROTTLED answer's extensions.cost", async () => {
    const setup = contractSetup();
    const events: AdminClientEvent[] = [];
    const client = createAdminClient(setup.graphql, { sleep: async (ms) => setup.clock.advance(ms), onEvent: (e) => events.push(e) });
    setup.standIn.throttle.setAvailable(setup.shop, 0);
    await getShopSummary(client);
    expect(events).toEqual([{ type: "throttled", attempt: 1, waitMs: 10, cost: { requestedQueryCost: 1, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 } } }]);
  });

  it("gives up with a typed error when the bucket never refills in time", async () => {
    const setup = contractSetup({ client: { maxThrottleRetries: 2, sleep: async () => {} } });
    setup.standIn.faults.next({ kind: "THROTTLED" }, { kind: "THROTTLED" }, { kind: "THROTTLED" });
    const error = await getShopSummary(setup.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyThrottledError);
    expect((error as ShopifyThrottledError).attempts).toBe(3);
  });
});

describe("5xx and timeouts", () => {
  it("retries 5xx with exponential backoff and full jitter, then succeeds", async () => {
    const setup = contractSetup();
    setup.standIn.faults.next({ kind: "5xx" }, { kind: "5xx", status: 502 });
    const summary = await getShopSummary(setup.client);
    expect(summary.myshopifyDomain).toBe(setup.shop);
    // random() = 0.5 of min(8000, 500 × 2^(n−1)).
    expect(setup.sleeps).toEqual([250, 500]);
    expect(setup.standIn.ledger.entries.map((e) => e.status)).toEqual([503, 502, 200]);
  });

  it("is bounded: five attempts, then a typed error naming the last failure", async () => {
    const setup = contractSetup();
    setup.standIn.faults.configure({ rate: 1, kinds: ["5xx"] });
    const error = await getShopSummary(setup.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    expect(error).toMatchObject({ attempts: 5, reason: "5xx", status: 503 });
    expect(setup.standIn.ledger.length).toBe(5);
    expect(setup.sleeps).toEqual([250, 500, 1000, 2000]);
  });

  it("abandons a request with no answer after the timeout and retries it", async () => {
    const setup = contractSetup();
    setup.standIn.faults.next({ kind: "timeout" });
    const summary = await getShopSummary(setup.client);
    expect(summary.id).toBeDefined();
    expect(setup.standIn.ledger.entries.map((e) => [e.status, e.fault?.kind ?? null])).toEqual([
      [0, "timeout"],
      [200, null],
    ]);
  });

  it("gives up on a shop that never answers", async () => {
    const setup = contractSetup({ client: { maxRetries: 2 } });
    setup.standIn.faults.configure({ rate: 1, kinds: ["timeout"] });
    const error = await getShopSummary(setup.client).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ShopifyUnavailableError", attempts: 3, reason: "timeout" });
  });

  it("times out even a graphql function that ignores the abort signal", async () => {
    const setup = contractSetup();
    let calls = 0;
    const stubborn = createAdminClient(
      (query, options) => {
        calls += 1;
        return calls === 1 ? new Promise<Response>(() => {}) : standInGraphql(setup.standIn, setup.shop)(query, { variables: options?.variables });
      },
      { sleep: async () => {}, timeoutMs: 20 },
    );
    expect((await getShopSummary(stubborn)).myshopifyDomain).toBe(setup.shop);
    expect(calls).toBe(2);
  });
});

/** A delivered order, its snapshot, and a fresh ledger. */
async function scene() {
  const setup = contractSetup();
  const order = deliveredOrder(setup, { lines: [{ price: "40.00", quantity: 2 }], shipping: "8.00" });
  const snapshot = (await getOrderSnapshot(setup.client, order.id))!;
  const fli = order.fulfillments[0]!.lineItems[0]!.id;
  setup.standIn.ledger.reset();
  return { ...setup, order, snapshot, fli };
}

describe("mutations are safe to retry after a lost answer", () => {
  it("returnRequest: finds the return the first attempt created instead of creating a second", async () => {
    const s = await scene();
    s.standIn.faults.next({ kind: "timeout", afterCommit: true, operationName: "ReturnRequest" });
    const ret = await requestReturn(s.client, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: s.fli, quantity: 1, restockingFeePercent: 10 }] }, { existingReturnIds: s.snapshot.returns.nodes.map((r) => r.id) });
    expect(ret).toMatchObject({ status: "REQUESTED", recovered: true });
    expect(s.store.returns.size).toBe(1);
    expect(s.standIn.ledger.operations()).toEqual(["ReturnRequest", "OrderReturnsPage"]);
  });

  it("returnRequest: re-sends when the lost attempt never landed", async () => {
    const s = await scene();
    s.standIn.faults.next({ kind: "5xx", operationName: "ReturnRequest" });
    const ret = await requestReturn(s.client, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: s.fli, quantity: 1 }] }, { existingReturnIds: [] });
    expect(ret.recovered).toBe(false);
    expect(s.store.returns.size).toBe(1);
    expect(s.standIn.ledger.operations()).toEqual(["ReturnRequest", "OrderReturnsPage", "ReturnRequest"]);
  });

  it("returnApproveRequest, returnDeclineRequest and returnClose: an already reached state is success", async () => {
    const s = await scene();
    const lines = [{ fulfillmentLineItemId: s.fli, quantity: 1 }];
    const a = await requestReturn(s.client, { orderId: s.order.id, lines }, { existingReturnIds: [] });
    s.standIn.faults.next({ kind: "5xx", afterCommit: true, operationName: "ReturnApproveRequest" });
    const approved = await approveReturn(s.client, { returnId: a.id, notifyCustomer: false });
    expect(approved).toMatchObject({ status: "OPEN", recovered: true });
    expect(approved.reverseFulfillmentOrders).toHaveLength(1);
    expect(s.store.reverseFulfillmentOrders.size).toBe(1);

    s.standIn.faults.next({ kind: "timeout", afterCommit: true, operationName: "ReturnClose" });
    expect(await closeReturn(s.client, { returnId: a.id })).toMatchObject({ status: "CLOSED", recovered: true });

    const b = await requestReturn(s.client, { orderId: s.order.id, lines }, { existingReturnIds: [a.id] });
    s.standIn.faults.next({ kind: "timeout", afterCommit: true, operationName: "ReturnDeclineRequest" });
    const declined = await declineReturn(s.client, { returnId: b.id, reason: "OTHER", explanation: "Used items are not accepted.", clause: { id: "condition.used" }, notifyCustomer: true });
    expect(declined).toMatchObject({ status: "DECLINED", recovered: true, decline: { reason: "OTHER" } });
    expect(s.store.notifications.filter((n) => n.mutation === "returnDeclineRequest")).toHaveLength(1);
  });

  it("reverse deliveries and dispositions: the landed change is found, not repeated", async () => {
    const s = await scene();
    const ret = await requestReturn(s.client, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: s.fli, quantity: 2 }] }, { existingReturnIds: [] });
    const rfo = (await approveReturn(s.client, { returnId: ret.id, notifyCustomer: false })).reverseFulfillmentOrders[0]!;
    s.standIn.faults.next({ kind: "5xx", afterCommit: true, operationName: "ReverseDeliveryCreateWithShipping" });
    const delivery = await createReverseDelivery(s.client, { reverseFulfillmentOrderId: rfo.id, lines: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 2 }], labelFileUrl: "https://labels.example/l.pdf", notifyCustomer: true });
    expect(delivery.recovered).toBe(true);
    expect(s.store.reverseFulfillmentOrders.get(rfo.id)!.deliveries).toHaveLength(1);

    const [location] = await listLocations(s.client);
    s.standIn.faults.next({ kind: "timeout", afterCommit: true, operationName: "ReverseFulfillmentOrderDispose" });
    const disposed = await disposeReturnedItems(s.client, { reverseFulfillmentOrderId: rfo.id, dispositions: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1, dispositionType: "RESTOCKED", locationId: location!.id }] });
    expect(disposed.recovered).toBe(true);
    expect(s.store.rfoLineItems.get(rfo.lineItems[0]!.id)!.dispositions).toHaveLength(1);
  });

  it("returnProcess: one refund, however the answer was lost", async () => {
    const s = await scene();
    const ret = await requestReturn(s.client, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: s.fli, quantity: 1 }] }, { existingReturnIds: [] });
    await approveReturn(s.client, { returnId: ret.id, notifyCustomer: false });
    s.standIn.faults.next({ kind: "timeout", afterCommit: true, operationName: "ReturnProcess" }, { kind: "5xx", operationName: "ReturnState" });
    const processed = await processReturn(s.client, {
      returnId: ret.id,
      lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1 }],
      refund: { amount: { amount: "40.00", currencyCode: "USD" }, transactions: s.snapshot.transactions },
      refundShipping: null,
      notifyCustomer: true,
    });
    expect(processed.recovered).toBe(true);
    expect(processed.refunds).toEqual([{ id: expect.any(String), total: { amount: "40.0", currencyCode: "USD" } }]);
    expect(s.store.refunds.size).toBe(1);
    expect(s.standIn.webhooks.pending({ topics: ["refunds/create"] })).toHaveLength(1);
  });

  it("refundCreate: the re-sent request carries the same key, so Shopify answers the first refund", async () => {
    const s = await scene();
    s.standIn.faults.next({ kind: "5xx", afterCommit: true, operationName: "RefundCreate" });
    const refund = await createRefund(s.client, { orderId: s.order.id, idempotencyKey: "case-1:missing-item", amount: { amount: "40.00", currencyCode: "USD" }, transactions: s.snapshot.transactions, notify: false });
    expect(s.store.refunds.size).toBe(1);
    expect(refund.id).toBe([...s.store.refunds.keys()][0]);
    expect(s.standIn.ledger.forOperation("RefundCreate").map((e) => e.fault?.afterCommit ?? false)).toEqual([true, false]);
  });

  it("a whole return under random faults ends in exactly one return and one refund", async () => {
    const struck = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const s = await scene();
      s.standIn.faults.configure({ rate: 0.35, seed, kinds: ["THROTTLED", "5xx", "timeout"], afterCommitRate: 0.5 });
      const client = createAdminClient(s.graphql, { sleep: async (ms) => s.clock.advance(ms), random: () => 0.5, timeoutMs: 20, maxRetries: 8 });
      const ret = await requestReturn(client, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: s.fli, quantity: 2, restockingFeePercent: 15 }] }, { existingReturnIds: [] });
      await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
      await processReturn(client, {
        returnId: ret.id,
        lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 2 }],
        refund: { amount: { amount: "68.00", currencyCode: "USD" }, transactions: s.snapshot.transactions },
        refundShipping: null,
        notifyCustomer: true,
      });
      await closeReturn(client, { returnId: ret.id });
      expect(s.store.returns.size, `seed ${seed}`).toBe(1);
      expect(s.store.refunds.size, `seed ${seed}`).toBe(1);
      expect([...s.store.refunds.values()][0]!.totalMinor, `seed ${seed}`).toBe(6800);
      expect([...s.store.returns.values()][0]!.status, `seed ${seed}`).toBe("CLOSED");
      for (const e of s.standIn.ledger) if (e.fault) struck.add(`${e.operationName}:${e.fault.kind}${e.fault.afterCommit ? ":landed" : ""}`);
    }
    // The seeds cover the hard cases: answers lost after returnRequest and returnProcess had landed.
    expect([...struck].some((k) => k.startsWith("ReturnRequest:") && k.endsWith(":landed"))).toBe(true);
    expect([...struck].some((k) => k.startsWith("ReturnProcess:") && k.endsWith(":landed"))).toBe(true);
  });
});
