// What Shopify will still accept in a return: per fulfillment, its line items and how many of
// each can be returned (fulfilled, less what other returns hold). Paginates both levels.
import { ReturnableFulfillmentLineItemsPageQuery } from "~/graphql/ReturnableFulfillmentLineItemsPageQuery";
import { ReturnableFulfillmentsQuery } from "~/graphql/ReturnableFulfillmentsQuery";
import { adminClient, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import { collectPages, type Page } from "./admin-types";

export type ReturnableLine = { fulfillmentLineItemId: string; lineItemId: string; returnableQuantity: number; fulfilledQuantity: number | null };
export type ReturnableFulfillment = { id: string; fulfillmentId: string; lines: ReturnableLine[] };

type RawLine = { quantity: number; fulfillmentLineItem: { id: string; quantity: number | null; lineItem: { id: string } } };
type RawFulfillment = { id: string; fulfillment: { id: string }; returnableFulfillmentLineItems: Page<RawLine> };

// 5 fulfillments × 25 lines keeps the query near 400 cost points (Shopify refuses over 1000).
const FULFILLMENTS_PER_PAGE = 5;
const LINES_PER_PAGE = 25;

export async function getReturnableFulfillments(api: AdminApi, orderId: string): Promise<ReturnableFulfillment[]> {
  const client = adminClient(api);
  const fetchPage = async (after: string | null) =>
    (await client.query<{ returnableFulfillments: Page<RawFulfillment> }>(ReturnableFulfillmentsQuery, { orderId, first: FULFILLMENTS_PER_PAGE, after, lineItemsFirst: LINES_PER_PAGE })).returnableFulfillments;
  const fulfillments = await collectPages(await fetchPage(null), (after) => fetchPage(after));
  const out: ReturnableFulfillment[] = [];
  for (const f of fulfillments) {
    const lines = await collectPages(f.returnableFulfillmentLineItems, async (after) => {
      const data = await client.query<{ returnableFulfillment: { returnableFulfillmentLineItems: Page<RawLine> } | null }>(ReturnableFulfillmentLineItemsPageQuery, { id: f.id, first: LINES_PER_PAGE, after });
      if (!data.returnableFulfillment) throw new ShopifyGraphqlError(`Returnable fulfillment ${f.id} disappeared while reading it`, []);
      return data.returnableFulfillment.returnableFulfillmentLineItems;
    });
    out.push({
      id: f.id,
      fulfillmentId: f.fulfillment.id,
      lines: lines.map((l) => ({ fulfillmentLineItemId: l.fulfillmentLineItem.id, lineItemId: l.fulfillmentLineItem.lineItem.id, returnableQuantity: l.quantity, fulfilledQuantity: l.fulfillmentLineItem.quantity })),
    });
  }
  return out;
}

export type LineToReturn = { lineItemId: string; quantity: number };
export type FulfillmentLineToReturn = { fulfillmentLineItemId: string; lineItemId: string; quantity: number };

/**
 * Spreads order-line quantities (what the policy engine decides on) over returnable fulfillment
 * line items (what Shopify's return mutations take), earliest fulfillment first. Throws when a
 * line asks for more than is returnable.
 */
export function allocateToFulfillmentLines(returnable: readonly ReturnableFulfillment[], lines: readonly LineToReturn[]): FulfillmentLineToReturn[] {
  const left = new Map<string, number>();
  for (const f of returnable) for (const l of f.lines) left.set(l.fulfillmentLineItemId, l.returnableQuantity);
  const out: FulfillmentLineToReturn[] = [];
  for (const line of lines) {
    let wanted = line.quantity;
    for (const f of returnable) {
      for (const l of f.lines) {
        if (wanted === 0) break;
        if (l.lineItemId !== line.lineItemId) continue;
        const take = Math.min(wanted, left.get(l.fulfillmentLineItemId) ?? 0);
        if (take <= 0) continue;
        left.set(l.fulfillmentLineItemId, (left.get(l.fulfillmentLineItemId) ?? 0) - take);
        out.push({ fulfillmentLineItemId: l.fulfillmentLineItemId, lineItemId: line.lineItemId, quantity: take });
        wanted -= take;
      }
    }
    if (wanted > 0) throw new RangeError(`Line item ${line.lineItemId}: ${wanted} more than Shopify will accept in a return`);
  }
  return out;
}
