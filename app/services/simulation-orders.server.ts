// The shop's recent orders as the policy engine reads them, a page at a time, for the policy
// simulation. One SimulationOrdersPage query brings several orders with their nested lists sized
// to stay under Shopify's 1000-point limit; an order whose nested lists did not fit (more line
// items, fulfillments, returns… than a page holds) is read again in full with getOrderSnapshot,
// so every order reaches the engine complete. Orders are newest first, created in a closed
// period [from, asOf] so a resumed run sees the same orders.
import type { OrderLineItem, OrderSnapshot as EngineOrderSnapshot } from "~/domain/policy/order";
import { SimulationOrdersCountQuery } from "~/graphql/SimulationOrdersCountQuery";
import { SimulationOrdersPageQuery } from "~/graphql/SimulationOrdersPageQuery";
import { adminClient, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import type { MoneyBag, Page } from "./admin-types";
import { getOrderSnapshot, type ReturnStatus } from "./order-snapshot.server";

/** An engine order plus what the simulation shows: the order's name and its lines' titles. */
export type SimulationOrder = Omit<EngineOrderSnapshot, "lineItems"> & {
  name: string;
  createdAt: string;
  lineItems: { nodes: Array<OrderLineItem & { name: string }> };
};

export type SimulationPageSizes = {
  orders: number;
  lineItems: number;
  fulfillments: number;
  fulfillmentLineItems: number;
  returns: number;
  returnLineItems: number;
  shippingLines: number;
};

/**
 * 150 points an order, 6 orders: 902 of the 1000 points a query may ask for. Most orders fit
 * (1–4 lines, 1–2 fulfillments); the rest are read again in full.
 */
export const DEFAULT_SIMULATION_PAGE_SIZES: SimulationPageSizes = {
  orders: 6,
  lineItems: 10,
  fulfillments: 3,
  fulfillmentLineItems: 5,
  returns: 2,
  returnLineItems: 5,
  shippingLines: 2,
};

export const MAX_QUERY_COST = 1000;

/**
 * The requested cost of one SimulationOrdersPage query, as Shopify computes it: a connection is
 * 2 + first × (1 + its node), an object 1, a plain list `first` × (1 + its element), scalars 0.
 */
export function simulationPageCost(s: SimulationPageSizes): number {
  const money = 2; // MoneyBag { shopMoney }
  const shippingLines = 2 + s.shippingLines * (1 + money);
  const fulfillments = s.fulfillments * (1 + (2 + s.fulfillmentLineItems * (1 + 1)));
  // customAttributes (a list without `first`: one element), price, product, sellingPlan
  const lineItems = 2 + s.lineItems * (1 + 1 + money + 1 + 1);
  const returns = 2 + s.returns * (1 + (2 + s.returnLineItems * (1 + 2)));
  const order = 1 + shippingLines + money + fulfillments + lineItems + returns;
  return 2 + s.orders * order;
}

/** Page sizes with `overrides`, the order count lowered until a page fits the cost limit. */
export function simulationPageSizes(overrides: Partial<SimulationPageSizes> = {}): SimulationPageSizes {
  const sizes = { ...DEFAULT_SIMULATION_PAGE_SIZES, ...overrides };
  for (const [key, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < 1 || value > 250) throw new RangeError(`page size ${key} must be 1–250 (got ${value})`);
  }
  while (sizes.orders > 1 && simulationPageCost(sizes) > MAX_QUERY_COST) sizes.orders -= 1;
  if (simulationPageCost(sizes) > MAX_QUERY_COST) throw new RangeError(`one order at these page sizes costs ${simulationPageCost(sizes)} points (limit ${MAX_QUERY_COST})`);
  return sizes;
}

/** Shopify's search for orders created in the `days` up to `asOf` (both ends included). */
export function simulationOrdersSearch(asOf: Date, days: number): string {
  const from = new Date(asOf.getTime() - days * 86_400_000);
  return `created_at:>='${from.toISOString()}' created_at:<='${asOf.toISOString()}'`;
}

export type OrdersCount = { count: number; precision: "EXACT" | "AT_LEAST" };

export async function countSimulationOrders(api: AdminApi, search: string, limit = 10_000): Promise<OrdersCount> {
  const data = await adminClient(api).query<{ ordersCount: OrdersCount | null }>(SimulationOrdersCountQuery, { query: search, limit });
  return data.ordersCount ?? { count: 0, precision: "EXACT" };
}

type RawFulfillmentLineItem = { id: string; quantity: number | null; lineItem: { id: string } };
type RawReturnLine = { quantity: number; fulfillmentLineItem?: { lineItem: { id: string } } | null };
type RawOrder = {
  id: string;
  name: string;
  createdAt: string;
  currencyCode: string;
  shippingLines: Page<{ originalPriceSet: MoneyBag }>;
  totalShippingPriceSet: MoneyBag;
  fulfillments: Array<{ id: string; createdAt: string; deliveredAt: string | null; displayStatus: string | null; fulfillmentLineItems: Page<RawFulfillmentLineItem> }>;
  lineItems: Page<OrderLineItem & { name: string }>;
  returns: Page<{ id: string; status: ReturnStatus; returnLineItems: Page<RawReturnLine> }>;
};

/** True when a nested list may hold more than this page brought (the order is read again in full). */
function overflows(o: RawOrder, sizes: SimulationPageSizes): boolean {
  return (
    o.lineItems.pageInfo.hasNextPage ||
    o.shippingLines.pageInfo.hasNextPage ||
    o.returns.pageInfo.hasNextPage ||
    // A plain list has no pageInfo: a full one may have more.
    o.fulfillments.length >= sizes.fulfillments ||
    o.fulfillments.some((f) => f.fulfillmentLineItems.pageInfo.hasNextPage) ||
    o.returns.nodes.some((r) => r.returnLineItems.pageInfo.hasNextPage)
  );
}

function fromPage(o: RawOrder): SimulationOrder {
  return {
    id: o.id,
    name: o.name,
    createdAt: o.createdAt,
    currencyCode: o.currencyCode,
    shippingLines: { nodes: o.shippingLines.nodes },
    totalShippingPriceSet: o.totalShippingPriceSet,
    fulfillments: o.fulfillments.map((f) => ({
      id: f.id,
      createdAt: f.createdAt,
      deliveredAt: f.deliveredAt,
      displayStatus: f.displayStatus,
      fulfillmentLineItems: {
        nodes: f.fulfillmentLineItems.nodes.map((n) => {
          if (n.quantity === null) throw new ShopifyGraphqlError(`Fulfillment line item ${n.id} has no quantity`, []);
          return { id: n.id, quantity: n.quantity, lineItem: { id: n.lineItem.id } };
        }),
      },
    })),
    lineItems: { nodes: o.lineItems.nodes },
    returns: {
      nodes: o.returns.nodes.map((r) => ({
        id: r.id,
        status: r.status,
        returnLineItems: {
          nodes: r.returnLineItems.nodes.map((l) => ({ quantity: l.quantity, fulfillmentLineItem: l.fulfillmentLineItem ? { lineItem: { id: l.fulfillmentLineItem.lineItem.id } } : null })),
        },
      })),
    },
  };
}

export type SimulationOrdersPage = {
  orders: SimulationOrder[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Orders read again in full because their nested lists did not fit the page. */
  fullReads: number;
};

/** One page of orders matching `search`, newest first, after `after`; `first` defaults to sizes.orders. */
export async function readSimulationOrdersPage(
  api: AdminApi,
  { search, after, sizes, first }: { search: string; after: string | null; sizes: SimulationPageSizes; first?: number },
): Promise<SimulationOrdersPage> {
  const client = adminClient(api);
  const data = await client.query<{ orders: Page<RawOrder> }>(SimulationOrdersPageQuery, {
    first: Math.max(1, Math.min(first ?? sizes.orders, sizes.orders)),
    after,
    query: search,
    lineItemsFirst: sizes.lineItems,
    fulfillmentsFirst: sizes.fulfillments,
    fulfillmentLineItemsFirst: sizes.fulfillmentLineItems,
    returnsFirst: sizes.returns,
    returnLineItemsFirst: sizes.returnLineItems,
    shippingLinesFirst: sizes.shippingLines,
  });
  const orders: SimulationOrder[] = [];
  let fullReads = 0;
  for (const raw of data.orders.nodes) {
    if (!overflows(raw, sizes)) {
      orders.push(fromPage(raw));
      continue;
    }
    fullReads += 1;
    const full = await getOrderSnapshot(client, raw.id);
    if (!full) continue; // deleted between the two reads
    orders.push({
      id: full.id,
      name: full.name,
      createdAt: full.createdAt,
      currencyCode: full.currencyCode,
      shippingLines: full.shippingLines,
      totalShippingPriceSet: full.totalShippingPriceSet,
      fulfillments: full.fulfillments,
      lineItems: full.lineItems,
      returns: full.returns,
    });
  }
  return { orders, hasNextPage: data.orders.pageInfo.hasNextPage, endCursor: data.orders.pageInfo.endCursor, fullReads };
}
