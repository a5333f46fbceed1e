// The words and Badge tones the queue shows for a case's status and claim type.
import type { BadgeProps } from "@shopify/polaris";
import type { CaseStatus } from "~/domain/cases/lifecycle";
import type { ClaimType } from "~/domain/policy/schema";

export { STATUS_LABELS as STATUS_LABEL } from "../case-status-labels";

// Attention: waits for a decision; warning: waits for inspection or the refund; info: on its way.
export const STATUS_TONE: Record<CaseStatus, BadgeProps["tone"]> = {
  REQUESTED: "attention",
  APPROVED: "info",
  DECLINED: undefined,
  IN_TRANSIT: "info",
  RECEIVED: "warning",
  INSPECTED: "warning",
  REFUNDED: "success",
  CLOSED: undefined,
};

export const CLAIM_LABEL: Record<ClaimType, string> = {
  RETURN: "Return",
  DEFECTIVE: "Defective",
  DAMAGED_IN_TRANSIT: "Damaged in transit",
  WRONG_ITEM: "Wrong item",
  MISSING_ITEM: "Missing item",
};

/** "1 return", "2 returns". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
