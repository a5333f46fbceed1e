// Webhook payloads as Shopify sends them: REST-style snake_case JSON with numeric `id` and
// `admin_graphql_api_id`, statuses in lower case (returns/request sends "requested").
import { legacyId } from "../ids";
import { formatMinor } from "../money";
import type { RefundRecord, ReturnRecord, ShopStore } from "../store";

const ref = (id: string) => ({ id: legacyId(id), admin_graphql_api_id: id });

export function returnPayload(store: ShopStore, ret: ReturnRecord): Record<string, unknown> {
  const c = store.shop.currencyCode;
  return {
    ...ref(ret.id),
    status: ret.status.toLowerCase(),
    name: ret.name,
    order: ref(ret.orderId),
    total_return_line_items: ret.lines.length,
    return_line_items: ret.lines.map((line) => {
      const fli = store.fulfillmentLineItems.get(line.fulfillmentLineItemId);
      return {
        ...ref(line.id),
        fulfillment_line_item: fli ? { ...ref(fli.id), line_item: ref(fli.lineItemId) } : null,
        quantity: line.quantity,
        processed_quantity: line.processedQuantity,
        return_reason: "unknown",
        return_reason_note: "",
        customer_note: line.customerNote,
        restocking_fee: line.restockingFee ? { percentage: line.restockingFee.percentage } : null,
      };
    }),
    return_shipping_fees: ret.shippingFee
      ? [{ ...ref(ret.shippingFee.id), price: { shop_money: { amount: formatMinor(ret.shippingFee.amountMinor, c), currency_code: c }, presentment_money: { amount: formatMinor(ret.shippingFee.amountMinor, c), currency_code: c } } }]
      : [],
    exchange_line_items: [],
    total_exchange_line_items: 0,
    ...(ret.decline ? { decline: { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note } } : {}),
  };
}

export function refundPayload(store: ShopStore, refund: RefundRecord): Record<string, unknown> {
  const c = store.shop.currencyCode;
  const money = (minor: number) => ({ shop_money: { amount: formatMinor(minor, c), currency_code: c }, presentment_money: { amount: formatMinor(minor, c), currency_code: c } });
  return {
    ...ref(refund.id),
    order_id: legacyId(refund.orderId),
    created_at: new Date(refund.createdAt).toISOString(),
    processed_at: new Date(refund.createdAt).toISOString(),
    note: refund.note,
    restock: refund.lineItems.some((l) => l.restockType === "RETURN"),
    return: refund.returnId ? ref(refund.returnId) : null,
    refund_line_items: refund.lineItems.map((l) => ({
      id: legacyId(l.id),
      line_item_id: legacyId(l.lineItemId),
      quantity: l.quantity,
      restock_type: l.restockType.toLowerCase(),
      location_id: l.locationId ? legacyId(l.locationId) : null,
      subtotal: formatMinor(l.subtotalMinor, c),
      subtotal_set: money(l.subtotalMinor),
      total_tax: "0.0",
      total_tax_set: money(0),
    })),
    refund_shipping_lines: refund.shipping ? [{ id: legacyId(refund.shipping.id), subtotal_amount_set: money(refund.shipping.amountMinor) }] : [],
    transactions: refund.transactionIds.flatMap((id) => {
      const t = store.transactions.get(id);
      if (!t) return [];
      return [
        {
          ...ref(t.id),
          order_id: legacyId(t.orderId),
          kind: t.kind.toLowerCase(),
          status: t.status.toLowerCase(),
          gateway: t.gateway,
          amount: formatMinor(t.amountMinor, c),
          currency: c,
          parent_id: t.parentId ? legacyId(t.parentId) : null,
          created_at: new Date(t.createdAt).toISOString(),
        },
      ];
    }),
    order_adjustments: [],
    duties: [],
  };
}
