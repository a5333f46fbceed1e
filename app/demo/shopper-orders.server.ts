// The orders the offline shopper preview opens: a demo shop's order with its customer (the one
// the preview signs in as), and, for the index, each demo shop's recent delivered orders that
// have return cases or something the policy lets the customer send back, decided by the same
// code the portal API answers with (portal-view.ts).
import db from "~/db.server";
import { activePolicy } from "~/models/policy-version.server";
import type { AdminGraphql } from "~/services/admin-client";
import { adminClient } from "~/services/admin-client";
import { getOrderSnapshot, type OrderSnapshot } from "~/services/order-snapshot.server";
import { getOrderOwner } from "~/services/portal-orders.server";
import { eligibilityView } from "~/services/portal-view";
import { unauthenticated } from "~/shopify.server";
import { DEMO_SHOPS } from "./demo-shops";

/** A shop's recent orders, light: enough to skip those no window could still cover. */
export const ShopperPreviewOrdersQuery = `#graphql
  query ShopperPreviewOrders($first: Int!) {
    orders(first: $first, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        customer {
          id
        }
        fulfillments(first: 10) {
          createdAt
          deliveredAt
        }
      }
    }
  }
`;

export type DemoShop = (typeof DEMO_SHOPS)[number];

export const demoShop = (shop: string): DemoShop | null => DEMO_SHOPS.find((s) => s.shop === shop) ?? null;

async function adminOf(shop: string): Promise<AdminGraphql> {
  return (await unauthenticated.admin(shop)).admin.graphql as AdminGraphql;
}

/** The order (numeric id) of a demo shop, with its customer; null when the shop has no such order. */
export async function readShopperOrder(shop: string, orderId: string): Promise<OrderSnapshot | null> {
  if (!/^\d{1,20}$/.test(orderId)) return null;
  return getOrderSnapshot(await adminOf(shop), `gid://shopify/Order/${orderId}`);
}

/** The customer (gid) who placed a demo shop's order (numeric id); null for an unknown or guest order. */
export async function readOrderCustomer(shop: string, orderId: string): Promise<string | null> {
  if (!/^\d{1,20}$/.test(orderId)) return null;
  return (await getOrderOwner(await adminOf(shop), `gid://shopify/Order/${orderId}`))?.customerId ?? null;
}

export type IndexLine = { title: string; returnable: boolean; clause: string; explanation: string };
export type IndexOrder = {
  shop: string;
  shopName: string;
  preset: string;
  orderId: string;
  orderName: string;
  customer: string;
  deliveredAt: string | null;
  /** Clause cases on the order. */
  cases: number;
  /** Shopify returns on the order that still hold items (they may have borne the original shipping). */
  activeReturns: number;
  shipping: string;
  lines: IndexLine[];
  href: string;
};

const RECENT_ORDERS = 60;
const DAY = 86_400_000;
const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

function deliveredAt(snapshot: OrderSnapshot): string | null {
  const days = snapshot.fulfillments.map((f) => f.deliveredAt).filter((d): d is string => typeof d === "string");
  return days.length ? days.sort().at(-1)! : null;
}

type Policy = NonNullable<Awaited<ReturnType<typeof activePolicy>>>["policy"];

/** The longest a request can come after delivery under the policy: its return window or a claim's report window. */
function longestWindowDays(policy: Policy): number {
  const claims = Object.entries(policy.claims).filter(([type]) => type !== "RETURN") as Array<[string, { offered: boolean; reportWindowDays: number }]>;
  return Math.max(policy.returnWindow.days, ...claims.filter(([, c]) => c.offered).map(([, c]) => c.reportWindowDays)) + policy.returnWindow.assumedTransitDays + 1;
}

type RecentOrder = { id: string; customer: { id: string } | null; fulfillments: Array<{ createdAt: string; deliveredAt: string | null }> };

async function listShopOrders(demo: DemoShop, now: Date): Promise<IndexOrder[]> {
  const policy = await activePolicy(db, demo.shop);
  if (!policy) return [];
  const admin = await adminOf(demo.shop);
  const caseCounts = await db.returnCase.groupBy({ by: ["orderId"], where: { shop: demo.shop }, _count: { _all: true } });
  const cases = new Map(caseCounts.map((c) => [c.orderId, c._count._all]));
  const recent = await adminClient(admin).query<{ orders: { nodes: RecentOrder[] } }>(ShopperPreviewOrdersQuery, { first: RECENT_ORDERS });
  const since = now.getTime() - longestWindowDays(policy.policy) * DAY;
  const candidates = recent.orders.nodes
    .filter((o) => o.customer && o.fulfillments.some((f) => Date.parse(f.deliveredAt ?? f.createdAt) >= since))
    .map((o) => o.id);
  const out: IndexOrder[] = [];
  for (const id of new Set([...candidates, ...cases.keys()])) {
    const snapshot = await getOrderSnapshot(admin, id);
    const delivered = snapshot && deliveredAt(snapshot);
    if (!snapshot?.customer || !delivered) continue;
    const view = eligibilityView({ policy: policy.policy, policyVersion: policy.version, snapshot, reasons: [], existingReturns: cases.get(id) ?? 0, now });
    const claimable = view.claimTypes.some((c) => c.lineItemIds.length > 0);
    if (!cases.get(id) && !claimable) continue;
    const shipping = snapshot.shippingLines.nodes.reduce((sum, s) => sum + Number(s.originalPriceSet.shopMoney.amount), 0);
    out.push({
      shop: demo.shop,
      shopName: demo.name,
      preset: demo.preset,
      orderId: numericId(id),
      orderName: snapshot.name,
      customer: snapshot.customer.displayName,
      deliveredAt: delivered,
      cases: cases.get(id) ?? 0,
      activeReturns: snapshot.returns.nodes.filter((r) => r.status !== "DECLINED" && r.status !== "CANCELED").length,
      shipping: shipping.toFixed(2),
      lines: view.lines.map((l) => ({ title: l.title, returnable: l.returnable, clause: l.clause, explanation: l.explanation })),
      href: `/demo/shopper?${new URLSearchParams({ shop: demo.shop, order: numericId(id) })}`,
    });
  }
  return out.sort((x, y) => (y.deliveredAt ?? "").localeCompare(x.deliveredAt ?? ""));
}

// Reading every candidate order takes a few seconds per shop; a shop's list is kept until a case
// is opened in it (a shopper submitted) or two minutes pass (an agent's decision shows then).
const CACHE_MS = 2 * 60_000;
const cache = new Map<string, { key: string; at: number; orders: Promise<IndexOrder[]> }>();

async function cachedShopOrders(demo: DemoShop, now: Date): Promise<IndexOrder[]> {
  const latest = await db.returnCase.aggregate({ where: { shop: demo.shop }, _count: { _all: true }, _max: { createdAt: true } });
  const key = `${latest._count._all}:${latest._max.createdAt?.getTime() ?? 0}`;
  const hit = cache.get(demo.shop);
  if (hit && hit.key === key && now.getTime() - hit.at < CACHE_MS) return hit.orders;
  const orders = listShopOrders(demo, now);
  cache.set(demo.shop, { key, at: now.getTime(), orders });
  orders.catch(() => cache.delete(demo.shop));
  return orders;
}

/** Each demo shop's (or one's) customers' delivered orders with cases or something to return or claim, newest delivery first. */
export async function listShopperOrders(options: { shop?: string; now?: Date } = {}): Promise<IndexOrder[]> {
  const shops = DEMO_SHOPS.filter((s) => !options.shop || s.shop === options.shop);
  return (await Promise.all(shops.map((demo) => cachedShopOrders(demo, options.now ?? new Date())))).flat();
}
