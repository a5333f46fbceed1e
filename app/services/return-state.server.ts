// A return as it stands in Shopify, and an order's returns: what the desk shows, and what the
// mutation services read to tell whether an attempt whose answer was lost already landed.
import { OrderReturnsPageQuery } from "~/graphql/OrderReturnsPageQuery";
import { ReturnLineItemsPageQuery } from "~/graphql/ReturnLineItemsPageQuery";
import { ReturnStateQuery } from "~/graphql/ReturnStateQuery";
import { ReverseFulfillmentOrderStateQuery } from "~/graphql/ReverseFulfillmentOrderStateQuery";
import { adminClient, ShopifyGraphqlError, type AdminApi, type AdminClient } from "./admin-client";
import { collectPages, type Money, type MoneyBag, type Page } from "./admin-types";
import type { ReturnStatus } from "./order-snapshot.server";

export type ReturnLine = {
  id: string;
  quantity: number;
  processedQuantity: number;
  unprocessedQuantity: number;
  /** Null for an unverified return line item (no fulfillment line item). */
  fulfillmentLineItemId: string | null;
  lineItemId: string | null;
  restockingFeePercent: number | null;
};

export type ReverseFulfillmentOrderLine = { id: string; totalQuantity: number; fulfillmentLineItemId: string | null };

export type ReturnState = {
  id: string;
  name: string;
  status: ReturnStatus;
  closedAt: string | null;
  decline: { reason: string; note: string | null } | null;
  orderId: string;
  lines: ReturnLine[];
  reverseFulfillmentOrders: Array<{ id: string; lineItems: ReverseFulfillmentOrderLine[] }>;
  refunds: Array<{ id: string; total: Money }>;
};

type RawLine = {
  id: string;
  quantity: number;
  processedQuantity?: number;
  unprocessedQuantity?: number;
  fulfillmentLineItem?: { id: string; lineItem: { id: string } } | null;
  restockingFee?: { percentage: number } | null;
};

export function returnLine(raw: RawLine): ReturnLine {
  return {
    id: raw.id,
    quantity: raw.quantity,
    processedQuantity: raw.processedQuantity ?? 0,
    unprocessedQuantity: raw.unprocessedQuantity ?? raw.quantity - (raw.processedQuantity ?? 0),
    fulfillmentLineItemId: raw.fulfillmentLineItem?.id ?? null,
    lineItemId: raw.fulfillmentLineItem?.lineItem.id ?? null,
    restockingFeePercent: raw.restockingFee?.percentage ?? null,
  };
}

export type RawRfo = { id: string; lineItems: { nodes: Array<{ id: string; totalQuantity: number; fulfillmentLineItem: { id: string } | null }> } };

export function reverseFulfillmentOrder(raw: RawRfo) {
  return { id: raw.id, lineItems: raw.lineItems.nodes.map((l) => ({ id: l.id, totalQuantity: l.totalQuantity, fulfillmentLineItemId: l.fulfillmentLineItem?.id ?? null })) };
}

async function allReturnLines(client: AdminClient, returnId: string, first: Page<RawLine>, size: number): Promise<ReturnLine[]> {
  const nodes = await collectPages(first, async (after) => {
    const data = await client.query<{ return: { returnLineItems: Page<RawLine> } | null }>(ReturnLineItemsPageQuery, { id: returnId, first: size, after });
    if (!data.return) throw new ShopifyGraphqlError(`Return ${returnId} disappeared while reading it`, []);
    return data.return.returnLineItems;
  });
  return nodes.map(returnLine);
}

/** The return, or null when the shop has no such return. */
/** The Return fields ReturnStateQuery (and RefundContextQuery) select, as Shopify answers them. */
export type RawReturnState = {
  id: string;
  name: string;
  status: ReturnStatus;
  closedAt: string | null;
  decline: { reason: string; note: string | null } | null;
  order: { id: string };
  returnLineItems: Page<RawLine>;
  reverseFulfillmentOrders: { nodes: RawRfo[] };
  refunds: { nodes: Array<{ id: string; totalRefundedSet: MoneyBag }> };
};

/** A return read with `size` line items per page, its further pages read in turn. */
export async function returnStateOf(api: AdminApi, r: RawReturnState, size: number): Promise<ReturnState> {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    closedAt: r.closedAt,
    decline: r.decline,
    orderId: r.order.id,
    lines: await allReturnLines(adminClient(api), r.id, r.returnLineItems, size),
    reverseFulfillmentOrders: r.reverseFulfillmentOrders.nodes.map(reverseFulfillmentOrder),
    refunds: r.refunds.nodes.map((x) => ({ id: x.id, total: x.totalRefundedSet.shopMoney })),
  };
}

export async function getReturn(api: AdminApi, returnId: string): Promise<ReturnState | null> {
  const client = adminClient(api);
  const size = 25;
  const data = await client.query<{ return: RawReturnState | null }>(ReturnStateQuery, { id: returnId, lineItemsFirst: size });
  return data.return ? returnStateOf(client, data.return, size) : null;
}

export type OrderReturn = { id: string; name: string; status: ReturnStatus; lines: ReturnLine[] };

/** Every return of an order with its line items. */
export async function listOrderReturns(api: AdminApi, orderId: string): Promise<OrderReturn[]> {
  const client = adminClient(api);
  // 10 returns × 10 lines each: about 430 cost points a page (Shopify refuses over 1000).
  const size = 10;
  type Raw = { id: string; name: string; status: ReturnStatus; returnLineItems: Page<RawLine> };
  const fetchPage = async (after: string | null) => {
    const data = await client.query<{ order: { returns: Page<Raw> } | null }>(OrderReturnsPageQuery, { id: orderId, first: size, after, returnLineItemsFirst: size });
    if (!data.order) throw new ShopifyGraphqlError(`Order ${orderId} does not exist`, []);
    return data.order.returns;
  };
  const raw = await collectPages(await fetchPage(null), (after) => fetchPage(after));
  const out: OrderReturn[] = [];
  for (const r of raw) out.push({ id: r.id, name: r.name, status: r.status, lines: await allReturnLines(client, r.id, r.returnLineItems, size) });
  return out;
}

export type Disposition = { type: string; quantity: number };
export type ReverseFulfillmentOrderState = {
  id: string;
  status: string;
  lineItems: Array<ReverseFulfillmentOrderLine & { dispositions: Disposition[] }>;
  deliveries: Array<{ id: string; labelUrl: string | null; tracking: { number: string | null; url: string | null; carrierName: string | null } | null }>;
};

/** A reverse fulfillment order's line items (with dispositions so far) and deliveries. */
export async function getReverseFulfillmentOrder(api: AdminApi, id: string): Promise<ReverseFulfillmentOrderState | null> {
  const data = await adminClient(api).query<{
    reverseFulfillmentOrder: {
      id: string;
      status: string;
      lineItems: { nodes: Array<{ id: string; totalQuantity: number; dispositions: Disposition[]; fulfillmentLineItem: { id: string } | null }> };
      reverseDeliveries: { nodes: Array<{ id: string; deliverable: { label?: { publicFileUrl: string | null } | null; tracking?: { number: string | null; url: string | null; carrierName: string | null } | null } | null }> };
    } | null;
  }>(ReverseFulfillmentOrderStateQuery, { id });
  const rfo = data.reverseFulfillmentOrder;
  if (!rfo) return null;
  return {
    id: rfo.id,
    status: rfo.status,
    lineItems: rfo.lineItems.nodes.map((l) => ({ id: l.id, totalQuantity: l.totalQuantity, fulfillmentLineItemId: l.fulfillmentLineItem?.id ?? null, dispositions: l.dispositions })),
    deliveries: rfo.reverseDeliveries.nodes.map((d) => ({ id: d.id, labelUrl: d.deliverable?.label?.publicFileUrl ?? null, tracking: d.deliverable?.tracking ?? null })),
  };
}
