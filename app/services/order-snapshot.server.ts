// The order as the policy engine decides on it: one OrderSnapshot query, then follow-up pages
// only where Shopify says there is more (line items, returns and their line items, fulfillments
// and their line items, shipping lines, transactions). The result has the engine's input shape
// (app/domain/policy/order.ts, checked at compile time below) plus name, createdAt, customer
// and transactions for carrying out the decision.
import type { OrderSnapshot as EngineOrderSnapshot } from "~/domain/policy/order";
import { FulfillmentLineItemsPageQuery } from "~/graphql/FulfillmentLineItemsPageQuery";
import { OrderFulfillmentsQuery } from "~/graphql/OrderFulfillmentsQuery";
import { OrderLineItemsPageQuery } from "~/graphql/OrderLineItemsPageQuery";
import { OrderReturnsPageQuery } from "~/graphql/OrderReturnsPageQuery";
import { OrderShippingLinesPageQuery } from "~/graphql/OrderShippingLinesPageQuery";
import { OrderSnapshotQuery } from "~/graphql/OrderSnapshotQuery";
import { OrderTransactionsQuery } from "~/graphql/OrderTransactionsQuery";
import { ReturnLineItemsPageQuery } from "~/graphql/ReturnLineItemsPageQuery";
import { adminClient, ShopifyGraphqlError, type AdminApi, type AdminClient } from "./admin-client";
import { collectPages, type MoneyBag, type Page } from "./admin-types";

export type ReturnStatus = "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";

export type SnapshotLineItem = {
  id: string;
  name: string;
  quantity: number;
  refundableQuantity: number;
  isGiftCard: boolean;
  customAttributes: Array<{ key: string; value: string | null }>;
  discountedUnitPriceAfterAllDiscountsSet: MoneyBag;
  product: { tags: string[]; productType: string | null; vendor: string | null } | null;
  sellingPlan: { name: string | null; sellingPlanId: string | null } | null;
};

export type SnapshotFulfillmentLineItem = { id: string; quantity: number; lineItem: { id: string } };

export type SnapshotFulfillment = {
  id: string;
  createdAt: string;
  deliveredAt: string | null;
  displayStatus: string | null;
  fulfillmentLineItems: { nodes: SnapshotFulfillmentLineItem[] };
};

export type SnapshotReturn = {
  id: string;
  status: ReturnStatus;
  returnLineItems: { nodes: Array<{ quantity: number; fulfillmentLineItem: { lineItem: { id: string } } | null }> };
};

export type SnapshotTransaction = {
  id: string;
  kind: string;
  status: string;
  gateway: string | null;
  amountSet: MoneyBag;
  parentTransaction: { id: string } | null;
};

export type OrderSnapshot = {
  id: string;
  name: string;
  createdAt: string;
  currencyCode: string;
  customer: { id: string; displayName: string; email: string | null } | null;
  shippingLines: { nodes: Array<{ originalPriceSet: MoneyBag }> };
  totalShippingPriceSet: MoneyBag;
  fulfillments: SnapshotFulfillment[];
  lineItems: { nodes: SnapshotLineItem[] };
  returns: { nodes: SnapshotReturn[] };
  transactions: SnapshotTransaction[];
};

// The snapshot is the engine's input: this line stops compiling if the two drift apart.
export const asEngineOrder = (snapshot: OrderSnapshot): EngineOrderSnapshot => snapshot;

export type SnapshotPageSizes = {
  lineItems: number;
  fulfillments: number;
  fulfillmentLineItems: number;
  returns: number;
  returnLineItems: number;
  shippingLines: number;
  transactions: number;
};

/** About 800 cost points for the first query; Shopify refuses single queries over 1000. */
export const DEFAULT_PAGE_SIZES: SnapshotPageSizes = {
  lineItems: 50,
  fulfillments: 10,
  fulfillmentLineItems: 10,
  returns: 5,
  returnLineItems: 10,
  shippingLines: 5,
  transactions: 20,
};

/**
 * Fulfillments and transactions are plain lists (no cursor): when the first batch comes back
 * full, a bigger one is asked for — as big as the 1000-point limit allows (a transaction costs 4
 * points with its money and parent). An order with even more is refused rather than cut short.
 */
const ALL_FULFILLMENTS = 250;
const ALL_TRANSACTIONS = 200;

type RawFulfillmentLineItem = { id: string; quantity: number | null; lineItem: { id: string } };
type RawReturnLine = { quantity: number; fulfillmentLineItem?: { lineItem: { id: string } } | null };
type RawReturn = { id: string; status: ReturnStatus; returnLineItems: Page<RawReturnLine> };
type RawFulfillment = Omit<SnapshotFulfillment, "fulfillmentLineItems"> & { fulfillmentLineItems: Page<RawFulfillmentLineItem> };
type RawOrder = Omit<OrderSnapshot, "customer" | "shippingLines" | "fulfillments" | "lineItems" | "returns"> & {
  customer: { id: string; displayName: string; defaultEmailAddress: { emailAddress: string } | null } | null;
  shippingLines: Page<{ originalPriceSet: MoneyBag }>;
  fulfillments: RawFulfillment[];
  lineItems: Page<SnapshotLineItem>;
  returns: Page<RawReturn>;
};

function fulfillmentLineItem(raw: RawFulfillmentLineItem): SnapshotFulfillmentLineItem {
  if (raw.quantity === null) throw new ShopifyGraphqlError(`Fulfillment line item ${raw.id} has no quantity`, []);
  return { id: raw.id, quantity: raw.quantity, lineItem: { id: raw.lineItem.id } };
}

function returnLine(raw: RawReturnLine) {
  return { quantity: raw.quantity, fulfillmentLineItem: raw.fulfillmentLineItem ? { lineItem: { id: raw.fulfillmentLineItem.lineItem.id } } : null };
}

async function fulfillmentLineItems(client: AdminClient, fulfillmentId: string, first: Page<RawFulfillmentLineItem> | null, size: number) {
  const fetchPage = async (after: string | null) => {
    const data = await client.query<{ fulfillment: { fulfillmentLineItems: Page<RawFulfillmentLineItem> } | null }>(FulfillmentLineItemsPageQuery, { id: fulfillmentId, first: size, after });
    if (!data.fulfillment) throw new ShopifyGraphqlError(`Fulfillment ${fulfillmentId} disappeared while reading it`, []);
    return data.fulfillment.fulfillmentLineItems;
  };
  const nodes = await collectPages(first ?? (await fetchPage(null)), (after) => fetchPage(after));
  return nodes.map(fulfillmentLineItem);
}

async function returnLineItems(client: AdminClient, returnId: string, first: Page<RawReturnLine>, size: number) {
  const nodes = await collectPages(first, async (after) => {
    const data = await client.query<{ return: { returnLineItems: Page<RawReturnLine> } | null }>(ReturnLineItemsPageQuery, { id: returnId, first: size, after });
    if (!data.return) throw new ShopifyGraphqlError(`Return ${returnId} disappeared while reading it`, []);
    return data.return.returnLineItems;
  });
  return nodes.map(returnLine);
}

/**
 * The order snapshot, or null when the shop has no such order. Page sizes can be lowered (tests
 * do, to exercise pagination); every list comes back complete either way.
 */
export async function getOrderSnapshot(api: AdminApi, orderId: string, pageSizes: Partial<SnapshotPageSizes> = {}): Promise<OrderSnapshot | null> {
  const client = adminClient(api);
  const size = { ...DEFAULT_PAGE_SIZES, ...pageSizes };
  const data = await client.query<{ order: RawOrder | null }>(OrderSnapshotQuery, {
    id: orderId,
    lineItemsFirst: size.lineItems,
    fulfillmentsFirst: size.fulfillments,
    fulfillmentLineItemsFirst: size.fulfillmentLineItems,
    returnsFirst: size.returns,
    returnLineItemsFirst: size.returnLineItems,
    shippingLinesFirst: size.shippingLines,
    transactionsFirst: size.transactions,
  });
  const order = data.order;
  if (!order) return null;

  const lineItems = await collectPages(order.lineItems, async (after) => {
    const page = await client.query<{ order: { lineItems: Page<SnapshotLineItem> } | null }>(OrderLineItemsPageQuery, { id: orderId, first: size.lineItems, after });
    if (!page.order) throw new ShopifyGraphqlError(`Order ${orderId} disappeared while reading it`, []);
    return page.order.lineItems;
  });

  const shippingLines = await collectPages(order.shippingLines, async (after) => {
    const page = await client.query<{ order: { shippingLines: Page<{ originalPriceSet: MoneyBag }> } | null }>(OrderShippingLinesPageQuery, { id: orderId, first: size.shippingLines, after });
    if (!page.order) throw new ShopifyGraphqlError(`Order ${orderId} disappeared while reading it`, []);
    return page.order.shippingLines;
  });

  let fulfillmentList: Array<Omit<RawFulfillment, "fulfillmentLineItems"> & { fulfillmentLineItems: Page<RawFulfillmentLineItem> | null }> = order.fulfillments;
  if (order.fulfillments.length >= size.fulfillments) {
    const all = await client.query<{ order: { fulfillments: Array<Omit<SnapshotFulfillment, "fulfillmentLineItems">> } | null }>(OrderFulfillmentsQuery, { id: orderId, first: ALL_FULFILLMENTS });
    if ((all.order?.fulfillments.length ?? 0) >= ALL_FULFILLMENTS) throw new ShopifyGraphqlError(`Order ${orderId} has more fulfillments than can be read (${ALL_FULFILLMENTS})`, []);
    const known = new Map(order.fulfillments.map((f) => [f.id, f]));
    fulfillmentList = (all.order?.fulfillments ?? []).map((f) => known.get(f.id) ?? { ...f, fulfillmentLineItems: null });
  }
  const fulfillments: SnapshotFulfillment[] = [];
  for (const f of fulfillmentList) {
    fulfillments.push({
      id: f.id,
      createdAt: f.createdAt,
      deliveredAt: f.deliveredAt,
      displayStatus: f.displayStatus,
      fulfillmentLineItems: { nodes: await fulfillmentLineItems(client, f.id, f.fulfillmentLineItems, size.fulfillmentLineItems) },
    });
  }

  const rawReturns = await collectPages(order.returns, async (after) => {
    const page = await client.query<{ order: { returns: Page<RawReturn> } | null }>(OrderReturnsPageQuery, { id: orderId, first: size.returns, after, returnLineItemsFirst: size.returnLineItems });
    if (!page.order) throw new ShopifyGraphqlError(`Order ${orderId} disappeared while reading it`, []);
    return page.order.returns;
  });
  const returns: SnapshotReturn[] = [];
  for (const r of rawReturns) {
    returns.push({ id: r.id, status: r.status, returnLineItems: { nodes: await returnLineItems(client, r.id, r.returnLineItems, size.returnLineItems) } });
  }

  let transactions = order.transactions;
  if (transactions.length >= size.transactions) {
    const all = await client.query<{ order: { transactions: SnapshotTransaction[] } | null }>(OrderTransactionsQuery, { id: orderId, first: ALL_TRANSACTIONS });
    transactions = all.order?.transactions ?? transactions;
    if (transactions.length >= ALL_TRANSACTIONS) throw new ShopifyGraphqlError(`Order ${orderId} has more transactions than can be read (${ALL_TRANSACTIONS})`, []);
  }

  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    currencyCode: order.currencyCode,
    customer: order.customer ? { id: order.customer.id, displayName: order.customer.displayName, email: order.customer.defaultEmailAddress?.emailAddress ?? null } : null,
    shippingLines: { nodes: shippingLines },
    totalShippingPriceSet: order.totalShippingPriceSet,
    fulfillments,
    lineItems: { nodes: lineItems },
    returns: { nodes: returns },
    transactions,
  };
}

/** Only the order's payments: what a refund is paid back through (one read). */
export async function getOrderTransactions(api: AdminApi, orderId: string): Promise<SnapshotTransaction[]> {
  const all = await adminClient(api).query<{ order: { transactions: SnapshotTransaction[] } | null }>(OrderTransactionsQuery, { id: orderId, first: ALL_TRANSACTIONS });
  if (!all.order) throw new ShopifyGraphqlError(`Order ${orderId} does not exist`, []);
  return all.order.transactions;
}
