// Words the simulation page shows for line codes, scenarios and run states.
import type { LineCode } from "~/domain/policy/decide";
import type { SimulationCondition } from "~/domain/policy/simulate";

export const CODE_LABELS: Record<LineCode, string> = {
  OK: "Returnable",
  RETURN_WINDOW_EXPIRED: "Window ended",
  DEFECT_REPORT_WINDOW_EXPIRED: "Report window ended",
  FINAL_SALE: "Final sale",
  EXCLUDED: "Excluded",
  EVIDENCE_REQUIRED: "Evidence required",
  CONDITION_NOT_ACCEPTED: "Condition not accepted",
  QUANTITY_EXCEEDS_RETURNABLE: "More than returnable",
  NOT_FULFILLED: "Not fulfilled",
  UNKNOWN_LINE_ITEM: "Unknown item",
};

export const SCENARIO_LABELS: Record<SimulationCondition, string> = {
  UNOPENED: "Returned unopened",
  OPENED: "Returned opened",
};

export const RUN_STATUS_LABELS: Record<string, string> = {
  QUEUED: "Waiting",
  RUNNING: "Running",
  DONE: "Done",
  FAILED: "Failed",
};

export const RUN_STATUS_TONES: Record<string, "info" | "success" | "critical" | "attention" | undefined> = {
  QUEUED: "attention",
  RUNNING: "info",
  DONE: "success",
  FAILED: "critical",
};

export function codeLabel(code: string): string {
  return CODE_LABELS[code as LineCode] ?? code;
}

/** The order's page in Shopify admin (App Bridge opens shopify:// links in the admin). */
export function adminOrderUrl(orderId: string): string | null {
  const match = /\/Order\/(\d+)$/.exec(orderId);
  return match ? `shopify://admin/orders/${match[1]}` : null;
}
