// A return case's lifecycle: which action each status allows and where it leads. Pure; the
// case service checks every state change here before it calls Shopify or writes anything.
export const CASE_STATUSES = ["REQUESTED", "APPROVED", "DECLINED", "IN_TRANSIT", "RECEIVED", "INSPECTED", "REFUNDED", "CLOSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ["approve", "decline", "markInTransit", "markReceived", "inspect", "refund", "close", "cancel"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

// Receiving without a tracked shipment is normal (the shopper used their own carrier), so
// APPROVED → RECEIVED is allowed as well as APPROVED → IN_TRANSIT → RECEIVED. A declined case
// can only be closed; a refunded one only closed. "cancel" is Shopify's: a return canceled or
// closed in Shopify admin before anything was received ends the case there too.
const NEXT: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  REQUESTED: { approve: "APPROVED", decline: "DECLINED", cancel: "CLOSED" },
  APPROVED: { markInTransit: "IN_TRANSIT", markReceived: "RECEIVED", close: "CLOSED", cancel: "CLOSED" },
  DECLINED: { close: "CLOSED" },
  IN_TRANSIT: { markReceived: "RECEIVED", cancel: "CLOSED" },
  RECEIVED: { inspect: "INSPECTED" },
  INSPECTED: { inspect: "INSPECTED", refund: "REFUNDED" },
  REFUNDED: { close: "CLOSED" },
  CLOSED: {},
};

const LABELS: Record<CaseAction, string> = {
  approve: "approve",
  decline: "decline",
  markInTransit: "mark in transit",
  markReceived: "mark received",
  inspect: "inspect",
  refund: "refund",
  close: "close",
  cancel: "cancel",
};

export class CaseTransitionError extends Error {
  override name = "CaseTransitionError";
  readonly code = "INVALID_TRANSITION";
  constructor(
    readonly status: CaseStatus,
    readonly action: CaseAction,
  ) {
    const allowed = allowedActions(status).map((a) => LABELS[a]);
    super(`A case that is ${status.replace("_", " ").toLowerCase()} does not allow "${LABELS[action]}"; allowed now: ${allowed.join(", ") || "nothing"}.`);
  }
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => NEXT[status][a] !== undefined);
}

/** The status an action leads to, or a CaseTransitionError with a readable message. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus {
  const next = NEXT[status][action];
  if (!next) throw new CaseTransitionError(status, action);
  return next;
}

/** Escalation and notes are allowed until the case is closed. */
export function isOpen(status: CaseStatus): boolean {
  return status !== "CLOSED";
}
