// Bulk approve from the return queue: every id is re-read under the shop, and only REQUESTED,
// fully eligible cases are approved, each through the case review service under its optimistic
// lock. The others are reported back as skipped (with why) or failed (with Shopify's or the
// lock's message); an unexpected error is rethrown.
import type { Db } from "~/db.server";
import { actionFailure } from "~/lib/action-errors.server";
import type { AdminApi } from "./admin-client";
import { approveCase } from "./case-review.server";

export type BulkApproveResult = {
  approved: number;
  approvedIds: string[];
  skipped: Array<{ id: string; label: string; reason: string }>;
  failed: Array<{ id: string; label: string; message: string }>;
};

const STATUS_WORD: Record<string, string> = { IN_TRANSIT: "in transit" };

export async function bulkApproveCases(db: Db, api: AdminApi, { shop, ids, actor }: { shop: string; ids: readonly string[]; actor: string }): Promise<BulkApproveResult> {
  const result: BulkApproveResult = { approved: 0, approvedIds: [], skipped: [], failed: [] };
  // One at a time: each call waits for Shopify, and the Admin API client paces itself on throttling.
  for (const id of ids) {
    const current = await db.returnCase.findFirst({ where: { id, shop }, select: { id: true, status: true, fullyEligible: true, version: true, rmaNumber: true, orderName: true } });
    if (!current) {
      result.skipped.push({ id, label: id, reason: "This return was not found in this store." });
      continue;
    }
    const label = current.rmaNumber ?? current.orderName;
    if (current.status !== "REQUESTED") {
      const word = STATUS_WORD[current.status] ?? current.status.toLowerCase();
      result.skipped.push({ id, label, reason: `It is already ${word}; only requested returns can be approved.` });
      continue;
    }
    if (!current.fullyEligible) {
      result.skipped.push({ id, label, reason: "Not every item is eligible under your policy; open the return to decide it." });
      continue;
    }
    try {
      await approveCase(db, api, { shop, caseId: id, expectedVersion: current.version, actor, notifyCustomer: true });
      result.approved += 1;
      result.approvedIds.push(id);
    } catch (error) {
      const failure = actionFailure(error);
      if (!failure) throw error;
      result.failed.push({ id, label, message: failure.error });
    }
  }
  return result;
}
