// Words the simulation page shows for line codes, scenarios and run states.
import type { LineCode } from "~/domain/policy/decide";
import type { SimulationCondition } from "~/domain/policy/simulate";
import { LINE_CODE_LABELS } from "../line-code-labels";

// A simulation compares what shoppers could send back: "Returnable" reads better than "Eligible".
export const CODE_LABELS: Record<LineCode, string> = { ...LINE_CODE_LABELS, OK: "Returnable", RETURN_WINDOW_EXPIRED: "Window ended" };

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
