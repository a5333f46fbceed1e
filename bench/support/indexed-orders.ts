// An index for the stand-in's `orders` connection, for the simulation benchmark only.
//
// Why: the stand-in answers every `orders` page by filtering, sorting and scanning all of the
// shop's orders (tests/standin/resolvers/queries.ts): fine for the tests' 60 orders, but over
// 100,000 orders that is ~16,700 pages × 100,000 orders, and the benchmark would time the
// stand-in's scans instead of Clause. Shopify answers a page from an index; so does this: the
// filtered, sorted list is built once per (search, sort) and a page is a slice after the
// cursor's position. Only searches on created_at/processed_at, read forward with `first`, take
// this path (what the simulation sends); anything else goes to the stand-in's own resolver.
// `checkIndexedOrders` compares both on sample pages before the timed run.
import { byGid, connection, encodeCursor, type ConnectionArgs } from "../../tests/standin/connection";
import type { ResolverContext } from "../../tests/standin/resolvers/context";
import { queryRoot } from "../../tests/standin/resolvers/queries";
import { compareDate, filterBySearch } from "../../tests/standin/search-query";
import type { OrderRecord, ShopStore } from "../../tests/standin/store";
import { viewOrder } from "../../tests/standin/views";

type OrdersArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };
type OrdersResolver = (args: OrdersArgs, ctx: ResolverContext) => ReturnType<typeof queryRoot.orders>;
type Index = { size: number; list: OrderRecord[]; position: Map<number, number> };

const DATE_FIELDS = {
  created_at: (o: OrderRecord, t: Parameters<typeof compareDate>[1]) => compareDate(o.createdAt, t),
  processed_at: (o: OrderRecord, t: Parameters<typeof compareDate>[1]) => compareDate(o.processedAt, t),
};

const standInOrders: OrdersResolver = queryRoot.orders;
const indexes = new WeakMap<ShopStore, Map<string, Index>>();

/** The matching orders in the stand-in's order (same filter, same sort key and tie-break). */
function build(store: ShopStore, args: OrdersArgs): OrderRecord[] | null {
  let filtered: OrderRecord[];
  let freeText = false;
  try {
    filtered = filterBySearch([...store.orders.values()], args.query, DATE_FIELDS, () => {
      freeText = true;
      return false;
    });
  } catch {
    return null; // a field this index does not cover: the stand-in answers (or refuses) it
  }
  if (freeText) return null;
  const sortKey = args.sortKey ?? "PROCESSED_AT";
  const key = (o: OrderRecord) => (sortKey === "CREATED_AT" ? o.createdAt : sortKey === "ID" || sortKey === "ORDER_NUMBER" ? byGid(o) : o.processedAt);
  filtered.sort((a, b) => key(a) - key(b) || byGid(a) - byGid(b));
  if (args.reverse) filtered.reverse();
  return filtered;
}

function indexFor(store: ShopStore, args: OrdersArgs): Index | null {
  const byQuery = indexes.get(store) ?? new Map<string, Index>();
  indexes.set(store, byQuery);
  const cacheKey = `${args.query ?? ""}|${args.sortKey ?? ""}|${args.reverse ? 1 : 0}`;
  const cached = byQuery.get(cacheKey);
  if (cached && cached.size === store.orders.size) return cached;
  const list = build(store, args);
  if (!list) return null;
  const index: Index = { size: store.orders.size, list, position: new Map(list.map((o, i) => [byGid(o), i])) };
  byQuery.set(cacheKey, index);
  return index;
}

function cursorKey(cursor: string): unknown {
  try {
    return (JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown }).last_id;
  } catch {
    return undefined;
  }
}

const indexedOrders: OrdersResolver = (args, ctx) => {
  const forwardOnly = typeof args.first === "number" && (args.last === undefined || args.last === null) && !args.before;
  const index = forwardOnly ? indexFor(ctx.store, args) : null;
  if (!index) return standInOrders(args, ctx);
  const size = args.first as number;
  let start = 0;
  if (args.after) {
    const key = cursorKey(args.after);
    if (typeof key !== "number") return standInOrders(args, ctx); // malformed: the stand-in's error
    const at = index.position.get(key);
    start = at === undefined ? index.list.length : at + 1;
  }
  // One more than the page, so `connection` can tell whether a next page exists.
  const result = connection(index.list.slice(start, start + size + 1), { first: size }, byGid, (o) => viewOrder(ctx.store, o));
  result.pageInfo.hasPreviousPage = Boolean(args.after);
  return result;
};

/** Answers `orders` from the index in this process (the stand-in's queryRoot is shared). */
export function useIndexedOrders(): void {
  (queryRoot as { orders: OrdersResolver }).orders = indexedOrders;
}

/**
 * Both resolvers on the first page, after a quarter and half of the list, on the last page and
 * past the end: the same orders in the same order and the same pageInfo, or it throws.
 */
export function checkIndexedOrders(store: ShopStore, args: Omit<OrdersArgs, "after">): number {
  const ctx: ResolverContext = { store, now: () => Date.now(), emit: () => {} };
  const list = indexFor(store, args)?.list;
  if (!list) throw new Error("the indexed orders do not cover this search");
  const first = args.first ?? 1;
  const positions = [Math.floor(list.length / 4), Math.floor(list.length / 2), list.length - first - 1, list.length - 1].filter((i) => i >= 0);
  const cursors = [null, ...positions.map((i) => encodeCursor(byGid(list[i]!)))];
  const shape = (r: ReturnType<OrdersResolver>) => JSON.stringify({ ids: r.nodes.map((n) => (n as { id: string }).id), pageInfo: r.pageInfo });
  for (const after of cursors) {
    const expected = shape(standInOrders({ ...args, after }, ctx));
    const actual = shape(indexedOrders({ ...args, after }, ctx));
    if (expected !== actual) throw new Error(`indexed orders differ from the stand-in's after ${after}:\n  stand-in ${expected}\n  indexed  ${actual}`);
  }
  return cursors.length;
}
