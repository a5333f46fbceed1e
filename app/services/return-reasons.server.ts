// Shopify's return reason definitions (id, handle, name), without the deleted ones: what a
// shopper can choose as the reason for a return.
import { ReturnReasonDefinitionsQuery } from "~/graphql/ReturnReasonDefinitionsQuery";
import { adminClient, type AdminApi } from "./admin-client";
import { collectPages, type Page } from "./admin-types";

export type ReturnReason = { id: string; handle: string; name: string };

type RawReason = ReturnReason & { deleted: boolean };

const PAGE_SIZE = 50;

export async function listReturnReasons(api: AdminApi): Promise<ReturnReason[]> {
  const client = adminClient(api);
  const page = async (after: string | null) =>
    (await client.query<{ returnReasonDefinitions: Page<RawReason> }>(ReturnReasonDefinitionsQuery, { first: PAGE_SIZE, after })).returnReasonDefinitions;
  const nodes = await collectPages(await page(null), (after) => page(after));
  return nodes.filter((r) => !r.deleted).map((r) => ({ id: r.id, handle: r.handle, name: r.name }));
}
