// Shapes shared by the Admin API services.
import { ShopifyGraphqlError } from "./admin-errors";

/** `MoneyV2`: a decimal string in the currency's major unit ("19.99", "4800.0"). */
export type Money = { amount: string; currencyCode: string };

/** `MoneyBag`, reduced to the shop currency (services read shopMoney only). */
export type MoneyBag = { shopMoney: Money };

export type PageInfo = { hasNextPage: boolean; endCursor: string | null };

export type Page<T> = { nodes: T[]; pageInfo: PageInfo };

/** All nodes of a connection: `first` already fetched, then `next(after)` while Shopify says there is more. */
export async function collectPages<T>(first: Page<T>, next: (after: string) => Promise<Page<T>>): Promise<T[]> {
  const nodes = [...first.nodes];
  let info = first.pageInfo;
  while (info.hasNextPage) {
    if (!info.endCursor) throw new ShopifyGraphqlError("Admin API said there is a next page but gave no cursor", []);
    const page = await next(info.endCursor);
    nodes.push(...page.nodes);
    info = page.pageInfo;
  }
  return nodes;
}
