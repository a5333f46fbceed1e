// The shopper portal's read-only answers on one order: what can be returned or claimed
// (eligibility) and what a request would get (preview). Both decide with the policy in force on
// the order snapshot the ownership check already read; neither stores anything.
import type { Db } from "~/db.server";
import { decide, type ReturnRequest } from "~/domain/policy";
import type { PortalRequest } from "~/lib/portal-schemas";
import { requireActivePolicy } from "~/models/policy-version.server";
import type { UploadOwner } from "~/models/evidence-upload.server";
import type { AdminApi } from "./admin-client";
import { CaseInputError } from "./case-errors";
import { asEngineOrder, getOrderSnapshot, type OrderSnapshot } from "./order-snapshot.server";
import { requireKnownReasons, resolveEvidence } from "./portal-submit.server";
import { eligibilityView, previewView, unreturnableLine } from "./portal-view";
import { listReturnReasons } from "./return-reasons.server";

/** The ownership check's reader when the endpoint needs the whole order: one snapshot serves both. */
export async function readOrderSnapshot(api: AdminApi, orderId: string): Promise<{ customerId: string | null; snapshot: OrderSnapshot } | null> {
  const snapshot = await getOrderSnapshot(api, orderId);
  return snapshot ? { customerId: snapshot.customer?.id ?? null, snapshot } : null;
}

/** The shopper's return cases on the order in Clause. */
export function countShopperCases(db: Db, owner: UploadOwner): Promise<number> {
  return db.returnCase.count({ where: { shop: owner.shop, orderId: owner.orderId, customerId: owner.customerId } });
}

export async function portalEligibility(db: Db, api: AdminApi, input: { owner: UploadOwner; snapshot: OrderSnapshot; now?: Date }) {
  const policy = await requireActivePolicy(db, input.owner.shop);
  const reasons = await listReturnReasons(api);
  return eligibilityView({
    policy: policy.policy,
    policyVersion: policy.version,
    snapshot: input.snapshot,
    reasons,
    existingReturns: await countShopperCases(db, input.owner),
    now: input.now ?? new Date(),
  });
}

/**
 * What the request would get if submitted now: the same decision openCase would make (the
 * shopper's uploads count as evidence), and the same refusal for a line Shopify cannot take.
 */
export async function portalPreview(db: Db, api: AdminApi, input: { owner: UploadOwner; snapshot: OrderSnapshot; body: PortalRequest; now?: Date }) {
  const policy = await requireActivePolicy(db, input.owner.shop);
  await requireKnownReasons(api, input.body.lines);
  const { evidence } = await resolveEvidence(db, input.owner, input.body.lines);
  const request: ReturnRequest = {
    type: input.body.type,
    lines: input.body.lines.map((l) => ({
      lineItemId: l.lineItemId,
      quantity: l.quantity,
      condition: l.condition,
      reason: l.reason ?? "",
      evidence: evidence.filter((e) => e.lineItemId === l.lineItemId).map((e) => ({ kind: e.kind, url: `evidence:${e.storageKey}` })),
    })),
  };
  const order = asEngineOrder(input.snapshot);
  const decision = decide(policy.policy, order, request, input.now ?? new Date());
  const names = new Map(input.snapshot.lineItems.nodes.map((n) => [n.id, n.name]));
  const refused = unreturnableLine(decision, (id) => names.get(id) ?? id);
  if (refused) throw new CaseInputError(refused, "lines");
  return previewView(policy.policy, order, decision);
}
