// Shopify's search syntax for `query:` arguments, the subset the stand-in filters on:
// space-separated terms (AND), `field:value`, comparators `field:>=value`, negation `-field:v`,
// single- or double-quoted values (`created_at:>='2026-05-07T08:37:00Z'`), free text. A field the resource does not model is an error, not a
// silently ignored filter, so a test never passes on a filter that did nothing.
import { shopifyError } from "./errors";

export type SearchTerm = { field: string | null; op: "=" | ">" | ">=" | "<" | "<="; value: string; negated: boolean };

export function parseSearchQuery(query: string): SearchTerm[] {
  const tokens = query.match(/-?(?:[A-Za-z_]+:)?(?:>=|<=|>|<)?(?:"[^"]*"|'[^']*'|\S+)/g) ?? [];
  return tokens.map((token) => {
    let rest = token;
    const negated = rest.startsWith("-");
    if (negated) rest = rest.slice(1);
    let field: string | null = null;
    const colon = /^([A-Za-z_]+):/.exec(rest);
    if (colon) {
      field = (colon[1] as string).toLowerCase();
      rest = rest.slice(colon[0].length);
    }
    let op: SearchTerm["op"] = "=";
    const cmp = /^(>=|<=|>|<)/.exec(rest);
    if (field && cmp) {
      op = cmp[1] as SearchTerm["op"];
      rest = rest.slice(op.length);
    }
    const quoted = rest.length >= 2 && ((rest.startsWith('"') && rest.endsWith('"')) || (rest.startsWith("'") && rest.endsWith("'")));
    const value = quoted ? rest.slice(1, -1) : rest;
    if (!field && (value === "OR" || value === "AND")) throw shopifyError(`The stand-in's search does not model ${value}`, "NOT_MODELLED_BY_STAND_IN");
    return { field, op, value, negated };
  });
}

export type FieldMatcher<T> = (item: T, term: SearchTerm) => boolean;

export function filterBySearch<T>(items: readonly T[], query: string | null | undefined, fields: Record<string, FieldMatcher<T>>, freeText: (item: T, text: string) => boolean): T[] {
  if (!query || !query.trim()) return [...items];
  const terms = parseSearchQuery(query);
  for (const term of terms) {
    if (term.field && !fields[term.field]) {
      throw shopifyError(`The stand-in's search does not model the '${term.field}' filter`, "NOT_MODELLED_BY_STAND_IN");
    }
  }
  return items.filter((item) =>
    terms.every((term) => {
      const matched = term.field ? (fields[term.field] as FieldMatcher<T>)(item, term) : freeText(item, term.value.toLowerCase());
      return term.negated ? !matched : matched;
    }),
  );
}

export function compareDate(ms: number, term: SearchTerm): boolean {
  const at = Date.parse(term.value);
  if (Number.isNaN(at)) throw shopifyError(`Invalid date in search: ${term.value}`, "BAD_REQUEST");
  switch (term.op) {
    case ">":
      return ms > at;
    case ">=":
      return ms >= at;
    case "<":
      return ms < at;
    case "<=":
      return ms <= at;
    default: {
      // A bare date matches that whole (UTC) day.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(term.value);
      return day ? ms >= at && ms < at + 86_400_000 : ms === at;
    }
  }
}

/** Case-insensitive; a trailing `*` is a prefix match. */
export function matchText(actual: string, wanted: string): boolean {
  const a = actual.toLowerCase();
  const w = wanted.toLowerCase();
  return w.endsWith("*") ? a.startsWith(w.slice(0, -1)) : a === w;
}
