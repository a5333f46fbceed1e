// The applied-filter pills above the queue: one per filter the URL sets, each removing it.
import type { IndexFiltersProps } from "@shopify/polaris";
import type { QueueFilters } from "~/lib/queue-filters";
import { CLAIM_LABEL, STATUS_LABEL } from "./queue-labels";
import { setList, setOne, type UpdateQueueUrl } from "./useQueueUrl";

export function appliedFilters(filters: QueueFilters, update: UpdateQueueUrl): NonNullable<IndexFiltersProps["appliedFilters"]> {
  const applied: NonNullable<IndexFiltersProps["appliedFilters"]> = [];
  if (filters.status.length) applied.push({ key: "status", label: `Status: ${filters.status.map((s) => STATUS_LABEL[s]).join(", ")}`, onRemove: () => update(setList("status", [])) });
  if (filters.claimType.length) applied.push({ key: "claimType", label: `Claim: ${filters.claimType.map((c) => CLAIM_LABEL[c]).join(", ")}`, onRemove: () => update(setList("claimType", [])) });
  if (filters.overdue !== undefined || filters.dueToday !== undefined) {
    const words = [filters.overdue !== undefined ? (filters.overdue ? "overdue" : "not overdue") : null, filters.dueToday !== undefined ? (filters.dueToday ? "due later today" : "not due today") : null];
    applied.push({
      key: "sla",
      label: `SLA: ${words.filter(Boolean).join(", ")}`,
      onRemove: () =>
        update((next) => {
          next.delete("overdue");
          next.delete("dueToday");
        }),
    });
  }
  for (const [key, yes, no] of [["urgent", "Urgent", "Not urgent"], ["escalated", "Escalated", "Not escalated"]] as const) {
    if (filters[key] !== undefined) applied.push({ key, label: filters[key] ? yes : no, onRemove: () => update(setOne(key, null)) });
  }
  if (filters.createdFrom || filters.createdTo) {
    const label = filters.createdFrom && filters.createdTo ? `Created ${filters.createdFrom} – ${filters.createdTo}` : filters.createdFrom ? `Created from ${filters.createdFrom}` : `Created until ${filters.createdTo}`;
    applied.push({
      key: "created",
      label,
      onRemove: () =>
        update((next) => {
          next.delete("createdFrom");
          next.delete("createdTo");
        }),
    });
  }
  return applied;
}
