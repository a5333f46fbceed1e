// The agent return queue: one page of a shop's cases under the URL's filters, and the home
// page's counts. Always scoped by shop.
//
// Pagination is keyset ("seek") pagination on the sort's full key, with the page's first or last
// case id as the opaque cursor. It is written out here rather than with Prisma's `cursor`
// because Prisma's cursor cannot step past a NULL in a sort column (prisma/prisma#3505), and the
// SLA sort puts every case without a running timer (slaDueAt NULL) last.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { businessCalendarOf, type Policy } from "~/domain/policy";
import { endOfLocalToday, localDayRange, slaBadge, type SlaBadge } from "~/domain/cases/queue-day";
import { OPEN_STATUSES, QUEUE_PAGE_SIZE, type QueueFilterInput, type QueueFilters, type QueueSort } from "~/lib/queue-filters";
import { activePolicy } from "./policy-version.server";

/** The columns the queue's table shows: never the JSON snapshots. */
const columns = {
  id: true,
  rmaNumber: true,
  orderName: true,
  customerName: true,
  customerEmail: true,
  claimType: true,
  status: true,
  urgent: true,
  escalated: true,
  fullyEligible: true,
  refundEstimate: true,
  currency: true,
  slaDueAt: true,
  createdAt: true,
} as const satisfies Prisma.ReturnCaseSelect;

type Row = Prisma.ReturnCaseGetPayload<{ select: typeof columns }>;
export type QueueRow = Row & { sla: SlaBadge | null };

export type QueuePage = {
  rows: QueueRow[];
  hasNext: boolean;
  hasPrevious: boolean;
  /** Cursors for the next and previous pages (`after=` / `before=`), null when there is none. */
  nextCursor: string | null;
  previousCursor: string | null;
  /** Whether the shop has any case at all: tells "nothing yet" from "nothing matches". */
  shopHasCases: boolean;
  /** The zone dates were read in: the active policy's calendar, else the caller's fallback. */
  timeZone: string;
};

/** The page link names a case this shop does not have (any more). */
export class QueueCursorError extends Error {
  override name = "QueueCursorError";
  constructor() {
    super("This page link is no longer valid; go back to the first page.");
  }
}

export type ListOptions = {
  /** The shop's time zone when it has no active policy (read lazily: usually not needed). */
  fallbackTimeZone?: () => Promise<string> | string;
};

/** The filters as a Prisma condition (without the cursor). */
function filterWhere(shop: string, f: QueueFilters, now: Date, timeZone: string): Prisma.ReturnCaseWhereInput {
  const and: Prisma.ReturnCaseWhereInput[] = [];
  if (f.status.length) and.push({ status: { in: f.status } });
  if (f.claimType.length) and.push({ claimType: { in: f.claimType } });
  if (f.urgent !== undefined) and.push({ urgent: f.urgent });
  if (f.escalated !== undefined) and.push({ escalated: f.escalated });
  if (f.overdue === true) and.push({ slaDueAt: { lte: now } });
  if (f.overdue === false) and.push({ OR: [{ slaDueAt: null }, { slaDueAt: { gt: now } }] });
  if (f.dueToday !== undefined) {
    const endOfToday = endOfLocalToday(timeZone, now);
    and.push(f.dueToday ? { slaDueAt: { gt: now, lt: endOfToday } } : { OR: [{ slaDueAt: null }, { slaDueAt: { lte: now } }, { slaDueAt: { gte: endOfToday } }] });
  }
  if (f.createdFrom || f.createdTo) and.push({ createdAt: localDayRange(timeZone, f.createdFrom, f.createdTo) });
  // searchText is stored lower-cased, so a plain `contains` is case-insensitive on SQLite and
  // PostgreSQL alike (Prisma's `mode: "insensitive"` exists on PostgreSQL only).
  if (f.q) and.push({ searchText: { contains: f.q.toLowerCase() } });
  return { shop, AND: and };
}

type Key = Pick<Row, "id" | "slaDueAt" | "createdAt">;
type Direction = "forward" | "backward";

/** The sort order read forward (as shown) or backward (to fetch the page before a cursor). */
function orderOf(sort: QueueSort, direction: Direction): Prisma.ReturnCaseOrderByWithRelationInput[] {
  const fwd = direction === "forward";
  if (sort === "newest") return [{ createdAt: fwd ? "desc" : "asc" }, { id: fwd ? "desc" : "asc" }];
  return [{ slaDueAt: fwd ? { sort: "asc", nulls: "last" } : { sort: "desc", nulls: "first" } }, { createdAt: fwd ? "asc" : "desc" }, { id: fwd ? "asc" : "desc" }];
}

/** Cases strictly after (forward) or before (backward) `k` in the sort order. */
function beyond(sort: QueueSort, k: Key, direction: Direction): Prisma.ReturnCaseWhereInput {
  const fwd = direction === "forward";
  if (sort === "newest") {
    const cmp = fwd ? "lt" : "gt";
    return { OR: [{ createdAt: { [cmp]: k.createdAt } }, { createdAt: k.createdAt, id: { [cmp]: k.id } }] };
  }
  // SLA: slaDueAt ascending with NULLs last, then createdAt, then id, all ascending.
  const cmp = fwd ? "gt" : "lt";
  const tie: Prisma.ReturnCaseWhereInput[] = [{ createdAt: { [cmp]: k.createdAt } }, { createdAt: k.createdAt, id: { [cmp]: k.id } }];
  if (k.slaDueAt === null) {
    // Among the NULLs (the tail): forward stays in the tail; backward also takes every timed case.
    return fwd ? { slaDueAt: null, OR: tie } : { OR: [{ slaDueAt: { not: null } }, { slaDueAt: null, OR: tie }] };
  }
  const sameDue = tie.map((t) => ({ slaDueAt: k.slaDueAt, ...t }));
  // `slaDueAt > x` and `< x` never match NULL; forward, the NULL tail comes after every timed case.
  return { OR: [{ slaDueAt: { [cmp]: k.slaDueAt } }, ...sameDue, ...(fwd ? [{ slaDueAt: null }] : [])] };
}

async function timeZoneAndPolicy(db: Db, shop: string, options: ListOptions) {
  const active = await activePolicy(db, shop);
  if (active) return { policy: active.policy as Policy | null, timeZone: businessCalendarOf(active.policy).timeZone };
  return { policy: null, timeZone: (await options.fallbackTimeZone?.()) ?? "UTC" };
}

/** SLA badges: one calendar (the active policy's) for every row, else each row's own stored policy. */
async function withSla(db: Db, shop: string, rows: Row[], policy: Policy | null, now: Date): Promise<QueueRow[]> {
  let policyOf = (_id: string): Policy | null => policy;
  if (!policy) {
    const timed = rows.filter((r) => r.slaDueAt).map((r) => r.id);
    const stored = timed.length ? await db.returnCase.findMany({ where: { shop, id: { in: timed } }, select: { id: true, policyJson: true } }) : [];
    const byId = new Map(stored.map((s) => [s.id, JSON.parse(s.policyJson) as Policy]));
    policyOf = (id) => byId.get(id) ?? null;
  }
  return rows.map((r) => {
    const p = r.slaDueAt ? policyOf(r.id) : null;
    return { ...r, sla: r.slaDueAt && p ? slaBadge(p, r.slaDueAt, now) : null };
  });
}

/**
 * One page (25 cases) of the shop's queue under `filters`, sorted by SLA due time (soonest first,
 * cases without a running timer last) or newest first; `filters.after`/`before` page on from a
 * case id. A cursor whose page has since emptied (its cases moved on) falls back to the first page.
 */
export async function listCases(db: Db, shop: string, filters: QueueFilters, now: Date, options: ListOptions = {}): Promise<QueuePage> {
  const { policy, timeZone } = await timeZoneAndPolicy(db, shop, options);
  const where = filterWhere(shop, filters, now, timeZone);
  const cursorId = filters.after ?? filters.before;
  const direction: Direction = filters.before ? "backward" : "forward";
  let cursor: Key | null = null;
  if (cursorId) {
    cursor = await db.returnCase.findFirst({ where: { shop, id: cursorId }, select: { id: true, slaDueAt: true, createdAt: true } });
    if (!cursor) throw new QueueCursorError();
  }

  const page = (key: Key | null, dir: Direction, take: number) =>
    db.returnCase.findMany({ where: key ? { AND: [where, beyond(filters.sort, key, dir)] } : where, orderBy: orderOf(filters.sort, dir), take, select: columns });
  const exists = async (key: Key, dir: Direction) => (await page(key, dir, 1)).length > 0;

  let fetched = await page(cursor, direction, QUEUE_PAGE_SIZE + 1);
  if (cursor && fetched.length === 0) {
    cursor = null;
    fetched = await page(null, "forward", QUEUE_PAGE_SIZE + 1);
  }
  const more = fetched.length > QUEUE_PAGE_SIZE;
  const rows = fetched.slice(0, QUEUE_PAGE_SIZE);
  if (cursor && direction === "backward") rows.reverse();

  const first = rows[0];
  const last = rows[rows.length - 1];
  let hasNext: boolean;
  let hasPrevious: boolean;
  if (!cursor) {
    hasNext = more;
    hasPrevious = false;
  } else if (direction === "forward") {
    hasNext = more;
    hasPrevious = first ? await exists(first, "backward") : false;
  } else {
    hasPrevious = more;
    hasNext = last ? await exists(last, "forward") : false;
  }

  const shopHasCases = rows.length > 0 || (await db.returnCase.findFirst({ where: { shop }, select: { id: true } })) !== null;
  return {
    rows: await withSla(db, shop, rows, policy, now),
    hasNext,
    hasPrevious,
    nextCursor: hasNext && last ? last.id : null,
    previousCursor: hasPrevious && first ? first.id : null,
    shopHasCases,
    timeZone,
  };
}

export type CaseCounts = { open: number; dueToday: number; overdue: number; escalated: number };

/**
 * The home page's queue counts, over open cases only (OPEN_STATUSES: work left for an agent;
 * declined, refunded and closed cases are not counted):
 *   open       every open case
 *   overdue    open cases whose next SLA timer is due at or before `now`
 *   dueToday   open cases due after `now` and before the next midnight in `timeZone`
 *   escalated  open cases flagged escalated
 * Each matches the queue under the filters `queueFiltersForCount` gives, so a count's link
 * shows exactly the cases counted.
 */
export async function caseCounts(db: Db, shop: string, now: Date, timeZone: string): Promise<CaseCounts> {
  const open: Prisma.ReturnCaseWhereInput = { shop, status: { in: [...OPEN_STATUSES] } };
  const [all, dueToday, overdue, escalated] = await Promise.all([
    db.returnCase.count({ where: open }),
    db.returnCase.count({ where: { ...open, slaDueAt: { gt: now, lt: endOfLocalToday(timeZone, now) } } }),
    db.returnCase.count({ where: { ...open, slaDueAt: { lte: now } } }),
    db.returnCase.count({ where: { ...open, escalated: true } }),
  ]);
  return { open: all, dueToday, overdue, escalated };
}

/** The queue filters showing exactly the cases behind each count. */
export const queueFiltersForCount = {
  open: { status: OPEN_STATUSES },
  dueToday: { status: OPEN_STATUSES, dueToday: true },
  overdue: { status: OPEN_STATUSES, overdue: true },
  escalated: { status: OPEN_STATUSES, escalated: true },
} as const satisfies Record<keyof CaseCounts, QueueFilterInput>;
