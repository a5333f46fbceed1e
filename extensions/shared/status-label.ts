// A return case's status in the shopper's words.
import { t, type MessageKey } from "./i18n";

const STATUS: Record<string, MessageKey> = {
  REQUESTED: "status.value.REQUESTED",
  APPROVED: "status.value.APPROVED",
  DECLINED: "status.value.DECLINED",
  IN_TRANSIT: "status.value.IN_TRANSIT",
  RECEIVED: "status.value.RECEIVED",
  INSPECTED: "status.value.INSPECTED",
  REFUNDED: "status.value.REFUNDED",
  CLOSED: "status.value.CLOSED",
  CANCELED: "status.value.CANCELED",
};

export const statusLabel = (status: string) => t(STATUS[status] ?? "status.value.OTHER");
