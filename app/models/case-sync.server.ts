// Keeps a case in step with its Shopify return when someone acts on the return in Shopify
// admin (returns/approve, decline, cancel, close webhooks). Runs inside the webhook inbox's
// transaction. Clause's own actions produce the same webhooks; the case is then already in
// that state and nothing happens, so a webhook retried or delivered out of order is harmless.
import type { Prisma } from "@prisma/client";
import { nextStatus, type CaseAction, type CaseStatus, CaseTransitionError } from "~/domain/cases";
import { formatRma, type Policy } from "~/domain/policy";
import { applyCaseChange, findCaseByShopifyReturn, nextRmaSequence } from "./return-case.server";

type Tx = Prisma.TransactionClient;

export const SHOPIFY_ACTOR = "Shopify admin";

const ACTION_OF: Record<string, CaseAction> = {
  RETURNS_APPROVE: "approve",
  RETURNS_DECLINE: "decline",
  RETURNS_CANCEL: "cancel",
  RETURNS_CLOSE: "close",
};

/** Applies the Shopify-side change to the case, when the case's state allows it and lacks it. */
export async function syncCaseFromShopify(tx: Tx, shop: string, topic: string, returnId: string, now = new Date()) {
  const action = ACTION_OF[topic];
  if (!action) return null;
  const current = await findCaseByShopifyReturn(tx, shop, returnId);
  if (!current) return null;
  try {
    nextStatus(current.status as CaseStatus, action);
  } catch (error) {
    if (error instanceof CaseTransitionError) return null; // already there, or past it
    throw error;
  }
  // Shopify closes a return by itself once every item is processed: Clause's refund path owns that.
  if (action === "close" && current.status === "INSPECTED") return null;
  const policy = JSON.parse(current.policyJson) as Policy;
  return applyCaseChange(tx, {
    shop,
    caseId: current.id,
    expectedVersion: current.version,
    actor: SHOPIFY_ACTOR,
    action,
    now,
    changes: async (t) => {
      if (action === "approve") {
        return { rmaNumber: current.rmaNumber ?? formatRma(policy.rma, await nextRmaSequence(t, shop)), approvedAt: now, firstRepliedAt: current.firstRepliedAt ?? now };
      }
      if (action === "decline") return { firstRepliedAt: current.firstRepliedAt ?? now };
      return { closedAt: now };
    },
  });
}
