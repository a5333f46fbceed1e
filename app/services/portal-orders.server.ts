// The shopper portal's small order reads: who owns an order, and an order's returns as Shopify
// holds them (status, decline note). Both answer null for an order the shop does not have.
import { PortalOrderOwnerQuery } from "~/graphql/PortalOrderOwnerQuery";
import { PortalOrderReturnsQuery } from "~/graphql/PortalOrderReturnsQuery";
import { adminClient, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import { collectPages, type Page } from "./admin-types";
import type { ReturnStatus } from "./order-snapshot.server";

export type OrderOwner = { id: string; customerId: string | null };

export async function getOrderOwner(api: AdminApi, orderId: string): Promise<OrderOwner | null> {
  const data = await adminClient(api).query<{ order: { id: string; customer: { id: string } | null } | null }>(PortalOrderOwnerQuery, { id: orderId });
  return data.order ? { id: data.order.id, customerId: data.order.customer?.id ?? null } : null;
}

export type PortalShopifyReturn = { id: string; name: string; status: ReturnStatus; declineNote: string | null };

type RawReturn = { id: string; name: string; status: ReturnStatus; decline: { note: string | null } | null };
type RawOrder = { id: string; customer: { id: string } | null; returns: Page<RawReturn> };

const RETURNS_PAGE = 25;

/** The order's owner and all its returns (following pages), or null when there is no such order. */
export async function getOrderReturns(api: AdminApi, orderId: string): Promise<(OrderOwner & { returns: PortalShopifyReturn[] }) | null> {
  const client = adminClient(api);
  const read = (after: string | null) => client.query<{ order: RawOrder | null }>(PortalOrderReturnsQuery, { id: orderId, first: RETURNS_PAGE, after });
  const first = (await read(null)).order;
  if (!first) return null;
  const returns = await collectPages(first.returns, async (after) => {
    const next = (await read(after)).order;
    if (!next) throw new ShopifyGraphqlError(`Order ${orderId} disappeared while reading it`, []);
    return next.returns;
  });
  return {
    id: first.id,
    customerId: first.customer?.id ?? null,
    returns: returns.map((r) => ({ id: r.id, name: r.name, status: r.status, declineNote: r.decline?.note ?? null })),
  };
}
