// Approve or decline a return case, and the return label: check the transition, act in Shopify,
// then record the new state under the case's optimistic lock. Shopify's own return states
// serialise conflicting decisions (approve and decline both need REQUESTED). Shopify refuses to
// approve or decline a return twice, so when it refuses because the return is already where the
// action leads (an earlier attempt landed but its answer was lost), that is the action's outcome:
// an agent trying again after a failure gets the decision recorded, not a stuck case.
import type { Db } from "~/db.server";
import { nextStatus, type CaseStatus } from "~/domain/cases";
import { formatRma, policyClauses, type Policy } from "~/domain/policy";
import { applyCaseChange, applyCaseTransition, CaseConflictError, getCase, nextRmaSequence } from "~/models/return-case.server";
import type { AdminApi } from "./admin-client";
import { AdminApiError, ShopifyUserError } from "./admin-errors";
import { CaseInputError, CaseNotInShopifyError } from "./case-errors";
import { approveReturn, declineReasonFor, declineReturn, type DeclineInput } from "./return-review.server";
import type { ReturnStatus } from "./order-snapshot.server";
import { getReturn, type ReturnState } from "./return-state.server";
import { createReverseDelivery } from "./reverse-logistics.server";

export type CaseRef = { shop: string; caseId: string; expectedVersion: number; actor: string; now?: Date };
export type LabelInput = { fileUrl?: string | null; trackingNumber?: string | null; trackingUrl?: string | null };
type CaseRow = Awaited<ReturnType<typeof getCase>>;

/** Loads the case and refuses (before anything reaches Shopify) a stale version or a state that does not allow the action. */
export async function checkedCase(db: Db, ref: CaseRef, allowed: (c: CaseRow) => void) {
  const current = await getCase(db, ref.shop, ref.caseId);
  if (current.version !== ref.expectedVersion) throw new CaseConflictError(current);
  allowed(current);
  if (!current.shopifyReturnId) throw new CaseNotInShopifyError(ref.caseId);
  return { current, returnId: current.shopifyReturnId };
}

const lifecycle = (action: "approve" | "decline") => (c: CaseRow) => void nextStatus(c.status as CaseStatus, action);

/**
 * Records a decision Shopify has accepted. If Shopify's own webhook for it was applied to the
 * case first (same decision, actor "Shopify admin"), that is this action's outcome, not a conflict.
 */
async function recordDecision(db: Db, args: Parameters<typeof applyCaseTransition>[1], target: CaseStatus) {
  try {
    return await applyCaseTransition(db, args);
  } catch (error) {
    if (!(error instanceof CaseConflictError)) throw error;
    const fresh = await getCase(db, args.shop, args.caseId);
    if (fresh.status !== target) throw error;
    return fresh;
  }
}

/** A decision on an escalated case settles the escalation too. */
export const decisionStamp = (c: { escalatedAt: Date | null; escalationDecidedAt: Date | null }, now: Date) =>
  c.escalatedAt && !c.escalationDecidedAt ? { escalationDecidedAt: now } : {};

function hasLabel(label: LabelInput | null | undefined): label is LabelInput {
  return Boolean(label && (label.fileUrl?.trim() || label.trackingNumber?.trim() || label.trackingUrl?.trim()));
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && /^[a-z0-9.-]+$/i.test(url.hostname) && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function checkLabel(label: LabelInput) {
  for (const [field, value] of [["fileUrl", label.fileUrl], ["trackingUrl", label.trackingUrl]] as const) {
    if (value?.trim() && !isHttpsUrl(value.trim())) throw new CaseInputError("Label and tracking links must be full https:// addresses (https://carrier.example/label.pdf).", field);
  }
}

/**
 * Shopify refused an approve or decline because the return is no longer requested. Already in
 * `target` (this action's earlier attempt landed, or the same decision was taken in Shopify
 * admin), the return as it stands is the outcome. Otherwise someone decided otherwise first
 * (another agent a moment ago, or staff in Shopify admin): for the agent that is the same
 * conflict as a stale case version.
 */
async function settledInShopify(db: Db, api: AdminApi, ref: CaseRef, returnId: string, target: ReturnStatus, error: unknown): Promise<ReturnState> {
  if (!(error instanceof ShopifyUserError && error.has("INVALID_STATE"))) throw error;
  const state = await getReturn(api, returnId);
  if (state?.status === target) return state;
  throw new CaseConflictError(
    await getCase(db, ref.shop, ref.caseId),
    "This return was just decided by someone else (Shopify no longer has it as requested). The page shows the latest state; check it and try again.",
  );
}

/**
 * Approves the Shopify return and assigns the RMA. With a label (file URL and/or tracking), also
 * attaches it as a reverse delivery; if only that part fails, the approval stands and the
 * result carries `labelError` so the agent can attach it again from the case.
 */
export async function approveCase(db: Db, api: AdminApi, ref: CaseRef & { notifyCustomer: boolean; label?: LabelInput | null }) {
  if (hasLabel(ref.label)) checkLabel(ref.label);
  const { current, returnId } = await checkedCase(db, ref, lifecycle("approve"));
  const approved = await approveReturn(api, { returnId, notifyCustomer: ref.notifyCustomer }).catch((e: unknown) => settledInShopify(db, api, ref, returnId, "OPEN", e));
  const policy = JSON.parse(current.policyJson) as Policy;
  const now = ref.now ?? new Date();
  const after = await recordDecision(db, {
    ...ref,
    action: "approve",
    changes: async (tx) => ({
      rmaNumber: current.rmaNumber ?? formatRma(policy.rma, await nextRmaSequence(tx, ref.shop)),
      approvedAt: now,
      firstRepliedAt: current.firstRepliedAt ?? now,
      ...decisionStamp(current, now),
    }),
  }, "APPROVED");
  if (!hasLabel(ref.label)) return { ...after, labelError: null };
  try {
    const rfos = approved.reverseFulfillmentOrders;
    return { ...(await labelCase(db, api, after, rfos, { ...ref, ...ref.label, expectedVersion: after.version })), labelError: null };
  } catch (error) {
    if (!(error instanceof AdminApiError || error instanceof CaseInputError)) throw error;
    return { ...after, labelError: `The return was approved, but the label could not be attached: ${error.message}` };
  }
}

type Rfo = { id: string; lineItems: Array<{ id: string; totalQuantity: number }> };

async function labelCase(db: Db, api: AdminApi, current: CaseRow, rfos: readonly Rfo[], ref: CaseRef & LabelInput & { notifyCustomer: boolean }) {
  const rfo = rfos[0];
  if (!rfo) throw new CaseInputError("Shopify has no reverse fulfillment order for this return yet, so there is nothing to label.");
  const delivery = await createReverseDelivery(api, {
    reverseFulfillmentOrderId: rfo.id,
    lines: rfo.lineItems.map((l) => ({ reverseFulfillmentOrderLineItemId: l.id, quantity: l.totalQuantity })),
    labelFileUrl: ref.fileUrl?.trim() || null,
    tracking: { number: ref.trackingNumber?.trim() || null, url: ref.trackingUrl?.trim() || null },
    notifyCustomer: ref.notifyCustomer,
  });
  return applyCaseChange(db, {
    ...ref,
    expectedVersion: current.version,
    action: "label",
    changes: {
      reverseDeliveryId: delivery.id,
      labelUrl: delivery.labelUrl ?? ref.fileUrl?.trim() ?? null,
      trackingNumber: delivery.tracking?.number ?? ref.trackingNumber?.trim() ?? null,
      trackingUrl: delivery.tracking?.url ?? ref.trackingUrl?.trim() ?? null,
    },
  });
}

/** Attaches (or replaces) the return label and tracking of an approved case. */
export async function attachLabel(db: Db, api: AdminApi, ref: CaseRef & LabelInput & { notifyCustomer: boolean }) {
  if (!hasLabel(ref)) throw new CaseInputError("Give a label file URL or a tracking number.");
  checkLabel(ref);
  const { current, returnId } = await checkedCase(db, ref, (c) => {
    if (c.status !== "APPROVED" && c.status !== "IN_TRANSIT") throw new CaseInputError(`A label can be attached while the return is approved or in transit; this case is ${c.status.toLowerCase()}.`);
  });
  const state = await getReturn(api, returnId);
  if (!state) throw new CaseNotInShopifyError(ref.caseId);
  return labelCase(db, api, current, state.reverseFulfillmentOrders, ref);
}

/** What the decline form starts with: the first line the engine refused, its clause and reason. */
export function suggestedDecline(lines: ReadonlyArray<{ code: string; clause: string; explanation: string }>) {
  const refused = lines.find((l) => l.code !== "OK");
  if (!refused) return null;
  return { reason: declineReasonFor(refused.code), clause: { id: refused.clause }, explanation: refused.explanation };
}

/**
 * Declines the return with the reason and the clause it rests on (a clause of the policy the case
 * was decided under; its title is looked up there), which Shopify's decline note cites.
 */
export async function declineCase(
  db: Db,
  api: AdminApi,
  ref: CaseRef & Pick<DeclineInput, "reason" | "explanation" | "notifyCustomer"> & { clauseId: string },
) {
  if (!ref.explanation.trim()) throw new CaseInputError("Say why the return is declined; the shopper sees it.", "explanation");
  const { current, returnId } = await checkedCase(db, ref, lifecycle("decline"));
  const clause = policyClauses(JSON.parse(current.policyJson) as Policy).find((c) => c.id === ref.clauseId);
  if (!clause) throw new CaseInputError(`"${ref.clauseId}" is not a clause of the policy this case was decided under; choose one from the list.`, "clauseId");
  await declineReturn(api, { returnId, reason: ref.reason, explanation: ref.explanation, clause: { id: clause.id, title: clause.title }, notifyCustomer: ref.notifyCustomer }).catch(
    (e: unknown) => settledInShopify(db, api, ref, returnId, "DECLINED", e),
  );
  const now = ref.now ?? new Date();
  return recordDecision(db, { ...ref, action: "decline", changes: { firstRepliedAt: current.firstRepliedAt ?? now, ...decisionStamp(current, now) } }, "DECLINED");
}
