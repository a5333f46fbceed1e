// What Shopify derives from an order's records: refunded and refundable quantities, what is still
// returnable per fulfillment line item, and how much money each payment can still give back.
// Mutations check against these, and views expose them, so both always agree.
import type { FulfillmentLineItemRecord, LineItemRecord, OrderRecord, ReturnRecord, ShopStore, TransactionRecord } from "./store";

/** Returns in these states hold their items (a declined or canceled one released them). */
export function returnHoldsItems(ret: ReturnRecord): boolean {
  return ret.status === "REQUESTED" || ret.status === "OPEN" || ret.status === "CLOSED";
}

export function refundedQuantity(store: ShopStore, line: LineItemRecord): number {
  const order = store.orders.get(line.orderId);
  if (!order) return 0;
  let total = 0;
  for (const refundId of order.refundIds) {
    const refund = store.refunds.get(refundId);
    for (const rli of refund?.lineItems ?? []) if (rli.lineItemId === line.id) total += rli.quantity;
  }
  return total;
}

/** Units refunded by refunds that did not come from a return (refundCreate on the order). */
function refundedOutsideReturns(store: ShopStore, line: LineItemRecord): number {
  const order = store.orders.get(line.orderId);
  if (!order) return 0;
  let total = 0;
  for (const refundId of order.refundIds) {
    const refund = store.refunds.get(refundId);
    if (!refund || refund.returnId) continue;
    for (const rli of refund.lineItems) if (rli.lineItemId === line.id) total += rli.quantity;
  }
  return total;
}

export function refundableQuantity(store: ShopStore, line: LineItemRecord): number {
  return Math.max(0, line.quantity - refundedQuantity(store, line));
}

function activeReturns(store: ShopStore, order: OrderRecord): ReturnRecord[] {
  const out: ReturnRecord[] = [];
  for (const id of order.returnIds) {
    const ret = store.returns.get(id);
    if (ret && returnHoldsItems(ret)) out.push(ret);
  }
  return out;
}

/** Units of a fulfillment line item held by returns that still hold items. */
export function returnedQuantityOnFulfillmentLine(store: ShopStore, fli: FulfillmentLineItemRecord): number {
  const line = store.lineItems.get(fli.lineItemId);
  const order = line ? store.orders.get(line.orderId) : undefined;
  if (!order) return 0;
  let total = 0;
  for (const ret of activeReturns(store, order)) for (const rli of ret.lines) if (rli.fulfillmentLineItemId === fli.id) total += rli.quantity;
  return total;
}

function returnedQuantityOnLine(store: ShopStore, line: LineItemRecord): number {
  const order = store.orders.get(line.orderId);
  if (!order) return 0;
  let total = 0;
  for (const ret of activeReturns(store, order)) {
    for (const rli of ret.lines) {
      if (store.fulfillmentLineItems.get(rli.fulfillmentLineItemId)?.lineItemId === line.id) total += rli.quantity;
    }
  }
  return total;
}

/**
 * What can still be returned of a fulfillment line item: its quantity less what returns hold,
 * and never more than the line item has left once returns and refunds outside returns are taken.
 * Units of a canceled fulfillment are not returnable.
 */
export function returnableQuantity(store: ShopStore, fli: FulfillmentLineItemRecord): number {
  const fulfillment = store.fulfillments.get(fli.fulfillmentId);
  if (!fulfillment || fulfillment.status !== "SUCCESS" || fulfillment.displayStatus === "CANCELED") return 0;
  const line = store.lineItems.get(fli.lineItemId);
  if (!line) return 0;
  const onFulfillment = fli.quantity - returnedQuantityOnFulfillmentLine(store, fli);
  const onLine = line.quantity - returnedQuantityOnLine(store, line) - refundedOutsideReturns(store, line);
  return Math.max(0, Math.min(onFulfillment, onLine));
}

export function fulfilledQuantity(store: ShopStore, line: LineItemRecord): number {
  const order = store.orders.get(line.orderId);
  let total = 0;
  for (const f of order?.fulfillments ?? []) {
    if (f.status !== "SUCCESS") continue;
    for (const fli of f.lineItems) if (fli.lineItemId === line.id) total += fli.quantity;
  }
  return total;
}

function isPayment(t: TransactionRecord): boolean {
  return (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS";
}

/** What a successful SALE/CAPTURE can still give back: its amount less its successful refunds. */
export function refundableOnTransaction(order: OrderRecord, payment: TransactionRecord): number {
  if (!isPayment(payment)) return 0;
  let refunded = 0;
  for (const t of order.transactions) if (t.kind === "REFUND" && t.status === "SUCCESS" && t.parentId === payment.id) refunded += t.amountMinor;
  return Math.max(0, payment.amountMinor - refunded);
}

export function payments(order: OrderRecord): TransactionRecord[] {
  return order.transactions.filter(isPayment);
}

export function receivedMinor(order: OrderRecord): number {
  return payments(order).reduce((sum, t) => sum + t.amountMinor, 0);
}

export function refundedMinor(order: OrderRecord): number {
  return order.transactions.filter((t) => t.kind === "REFUND" && t.status === "SUCCESS").reduce((sum, t) => sum + t.amountMinor, 0);
}

/** The order's money that can still be refunded. */
export function refundableMinor(order: OrderRecord): number {
  return payments(order).reduce((sum, t) => sum + refundableOnTransaction(order, t), 0);
}

export function shippingMinor(order: OrderRecord): number {
  return order.shippingLines.reduce((sum, s) => sum + s.priceMinor, 0);
}

export function shippingRefundedMinor(store: ShopStore, order: OrderRecord): number {
  let total = 0;
  for (const id of order.refundIds) total += store.refunds.get(id)?.shipping?.amountMinor ?? 0;
  return total;
}

export function subtotalMinor(order: OrderRecord): number {
  return order.lineItems.reduce((sum, l) => sum + l.discountedUnitPriceMinor * l.quantity, 0);
}

export function totalPriceMinor(order: OrderRecord): number {
  return subtotalMinor(order) + shippingMinor(order);
}

export function unprocessedQuantity(line: { quantity: number; processedQuantity: number }): number {
  return Math.max(0, line.quantity - line.processedQuantity);
}

/** Units of a return line already refunded (by the refunds of its return). */
export function refundedQuantityOfReturnLine(store: ShopStore, ret: ReturnRecord, returnLineId: string): number {
  const rli = ret.lines.find((l) => l.id === returnLineId);
  const fli = rli ? store.fulfillmentLineItems.get(rli.fulfillmentLineItemId) : undefined;
  if (!rli || !fli) return 0;
  let total = 0;
  for (const refundId of ret.refundIds) {
    for (const line of store.refunds.get(refundId)?.lineItems ?? []) if (line.lineItemId === fli.lineItemId) total += line.quantity;
  }
  return Math.min(total, rli.quantity);
}

export function displayFinancialStatus(order: OrderRecord): string {
  const received = receivedMinor(order);
  const refunded = refundedMinor(order);
  if (received === 0) return "PENDING";
  if (refunded === 0) return "PAID";
  return refunded >= received ? "REFUNDED" : "PARTIALLY_REFUNDED";
}

export function displayFulfillmentStatus(store: ShopStore, order: OrderRecord): string {
  let ordered = 0;
  let fulfilled = 0;
  for (const line of order.lineItems) {
    if (!line.requiresShipping) continue;
    ordered += line.quantity;
    fulfilled += Math.min(line.quantity, fulfilledQuantity(store, line));
  }
  if (ordered === 0 || fulfilled >= ordered) return "FULFILLED";
  return fulfilled === 0 ? "UNFULFILLED" : "PARTIALLY_FULFILLED";
}
