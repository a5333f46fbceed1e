// The words agents see for a case's status, on the queue and on the case page alike.
import type { CaseStatus } from "~/domain/cases/lifecycle";

export const STATUS_LABELS: Record<CaseStatus, string> = {
  REQUESTED: "Requested",
  APPROVED: "Approved",
  DECLINED: "Declined",
  IN_TRANSIT: "In transit",
  RECEIVED: "Received",
  INSPECTED: "Inspected",
  REFUNDED: "Refunded",
  CLOSED: "Closed",
};
