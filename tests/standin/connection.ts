// Relay connections as Shopify serves them: `first`/`last` required (at most 250), opaque
// cursors that survive inserts (they name the item, not its position), `after`/`before`,
// `reverse`, and `{ edges { cursor node }, nodes, pageInfo }`.
import { legacyId } from "./ids";
import { shopifyError } from "./errors";

export const MAX_PAGE_SIZE = 250;

export type ConnectionArgs = { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null };

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: key, last_value: key })).toString("base64");
}

function decodeCursor(cursor: string): string | number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown };
    if (typeof parsed.last_id === "number" || typeof parsed.last_id === "string") return parsed.last_id;
  } catch {
    // fall through
  }
  throw shopifyError(`Invalid cursor for current pagination sort.`, "BAD_REQUEST");
}

/** The size a connection may return, or an error Shopify would answer for these arguments. */
export function pageSize(args: ConnectionArgs): number {
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw shopifyError("you must provide one of first or last", "BAD_REQUEST");
  }
  const size = (first ?? last) as number;
  if (size < 0) throw shopifyError("first and last must be non-negative", "BAD_REQUEST");
  if (size > MAX_PAGE_SIZE) throw shopifyError(`The maximum number of items per page is ${MAX_PAGE_SIZE} (asked for ${size}).`, "BAD_REQUEST");
  return size;
}

/** Cursor key of a record with a gid `id` (its numeric id, as Shopify's cursors carry). */
export const byGid = (item: { id: string }) => legacyId(item.id);

export function connection<T>(items: readonly T[], args: ConnectionArgs, keyOf: (item: T) => string | number, view: (item: T) => unknown) {
  const size = pageSize(args);
  let list = args.reverse ? [...items].reverse() : [...items];
  if (args.after) {
    const key = decodeCursor(args.after);
    const at = list.findIndex((item) => keyOf(item) === key);
    list = at >= 0 ? list.slice(at + 1) : [];
  }
  if (args.before) {
    const key = decodeCursor(args.before);
    const at = list.findIndex((item) => keyOf(item) === key);
    list = at >= 0 ? list.slice(0, at) : list;
  }
  const fromEnd = args.first === undefined || args.first === null;
  const page = fromEnd ? list.slice(Math.max(0, list.length - size)) : list.slice(0, size);
  const before = fromEnd ? list.length - page.length : 0;
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: view(item) }));
  const total = list.length;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: fromEnd ? Boolean(args.before) && page.length > 0 : page.length < total,
      hasPreviousPage: fromEnd ? before > 0 : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A plain list with a `first` argument (Order.fulfillments, Order.transactions). */
export function firstOf<T>(items: readonly T[], first: number | null | undefined): T[] {
  return first === undefined || first === null ? [...items] : items.slice(0, Math.max(0, first));
}
