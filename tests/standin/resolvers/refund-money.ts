// Money going back, shared by returnProcess and refundCreate: refund transactions must name a
// successful SALE/CAPTURE of the order as parent, be in its currency, and never exceed what
// that payment can still give back; shipping refunds never exceed the shipping not yet refunded.
import { parseMinor } from "../money";
import { refundableOnTransaction, shippingMinor, shippingRefundedMinor } from "../semantics";
import type { OrderRecord, RefundRecord, ShopStore, TransactionRecord } from "../store";
import { userError, type ResolverContext, type ReturnUserError } from "./context";
import { refundPayload } from "./webhook-payloads";

export type PlannedTransaction = { parent: TransactionRecord; amountMinor: number };

export function planRefundTransactions(
  order: OrderRecord,
  inputs: ReadonlyArray<{ parentId: string | null | undefined; amount: unknown; currencyCode: string | null }>,
  fieldAt: (i: number, field: "parentId" | "amount" | "currencyCode") => string[],
): { planned: PlannedTransaction[]; errors: ReturnUserError[]; totalMinor: number } {
  const errors: ReturnUserError[] = [];
  const planned: PlannedTransaction[] = [];
  const perParent = new Map<string, number>();
  inputs.forEach((input, i) => {
    const parent = input.parentId ? order.transactions.find((t) => t.id === input.parentId) : undefined;
    if (!parent || (parent.kind !== "SALE" && parent.kind !== "CAPTURE") || parent.status !== "SUCCESS") {
      errors.push(userError(fieldAt(i, "parentId"), "Parent transaction must be a successful sale or capture of this order.", "NOT_FOUND"));
      return;
    }
    if (input.currencyCode !== null && input.currencyCode !== order.currencyCode) {
      errors.push(userError(fieldAt(i, "currencyCode"), `Currency must be the order's currency (${order.currencyCode}).`, "INVALID"));
      return;
    }
    const amount = parseMinor(input.amount, order.currencyCode);
    if (amount === null || amount <= 0) {
      errors.push(userError(fieldAt(i, "amount"), "Amount must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const total = (perParent.get(parent.id) ?? 0) + amount;
    const refundable = refundableOnTransaction(order, parent);
    if (total > refundable) {
      errors.push(userError(fieldAt(i, "amount"), `Refund amount exceeds the amount refundable on the transaction (${refundable} in minor units).`, "INVALID"));
      return;
    }
    perParent.set(parent.id, total);
    planned.push({ parent, amountMinor: amount });
  });
  return { planned, errors, totalMinor: planned.reduce((sum, p) => sum + p.amountMinor, 0) };
}

/** Shipping that can still be refunded. */
export function refundableShipping(store: ShopStore, order: OrderRecord): number {
  return Math.max(0, shippingMinor(order) - shippingRefundedMinor(store, order));
}

export function createRefund(
  ctx: ResolverContext,
  order: OrderRecord,
  spec: {
    returnId: string | null;
    note: string | null;
    lineItems: Array<{ lineItemId: string; quantity: number; restockType: string; locationId: string | null; subtotalMinor: number }>;
    shippingMinor: number;
    transactions: readonly PlannedTransaction[];
  },
): RefundRecord {
  const store = ctx.store;
  const now = ctx.now();
  const refundId = store.id("Refund");
  const transactionIds: string[] = [];
  for (const t of spec.transactions) {
    const refundTx: TransactionRecord = {
      id: store.id("OrderTransaction"),
      orderId: order.id,
      kind: "REFUND",
      status: "SUCCESS",
      gateway: t.parent.gateway,
      amountMinor: t.amountMinor,
      parentId: t.parent.id,
      createdAt: now,
      refundId,
    };
    store.addTransaction(order, refundTx);
    transactionIds.push(refundTx.id);
  }
  const refund: RefundRecord = {
    id: refundId,
    orderId: order.id,
    returnId: spec.returnId,
    note: spec.note,
    createdAt: now,
    lineItems: spec.lineItems.map((l) => ({ id: store.id("RefundLineItem"), ...l })),
    shipping: spec.shippingMinor > 0 ? { id: store.id("RefundShippingLine"), shippingLineId: order.shippingLines[0]?.id ?? null, amountMinor: spec.shippingMinor } : null,
    transactionIds,
    totalMinor: spec.transactions.reduce((sum, t) => sum + t.amountMinor, 0),
  };
  store.addRefund(order, refund);
  ctx.emit("refunds/create", refundPayload(store, refund));
  return refund;
}
