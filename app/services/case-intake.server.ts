// Opening a return case: the policy in force decides the request on a fresh order snapshot,
// Shopify's return is requested with the decided restocking fees and return shipping fee, the
// RMA number is issued, and the case stores the decision with what it was made on (policy, order, request) so inspection
// can recompute it without another read. Idempotent by the caller's request key.
//
// Lines the policy refuses (an excluded hygiene item, a window that closed) still go to Shopify
// with the request, so the agent can decline it there with the clause; lines Shopify cannot take
// at all (unknown, unfulfilled, more than was delivered) are refused before anything is stored.
import type { Db } from "~/db.server";
import { decide, returnRequestSchema, type Decision, type ReturnRequest } from "~/domain/policy";
import { requireActivePolicy } from "~/models/policy-version.server";
import { createCase, findCaseByRequestKey } from "~/models/return-case.server";
import type { AdminApi } from "./admin-client";
import { CaseInputError } from "./case-errors";
import { asEngineOrder, getOrderSnapshot, type OrderSnapshot } from "./order-snapshot.server";
import { requestReturn, restockingFeeFromRefundPercent } from "./return-request.server";
import { allocateToFulfillmentLines, getReturnableFulfillments } from "./returnable-fulfillments.server";

/** Codes Shopify itself would refuse: the request cannot become a return at all. */
const UNRETURNABLE = new Set(["UNKNOWN_LINE_ITEM", "NOT_FULFILLED", "QUANTITY_EXCEEDS_RETURNABLE"]);

export type StoredEvidence = { lineItemId: string; kind: "photo" | "video"; contentType: string; byteSize: number; storageKey: string };

export type OpenCaseInput = {
  shop: string;
  orderId: string;
  request: ReturnRequest;
  /** Client-generated: a repeated submit returns the first case and calls Shopify once. */
  requestKey?: string | null;
  /** Files already stored by the evidence store, per line. */
  evidence?: StoredEvidence[];
  /** Shopify's return reason definition the shopper chose, per line item (sent with the return). */
  reasonDefinitionIds?: Readonly<Record<string, string>>;
  actor: string;
  now?: Date;
};

export class OrderNotFoundError extends Error {
  override name = "OrderNotFoundError";
  constructor(orderId: string) {
    super(`Order ${orderId} was not found in this store.`);
  }
}

/** The engine's request with each line's stored evidence as references it can count. */
function withEvidence(request: ReturnRequest, evidence: readonly StoredEvidence[]): ReturnRequest {
  return {
    ...request,
    lines: request.lines.map((l) => ({
      ...l,
      evidence: [...l.evidence, ...evidence.filter((e) => e.lineItemId === l.lineItemId).map((e) => ({ kind: e.kind, url: `evidence:${e.storageKey}` }))],
    })),
  };
}

function refusedForShopify(decision: Decision, snapshot: OrderSnapshot): string | null {
  const line = decision.lines.find((l) => UNRETURNABLE.has(l.code));
  if (!line) return null;
  const name = snapshot.lineItems.nodes.find((n) => n.id === line.lineItemId)?.name ?? line.lineItemId;
  return `${name}: ${line.explanation}`;
}

export async function openCase(db: Db, api: AdminApi, input: OpenCaseInput) {
  if (input.requestKey) {
    const existing = await findCaseByRequestKey(db, input.shop, input.requestKey);
    if (existing) return existing;
  }
  const parsed = returnRequestSchema.safeParse(input.request);
  if (!parsed.success) throw new CaseInputError(`The return request is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const request = withEvidence(parsed.data, input.evidence ?? []);
  const now = input.now ?? new Date();
  const policy = await requireActivePolicy(db, input.shop);
  const snapshot = await getOrderSnapshot(api, input.orderId);
  if (!snapshot) throw new OrderNotFoundError(input.orderId);
  const decision = decide(policy.policy, asEngineOrder(snapshot), request, now);
  const refused = refusedForShopify(decision, snapshot);
  if (refused) throw new CaseInputError(refused, "lines");

  const returnable = await getReturnableFulfillments(api, input.orderId);
  const allocated = allocateToFulfillmentLines(returnable, request.lines);
  const byLine = new Map(decision.lines.map((l) => [l.lineItemId, l]));
  const reasonOf = new Map(request.lines.map((l) => [l.lineItemId, l.reason]));
  const shippingFee = decision.deductions.find((d) => d.kind === "RETURN_SHIPPING_FEE");
  const shopifyReturn = await requestReturn(
    api,
    {
      orderId: input.orderId,
      lines: allocated.map((a) => {
        const line = byLine.get(a.lineItemId);
        return {
          fulfillmentLineItemId: a.fulfillmentLineItemId,
          quantity: a.quantity,
          restockingFeePercent: line?.eligible && line.refundPercent !== null ? restockingFeeFromRefundPercent(line.refundPercent) : null,
          customerNote: (reasonOf.get(a.lineItemId) ?? "").slice(0, 300) || null,
          returnReasonDefinitionId: input.reasonDefinitionIds?.[a.lineItemId] ?? null,
        };
      }),
      returnShippingFee: shippingFee && shippingFee.amount !== "0" ? { amount: shippingFee.amount, currencyCode: decision.currency } : null,
    },
    { existingReturnIds: snapshot.returns.nodes.map((r) => r.id) },
  );

  const returnLineOf = (lineItemId: string) => shopifyReturn.lines.find((l) => l.lineItemId === lineItemId) ?? null;
  return createCase(
    db,
    input.shop,
    {
      orderId: snapshot.id,
      orderName: snapshot.name,
      customerId: snapshot.customer?.id ?? null,
      customerEmail: snapshot.customer?.email?.toLowerCase() ?? null,
      customerName: snapshot.customer?.displayName ?? null,
      claimType: request.type,
      shopifyReturnId: shopifyReturn.id,
      policyId: policy.id,
      policyVersion: policy.version,
      policyJson: JSON.stringify(policy.policy),
      decisionJson: JSON.stringify(decision),
      orderJson: JSON.stringify(asEngineOrder(snapshot)),
      requestJson: JSON.stringify(request),
      fullyEligible: decision.lines.every((l) => l.eligible),
      currency: decision.currency,
      refundEstimate: decision.refundTotal,
      requestKey: input.requestKey ?? null,
      evidence: input.evidence?.length
        ? { createMany: { data: input.evidence.map((e) => ({ kind: e.kind, contentType: e.contentType, byteSize: e.byteSize, storageKey: e.storageKey, lineItemId: e.lineItemId })) } }
        : undefined,
      lines: decision.lines.map((l) => ({
        lineItemId: l.lineItemId,
        fulfillmentLineItemId: returnLineOf(l.lineItemId)?.fulfillmentLineItemId ?? null,
        shopifyReturnLineItemId: returnLineOf(l.lineItemId)?.id ?? null,
        title: snapshot.lineItems.nodes.find((n) => n.id === l.lineItemId)?.name ?? l.lineItemId,
        quantity: l.quantity,
        declaredCondition: request.lines.find((r) => r.lineItemId === l.lineItemId)?.condition ?? l.condition,
        refundBasisPoints: l.refundPercent === null ? null : Math.round(l.refundPercent * 100),
        code: l.code,
        clause: l.clause,
        explanation: l.explanation,
        reason: reasonOf.get(l.lineItemId) ?? "",
      })),
    },
    input.actor,
    now,
    // The shopper quotes the RMA on the parcel and to support from the moment they submit.
    policy.policy.rma,
  );
}
