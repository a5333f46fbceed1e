/**
 * decide(policy, order, request, now, inspection?) — the policy engine.
 *
 * Pure and deterministic: no I/O, no clock (the caller passes `now`), no
 * randomness. Money is BigInt minor units end to end. Each requested line is
 * evaluated in a fixed order, and the first rule that fails decides it:
 *
 *   1. unknown line item          → UNKNOWN_LINE_ITEM           (order.line-item)
 *   2. nothing fulfilled          → NOT_FULFILLED               (fulfillment)
 *   3. more than returnable       → QUANTITY_EXCEEDS_RETURNABLE (quantity)
 *   4. claim type not offered     → EXCLUDED                    (claim.<type>)
 *   5. exclusions (policy order)  → FINAL_SALE | EXCLUDED       (exclusion.<id>)
 *   6. window                     → RETURN_WINDOW_EXPIRED | DEFECT_REPORT_WINDOW_EXPIRED (window.<type>)
 *   7. evidence (fault claims)    → EVIDENCE_REQUIRED, or fall back to the change-of-mind
 *                                   rules (steps 4–8 as RETURN), citing claim.<type>.evidence
 *   8. condition (returns)        → CONDITION_NOT_ACCEPTED      (condition.<c>)
 *   9. OK, with the refund of the claim (fault) or of the condition (return).
 *
 * `now` is the moment the request was submitted: windows are judged then, so
 * pass the same instant again when deciding the final refund after inspection.
 */
import { localDayNumber, startOfLocalDay } from "../calendar/zone";
import { minorUnits } from "../money/currency";
import { applyBasisPoints, formatDecimal, parseDecimal, percentToBasisPoints } from "../money/money";
import { CLAUSE, claimClause, conditionClause, evidenceClause, windowClause } from "./clauses";
import { compilePolicy, type CompiledExclusion, type CompiledPolicy } from "./compile";
import { PolicyEngineError } from "./errors";
import { normalizeToken } from "./normalize";
import type { Inspection, InspectionLine, OrderLineItem, OrderSnapshot, ReturnRequest, ReturnRequestLine } from "./order";
import type { ClaimType, Condition, FaultClaimRule, FaultClaimType, Payer, Policy } from "./schema";

export const LINE_CODES = [
  "OK",
  "RETURN_WINDOW_EXPIRED",
  "DEFECT_REPORT_WINDOW_EXPIRED",
  "FINAL_SALE",
  "EXCLUDED",
  "EVIDENCE_REQUIRED",
  "CONDITION_NOT_ACCEPTED",
  "QUANTITY_EXCEEDS_RETURNABLE",
  "NOT_FULFILLED",
  "UNKNOWN_LINE_ITEM",
] as const;
export type LineCode = (typeof LINE_CODES)[number];

export type DeductionKind = "ORIGINAL_SHIPPING" | "RETURN_SHIPPING_FEE" | "RETURN_LABEL";

export interface DecisionLine {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly eligible: boolean;
  readonly code: LineCode;
  /** Refund for this line (decimal string); null when ineligible. */
  readonly refundAmount: string | null;
  /** Gross − refund (decimal string); null when ineligible. */
  readonly restockingFee: string | null;
  /** The clause id that decided the line. */
  readonly clause: string;
  /** One sentence for the shopper. */
  readonly explanation: string;
  /** Rules the line was decided under: the requested claim, or RETURN when a fault claim fell back; null before any claim rule applied. */
  readonly track: ClaimType | null;
  /** Condition the refund was based on (inspected, else claimed). */
  readonly condition: Condition;
  /** Refund percentage applied; null when ineligible. */
  readonly refundPercent: number | null;
  /** Unit price × quantity (decimal string); null when the line is not on the order. */
  readonly grossAmount: string | null;
  /** First instant after the applicable window (ISO-8601, UTC); null when no window was evaluated. */
  readonly windowClosesAt: string | null;
}

export interface Deduction {
  readonly kind: DeductionKind;
  /** Amount actually deducted (decimal string), capped so the total never goes below zero. */
  readonly amount: string;
  readonly clause: string;
  readonly explanation: string;
}

export interface Decision {
  /** True when any line is eligible. */
  readonly eligible: boolean;
  readonly currency: string;
  /** Σ eligible line refunds − Σ deductions, never below zero (decimal string). */
  readonly refundTotal: string;
  readonly returnShippingPaidBy: Payer;
  readonly deductions: readonly Deduction[];
  readonly lines: readonly DecisionLine[];
  readonly claimType: ClaimType;
  /** Σ eligible line refunds before deductions (decimal string). */
  readonly subtotal: string;
  /** True when an inspection was applied (this is the final refund). */
  readonly final: boolean;
}

/** Returns in these states no longer hold their items. */
function isActiveReturnStatus(status: string): boolean {
  return status !== "DECLINED" && status !== "CANCELED";
}

/**
 * Fulfillments in these display states never left the warehouse, so their
 * units are not "fulfilled" for returns (Shopify keeps canceled fulfillments
 * on the order).
 */
function fulfillmentCounts(displayStatus: string | null): boolean {
  return displayStatus !== "CANCELED" && displayStatus !== "FAILURE";
}

interface LineFacts {
  fulfilled: number;
  /** Latest effective delivery day (local day number) of the fulfillments holding the line. */
  deliveryDay: number;
}

interface Outcome {
  code: LineCode;
  clause: string;
  explanation: string;
  track: ClaimType | null;
  condition: Condition;
  bp: number; // -1 when ineligible
  closesAtMs: number; // NaN when no window was evaluated
  /** Track whose shipping terms apply (before inspection), for returnShippingPaidBy / deductions. */
  shippingTrack: ClaimType | null;
  /** A fault claim whose fault inspection did not confirm (label cost may be deducted). */
  noFault: boolean;
}

interface Ctx {
  readonly policy: Policy;
  readonly cp: CompiledPolicy;
  readonly nowMs: number;
  readonly zone: string;
}

function parseInstant(value: string, what: string): number {
  const t = Date.parse(value);
  if (t !== t) throw new PolicyEngineError("INVALID_ORDER", `${what} is not a valid date-time: ${value}`);
  return t;
}

function findExclusion(cp: CompiledPolicy, item: OrderLineItem, claim: ClaimType): CompiledExclusion | null {
  let normalizedTags: string[] | null = null;
  for (const e of cp.exclusions) {
    if (!e.appliesTo[claim]) continue;
    if (e.giftCard && item.isGiftCard) return e;
    if (e.sellingPlan && item.sellingPlan !== null) return e;
    const product = item.product;
    if (product !== null) {
      if (e.tags !== null) {
        if (normalizedTags === null) normalizedTags = product.tags.map(normalizeToken);
        for (const t of normalizedTags) if (e.tags.has(t)) return e;
      }
      if (e.productTypes !== null && product.productType !== null && e.productTypes.has(normalizeToken(product.productType))) return e;
      if (e.vendors !== null && product.vendor !== null && e.vendors.has(normalizeToken(product.vendor))) return e;
    }
    if (e.propertyKeyFragments !== null) {
      for (const attr of item.customAttributes) {
        const key = normalizeToken(attr.key);
        for (const f of e.propertyKeyFragments) if (key.includes(f)) return e;
      }
    }
  }
  return null;
}

function hasEvidence(line: ReturnRequestLine, kinds: readonly string[]): boolean {
  for (const ev of line.evidence) if (kinds.includes(ev.kind) && ev.url.length > 0) return true;
  return false;
}

function fail(code: LineCode, clause: string, explanation: string, track: ClaimType | null, condition: Condition, closesAtMs = Number.NaN): Outcome {
  return { code, clause, explanation, track, condition, bp: -1, closesAtMs, shippingTrack: track, noFault: false };
}

/** The change-of-mind rules (steps 4–8 as RETURN), used for RETURN requests and as the fallback of fault claims. */
function evaluateAsReturn(
  ctx: Ctx,
  item: OrderLineItem,
  facts: LineFacts,
  condition: Condition,
  fallback: { claim: ClaimType; kind: "evidence" | "noFault" } | null,
): Outcome {
  const { policy, cp } = ctx;
  const m = cp.messages;
  if (!policy.claims.RETURN.offered) return fail("EXCLUDED", claimClause("RETURN"), m.line.claimNotOffered("RETURN"), "RETURN", condition);
  const excl = findExclusion(cp, item, "RETURN");
  if (excl !== null) return fail(excl.code, excl.clause, m.line.excluded(excl.reason), "RETURN", condition);
  const days = policy.returnWindow.days;
  const lastDay = facts.deliveryDay + days;
  const closesAtMs = startOfLocalDay(ctx.zone, lastDay + 1);
  if (ctx.nowMs >= closesAtMs) return fail("RETURN_WINDOW_EXPIRED", CLAUSE.returnWindow, m.line.returnWindowExpired(days, lastDay), "RETURN", condition, closesAtMs);
  const bp = cp.conditionBp[condition];
  if (bp < 0) return fail("CONDITION_NOT_ACCEPTED", conditionClause(condition), m.line.conditionNotAccepted(condition, policy.partialRefunds.allowed), "RETURN", condition, closesAtMs);
  let clause = conditionClause(condition);
  let explanation = m.line.conditionRefund(condition, bp);
  if (fallback !== null && fallback.kind === "evidence") {
    clause = evidenceClause(fallback.claim);
    explanation = m.line.treatedAsReturn(fallback.claim, condition, bp);
  } else if (fallback !== null) {
    explanation = m.line.noFaultFound(condition, bp);
  }
  return { code: "OK", clause, explanation, track: "RETURN", condition, bp, closesAtMs, shippingTrack: "RETURN", noFault: false };
}

function evaluateLine(ctx: Ctx, claim: ClaimType, line: ReturnRequestLine, item: OrderLineItem, facts: LineFacts, inspected: InspectionLine | undefined): Outcome {
  const condition = inspected?.condition ?? line.condition;
  if (claim === "RETURN") return evaluateAsReturn(ctx, item, facts, condition, null);

  const { policy, cp } = ctx;
  const m = cp.messages;
  const rule: FaultClaimRule = policy.claims[claim];
  if (!rule.offered) return fail("EXCLUDED", claimClause(claim), m.line.claimNotOffered(claim), claim, condition);
  const excl = findExclusion(cp, item, claim);
  if (excl !== null) return fail(excl.code, excl.clause, m.line.excluded(excl.reason), claim, condition);
  const lastDay = facts.deliveryDay + rule.reportWindowDays;
  const closesAtMs = startOfLocalDay(ctx.zone, lastDay + 1);
  if (ctx.nowMs >= closesAtMs) {
    return fail("DEFECT_REPORT_WINDOW_EXPIRED", windowClause(claim), m.line.reportWindowExpired(claim, rule.reportWindowDays, lastDay), claim, condition, closesAtMs);
  }
  if (rule.evidence.required && !hasEvidence(line, rule.evidence.kinds)) {
    if (rule.evidence.onMissing === "REJECT") {
      return fail("EVIDENCE_REQUIRED", evidenceClause(claim), m.line.evidenceRequired(claim, rule.evidence.kinds), claim, condition, closesAtMs);
    }
    return evaluateAsReturn(ctx, item, facts, condition, { claim, kind: "evidence" });
  }
  if (inspected?.defectConfirmed === false) {
    // Inspection found no fault: the change-of-mind rules decide the refund, while
    // the shipping terms (the label already issued) stay those of the claim.
    const asReturn = evaluateAsReturn(ctx, item, facts, condition, { claim, kind: "noFault" });
    return { ...asReturn, shippingTrack: claim, noFault: true };
  }
  const bp = cp.faultBp[claim as FaultClaimType];
  return {
    code: "OK",
    clause: claimClause(claim),
    explanation: m.line.faultRefund(claim, bp, rule.returnShippingPaidBy, rule.itemMustBeReturned, rule.onlyListedItems),
    track: claim,
    condition,
    bp,
    closesAtMs,
    shippingTrack: claim,
    noFault: false,
  };
}

function validateOverride(ctx: Ctx, insp: InspectionLine): number | null {
  if (insp.overridePercent === undefined) return null;
  const { policy, cp } = ctx;
  if (!policy.partialRefunds.allowed) throw new PolicyEngineError("INVALID_INSPECTION", "This policy does not allow partial refunds");
  const bp = percentToBasisPoints(insp.overridePercent);
  if (bp < cp.partialMinBp || bp > cp.partialMaxBp) {
    throw new PolicyEngineError(
      "INVALID_INSPECTION",
      `A partial refund must be between ${policy.partialRefunds.minPercent}% and ${policy.partialRefunds.maxPercent}% (got ${insp.overridePercent}%)`,
    );
  }
  if (policy.partialRefunds.reasonRequired && (insp.overrideReason ?? "").trim().length === 0) {
    throw new PolicyEngineError("INVALID_INSPECTION", "A partial refund needs a reason for the shopper");
  }
  return bp;
}

function payerOf(policy: Policy, track: ClaimType): Payer {
  return track === "RETURN" ? policy.claims.RETURN.returnShippingPaidBy : policy.claims[track].returnShippingPaidBy;
}

function mustShip(policy: Policy, track: ClaimType): boolean {
  return track === "RETURN" ? true : policy.claims[track].itemMustBeReturned;
}

function deductsOriginalShipping(policy: Policy, track: ClaimType): boolean {
  return track === "RETURN" ? policy.claims.RETURN.deductOriginalShipping : policy.claims[track].deductOriginalShipping;
}

function fixedAmount(money: { amount: string; currencyCode: string }, currency: string, scale: number, what: string): bigint {
  if (money.currencyCode !== currency) {
    throw new PolicyEngineError("CURRENCY_MISMATCH", `The policy's ${what} is in ${money.currencyCode} but the order is in ${currency}`);
  }
  return parseDecimal(money.amount, scale);
}

/**
 * Decides each requested line and the totals. Pass `inspection` to get the
 * final refund after the items were inspected (graded condition, confirmed or
 * unconfirmed fault, partial-refund override within the policy's bounds).
 * Throws PolicyEngineError for contradictory input (currency mismatch, an
 * inspection outside the policy's bounds); schema errors are the caller's
 * boundary concern.
 */
export function decide(policy: Policy, order: OrderSnapshot, request: ReturnRequest, now: Date, inspection?: Inspection): Decision {
  const cp = compilePolicy(policy);
  const nowMs = now.getTime();
  if (nowMs !== nowMs) throw new PolicyEngineError("INVALID_ARGUMENTS", "`now` is not a valid date");
  const zone = policy.timeZone;
  const ctx: Ctx = { policy, cp, nowMs, zone };
  const currency = order.currencyCode;
  const scale = minorUnits(currency);
  const m = cp.messages;
  const claim = request.type;

  // Index the order once.
  const items = new Map<string, OrderLineItem>();
  for (const li of order.lineItems.nodes) items.set(li.id, li);
  const facts = new Map<string, LineFacts>();
  const transitDays = policy.returnWindow.assumedTransitDays;
  for (const f of order.fulfillments) {
    if (!fulfillmentCounts(f.displayStatus)) continue;
    const nodes = f.fulfillmentLineItems.nodes;
    if (nodes.length === 0) continue;
    const day =
      f.deliveredAt !== null
        ? localDayNumber(zone, parseInstant(f.deliveredAt, "fulfillment deliveredAt"))
        : localDayNumber(zone, parseInstant(f.createdAt, "fulfillment createdAt")) + transitDays;
    for (const n of nodes) {
      const id = n.lineItem.id;
      const existing = facts.get(id);
      if (existing === undefined) facts.set(id, { fulfilled: n.quantity, deliveryDay: day });
      else {
        existing.fulfilled += n.quantity;
        // Several shipments of one line: the latest delivery counts (we can't tell
        // which units a shopper sends back, so the reading most favourable to them).
        if (day > existing.deliveryDay) existing.deliveryDay = day;
      }
    }
  }
  const returned = new Map<string, number>();
  let earlierActiveReturn = false;
  for (const r of order.returns.nodes) {
    if (!isActiveReturnStatus(r.status)) continue;
    if (inspection?.returnId !== undefined && r.id === inspection.returnId) continue; // the return being inspected
    earlierActiveReturn = true;
    for (const rli of r.returnLineItems.nodes) {
      if (rli.fulfillmentLineItem === null) continue;
      const id = rli.fulfillmentLineItem.lineItem.id;
      returned.set(id, (returned.get(id) ?? 0) + rli.quantity);
    }
  }

  let inspected: Map<string, InspectionLine> | null = null;
  if (inspection !== undefined) {
    inspected = new Map();
    for (const il of inspection.lines) {
      if (!request.lines.some((l) => l.lineItemId === il.lineItemId)) {
        throw new PolicyEngineError("INVALID_INSPECTION", `Inspected line ${il.lineItemId} is not in the request`);
      }
      inspected.set(il.lineItemId, il);
    }
  }

  const consumed = new Map<string, number>();
  const lines: DecisionLine[] = [];
  let subtotal = 0n;
  let anyEligible = false;
  let merchantLabel = false;
  let anyCustomerShipment = false;
  let deductShipping = false;
  let noFaultClaim: FaultClaimType | null = null;

  for (const line of request.lines) {
    const item = items.get(line.lineItemId);
    if (item === undefined) {
      lines.push(ineligibleLine(line, "UNKNOWN_LINE_ITEM", CLAUSE.lineItem, m.line.unknownLineItem(), null, line.condition, null, Number.NaN));
      continue;
    }
    const price = item.discountedUnitPriceAfterAllDiscountsSet.shopMoney;
    if (price.currencyCode !== currency) {
      throw new PolicyEngineError("CURRENCY_MISMATCH", `Line item ${item.id} is priced in ${price.currencyCode} but the order currency is ${currency}`);
    }
    const gross = parseDecimal(price.amount, scale) * BigInt(line.quantity);
    const grossText = formatDecimal(gross, scale);
    const f = facts.get(item.id);
    if (f === undefined || f.fulfilled === 0) {
      lines.push(ineligibleLine(line, "NOT_FULFILLED", CLAUSE.fulfillment, m.line.notFulfilled(), null, line.condition, grossText, Number.NaN));
      continue;
    }
    const already = consumed.get(item.id) ?? 0;
    const cap = Math.min(f.fulfilled - (returned.get(item.id) ?? 0), item.refundableQuantity);
    const returnable = Math.max(0, cap - already);
    if (line.quantity > returnable) {
      lines.push(ineligibleLine(line, "QUANTITY_EXCEEDS_RETURNABLE", CLAUSE.quantity, m.line.quantityExceeds(line.quantity, returnable), null, line.condition, grossText, Number.NaN));
      continue;
    }
    consumed.set(item.id, already + line.quantity);

    const insp = inspected?.get(item.id);
    let out = evaluateLine(ctx, claim, line, item, f, insp);
    if (insp !== undefined) {
      const overrideBp = validateOverride(ctx, insp);
      if (overrideBp !== null && (out.code === "OK" || out.code === "CONDITION_NOT_ACCEPTED")) {
        out = {
          ...out,
          code: "OK",
          bp: overrideBp,
          clause: CLAUSE.partialRefund,
          explanation: m.line.partialRefund(overrideBp, insp.overrideReason ?? ""),
          track: out.track,
          shippingTrack: out.shippingTrack,
        };
      }
    }

    const closes = out.closesAtMs === out.closesAtMs ? new Date(out.closesAtMs).toISOString() : null;
    if (out.code !== "OK") {
      lines.push(ineligibleLine(line, out.code, out.clause, out.explanation, out.track, out.condition, grossText, out.closesAtMs, closes));
      continue;
    }
    const refund = applyBasisPoints(gross, out.bp);
    subtotal += refund;
    anyEligible = true;
    const track = out.shippingTrack ?? "RETURN";
    if (mustShip(policy, track)) {
      if (payerOf(policy, track) === "MERCHANT") merchantLabel = true;
      else anyCustomerShipment = true;
    }
    if (deductsOriginalShipping(policy, out.track ?? "RETURN")) deductShipping = true;
    if (out.noFault && track !== "RETURN" && policy.claims[track].deductLabelCostIfNoFault && policy.claims[track].returnShippingPaidBy === "MERCHANT") {
      noFaultClaim = track;
    }
    lines.push({
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      eligible: true,
      code: "OK",
      refundAmount: formatDecimal(refund, scale),
      restockingFee: formatDecimal(gross - refund, scale),
      clause: out.clause,
      explanation: out.explanation,
      track: out.track,
      condition: out.condition,
      refundPercent: out.bp / 100,
      grossAmount: grossText,
      windowClosesAt: closes,
    });
  }

  // Deductions come off the sum, in a fixed order, each capped so the total never goes below zero.
  const deductions: Deduction[] = [];
  let remaining = subtotal;
  const deduct = (kind: DeductionKind, amount: bigint, clause: string, sentence: (a: string, c: string) => string) => {
    if (amount <= 0n || remaining <= 0n) return;
    const applied = amount < remaining ? amount : remaining;
    remaining -= applied;
    const text = formatDecimal(applied, scale);
    deductions.push({ kind, amount: text, clause, explanation: sentence(text, currency) });
  };
  if (anyEligible) {
    // At most once per order: an earlier return on this order that is still
    // active or completed is presumed to have borne the original shipping.
    if (deductShipping && !earlierActiveReturn && policy.originalShipping.mode !== "NOT_DEDUCTED") {
      const amount = policy.originalShipping.mode === "FIXED" ? fixedAmount(policy.originalShipping.amount, currency, scale, "original shipping amount") : orderShippingCharge(order, currency, scale);
      deduct("ORIGINAL_SHIPPING", amount, CLAUSE.originalShipping, m.deduction.originalShipping);
    }
    const fee = policy.returnShipping.customerLabelFee;
    if (fee !== null && anyCustomerShipment && !merchantLabel) {
      deduct("RETURN_SHIPPING_FEE", fixedAmount(fee, currency, scale, "return label fee"), CLAUSE.returnShipping, m.deduction.returnShippingFee);
    }
    if (noFaultClaim !== null) {
      const cost = policy.returnShipping.labelCost;
      let amount: bigint;
      if (cost.mode === "FIXED") amount = fixedAmount(cost.amount, currency, scale, "label cost");
      else {
        if (inspection?.labelCost === undefined) {
          throw new PolicyEngineError("INVALID_INSPECTION", "The policy deducts the actual label cost when no fault is found: give `labelCost` in the inspection");
        }
        amount = parseDecimal(inspection.labelCost, scale);
      }
      deduct("RETURN_LABEL", amount, CLAUSE.returnLabel, m.deduction.returnLabel);
    }
  }

  let returnShippingPaidBy: Payer;
  if (anyEligible) returnShippingPaidBy = merchantLabel || !anyCustomerShipment ? "MERCHANT" : "CUSTOMER";
  else returnShippingPaidBy = payerOf(policy, claim);

  return {
    eligible: anyEligible,
    currency,
    refundTotal: formatDecimal(remaining, scale),
    returnShippingPaidBy,
    deductions,
    lines,
    claimType: claim,
    subtotal: formatDecimal(subtotal, scale),
    final: inspection !== undefined,
  };
}

function ineligibleLine(
  line: ReturnRequestLine,
  code: LineCode,
  clause: string,
  explanation: string,
  track: ClaimType | null,
  condition: Condition,
  grossAmount: string | null,
  closesAtMs: number,
  closes: string | null = closesAtMs === closesAtMs ? new Date(closesAtMs).toISOString() : null,
): DecisionLine {
  return {
    lineItemId: line.lineItemId,
    quantity: line.quantity,
    eligible: false,
    code,
    refundAmount: null,
    restockingFee: null,
    clause,
    explanation,
    track,
    condition,
    refundPercent: null,
    grossAmount,
    windowClosesAt: closes,
  };
}

/**
 * The order's shipping charge: the sum of its shipping lines' `originalPriceSet`
 * (what was charged for delivery, pre-tax when prices exclude tax). Only when
 * the snapshot has no `shippingLines` do we fall back to `totalShippingPriceSet`.
 */
export function orderShippingCharge(order: OrderSnapshot, currency: string, scale: number): bigint {
  if (order.shippingLines !== undefined) {
    let sum = 0n;
    for (const s of order.shippingLines.nodes) {
      const money = s.originalPriceSet.shopMoney;
      if (money.currencyCode !== currency) throw new PolicyEngineError("CURRENCY_MISMATCH", `A shipping line is in ${money.currencyCode} but the order is in ${currency}`);
      sum += parseDecimal(money.amount, scale);
    }
    return sum;
  }
  const total = order.totalShippingPriceSet?.shopMoney;
  if (total === undefined) return 0n;
  if (total.currencyCode !== currency) throw new PolicyEngineError("CURRENCY_MISMATCH", `The shipping total is in ${total.currencyCode} but the order is in ${currency}`);
  return parseDecimal(total.amount, scale);
}

/**
 * The contract projection printed by the CLI: exactly the documented fields,
 * in the documented order.
 */
export function toContractJson(decision: Decision): {
  eligible: boolean;
  currency: string;
  refundTotal: string;
  returnShippingPaidBy: Payer;
  deductions: { kind: DeductionKind; amount: string }[];
  lines: {
    lineItemId: string;
    quantity: number;
    eligible: boolean;
    code: LineCode;
    refundAmount: string | null;
    restockingFee: string | null;
    clause: string;
    explanation: string;
  }[];
} {
  return {
    eligible: decision.eligible,
    currency: decision.currency,
    refundTotal: decision.refundTotal,
    returnShippingPaidBy: decision.returnShippingPaidBy,
    deductions: decision.deductions.map((d) => ({ kind: d.kind, amount: d.amount })),
    lines: decision.lines.map((l) => ({
      lineItemId: l.lineItemId,
      quantity: l.quantity,
      eligible: l.eligible,
      code: l.code,
      refundAmount: l.refundAmount,
      restockingFee: l.restockingFee,
      clause: l.clause,
      explanation: l.explanation,
    })),
  };
}
