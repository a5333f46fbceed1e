// The case page's data, shaped from a stored case (with lines, evidence, notes and audit) and
// the policy it was decided under. Pure: the loader calls it; the components use its types.
import type { CaseAuditEntry, CaseEvidence, CaseNote, ReturnCase, ReturnCaseLine } from "@prisma/client";
import { caseSlaTimers, caseTimesOf, describeDue, nextDue, refundBreakdown, type CaseStatus, type InspectionForm, type SlaKind } from "~/domain/cases";
import { FAULT_CLAIM_TYPES, policyClauses, type Decision, type Policy } from "~/domain/policy";
import type { DECLINE_REASONS } from "~/lib/case-action-schema";
import { STATUS_LABELS } from "../case-status-labels";

export type CaseDetailRow = ReturnCase & { lines: ReturnCaseLine[]; evidence: CaseEvidence[]; notes: CaseNote[]; audit: CaseAuditEntry[] };

export type ClauseRef = { id: string; title: string | null };

export type CaseActionsAllowed = {
  approve: boolean;
  decline: boolean;
  attachLabel: boolean;
  markInTransit: boolean;
  markReceived: boolean;
  inspect: boolean;
  refund: boolean;
  escalate: boolean;
  resolveEscalation: boolean;
  setUrgent: boolean;
  note: boolean;
  message: boolean;
  close: boolean;
};

export type SlaTimerView = { kind: SlaKind; label: string; dueAt: string; metAt: string | null; state: "open" | "met" | "missed" | "overdue"; text: string };

export type Breakdown = ReturnType<typeof refundBreakdown>;

export type CasePageData = ReturnType<typeof casePageData>;

export { STATUS_LABELS };

export const CLAIM_LABELS: Record<string, string> = {
  RETURN: "Return (change of mind)",
  DEFECTIVE: "Defective item",
  DAMAGED_IN_TRANSIT: "Damaged in transit",
  WRONG_ITEM: "Wrong item",
  MISSING_ITEM: "Missing item",
};

export const CONDITION_LABELS: Record<string, string> = { UNOPENED: "Unopened", OPENED: "Opened", USED: "Used", DAMAGED: "Damaged" };

export const DEDUCTION_LABELS: Record<string, string> = {
  ORIGINAL_SHIPPING: "Original shipping (not refunded)",
  RETURN_SHIPPING_FEE: "Return shipping fee",
  RETURN_LABEL: "Return label cost",
};

export const SLA_LABELS: Record<SlaKind, string> = {
  firstReply: "First reply",
  inspection: "Inspection",
  escalationDecision: "Escalation decision",
  nextUpdate: "Next update to the shopper",
  resolution: "Resolution",
};

export const DECLINE_REASON_LABELS: Record<(typeof DECLINE_REASONS)[number], string> = {
  FINAL_SALE: "Final sale",
  RETURN_PERIOD_ENDED: "Return period ended",
  OTHER: "Other",
};

const ACTION_LABELS: Record<string, string> = {
  create: "Return requested",
  approve: "Approved",
  decline: "Declined",
  label: "Return label attached",
  markInTransit: "Marked in transit",
  markReceived: "Marked received",
  inspect: "Inspected",
  refundStarted: "Refund sent to Shopify",
  refund: "Refunded",
  refundReleased: "Refund released (Shopify did not refund)",
  escalate: "Escalated",
  resolveEscalation: "Escalation decided",
  markUrgent: "Marked urgent",
  clearUrgent: "Urgency cleared",
  note: "Internal note added",
  message: "Message sent to the shopper",
  close: "Closed",
  cancel: "Canceled in Shopify",
  redact: "Customer data redacted",
};

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  rmaNumber: "RMA",
  claimType: "Claim",
  trackingNumber: "Tracking number",
  trackingUrl: "Tracking link",
  labelUrl: "Label",
  reverseDeliveryId: "Reverse delivery",
  urgent: "Urgent",
  escalated: "Escalated",
  escalationReason: "Escalation reason",
  refundEstimate: "Refund",
  refundAmount: "Refunded amount",
  refundClaimKey: "Refund in flight",
  approvedAt: "Approved",
  receivedAt: "Received",
  inspectedAt: "Inspected",
  refundedAt: "Refunded",
  closedAt: "Closed",
  escalatedAt: "Escalated",
  escalationDecidedAt: "Escalation decided",
  firstRepliedAt: "First reply",
  lastUpdateSentAt: "Last update sent",
  shopifyRefundIds: "Shopify refund",
};

/** Fields whose values are noise in a timeline (their change is said by the action itself). */
const QUIET_FIELDS = new Set(["inspectionJson", "finalDecisionJson", "refundClaimedAt", "searchText", "slaDueAt", "noteId"]);

const isIsoDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);

function words(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "status" && typeof value === "string") return STATUS_LABELS[value as CaseStatus] ?? value;
  if (field === "claimType" && typeof value === "string") return CLAIM_LABELS[value] ?? value;
  if (field === "refundClaimKey") return "yes";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (isIsoDate(value)) return "set";
  if (field === "shopifyRefundIds" && typeof value === "string") {
    try {
      return (JSON.parse(value) as string[]).map((id) => id.replace(/^gid:\/\/shopify\/Refund\//, "#")).join(", ") || "—";
    } catch {
      return value;
    }
  }
  return String(value);
}

/** One audit entry as the timeline says it: who, what, when, and each field's before → after in words. */
export function timelineEntry(entry: Pick<CaseAuditEntry, "id" | "actor" | "action" | "at" | "beforeJson" | "afterJson">) {
  const parse = (json: string | null): Record<string, unknown> => {
    if (!json) return {};
    try {
      const value = JSON.parse(json) as unknown;
      return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const before = parse(entry.beforeJson);
  const after = parse(entry.afterJson);
  const detail = typeof after.detail === "string" ? after.detail : null;
  const changes: string[] = [];
  // The status change first, then the other fields as recorded.
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => Number(b === "status") - Number(a === "status"));
  for (const field of fields) {
    if (field === "detail" || QUIET_FIELDS.has(field)) continue;
    const from = words(field, before[field]);
    const to = words(field, after[field]);
    if (entry.action === "create") {
      if (to !== "—") changes.push(`${FIELD_LABELS[field] ?? field}: ${to}`);
      continue;
    }
    if (from === to) continue;
    const label = FIELD_LABELS[field] ?? field;
    if (to === "set") changes.push(`${label} recorded`);
    else if (from === "set" && to === "—") changes.push(`${label} cleared`);
    else if (field === "refundClaimKey") changes.push(to === "yes" ? "Refund claimed" : "Refund claim released");
    else changes.push(`${label}: ${from} → ${to}`);
  }
  return { id: entry.id, actor: entry.actor, action: entry.action, label: ACTION_LABELS[entry.action] ?? entry.action, at: new Date(entry.at).toISOString(), changes, detail };
}

/** What the agent may do now, from the status and the flags (the services check again). */
export function allowedCaseActions(c: Pick<ReturnCase, "status" | "escalated" | "escalationDecidedAt" | "refundClaimKey">): CaseActionsAllowed {
  const s = c.status as CaseStatus;
  const open = s !== "CLOSED";
  // The claim stays on a refunded case as its record; it is "pending" only while still INSPECTED.
  const refundPending = Boolean(c.refundClaimKey) && s === "INSPECTED";
  const escalationOpen = c.escalated && !c.escalationDecidedAt;
  return {
    approve: s === "REQUESTED",
    decline: s === "REQUESTED",
    attachLabel: s === "APPROVED" || s === "IN_TRANSIT",
    markInTransit: s === "APPROVED",
    markReceived: s === "APPROVED" || s === "IN_TRANSIT",
    // Re-grading while a refund is in flight would change the figure Shopify is refunding.
    inspect: (s === "RECEIVED" || s === "INSPECTED") && !refundPending,
    refund: s === "INSPECTED" && !refundPending,
    escalate: open && !escalationOpen,
    resolveEscalation: open && escalationOpen,
    setUrgent: open,
    note: open,
    message: open,
    close: (s === "APPROVED" || s === "DECLINED" || s === "REFUNDED") && !refundPending,
  };
}

function parseJson<T>(json: string | null | undefined): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** The page title: "RMA-1001 · #1042", or the order name before an RMA exists. */
export function caseTitle(c: Pick<ReturnCase, "rmaNumber" | "orderName">): string {
  return c.rmaNumber ? `${c.rmaNumber} · ${c.orderName}` : c.orderName;
}

export type DeclineSuggestion = { reason: (typeof DECLINE_REASONS)[number]; clause: { id: string }; explanation: string } | null;

/**
 * Everything the page shows. `suggestion` is the service's suggestedDecline over the lines;
 * `evidenceUrl` is where the evidence route serves a file.
 */
export function casePageData(c: CaseDetailRow, now: Date, opts: { evidenceUrl: (evidenceId: string) => string; suggestion: DeclineSuggestion }) {
  const { evidenceUrl, suggestion } = opts;
  const policy = JSON.parse(c.policyJson) as Policy;
  const clauseList = policyClauses(policy).map((cl) => ({ id: cl.id, title: cl.title }));
  const clauseTitles = new Map(clauseList.map((cl) => [cl.id, cl.title]));
  const clause = (id: string): ClauseRef => ({ id, title: clauseTitles.get(id) ?? null });
  const status = c.status as CaseStatus;

  const timers = caseSlaTimers(policy, caseTimesOf(c), now);
  const timerView = (t: (typeof timers)[number]): SlaTimerView => ({
    kind: t.kind,
    label: SLA_LABELS[t.kind],
    dueAt: t.dueAt.toISOString(),
    metAt: t.metAt ? t.metAt.toISOString() : null,
    state: t.state,
    text: t.state === "met" ? "met" : t.state === "missed" ? "missed" : describeDue(policy, t.dueAt, now),
  });
  const sla = timers.map(timerView);
  const due = status === "CLOSED" ? null : nextDue(timers);

  const titles = new Map(c.lines.map((l) => [l.lineItemId, l.title]));
  const initial = parseJson<Decision>(c.decisionJson);
  const final = parseJson<Decision>(c.finalDecisionJson);
  const savedInspection = parseJson<InspectionForm>(c.inspectionJson);
  const decisionLine = (lineItemId: string) => (final ?? initial)?.lines.find((l) => l.lineItemId === lineItemId) ?? null;

  const lines = c.lines.map((l) => {
    const decided = decisionLine(l.lineItemId);
    return {
      id: l.id,
      lineItemId: l.lineItemId,
      title: l.title,
      quantity: l.quantity,
      reason: l.reason,
      declaredCondition: l.declaredCondition,
      gradedCondition: l.gradedCondition,
      defectConfirmed: l.defectConfirmed,
      disposition: l.disposition,
      overrideReason: l.overrideReason,
      code: l.code,
      eligible: l.code === "OK",
      clause: clause(l.clause),
      explanation: l.explanation,
      refundPercent: l.refundBasisPoints === null ? null : l.refundBasisPoints / 100,
      refundAmount: decided?.refundAmount ?? null,
      grossAmount: decided?.grossAmount ?? null,
    };
  });

  const refusedLine = c.lines.find((l) => l.code !== "OK") ?? null;

  const faultClaim = (FAULT_CLAIM_TYPES as readonly string[]).includes(c.claimType);
  const claimRule = faultClaim ? policy.claims[c.claimType as (typeof FAULT_CLAIM_TYPES)[number]] : null;

  return {
    case: {
      id: c.id,
      version: c.version,
      title: caseTitle(c),
      rmaNumber: c.rmaNumber,
      orderId: c.orderId,
      orderName: c.orderName,
      orderNumericId: c.orderId.replace(/^gid:\/\/shopify\/Order\//, ""),
      customerName: c.customerName,
      customerEmail: c.customerEmail,
      claimType: c.claimType,
      claimLabel: CLAIM_LABELS[c.claimType] ?? c.claimType,
      status,
      statusLabel: STATUS_LABELS[status] ?? c.status,
      urgent: c.urgent,
      escalated: c.escalated,
      escalationOpen: c.escalated && !c.escalationDecidedAt,
      escalationReason: c.escalationReason,
      policyId: c.policyId,
      policyName: policy.name,
      policyVersion: c.policyVersion,
      timeZone: policy.timeZone,
      createdAt: c.createdAt.toISOString(),
      currency: c.currency,
      refundEstimate: c.refundEstimate,
      refundAmount: c.refundAmount,
      refundPending: Boolean(c.refundClaimKey) && status === "INSPECTED",
      refundClaimedAt: c.refundClaimedAt ? c.refundClaimedAt.toISOString() : null,
      labelUrl: c.labelUrl,
      trackingNumber: c.trackingNumber,
      trackingUrl: c.trackingUrl,
      shopifyReturnId: c.shopifyReturnId,
    },
    sla,
    nextDue: due ? timerView(due) : null,
    lines,
    evidence: c.evidence.map((e) => ({
      id: e.id,
      kind: e.kind as "photo" | "video",
      contentType: e.contentType,
      byteSize: e.byteSize,
      lineItemId: e.lineItemId,
      lineTitle: e.lineItemId ? titles.get(e.lineItemId) ?? null : null,
      url: evidenceUrl(e.id),
    })),
    notes: c.notes.map((n) => ({
      id: n.id,
      author: n.author,
      visibility: n.visibility === "CUSTOMER" ? ("CUSTOMER" as const) : ("INTERNAL" as const),
      body: n.body,
      createdAt: n.createdAt.toISOString(),
    })),
    timeline: c.audit.map(timelineEntry),
    actions: allowedCaseActions(c),
    declineSuggestion: suggestion
      ? {
          reason: suggestion.reason,
          clause: clause(suggestion.clause.id),
          explanation: suggestion.explanation,
          lineTitle: refusedLine?.title ?? null,
        }
      : null,
    clauses: clauseList,
    inspection: {
      decidedOn: { policyJson: c.policyJson, orderJson: c.orderJson, requestJson: c.requestJson, createdAt: c.createdAt.toISOString(), shopifyReturnId: c.shopifyReturnId },
      faultClaim,
      labelCostAsked: Boolean(claimRule?.deductLabelCostIfNoFault && claimRule.returnShippingPaidBy === "MERCHANT" && policy.returnShipping.labelCost.mode === "ACTUAL"),
      partialRefunds: policy.partialRefunds,
      saved: savedInspection,
      inspectedAt: c.inspectedAt ? c.inspectedAt.toISOString() : null,
    },
    estimate: initial ? refundBreakdown(initial, titles) : null,
    refund: final ? refundBreakdown(final, titles) : null,
  };
}
