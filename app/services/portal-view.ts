// The shopper portal's answers, shaped from the engine's decisions and the stored cases. Pure:
// no I/O and no clock (the caller passes `now`); money stays decimal strings end to end.
import { formatAmount, parseAmount } from "~/domain/money/money";
import {
  CLAIM_TYPES,
  CONDITIONS,
  computeLineDeadlines,
  decide,
  messagesFor,
  policyClauses,
  toContractJson,
  type ClaimType,
  type Decision,
  type DecisionLine,
  type Duration,
  type EvidenceKind,
  type OrderSnapshot as EngineOrder,
  type Policy,
  type ReturnRequest,
} from "~/domain/policy";
import type { OrderSnapshot } from "./order-snapshot.server";
import type { ReturnReason } from "./return-reasons.server";

export type Money = { amount: string; currencyCode: string };

/** A decimal amount in the currency's own number of digits ("12.5" → "12.50"). */
export function money(amount: string, currencyCode: string): Money {
  return { amount: formatAmount(parseAmount(amount, currencyCode), currencyCode), currencyCode };
}

export const CLAIM_LABEL: Readonly<Record<ClaimType, string>> = {
  RETURN: "Return (change of mind)",
  DEFECTIVE: "Defective item",
  DAMAGED_IN_TRANSIT: "Damaged in transit",
  WRONG_ITEM: "Wrong item received",
  MISSING_ITEM: "Missing item",
};

/** Lines Shopify cannot take at all: a request holding one is refused before anything is stored. */
export const UNRETURNABLE_CODES: ReadonlySet<string> = new Set(["UNKNOWN_LINE_ITEM", "NOT_FULFILLED", "QUANTITY_EXCEEDS_RETURNABLE"]);

export function clauseTitles(policy: Policy): Map<string, string> {
  return new Map(policyClauses(policy).map((c) => [c.id, c.title]));
}

function isOffered(policy: Policy, claim: ClaimType): boolean {
  return claim === "RETURN" ? policy.claims.RETURN.offered : policy.claims[claim].offered;
}

/**
 * Units of each line that can still be returned, counted as the engine counts them: delivered
 * (fulfillments that were not canceled or failed) less units in returns still active, capped
 * by what is still refundable.
 */
export function returnableQuantities(order: EngineOrder): Map<string, number> {
  const fulfilled = new Map<string, number>();
  for (const f of order.fulfillments) {
    if (f.displayStatus === "CANCELED" || f.displayStatus === "FAILURE") continue;
    for (const n of f.fulfillmentLineItems.nodes) fulfilled.set(n.lineItem.id, (fulfilled.get(n.lineItem.id) ?? 0) + n.quantity);
  }
  const returned = new Map<string, number>();
  for (const r of order.returns.nodes) {
    if (r.status === "DECLINED" || r.status === "CANCELED") continue;
    for (const rli of r.returnLineItems.nodes) {
      if (rli.fulfillmentLineItem === null) continue;
      const id = rli.fulfillmentLineItem.lineItem.id;
      returned.set(id, (returned.get(id) ?? 0) + rli.quantity);
    }
  }
  const out = new Map<string, number>();
  for (const li of order.lineItems.nodes) {
    out.set(li.id, Math.max(0, Math.min((fulfilled.get(li.id) ?? 0) - (returned.get(li.id) ?? 0), li.refundableQuantity)));
  }
  return out;
}

export type EligibilityInput = {
  policy: Policy;
  policyVersion: number;
  snapshot: OrderSnapshot;
  reasons: readonly ReturnReason[];
  /** The shopper's return cases on this order in Clause. */
  existingReturns: number;
  now: Date;
};

/**
 * What the shopper may return or claim on an order. Each line carries the engine's decision for
 * a change-of-mind return of every unit still returnable, unopened, now; each offered claim
 * type lists the lines it could cover now (given the evidence it asks for), so an item excluded
 * from returns (a hygiene product, say) can still be reported defective.
 */
export function eligibilityView(input: EligibilityInput) {
  const { policy, snapshot, now } = input;
  const order: EngineOrder = snapshot;
  const titles = clauseTitles(policy);
  const returnable = returnableQuantities(order);
  const deadlines = new Map(computeLineDeadlines(policy, order).map((d) => [d.lineItemId, d.windows]));
  const items = snapshot.lineItems.nodes;

  const requestFor = (type: ClaimType, evidence: ReturnRequest["lines"][number]["evidence"], onlyReturnable: boolean): ReturnRequest => ({
    type,
    lines: items
      .filter((li) => !onlyReturnable || (returnable.get(li.id) ?? 0) > 0)
      .map((li) => ({
        lineItemId: li.id,
        quantity: Math.max(1, (returnable.get(li.id) ?? 0) || li.quantity),
        condition: type === "RETURN" ? "UNOPENED" : "OPENED",
        reason: "",
        evidence,
      })),
  });
  const decideLines = (request: ReturnRequest): readonly DecisionLine[] => (request.lines.length ? decide(policy, order, request, now).lines : []);

  const asReturn = new Map(decideLines(requestFor("RETURN", [], false)).map((l) => [l.lineItemId, l]));
  const lines = items.map((li) => {
    const d = asReturn.get(li.id)!;
    return {
      lineItemId: li.id,
      title: li.name,
      quantity: li.quantity,
      returnableQuantity: returnable.get(li.id) ?? 0,
      unitPrice: money(li.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount, li.discountedUnitPriceAfterAllDiscountsSet.shopMoney.currencyCode),
      returnable: d.code === "OK",
      code: d.code,
      clause: d.clause,
      clauseTitle: titles.get(d.clause) ?? null,
      explanation: d.explanation,
      windowClosesAt: deadlines.get(li.id)?.RETURN?.closesAt ?? null,
    };
  });

  const claimTypes = CLAIM_TYPES.filter((c) => isOffered(policy, c)).map((type) => {
    const rule = type === "RETURN" ? null : policy.claims[type];
    const kinds: EvidenceKind[] = rule ? [...rule.evidence.kinds] : [];
    const required = rule?.evidence.required ?? false;
    // Decided as if the evidence the claim asks for were attached: which lines it can cover.
    const evidence = required ? [{ kind: kinds[0]!, url: "evidence:pending" }] : [];
    const covered = type === "RETURN" ? lines.filter((l) => l.returnable).map((l) => l.lineItemId) : decideLines(requestFor(type, evidence, true)).filter((l) => l.code === "OK").map((l) => l.lineItemId);
    const closes = [...deadlines.values()].map((w) => w[type]?.closesAt).filter((c): c is string => typeof c === "string");
    return {
      type,
      label: CLAIM_LABEL[type],
      evidence: { required, kinds, minCount: required ? 1 : 0, onMissing: rule ? rule.evidence.onMissing : null },
      reportWindowClosesAt: closes.length ? closes.reduce((a, b) => (a > b ? a : b)) : null,
      lineItemIds: covered,
    };
  });

  return {
    order: { id: snapshot.id, name: snapshot.name, currencyCode: snapshot.currencyCode },
    policy: {
      version: input.policyVersion,
      returnShippingPaidBy: policy.claims.RETURN.returnShippingPaidBy,
      clauses: policyClauses(policy).map((c) => ({ id: c.id, title: c.title })),
    },
    claimTypes,
    conditions: [...CONDITIONS],
    reasons: input.reasons.map((r) => ({ id: r.id, name: r.name })),
    lines,
    anythingReturnable: lines.some((l) => l.returnable),
    existingReturns: input.existingReturns,
  };
}
export type EligibilityView = ReturnType<typeof eligibilityView>;

/** The engine's contract JSON, with the title of the clause that decided each line. */
export function decisionView(decision: Decision, titles: ReadonlyMap<string, string>) {
  const contract = toContractJson(decision);
  return { ...contract, lines: contract.lines.map((l) => ({ ...l, clauseTitle: titles.get(l.clause) ?? null })) };
}

/** What the shopper gets back, as money, with every deduction and the clause behind it. */
export function refundView(decision: Decision, titles: ReadonlyMap<string, string>) {
  const c = decision.currency;
  return {
    subtotal: money(decision.subtotal, c),
    deductions: decision.deductions.map((d) => ({ kind: d.kind, amount: money(d.amount, c), clause: d.clause, clauseTitle: titles.get(d.clause) ?? null, explanation: d.explanation })),
    total: money(decision.refundTotal, c),
  };
}

/**
 * The preview of a request: the decision, the refund, who pays return shipping and, per line,
 * when the window that applies to it closes (the one the decision used; else the claim type's).
 */
export function previewView(policy: Policy, order: EngineOrder, decision: Decision) {
  const titles = clauseTitles(policy);
  const windows = new Map(computeLineDeadlines(policy, order).map((d) => [d.lineItemId, d.windows]));
  const deadlines: Record<string, string | null> = {};
  for (const l of decision.lines) deadlines[l.lineItemId] = l.windowClosesAt ?? windows.get(l.lineItemId)?.[decision.claimType]?.closesAt ?? null;
  return {
    decision: decisionView(decision, titles),
    refund: refundView(decision, titles),
    returnShippingPaidBy: decision.returnShippingPaidBy,
    deadlines,
  };
}

export type PreviewView = ReturnType<typeof previewView>;

/** The first line Shopify could not take, as openCase words it ("<item>: <why>"); null when none. */
export function unreturnableLine(decision: Decision, titleOf: (lineItemId: string) => string): string | null {
  const line = decision.lines.find((l) => UNRETURNABLE_CODES.has(l.code));
  return line ? `${titleOf(line.lineItemId)}: ${line.explanation}` : null;
}

const UNIT_WORDS: Readonly<Record<Duration["unit"], [string, string]>> = {
  HOURS: ["hour", "hours"],
  BUSINESS_HOURS: ["business hour", "business hours"],
  CALENDAR_DAYS: ["day", "days"],
  BUSINESS_DAYS: ["business day", "business days"],
};

/** "2 business days", "5–10 business days", "1 day". */
export function durationText(d: Duration): string {
  const [one, many] = UNIT_WORDS[d.unit];
  if (d.min !== null && d.min !== d.max) return `${d.min}–${d.max} ${many}`;
  return `${d.max} ${d.max === 1 ? one : many}`;
}

const REFUND_METHOD: Readonly<Record<Policy["refund"]["method"], string>> = {
  ORIGINAL_PAYMENT: "to your original payment method",
  STORE_CREDIT: "as store credit",
  ORIGINAL_PAYMENT_OR_STORE_CREDIT: "to your original payment method or as store credit",
};

function mustShip(policy: Policy, track: ClaimType | null): boolean {
  if (track === null || track === "RETURN") return true;
  return policy.claims[track].itemMustBeReturned;
}

/**
 * What happens next, in plain sentences the extension shows as given: the RMA to quote, items
 * the policy refuses, who pays return shipping, the refund and when the store replies.
 */
export function nextSteps(input: { policy: Policy; decision: Decision; rma: string | null; titleOf: (lineItemId: string) => string }): string[] {
  const { policy, decision, rma } = input;
  const format = messagesFor(policy.locale).formatMoney;
  const steps: string[] = [];
  steps.push(rma ? `Your request ${rma} has been sent to ${policy.name}. Quote ${rma} on the parcel and in any message about this return.` : `Your request has been sent to ${policy.name}.`);

  for (const l of decision.lines.filter((x) => !x.eligible)) {
    steps.push(`${input.titleOf(l.lineItemId)} doesn't qualify under the store's policy: ${l.explanation} The store will confirm this when it reviews your request.`);
  }

  const eligible = decision.lines.filter((l) => l.eligible);
  if (eligible.length === 0) {
    steps.push("None of the items qualify under the store's policy, so no refund is expected; the store will confirm its decision by email.");
  } else {
    const shipped = eligible.some((l) => mustShip(policy, l.track));
    if (!shipped) steps.push("You don't need to send anything back.");
    else if (decision.returnShippingPaidBy === "MERCHANT") steps.push("Once the store approves your request, it sends you a prepaid return label: return shipping costs you nothing.");
    else steps.push("Once the store approves your request, send the items back at your own cost; use a trackable shipping service.");
    for (const d of decision.deductions) steps.push(d.explanation);
    const after = shipped ? "after the store has received and inspected the items" : "once the store has reviewed your claim";
    steps.push(`Estimated refund: ${format(decision.refundTotal, decision.currency)}, paid ${REFUND_METHOD[policy.refund.method]} ${after}.`);
    if (policy.refund.processingTime) steps.push(`Refunds usually arrive within ${durationText(policy.refund.processingTime)} of approval.`);
  }
  const reply = policy.service.firstReply;
  steps.push(reply ? `The store aims to reply within ${durationText(reply)}; you'll hear from it by email.` : "The store will reply by email.");
  return steps;
}

export type StoredCase = {
  id: string;
  rmaNumber: string | null;
  status: string;
  createdAt: Date;
  claimType: string;
  currency: string;
  refundEstimate: string;
  refundAmount: string | null;
  refundedAt: Date | null;
  labelUrl: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shopifyReturnId: string | null;
  decisionJson: string;
  lines: Array<{ lineItemId: string; title: string; quantity: number; code: string; explanation: string }>;
  notes: Array<{ visibility: string; body: string; createdAt: Date }>;
};

export const GENERIC_DECLINE = "The store declined this request under its return policy.";

/**
 * One case as its shopper sees it. Only messages sent to the shopper (CUSTOMER notes) are
 * shown; the decline explanation is the note Shopify sent, else the policy's refusal.
 */
export function caseStatusView(c: StoredCase, declineNote: string | null) {
  const decision = JSON.parse(c.decisionJson) as Decision;
  const position = new Map(decision.lines.map((l, i) => [l.lineItemId, i]));
  const lines = [...c.lines].sort((a, b) => (position.get(a.lineItemId) ?? 0) - (position.get(b.lineItemId) ?? 0));
  const refused = lines.find((l) => l.code !== "OK");
  const hasLabel = Boolean(c.labelUrl || c.trackingNumber || c.trackingUrl);
  return {
    caseId: c.id,
    rma: c.rmaNumber,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    claimType: c.claimType,
    refundEstimate: money(c.refundEstimate, c.currency),
    refundedAmount: c.refundedAt && c.refundAmount !== null ? money(c.refundAmount, c.currency) : null,
    lines: lines.map((l) => ({ title: l.title, quantity: l.quantity, code: l.code, explanation: l.explanation })),
    label: hasLabel ? { url: c.labelUrl, trackingNumber: c.trackingNumber, trackingUrl: c.trackingUrl } : null,
    messages: c.notes
      .filter((n) => n.visibility === "CUSTOMER")
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((n) => ({ body: n.body, at: n.createdAt.toISOString() })),
    declined: c.status === "DECLINED" ? { explanation: declineNote?.trim() || refused?.explanation || GENERIC_DECLINE } : null,
  };
}

export type StatusView = ReturnType<typeof caseStatusView>;

export type SubmittedCase = {
  id: string;
  rmaNumber: string | null;
  status: string;
  policyJson: string;
  decisionJson: string;
  lines: Array<{ lineItemId: string; title: string }>;
};

/** The answer to a submit (first or repeated): the case, the decision it stores, the refund and what happens next. */
export function submittedView(c: SubmittedCase) {
  const policy = JSON.parse(c.policyJson) as Policy;
  const decision = JSON.parse(c.decisionJson) as Decision;
  const titles = clauseTitles(policy);
  const names = new Map(c.lines.map((l) => [l.lineItemId, l.title]));
  return {
    caseId: c.id,
    rma: c.rmaNumber,
    status: c.status,
    decision: decisionView(decision, titles),
    refund: refundView(decision, titles),
    nextSteps: nextSteps({ policy, decision, rma: c.rmaNumber, titleOf: (id) => names.get(id) ?? "An item" }),
  };
}
export type SubmittedView = ReturnType<typeof submittedView>;
