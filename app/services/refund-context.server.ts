// What a refund needs from Shopify, in one read (RefundContextQuery): the return as it stands,
// the order's payments and a location to restock into. Only an order with more payments than
// the first page holds costs a second read.
import { RefundContextQuery } from "~/graphql/RefundContextQuery";
import { adminClient, type AdminApi } from "./admin-client";
import { getOrderTransactions, type SnapshotTransaction } from "./order-snapshot.server";
import { returnStateOf, type RawReturnState, type ReturnState } from "./return-state.server";
import type { Location } from "./reverse-logistics.server";

const LINES_PAGE = 10;
const TRANSACTIONS_PAGE = 10;

export type RefundContext = {
  state: ReturnState;
  /** The order's payments; read in full only when they are needed and the first page was full. */
  transactions: () => Promise<SnapshotTransaction[]>;
  /** The first active location, if any. */
  location: Location | null;
};

export async function getRefundContext(api: AdminApi, returnId: string): Promise<RefundContext | null> {
  const client = adminClient(api);
  const data = await client.query<{
    return: (RawReturnState & { order: { id: string; transactions: SnapshotTransaction[] } }) | null;
    locations: { nodes: Location[] };
  }>(RefundContextQuery, { id: returnId, lineItemsFirst: LINES_PAGE, transactionsFirst: TRANSACTIONS_PAGE });
  if (!data.return) return null;
  const { transactions, id: orderId } = data.return.order;
  return {
    state: await returnStateOf(client, data.return, LINES_PAGE),
    transactions: async () => (transactions.length < TRANSACTIONS_PAGE ? transactions : getOrderTransactions(client, orderId)),
    location: data.locations.nodes.find((l) => l.isActive) ?? null,
  };
}
