// Approve or decline a return case: check the transition, act in Shopify, then record the new
// state under the case's optimistic lock. Shopify's own return states serialise conflicting
// decisions (approve and decline both need REQUESTED), and its approve/decline calls succeed
// again on a return already in the target state, so a retry after a failure is safe.
import type { Db } from "~/db.server";
import { nextStatus, type CaseStatus } from "~/domain/cases";
import { formatRma, type Policy } from "~/domain/policy";
import { applyCaseTransition, CaseConflictError, getCase, nextRmaSequence } from "~/models/return-case.server";
import type { AdminApi } from "./admin-client";
import { approveReturn, declineReasonFor, declineReturn, type DeclineInput } from "./return-review.server";

type CaseRef = { shop: string; caseId: string; expectedVersion: number; actor: string; now?: Date };

export class CaseNotInShopifyError extends Error {
  override name = "CaseNotInShopifyError";
  constructor(caseId: string) {
    super(`Return case ${caseId} has no Shopify return to act on yet.`);
  }
}

/** Loads the case and refuses (before anything reaches Shopify) a stale version or an action its status does not allow. */
async function checked(db: Db, ref: CaseRef, action: "approve" | "decline") {
  const current = await getCase(db, ref.shop, ref.caseId);
  if (current.version !== ref.expectedVersion) throw new CaseConflictError(current);
  nextStatus(current.status as CaseStatus, action);
  if (!current.shopifyReturnId) throw new CaseNotInShopifyError(ref.caseId);
  return { current, returnId: current.shopifyReturnId };
}

export async function approveCase(db: Db, api: AdminApi, ref: CaseRef & { notifyCustomer: boolean }) {
  const { current, returnId } = await checked(db, ref, "approve");
  await approveReturn(api, { returnId, notifyCustomer: ref.notifyCustomer });
  const policy = JSON.parse(current.policyJson) as Policy;
  const now = ref.now ?? new Date();
  return applyCaseTransition(db, {
    ...ref,
    action: "approve",
    changes: async (tx) => ({
      rmaNumber: current.rmaNumber ?? formatRma(policy.rma, await nextRmaSequence(tx, ref.shop)),
      approvedAt: now,
      firstRepliedAt: current.firstRepliedAt ?? now,
    }),
  });
}

/** What the decline form starts with: the first line the engine refused, its clause and reason. */
export function suggestedDecline(lines: ReadonlyArray<{ code: string; clause: string; explanation: string }>) {
  const refused = lines.find((l) => l.code !== "OK");
  if (!refused) return null;
  return { reason: declineReasonFor(refused.code), clause: { id: refused.clause }, explanation: refused.explanation };
}

export async function declineCase(
  db: Db,
  api: AdminApi,
  ref: CaseRef & Pick<DeclineInput, "reason" | "explanation" | "clause" | "notifyCustomer">,
) {
  const { current, returnId } = await checked(db, ref, "decline");
  await declineReturn(api, { returnId, reason: ref.reason, explanation: ref.explanation, clause: ref.clause, notifyCustomer: ref.notifyCustomer });
  const now = ref.now ?? new Date();
  return applyCaseTransition(db, { ...ref, action: "decline", changes: { firstRepliedAt: current.firstRepliedAt ?? now, closedAt: null } });
}
