// Reconciliation: what a crash (or a lost answer) leaves between a case and its Shopify return,
// put right by reading Shopify. Clause acts in Shopify first and records the outcome on the case
// after, so a process killed in between leaves Shopify ahead of the case:
//   - a refund claim with no outcome → settleRefund (REFUNDED when Shopify processed it; released
//     once stale, so the case can be refunded again);
//   - a decision Shopify holds that the case lacks (approved, declined, canceled, closed) →
//     mirrored through the returns/* webhooks' own path (syncCaseFromShopify);
//   - a return label Shopify holds that an approved case lacks → recorded on the case.
// Claims are checked on every pass (few, and the page settles them too); decisions and labels at
// process start, since a crash means a restart. Shopify's returns/* webhooks mirror decisions as well.
import appDb, { type Db } from "~/db.server";
import { ReturnReconcileQuery } from "~/graphql/ReturnReconcileQuery";
import { syncCaseFromShopify } from "~/models/case-sync.server";
import { applyCaseChange, CaseConflictError, getCase } from "~/models/return-case.server";
import { unauthenticated } from "~/shopify.server";
import { adminClient, type AdminApi, type AdminGraphql } from "./admin-client";
import { settleRefund } from "./case-refund.server";

export const RECONCILE_ACTOR = "Clause (reconciliation)";
/** Cases looked at per shop and pass (most recently changed first); the next start sees the rest. */
const PER_SHOP = 200;

const claims = { status: "INSPECTED", refundClaimKey: { not: null } };
const openEnded = {
  shopifyReturnId: { not: null },
  OR: [{ status: "REQUESTED" }, { status: { in: ["APPROVED", "IN_TRANSIT"] }, reverseDeliveryId: null }],
};
const candidates = (full: boolean) => (full ? { OR: [claims, openEnded] } : claims);

/** The webhook topics whose sync brings a case to where its Shopify return is. */
const MIRROR: Record<string, string[]> = {
  OPEN: ["RETURNS_APPROVE"],
  CLOSED: ["RETURNS_APPROVE", "RETURNS_CLOSE"],
  DECLINED: ["RETURNS_DECLINE"],
  CANCELED: ["RETURNS_CANCEL"],
};

type Delivery = { id: string; labelUrl: string | null; trackingNumber: string | null; trackingUrl: string | null };

async function readReturn(api: AdminApi, id: string): Promise<{ id: string; status: string; deliveries: Delivery[] } | null> {
  type Raw = { id: string; deliverable: { label?: { publicFileUrl: string | null } | null; tracking?: { number: string | null; url: string | null } | null } | null };
  const data = await adminClient(api).query<{
    return: { id: string; status: string; reverseFulfillmentOrders: { nodes: Array<{ reverseDeliveries: { nodes: Raw[] } }> } } | null;
  }>(ReturnReconcileQuery, { id });
  const r = data.return;
  if (!r) return null;
  const deliveries = r.reverseFulfillmentOrders.nodes.flatMap((o) => o.reverseDeliveries.nodes);
  return {
    id: r.id,
    status: r.status,
    deliveries: deliveries.map((d) => ({ id: d.id, labelUrl: d.deliverable?.label?.publicFileUrl ?? null, trackingNumber: d.deliverable?.tracking?.number ?? null, trackingUrl: d.deliverable?.tracking?.url ?? null })),
  };
}

/** Brings one case to where Shopify is; returns the case afterwards. */
export async function reconcileCase(db: Db, api: AdminApi, shop: string, caseId: string, now = new Date()) {
  const c = await getCase(db, shop, caseId);
  if (c.status === "INSPECTED" && c.refundClaimKey) return settleRefund(db, api, { shop, caseId, actor: RECONCILE_ACTOR, now });
  if (!c.shopifyReturnId) return c;
  const ret = await readReturn(api, c.shopifyReturnId);
  if (!ret) return c;
  for (const topic of MIRROR[ret.status] ?? []) await db.$transaction((tx) => syncCaseFromShopify(tx, shop, topic, ret.id, now));
  const fresh = await getCase(db, shop, caseId);
  const label = ret.deliveries[0];
  if (!label || fresh.reverseDeliveryId || !["APPROVED", "IN_TRANSIT"].includes(fresh.status)) return fresh;
  return applyCaseChange(db, {
    shop,
    caseId,
    expectedVersion: fresh.version,
    actor: RECONCILE_ACTOR,
    action: "label",
    now,
    guard: (before) => {
      if (before.reverseDeliveryId) throw new CaseConflictError(before);
    },
    changes: { reverseDeliveryId: label.id, labelUrl: label.labelUrl, trackingNumber: label.trackingNumber, trackingUrl: label.trackingUrl },
  });
}

export type ReconcileReport = { checked: number; changed: number; failed: number };

/** Reconciles a shop's cases: refund claims always, decisions and labels when `full`. */
export async function reconcileShop(db: Db, api: AdminApi, shop: string, options: { full: boolean; now?: Date }): Promise<ReconcileReport> {
  const cases = await db.returnCase.findMany({ where: { shop, ...candidates(options.full) }, select: { id: true, version: true }, orderBy: { updatedAt: "desc" }, take: PER_SHOP });
  const report = { checked: cases.length, changed: 0, failed: 0 };
  for (const { id, version } of cases) {
    try {
      if ((await reconcileCase(db, api, shop, id, options.now)).version !== version) report.changed++;
    } catch (error) {
      // Someone changed the case meanwhile, or Shopify could not be read: the next pass retries.
      report.failed++;
      if (!(error instanceof CaseConflictError)) console.error(`reconciling case ${id} (${shop}) failed`, error);
    }
  }
  return report;
}

/** Every installed shop with something to reconcile (shops without an offline session are skipped). */
export async function reconcileShops(db: Db, adminFor: (shop: string) => Promise<AdminApi>, options: { full: boolean; now?: Date }): Promise<ReconcileReport> {
  const shops = (await db.returnCase.findMany({ where: candidates(options.full), select: { shop: true }, distinct: ["shop"] })).map((r) => r.shop);
  const installed = await db.session.findMany({ where: { isOnline: false, shop: { in: shops } }, select: { shop: true }, distinct: ["shop"] });
  const total = { checked: 0, changed: 0, failed: 0 };
  for (const { shop } of installed) {
    try {
      const report = await reconcileShop(db, await adminFor(shop), shop, options);
      total.checked += report.checked;
      total.changed += report.changed;
      total.failed += report.failed;
    } catch (error) {
      total.failed++;
      console.error(`reconciling ${shop} failed`, error);
    }
  }
  return total;
}

const appAdmin = async (shop: string) => (await unauthenticated.admin(shop)).admin.graphql as AdminGraphql;

/** What the app runs at process start: every case a crash may have left behind, via the shops' offline sessions. */
export function bootReconciliation(now?: Date): Promise<ReconcileReport> {
  return reconcileShops(appDb, appAdmin, { full: true, ...(now ? { now } : {}) });
}

let timer: NodeJS.Timeout | undefined;
let running = false;

/** For app/entry.server.tsx: the boot pass, then refund claims every `everyMs` (never two passes at once). */
export function startCaseReconciler(everyMs = 60_000): void {
  if (timer) return;
  const pass = (work: () => Promise<unknown>) => {
    if (running) return;
    running = true;
    void work()
      .catch((e) => console.error("case reconciliation failed", e))
      .finally(() => (running = false));
  };
  pass(() => bootReconciliation());
  timer = setInterval(() => pass(() => reconcileShops(appDb, appAdmin, { full: false })), everyMs);
  timer.unref();
}
