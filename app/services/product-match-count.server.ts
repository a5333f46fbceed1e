// Live match counts for the policy editor's exclusions: for each product tag, product type or
// vendor an exclusion names (or "gift cards"), how many of the store's products Shopify's
// product search finds. Counting runs one small productsCount query per distinct value.
import { ProductMatchCountQuery } from "~/graphql/ProductMatchCountQuery";
import type { CountableMatcher, ProductCount } from "~/lib/policy-form";
import { runAdminOperation, type AdminApi } from "./admin-client";

export type MatchCountRequest = { by: CountableMatcher; value: string | null };
export type MatchCount = ProductCount;

/** At most this many values are counted per request (one exclusion rarely names more). */
export const MAX_COUNTED_VALUES = 20;

/** A value as a quoted search term: `"final sale"` (quotes and backslashes escaped). */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The product search that finds what a matcher value names, e.g. `tag:"hygiene"`. */
export function productSearchQuery(by: CountableMatcher, value: string | null): string {
  switch (by) {
    case "productTag":
      return `tag:${quoted(value ?? "")}`;
    case "productType":
      return `product_type:${quoted(value ?? "")}`;
    case "vendor":
      return `vendor:${quoted(value ?? "")}`;
    case "giftCard":
      return "gift_card:true";
  }
}

/** Counts the store's products for each requested value (duplicates are counted once). */
export async function countMatchingProducts(api: AdminApi, requests: readonly MatchCountRequest[]): Promise<MatchCount[]> {
  const distinct = new Map<string, MatchCountRequest>();
  for (const r of requests) distinct.set(productSearchQuery(r.by, r.value), r);
  if (distinct.size > MAX_COUNTED_VALUES) throw new RangeError(`At most ${MAX_COUNTED_VALUES} values can be counted at once`);
  const out: MatchCount[] = [];
  // One at a time: a count is cheap, and the editor asks again as the merchant types.
  for (const [query, r] of distinct) {
    const data = await runAdminOperation<{ productsCount: { count: number; precision: "EXACT" | "AT_LEAST" } | null }>(api, ProductMatchCountQuery, { query });
    out.push({ by: r.by, value: r.value, query, count: data.productsCount?.count ?? 0, precision: data.productsCount?.precision ?? "EXACT" });
  }
  return out;
}
