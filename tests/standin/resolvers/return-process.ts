// returnProcess: confirms returned items (quantities within what is unprocessed, optionally
// with their dispositions) and moves the money (financialTransfer.issueRefund), on an OPEN
// return only. Refund transactions are capped by what each payment can still give back, and —
// unless allowOverRefunding — by the value of the items and shipping being refunded.
import { shopifyError } from "../errors";
import { parseMinor } from "../money";
import { unprocessedQuantity } from "../semantics";
import { viewReturn } from "../views";
import { userError, type ResolverContext, type ReturnUserError } from "./context";
import { createRefund, planRefundTransactions, refundableShipping } from "./refund-money";
import { returnPayload } from "./webhook-payloads";
import { applyDispositions, planDispositions, type DispositionInput } from "./reverse-logistics";

type MoneyInput = { amount: unknown; currencyCode: string };

export type ReturnProcessInput = {
  returnId: string;
  returnLineItems?: Array<{ id: string; quantity: number; dispositions?: DispositionInput[] | null }> | null;
  exchangeLineItems?: unknown[] | null;
  refundDuties?: unknown[] | null;
  refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: MoneyInput | null } | null;
  financialTransfer?: {
    issueRefund?: {
      orderTransactions: Array<{ parentId: string; transactionAmount: MoneyInput }>;
      refundMethods?: unknown[] | null;
      allowOverRefunding?: boolean | null;
    } | null;
  } | null;
  note?: string | null;
  notifyCustomer?: boolean | null;
  tipLineId?: string | null;
};

export function returnProcess({ input }: { input: ReturnProcessInput }, ctx: ResolverContext) {
  const store = ctx.store;
  const failed = (...userErrors: ReturnUserError[]) => ({ return: null, userErrors });
  const ret = store.returns.get(input.returnId);
  if (!ret) return failed(userError(["input", "returnId"], "Return does not exist.", "NOT_FOUND"));
  if (ret.status !== "OPEN") return failed(userError(["input", "returnId"], `Return must be OPEN to be processed (it is ${ret.status}).`, "INVALID_STATE"));
  if ((input.exchangeLineItems ?? []).length || (input.refundDuties ?? []).length || input.tipLineId) {
    throw shopifyError("The stand-in does not model exchanges, duties or tips in returnProcess.", "NOT_MODELLED_BY_STAND_IN");
  }
  const order = store.orders.get(ret.orderId);
  if (!order) return failed(userError(["input", "returnId"], "Return's order does not exist.", "NOT_FOUND"));

  const errors: ReturnUserError[] = [];
  const lineInputs = input.returnLineItems ?? [];
  const processing = new Map<string, number>();
  const dispositionInputs: DispositionInput[] = [];
  lineInputs.forEach((l, i) => {
    const at = ["input", "returnLineItems", String(i)];
    const line = ret.lines.find((x) => x.id === l.id);
    if (!line) return errors.push(userError([...at, "id"], "Return line item does not exist on this return.", "NOT_FOUND"));
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) return errors.push(userError([...at, "quantity"], "Quantity must be greater than 0.", "GREATER_THAN"));
    const total = (processing.get(line.id) ?? 0) + l.quantity;
    if (total > unprocessedQuantity(line)) {
      return errors.push(userError([...at, "quantity"], `Quantity exceeds the unprocessed quantity (${unprocessedQuantity(line)}).`, "INVALID"));
    }
    processing.set(line.id, total);
    const dispositions = l.dispositions ?? [];
    if (dispositions.reduce((sum, d) => sum + d.quantity, 0) > l.quantity) {
      return errors.push(userError([...at, "dispositions"], "Dispositions exceed the quantity being processed.", "INVALID"));
    }
    dispositionInputs.push(...dispositions);
    return undefined;
  });
  const { planned: plannedDispositions, errors: dispositionErrors } = planDispositions(store, dispositionInputs, ["input", "returnLineItems", "dispositions"], ret.reverseFulfillmentOrderIds);
  errors.push(...dispositionErrors);

  let shippingRefund = 0;
  const remainingShipping = refundableShipping(store, order);
  if (input.refundShipping?.fullRefund) shippingRefund = remainingShipping;
  else if (input.refundShipping?.shippingRefundAmount) {
    const money = input.refundShipping.shippingRefundAmount;
    const amount = money.currencyCode === order.currencyCode ? parseMinor(money.amount, order.currencyCode) : null;
    if (amount === null || amount < 0) errors.push(userError(["input", "refundShipping", "shippingRefundAmount"], `Shipping refund must be a non-negative amount in ${order.currencyCode}.`, "INVALID"));
    else if (amount > remainingShipping) errors.push(userError(["input", "refundShipping", "shippingRefundAmount"], `Shipping refund exceeds the shipping left to refund (${remainingShipping} in minor units).`, "INVALID"));
    else shippingRefund = amount;
  }

  const issue = input.financialTransfer?.issueRefund ?? null;
  if (!issue && shippingRefund > 0) {
    errors.push(userError(["input", "refundShipping"], "Refunding shipping needs financialTransfer.issueRefund.", "INVALID"));
  }
  if (issue && (issue.refundMethods ?? []).length) {
    errors.push(userError(["input", "financialTransfer", "issueRefund", "refundMethods"], "Store credit refunds are not enabled on this shop.", "FEATURE_NOT_ENABLED"));
  }
  const money = planRefundTransactions(
    order,
    (issue?.orderTransactions ?? []).map((t) => ({ parentId: t.parentId, amount: t.transactionAmount.amount, currencyCode: t.transactionAmount.currencyCode })),
    (i, field) => ["input", "financialTransfer", "issueRefund", "orderTransactions", String(i), field === "parentId" ? "parentId" : "transactionAmount"],
  );
  errors.push(...money.errors);

  // What the processed items and the shipping are worth: the most a refund may be without allowOverRefunding.
  const refundLines = [...processing].map(([lineId, quantity]) => {
    const line = ret.lines.find((x) => x.id === lineId);
    const fli = line ? store.fulfillmentLineItems.get(line.fulfillmentLineItemId) : undefined;
    const item = fli ? store.lineItems.get(fli.lineItemId) : undefined;
    const restocked = plannedDispositions.some((d) => d.line.returnLineItemId === lineId && d.input.dispositionType === "RESTOCKED");
    return {
      lineItemId: item?.id ?? "",
      quantity,
      restockType: restocked ? "RETURN" : "NO_RESTOCK",
      locationId: plannedDispositions.find((d) => d.line.returnLineItemId === lineId)?.input.locationId ?? null,
      subtotalMinor: (item?.discountedUnitPriceMinor ?? 0) * quantity,
    };
  });
  const worth = refundLines.reduce((sum, l) => sum + l.subtotalMinor, 0) + shippingRefund;
  if (!errors.length && money.totalMinor > worth && !issue?.allowOverRefunding) {
    errors.push(userError(["input", "financialTransfer", "issueRefund", "orderTransactions"], `Refund exceeds the value of the items and shipping being refunded (${worth} in minor units); set allowOverRefunding to refund more.`, "INVALID"));
  }
  if (errors.length) return failed(...errors);

  for (const [lineId, quantity] of processing) {
    const line = ret.lines.find((x) => x.id === lineId);
    if (line) line.processedQuantity += quantity;
  }
  applyDispositions(store, plannedDispositions, ctx.now());
  if (issue) {
    createRefund(ctx, order, { returnId: ret.id, note: input.note ?? null, lineItems: refundLines, shippingMinor: shippingRefund, transactions: money.planned });
  }
  store.notifications.push({ at: ctx.now(), mutation: "returnProcess", resourceId: ret.id, notifyCustomer: input.notifyCustomer ?? false });
  ctx.emit("returns/process", returnPayload(store, ret));
  return { return: viewReturn(store, ret), userErrors: [] };
}
