// The words for the policy engine's line codes, shared by the case page and the simulation.
import type { LineCode } from "~/domain/policy";

export const LINE_CODE_LABELS: Record<LineCode, string> = {
  OK: "Eligible",
  RETURN_WINDOW_EXPIRED: "Return window ended",
  DEFECT_REPORT_WINDOW_EXPIRED: "Report window ended",
  FINAL_SALE: "Final sale",
  EXCLUDED: "Excluded",
  EVIDENCE_REQUIRED: "Evidence required",
  CONDITION_NOT_ACCEPTED: "Condition not accepted",
  QUANTITY_EXCEEDS_RETURNABLE: "More than returnable",
  NOT_FULFILLED: "Not fulfilled",
  UNKNOWN_LINE_ITEM: "Unknown item",
};
