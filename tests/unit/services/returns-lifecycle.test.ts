// A return through its whole life against the stand-in: what is returnable, the preview, the
// request with fees, approval or decline, label and tracking, dispositions, processing with the
// refund, closing — and the userErrors each step maps to typed errors.
import { describe, expect, it } from "vitest";
import { ShopifyGraphqlError, ShopifyUserError } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { previewReturn } from "~/services/return-calculate.server";
import { closeReturn, processReturn } from "~/services/return-process.server";
import { requestReturn, restockingFeeFromRefundPercent } from "~/services/return-request.server";
import { approveReturn, declineNote, declineReasonFor, declineReturn } from "~/services/return-review.server";
import { getReturn } from "~/services/return-state.server";
import { allocateToFulfillmentLines, getReturnableFulfillments } from "~/services/returnable-fulfillments.server";
import { createReverseDelivery, disposeReturnedItems, listLocations } from "~/services/reverse-logistics.server";
import { addEarlierReturn } from "../../standin/seed";
import { contractSetup, deliveredOrder } from "./fixture";

async function userErrorOf(promise: Promise<unknown>): Promise<ShopifyUserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShopifyUserError);
  return error as ShopifyUserError;
}

/** A delivered order and a REQUESTED return of one unit of its first line with a 15 % fee. */
async function requested(setup = contractSetup()) {
  const order = deliveredOrder(setup, { lines: [{ price: "40.00", quantity: 2 }, { price: "25.00", quantity: 1 }], shipping: "8.00" });
  const returnable = await getReturnableFulfillments(setup.client, order.id);
  const [line] = allocateToFulfillmentLines(returnable, [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }]);
  const ret = await requestReturn(setup.client, { orderId: order.id, lines: [{ ...line!, restockingFeePercent: 15 }], returnShippingFee: { amount: "5.00", currencyCode: "USD" } });
  return { ...setup, order, ret };
}

describe("returnable fulfillments", () => {
  it("lists what can still be returned, less what earlier returns hold", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup, { lines: [{ price: "40.00", quantity: 3 }, { price: "10.00", quantity: 1 }] });
    addEarlierReturn(setup.store, order, { status: "OPEN", createdAt: setup.clock.now(), lines: [{ fulfillment: 0, line: 0, quantity: 2 }] });
    addEarlierReturn(setup.store, order, { status: "DECLINED", createdAt: setup.clock.now(), lines: [{ fulfillment: 0, line: 1, quantity: 1 }] });
    const [f] = await getReturnableFulfillments(setup.client, order.id);
    expect(f!.fulfillmentId).toBe(order.fulfillments[0]!.id);
    expect(f!.lines.map((l) => [l.lineItemId, l.returnableQuantity, l.fulfilledQuantity])).toEqual([
      [order.lineItems[0]!.id, 1, 3],
      [order.lineItems[1]!.id, 1, 1],
    ]);
  });

  it("spreads an order line over its fulfillment lines and refuses more than is returnable", async () => {
    const returnable = [
      { id: "rf1", fulfillmentId: "f1", lines: [{ fulfillmentLineItemId: "fli1", lineItemId: "li1", returnableQuantity: 1, fulfilledQuantity: 1 }] },
      { id: "rf2", fulfillmentId: "f2", lines: [{ fulfillmentLineItemId: "fli2", lineItemId: "li1", returnableQuantity: 2, fulfilledQuantity: 2 }] },
    ];
    expect(allocateToFulfillmentLines(returnable, [{ lineItemId: "li1", quantity: 3 }])).toEqual([
      { fulfillmentLineItemId: "fli1", lineItemId: "li1", quantity: 1 },
      { fulfillmentLineItemId: "fli2", lineItemId: "li1", quantity: 2 },
    ]);
    expect(() => allocateToFulfillmentLines(returnable, [{ lineItemId: "li1", quantity: 4 }])).toThrow(RangeError);
  });

  it("answers a typed error for an unknown order", async () => {
    const setup = contractSetup();
    const error = await getReturnableFulfillments(setup.client, "gid://shopify/Order/424242").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect((error as ShopifyGraphqlError).codes).toEqual(["NOT_FOUND"]);
  });
});

describe("previewReturn (returnCalculate)", () => {
  it("computes restocking fees on a 0–100 percentage scale and the return shipping fee", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup, { lines: [{ price: "40.00", quantity: 2 }] });
    const fli = order.fulfillments[0]!.lineItems[0]!.id;
    const preview = await previewReturn(setup.client, { orderId: order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 2, restockingFeePercent: 15 }], returnShippingFee: { amount: "7.50", currencyCode: "USD" } });
    expect(preview).toEqual({
      lines: [{ fulfillmentLineItemId: fli, quantity: 2, subtotal: { amount: "80.0", currencyCode: "USD" }, totalTax: { amount: "0.0", currencyCode: "USD" }, restockingFee: { percent: 15, amount: { amount: "12.0", currencyCode: "USD" } } }],
      returnShippingFee: { amount: "7.5", currencyCode: "USD" },
    });
  });

  it("works in a zero-decimal currency", async () => {
    const setup = contractSetup({ currencyCode: "JPY" });
    const order = deliveredOrder(setup, { lines: [{ price: "4800", quantity: 1 }], shipping: "600" });
    const fli = order.fulfillments[0]!.lineItems[0]!.id;
    const preview = await previewReturn(setup.client, { orderId: order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 1, restockingFeePercent: 12.5 }] });
    expect(preview.lines[0]!.restockingFee).toEqual({ percent: 12.5, amount: { amount: "600.0", currencyCode: "JPY" } });
  });

  it("refuses more than is returnable", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup, { lines: [{ price: "40.00", quantity: 1 }] });
    const fli = order.fulfillments[0]!.lineItems[0]!.id;
    const error = await previewReturn(setup.client, { orderId: order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 2 }] }).catch((e: unknown) => e);
    expect((error as ShopifyGraphqlError).codes).toEqual(["INVALID"]);
  });
});

describe("requestReturn", () => {
  it("creates a REQUESTED return with the decision's restocking fee per line and the return shipping fee", async () => {
    const { ret, order, store, standIn, shop } = await requested();
    expect(ret).toMatchObject({ status: "REQUESTED", name: `${order.name}-R1`, recovered: false });
    expect(ret.lines).toEqual([expect.objectContaining({ quantity: 1, lineItemId: order.lineItems[0]!.id, restockingFeePercent: 15 })]);
    expect(store.returns.get(ret.id)!.shippingFee!.amountMinor).toBe(500);
    expect(standIn.webhooks.pending({ shop }).map((e) => e.topic)).toEqual(["returns/request"]);
    // It reads the order's returns first, so a retry after a lost answer can tell.
    expect(standIn.ledger.operations(shop)).toEqual(["ReturnableFulfillments", "OrderReturnsPage", "ReturnRequest"]);
  });

  it("takes the order's earlier returns from the snapshot instead of reading them", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup);
    const snapshot = await getOrderSnapshot(setup.client, order.id);
    setup.standIn.ledger.reset();
    await requestReturn(setup.client, { orderId: order.id, lines: [{ fulfillmentLineItemId: order.fulfillments[0]!.lineItems[0]!.id, quantity: 1 }] }, { existingReturnIds: snapshot!.returns.nodes.map((r) => r.id) });
    expect(setup.standIn.ledger.operations()).toEqual(["ReturnRequest"]);
  });

  it("maps a quantity beyond what is returnable to a typed INVALID userError", async () => {
    const setup = contractSetup();
    const order = deliveredOrder(setup, { lines: [{ price: "40.00", quantity: 2 }] });
    const error = await userErrorOf(requestReturn(setup.client, { orderId: order.id, lines: [{ fulfillmentLineItemId: order.fulfillments[0]!.lineItems[0]!.id, quantity: 3 }] }));
    expect(error.codes).toEqual(["INVALID"]);
    expect(error.userErrors[0]!.field).toEqual(["input", "returnLineItems", "0", "quantity"]);
    expect(setup.store.returns.size).toBe(0);
  });

  it("maps a fulfillment line item of another order to NOT_FOUND", async () => {
    const setup = contractSetup();
    const mine = deliveredOrder(setup);
    const other = deliveredOrder(setup);
    const error = await userErrorOf(requestReturn(setup.client, { orderId: mine.id, lines: [{ fulfillmentLineItemId: other.fulfillments[0]!.lineItems[0]!.id, quantity: 1 }] }));
    expect(error.has("NOT_FOUND")).toBe(true);
  });

  it("turns the engine's refund percentage into the restocking fee", () => {
    expect(restockingFeeFromRefundPercent(85)).toBe(15);
    expect(restockingFeeFromRefundPercent(100)).toBe(0);
    expect(restockingFeeFromRefundPercent(87.5)).toBe(12.5);
  });
});

describe("approveReturn / declineReturn", () => {
  it("approves a REQUESTED return (→ OPEN, with a reverse fulfillment order) and notifies only when asked", async () => {
    const { client, ret, store, standIn, shop } = await requested();
    const approved = await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    expect(approved.status).toBe("OPEN");
    expect(approved.reverseFulfillmentOrders).toHaveLength(1);
    expect(approved.reverseFulfillmentOrders[0]!.lineItems).toEqual([expect.objectContaining({ totalQuantity: 1, fulfillmentLineItemId: ret.lines[0]!.fulfillmentLineItemId })]);
    expect(store.notifications.at(-1)).toMatchObject({ mutation: "returnApproveRequest", resourceId: ret.id, notifyCustomer: false });
    expect(standIn.webhooks.pending({ shop }).map((e) => e.topic)).toEqual(["returns/request", "returns/approve"]);
  });

  it("maps approving an already approved return to INVALID_STATE", async () => {
    const { client, ret } = await requested();
    await approveReturn(client, { returnId: ret.id, notifyCustomer: true });
    const error = await userErrorOf(approveReturn(client, { returnId: ret.id, notifyCustomer: true }));
    expect(error.codes).toEqual(["INVALID_STATE"]);
    expect(error.operation).toBe("returnApproveRequest");
  });

  it("maps an unknown return to NOT_FOUND", async () => {
    const setup = contractSetup();
    const error = await userErrorOf(approveReturn(setup.client, { returnId: "gid://shopify/Return/777777", notifyCustomer: false }));
    expect(error.codes).toEqual(["NOT_FOUND"]);
  });

  it("declines with Shopify's reason and a note that cites the clause", async () => {
    const { client, ret, store } = await requested();
    const declined = await declineReturn(client, {
      returnId: ret.id,
      reason: declineReasonFor("FINAL_SALE"),
      explanation: "Final-sale items cannot be returned.",
      clause: { id: "exclusion.final-sale", title: "Final-sale items" },
      notifyCustomer: true,
    });
    expect(declined).toMatchObject({ status: "DECLINED", decline: { reason: "FINAL_SALE", note: "Final-sale items cannot be returned. (Policy: Final-sale items, clause exclusion.final-sale)" } });
    expect(store.notifications.at(-1)).toMatchObject({ mutation: "returnDeclineRequest", notifyCustomer: true });
  });

  it("maps the engine's codes to Shopify's decline reasons and keeps the citation within 500 characters", () => {
    expect(declineReasonFor("RETURN_WINDOW_EXPIRED")).toBe("RETURN_PERIOD_ENDED");
    expect(declineReasonFor("DEFECT_REPORT_WINDOW_EXPIRED")).toBe("RETURN_PERIOD_ENDED");
    expect(declineReasonFor("CONDITION_NOT_ACCEPTED")).toBe("OTHER");
    const note = declineNote("x".repeat(800), { id: "window.return" });
    expect(note.length).toBeLessThanOrEqual(500);
    expect(note.endsWith("(Policy clause window.return)")).toBe(true);
  });

  it("maps declining an OPEN return to INVALID_STATE", async () => {
    const { client, ret } = await requested();
    await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    const error = await userErrorOf(declineReturn(client, { returnId: ret.id, reason: "OTHER", explanation: "No.", clause: { id: "inspection" }, notifyCustomer: false }));
    expect(error.codes).toEqual(["INVALID_STATE"]);
  });
});

describe("reverse logistics", () => {
  it("sends a label and tracking, then records dispositions from inspection", async () => {
    const { client, ret, store } = await requested();
    const approved = await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    const rfo = approved.reverseFulfillmentOrders[0]!;
    const delivery = await createReverseDelivery(client, {
      reverseFulfillmentOrderId: rfo.id,
      lines: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1 }],
      labelFileUrl: "https://labels.example/return-1.pdf",
      tracking: { number: "1Z999", url: "https://track.example/1Z999" },
      notifyCustomer: true,
    });
    expect(delivery).toMatchObject({ labelUrl: "https://labels.example/return-1.pdf", tracking: { number: "1Z999", url: "https://track.example/1Z999" }, recovered: false });
    expect(store.notifications.at(-1)).toMatchObject({ mutation: "reverseDeliveryCreateWithShipping", notifyCustomer: true });

    const [location] = await listLocations(client);
    const disposed = await disposeReturnedItems(client, {
      reverseFulfillmentOrderId: rfo.id,
      dispositions: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1, dispositionType: "RESTOCKED", locationId: location!.id }],
    });
    expect(disposed.lines).toEqual([{ id: rfo.lineItems[0]!.id, totalQuantity: 1, dispositions: [{ type: "RESTOCKED", quantity: 1 }] }]);
  });

  it("maps disposing more than came back to a typed userError", async () => {
    const { client, ret } = await requested();
    const rfo = (await approveReturn(client, { returnId: ret.id, notifyCustomer: false })).reverseFulfillmentOrders[0]!;
    const error = await userErrorOf(
      disposeReturnedItems(client, { reverseFulfillmentOrderId: rfo.id, dispositions: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 2, dispositionType: "NOT_RESTOCKED" }] }),
    );
    expect(error.codes).toEqual(["INVALID"]);
  });

  it("refuses a reverse delivery for a return that is not open", async () => {
    const { client, ret, store } = await requested();
    const rfo = (await approveReturn(client, { returnId: ret.id, notifyCustomer: false })).reverseFulfillmentOrders[0]!;
    await closeReturn(client, { returnId: ret.id });
    const error = await userErrorOf(createReverseDelivery(client, { reverseFulfillmentOrderId: rfo.id, lines: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1 }], notifyCustomer: false }));
    expect(error.codes).toEqual(["INVALID_STATE"]);
    expect(store.reverseFulfillmentOrders.get(rfo.id)!.deliveries).toHaveLength(0);
  });
});

describe("processReturn / closeReturn", () => {
  it("processes the items and refunds the decided amount and the shipping, then closes", async () => {
    const { client, ret, order, store, standIn, shop } = await requested();
    const rfo = (await approveReturn(client, { returnId: ret.id, notifyCustomer: false })).reverseFulfillmentOrders[0]!;
    const snapshot = await getOrderSnapshot(client, order.id);
    const [location] = await listLocations(client);
    const processed = await processReturn(client, {
      returnId: ret.id,
      lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1, dispositions: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1, dispositionType: "RESTOCKED", locationId: location!.id }] }],
      refund: { amount: { amount: "42.00", currencyCode: "USD" }, transactions: snapshot!.transactions },
      refundShipping: { full: true },
      note: "Decided under clause condition.opened",
      notifyCustomer: true,
    });
    expect(processed.status).toBe("OPEN");
    expect(processed.lines[0]).toMatchObject({ processedQuantity: 1, unprocessedQuantity: 0 });
    expect(processed.refunds).toEqual([{ id: expect.any(String), total: { amount: "42.0", currencyCode: "USD" } }]);
    const refund = store.refunds.get(processed.refunds[0]!.id)!;
    expect(refund).toMatchObject({ returnId: ret.id, totalMinor: 4200, shipping: { amountMinor: 800 }, lineItems: [expect.objectContaining({ quantity: 1, restockType: "RETURN" })] });
    expect(store.rfoLineItems.get(rfo.lineItems[0]!.id)!.dispositions).toHaveLength(1);

    const closed = await closeReturn(client, { returnId: ret.id });
    expect(closed).toMatchObject({ status: "CLOSED", recovered: false });
    expect(closed.closedAt).not.toBeNull();
    expect(standIn.webhooks.pending({ shop }).map((e) => e.topic)).toEqual(["returns/request", "returns/approve", "refunds/create", "returns/process", "returns/close"]);
    expect((await getReturn(client, ret.id))!.refunds).toHaveLength(1);
  });

  it("never sends a refund for more than the order's payments can give back", async () => {
    const { client, ret, order } = await requested();
    await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    const snapshot = await getOrderSnapshot(client, order.id);
    await expect(
      processReturn(client, { returnId: ret.id, lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1 }], refund: { amount: { amount: "500.00", currencyCode: "USD" }, transactions: snapshot!.transactions }, refundShipping: null, notifyCustomer: false }),
    ).rejects.toThrow(RangeError);
  });

  it("maps a refund worth more than the processed items to a typed userError (Shopify's cap)", async () => {
    const { client, ret, order, store } = await requested();
    await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    const snapshot = await getOrderSnapshot(client, order.id);
    const error = await userErrorOf(
      processReturn(client, { returnId: ret.id, lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1 }], refund: { amount: { amount: "60.00", currencyCode: "USD" }, transactions: snapshot!.transactions }, refundShipping: null, notifyCustomer: false }),
    );
    expect(error.codes).toEqual(["INVALID"]);
    expect(store.refunds.size).toBe(0);
    expect(store.returns.get(ret.id)!.lines[0]!.processedQuantity).toBe(0);
  });

  it("maps processing a REQUESTED return and closing a CLOSED one to INVALID_STATE", async () => {
    const { client, ret } = await requested();
    const early = await userErrorOf(processReturn(client, { returnId: ret.id, lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1 }], refund: null, refundShipping: null, notifyCustomer: false }));
    expect(early.codes).toEqual(["INVALID_STATE"]);
    await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    await closeReturn(client, { returnId: ret.id });
    const again = await userErrorOf(closeReturn(client, { returnId: ret.id }));
    expect(again.codes).toEqual(["INVALID_STATE"]);
  });

  it("maps processing more than is unprocessed to a typed userError", async () => {
    const { client, ret } = await requested();
    await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    await processReturn(client, { returnId: ret.id, lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1 }], refund: null, refundShipping: null, notifyCustomer: false });
    const error = await userErrorOf(processReturn(client, { returnId: ret.id, lines: [{ returnLineItemId: ret.lines[0]!.id, quantity: 1 }], refund: null, refundShipping: null, notifyCustomer: false }));
    expect(error.codes).toEqual(["INVALID"]);
  });
});
