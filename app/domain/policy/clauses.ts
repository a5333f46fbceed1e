/**
 * Stable clause ids. Every section of the rendered policy text has one, and
 * every decision line and deduction cites one, so a shopper (or the merchant)
 * can always trace a decision to the sentence that made it. Ids are part of the
 * public contract: never rename one, add new ones instead.
 */
import type { ClaimType, Condition } from "./schema";

export const CLAUSE = {
  lineItem: "order.line-item",
  fulfillment: "fulfillment",
  quantity: "quantity",
  returnWindow: "window.return",
  originalShipping: "shipping.original",
  returnShipping: "shipping.return",
  returnLabel: "shipping.return-label",
  partialRefund: "refund.partial",
  refundMethod: "refund.method",
  refundTiming: "refund.timing",
  inspection: "inspection",
  disposition: "disposition.rejected",
  rma: "rma",
  exchange: "exchange",
  returnToSender: "return-to-sender",
  subscription: "subscription",
  serviceFirstReply: "service.first-reply",
  serviceResolution: "service.resolution",
  serviceUpdates: "service.updates",
  serviceEscalation: "service.escalation",
  contact: "contact",
} as const;

const CLAIM_SLUG: Readonly<Record<ClaimType, string>> = {
  RETURN: "return",
  DEFECTIVE: "defective",
  DAMAGED_IN_TRANSIT: "damaged-in-transit",
  WRONG_ITEM: "wrong-item",
  MISSING_ITEM: "missing-item",
};

const CONDITION_CLAUSE: Readonly<Record<Condition, string>> = {
  UNOPENED: "condition.unopened",
  OPENED: "condition.opened",
  USED: "condition.used",
  DAMAGED: "condition.damaged",
};

const WINDOW_CLAUSE: Readonly<Record<ClaimType, string>> = {
  RETURN: CLAUSE.returnWindow,
  DEFECTIVE: "window.defective",
  DAMAGED_IN_TRANSIT: "window.damaged-in-transit",
  WRONG_ITEM: "window.wrong-item",
  MISSING_ITEM: "window.missing-item",
};

export function claimSlug(claim: ClaimType): string {
  return CLAIM_SLUG[claim];
}

/** `window.return`, `window.defective`, … */
export function windowClause(claim: ClaimType): string {
  return WINDOW_CLAUSE[claim];
}

/** `claim.return`, `claim.defective`, … */
export function claimClause(claim: ClaimType): string {
  return `claim.${CLAIM_SLUG[claim]}`;
}

/** `claim.defective.evidence`, … */
export function evidenceClause(claim: ClaimType): string {
  return `claim.${CLAIM_SLUG[claim]}.evidence`;
}

/** `condition.opened`, … */
export function conditionClause(condition: Condition): string {
  return CONDITION_CLAUSE[condition];
}

/** `exclusion.final-sale`, … */
export function exclusionClause(exclusionId: string): string {
  return `exclusion.${exclusionId}`;
}
