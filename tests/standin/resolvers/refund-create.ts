// refundCreate @idempotent(key:): a refund for line items, shipping and/or an amount, capped by
// what the order can still refund. The key is required (2026-04 and later; the request is
// refused before execution without it, see directives.ts). The same key with the same input
// answers the first refund again and creates nothing; the same key with different input is an
// error. A request that failed with userErrors created nothing and does not use up its key.
import { getDirectiveValues, type GraphQLResolveInfo } from "graphql";
import { shopifyError } from "../errors";
import { parseMinor } from "../money";
import { refundableQuantity } from "../semantics";
import { viewOrder, viewRefund } from "../views";
import type { ResolverContext, UserError } from "./context";
import { createRefund, planRefundTransactions, refundableShipping } from "./refund-money";

export type RefundInput = {
  orderId: string;
  note?: string | null;
  notify?: boolean | null;
  currency?: string | null;
  allowOverRefunding?: boolean | null;
  refundLineItems?: Array<{ lineItemId: string; quantity: number; restockType?: string | null; locationId?: string | null }> | null;
  shipping?: { amount?: unknown; fullRefund?: boolean | null } | null;
  transactions?: Array<{ amount: unknown; gateway: string; kind: string; orderId: string; parentId?: string | null }> | null;
  refundMethods?: unknown[] | null;
  refundDuties?: unknown[] | null;
  processedAt?: string | null;
  discrepancyReason?: string | null;
};

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function idempotencyKeyOf(info: GraphQLResolveInfo): string | null {
  const directive = info.schema.getDirective("idempotent");
  const node = info.fieldNodes[0];
  if (!directive || !node) return null;
  const values = getDirectiveValues(directive, node, info.variableValues) as { key?: string } | undefined;
  return values?.key ?? null;
}

export function refundCreate({ input }: { input: RefundInput }, ctx: ResolverContext, info: GraphQLResolveInfo) {
  const store = ctx.store;
  const key = idempotencyKeyOf(info);
  if (!key || !key.trim()) throw shopifyError("refundCreate requires the @idempotent directive with a non-blank key.", "BAD_REQUEST");
  const fingerprint = stableJson(input);
  const earlier = store.idempotency.get(key);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) throw shopifyError(`Idempotency key '${key}' was already used with different input.`, "BAD_REQUEST");
    const refund = store.refunds.get(earlier.payload as string);
    const order = refund ? store.orders.get(refund.orderId) : undefined;
    return { refund: refund ? viewRefund(store, refund) : null, order: order ? viewOrder(store, order) : null, userErrors: [] };
  }

  const failed = (...userErrors: UserError[]) => ({ refund: null, order: null, userErrors });
  const err = (field: Array<string | number>, message: string): UserError => ({ field: field.map(String), message });
  const order = store.orders.get(input.orderId);
  if (!order) return failed(err(["orderId"], "Order does not exist."));
  if ((input.refundDuties ?? []).length) throw shopifyError("The stand-in does not model duties.", "NOT_MODELLED_BY_STAND_IN");
  const errors: UserError[] = [];
  if (input.currency && input.currency !== order.currencyCode) errors.push(err(["currency"], `Currency must be the order's currency (${order.currencyCode}).`));
  if ((input.refundMethods ?? []).length) errors.push(err(["refundMethods"], "Store credit refunds are not enabled on this shop."));

  const lines: Array<{ lineItemId: string; quantity: number; restockType: string; locationId: string | null; subtotalMinor: number }> = [];
  const asked = new Map<string, number>();
  (input.refundLineItems ?? []).forEach((l, i) => {
    const line = order.lineItems.find((x) => x.id === l.lineItemId);
    if (!line) return errors.push(err(["refundLineItems", i, "lineItemId"], "Line item does not exist on this order."));
    const total = (asked.get(line.id) ?? 0) + l.quantity;
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) return errors.push(err(["refundLineItems", i, "quantity"], "Quantity must be greater than 0."));
    if (total > refundableQuantity(store, line)) return errors.push(err(["refundLineItems", i, "quantity"], `Quantity cannot refund more items than were purchased (${refundableQuantity(store, line)} refundable).`));
    if (l.locationId && !store.locations.some((x) => x.id === l.locationId)) return errors.push(err(["refundLineItems", i, "locationId"], "Location does not exist."));
    asked.set(line.id, total);
    lines.push({ lineItemId: line.id, quantity: l.quantity, restockType: l.restockType ?? "NO_RESTOCK", locationId: l.locationId ?? null, subtotalMinor: line.discountedUnitPriceMinor * l.quantity });
    return undefined;
  });

  let shipping = 0;
  const remainingShipping = refundableShipping(store, order);
  if (input.shipping?.fullRefund) shipping = remainingShipping;
  else if (input.shipping?.amount !== undefined && input.shipping?.amount !== null) {
    const amount = parseMinor(input.shipping.amount, order.currencyCode);
    if (amount === null || amount < 0) errors.push(err(["shipping", "amount"], "Shipping refund must be a non-negative amount."));
    else if (amount > remainingShipping) errors.push(err(["shipping", "amount"], `Shipping refund exceeds the shipping left to refund (${remainingShipping} in minor units).`));
    else shipping = amount;
  }

  const txInputs = input.transactions ?? [];
  txInputs.forEach((t, i) => {
    if (t.kind !== "REFUND") errors.push(err(["transactions", i, "kind"], "Transaction kind must be REFUND."));
    if (t.orderId !== order.id) errors.push(err(["transactions", i, "orderId"], "Transaction must belong to the order being refunded."));
  });
  const money = planRefundTransactions(
    order,
    txInputs.map((t) => ({ parentId: t.parentId, amount: t.amount, currencyCode: null })),
    (i, field) => ["transactions", String(i), field === "parentId" ? "parentId" : "amount"],
  );
  errors.push(...money.errors.map((e) => ({ field: e.field, message: e.message })));
  const worth = lines.reduce((sum, l) => sum + l.subtotalMinor, 0) + shipping;
  if (!errors.length && (lines.length || shipping) && money.totalMinor > worth && !input.allowOverRefunding) {
    errors.push(err(["transactions"], `Refund exceeds the value of the items and shipping being refunded (${worth} in minor units); set allowOverRefunding to refund more.`));
  }
  if (!errors.length && !lines.length && shipping === 0 && money.totalMinor === 0) errors.push(err([], "A refund needs line items, shipping or transactions."));
  if (errors.length) return failed(...errors);

  const refund = createRefund(ctx, order, { returnId: null, note: input.note ?? null, lineItems: lines, shippingMinor: shipping, transactions: money.planned });
  store.idempotency.set(key, { fingerprint, payload: refund.id });
  store.notifications.push({ at: ctx.now(), mutation: "refundCreate", resourceId: refund.id, notifyCustomer: input.notify ?? false });
  return { refund: viewRefund(store, refund), order: viewOrder(store, order), userErrors: [] };
}
