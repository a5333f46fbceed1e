// Opening a return case: the policy in force decides the request on a fresh order snapshot,
// Shopify's return is requested with the decided restocking fees and return shipping fee, the
// RMA number is issued, and the case stores the decision with what it was made on (policy, order, request) so inspection
// can recompute it without another read. Idempotent by the caller's request key.
//
// With a request key, the work runs under an intake claim (intake-claim.server.ts): app
// instances racing on one key send one returnRequest, the others wait for its case. The claim
// records the order's returns before Shopify is first asked. A request whose returnRequest landed
// but whose answer was lost (or whose process crashed) leaves a requested return no case holds;
// the next attempt with the key adopts it instead of refusing (its units already count as
// returned) or creating a second one: a REQUESTED return made since the first attempt, held by no
// case, with exactly this request's lines, quantities and restocking fees, is this request's.
//
// Lines the policy refuses (an excluded hygiene item, a window that closed) still go to Shopify
// with the request, so the agent can decline it there with the clause; lines Shopify cannot take
// at all (unknown, unfulfilled, more than was delivered) are refused before anything is stored.
import type { Db } from "~/db.server";
import { decide, returnRequestSchema, type Decision, type ReturnRequest } from "~/domain/policy";
import { recordKnownReturns, type IntakeClaimHeld } from "~/models/intake-claim.server";
import { requireActivePolicy } from "~/models/policy-version.server";
import { createCase, findCaseByRequestKey, findCaseByShopifyReturn } from "~/models/return-case.server";
import type { AdminApi } from "./admin-client";
import { CaseInputError, OrderNotFoundError } from "./case-errors";
import { underIntakeClaim, type IntakeClaimOptions } from "./intake-claim.server";
import { asEngineOrder, getOrderSnapshot, type OrderSnapshot } from "./order-snapshot.server";
import { requestReturn, restockingFeeFromRefundPercent } from "./return-request.server";
import { getReturn } from "./return-state.server";
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
  /** How a second attempt waits for the first (tests shorten it). */
  claimOptions?: IntakeClaimOptions;
};

export { OrderNotFoundError };

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

/** The restocking fee (0–100) the decision puts on each line, null for none. */
function restockingFees(decision: Decision) {
  const byLine = new Map(decision.lines.map((l) => [l.lineItemId, l]));
  return (lineItemId: string) => {
    const line = byLine.get(lineItemId);
    return line?.eligible && line.refundPercent !== null ? restockingFeeFromRefundPercent(line.refundPercent) : null;
  };
}

/** A requested return of the order, made since `known`, that no case holds, with exactly the request's lines and quantities. */
async function unheldReturnFor(db: Db, shop: string, snapshot: OrderSnapshot, request: ReturnRequest, known: ReadonlySet<string>) {
  const wanted = quantitiesOf(request.lines.map((l) => [l.lineItemId, l.quantity]));
  for (const r of snapshot.returns.nodes) {
    if (r.status !== "REQUESTED" || known.has(r.id)) continue;
    if (!sameQuantities(quantitiesOf(r.returnLineItems.nodes.map((n) => [n.fulfillmentLineItem?.lineItem.id ?? null, n.quantity])), wanted)) continue;
    if (!(await findCaseByShopifyReturn(db, shop, r.id))) return r;
  }
  return null;
}

/** The return, read in full, when its restocking fees are the ones this decision sends. */
async function adoptable(api: AdminApi, returnId: string, feeOf: (lineItemId: string) => number | null) {
  const state = await getReturn(api, returnId);
  if (!state || state.lines.some((l) => !l.lineItemId || (l.restockingFeePercent || null) !== (feeOf(l.lineItemId) || null))) return null;
  return state;
}

function quantitiesOf(entries: Array<[string | null, number]>) {
  const m = new Map<string | null, number>();
  for (const [id, q] of entries) m.set(id, (m.get(id) ?? 0) + q);
  return m;
}

const sameQuantities = (a: Map<string | null, number>, b: Map<string | null, number>) => a.size === b.size && [...a].every(([id, q]) => b.get(id) === q);

export async function openCase(db: Db, api: AdminApi, input: OpenCaseInput) {
  const requestKey = input.requestKey;
  if (!requestKey) return openUnderClaim(db, api, input, null);
  const find = () => findCaseByRequestKey(db, input.shop, requestKey);
  const existing = await find();
  if (existing) return existing;
  return underIntakeClaim(db, { shop: input.shop, requestKey }, { find, open: (claim) => openUnderClaim(db, api, input, claim) }, input.claimOptions);
}

async function openUnderClaim(db: Db, api: AdminApi, input: OpenCaseInput, claim: IntakeClaimHeld | null) {
  const parsed = returnRequestSchema.safeParse(input.request);
  if (!parsed.success) throw new CaseInputError(`The return request is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const request = withEvidence(parsed.data, input.evidence ?? []);
  const now = input.now ?? new Date();
  const policy = await requireActivePolicy(db, input.shop);
  const fetched = await getOrderSnapshot(api, input.orderId);
  if (!fetched) throw new OrderNotFoundError(input.orderId);
  // Only an earlier attempt with this key can have left a return to adopt; it recorded what was there before.
  const known = claim?.knownReturnIds ?? null;
  if (claim && !known) await recordKnownReturns(db, input.shop, input.requestKey!, claim.token, fetched.returns.nodes.map((r) => r.id));
  const landed = known ? await unheldReturnFor(db, input.shop, fetched, request, new Set(known)) : null;
  // Decided on the order as the first attempt saw it, without the return that attempt left.
  const unreturned = landed ? { ...fetched, returns: { nodes: fetched.returns.nodes.filter((r) => r.id !== landed.id) } } : fetched;
  let decision = decide(policy.policy, asEngineOrder(unreturned), request, now);
  const adopted = landed ? await adoptable(api, landed.id, restockingFees(decision)) : null;
  // Not this request's after all: decided on the order as it stands (its units are taken).
  const snapshot = landed && !adopted ? fetched : unreturned;
  if (snapshot !== unreturned) decision = decide(policy.policy, asEngineOrder(snapshot), request, now);
  const refused = refusedForShopify(decision, snapshot);
  if (refused) throw new CaseInputError(refused, "lines");

  const feeOf = restockingFees(decision);
  const reasonOf = new Map(request.lines.map((l) => [l.lineItemId, l.reason]));
  const shippingFee = decision.deductions.find((d) => d.kind === "RETURN_SHIPPING_FEE");
  const shopifyReturn =
    adopted ??
    (await requestReturn(
      api,
      {
        orderId: input.orderId,
        lines: allocateToFulfillmentLines(await getReturnableFulfillments(api, input.orderId), request.lines).map((a) => ({
          fulfillmentLineItemId: a.fulfillmentLineItemId,
          quantity: a.quantity,
          restockingFeePercent: feeOf(a.lineItemId),
          customerNote: (reasonOf.get(a.lineItemId) ?? "").slice(0, 300) || null,
          returnReasonDefinitionId: input.reasonDefinitionIds?.[a.lineItemId] ?? null,
        })),
        returnShippingFee: shippingFee && shippingFee.amount !== "0" ? { amount: shippingFee.amount, currencyCode: decision.currency } : null,
      },
      { existingReturnIds: known ?? fetched.returns.nodes.map((r) => r.id) },
    ));

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
