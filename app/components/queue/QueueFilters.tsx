// The queue's search, sort and filter bar (Polaris IndexFilters); every change goes into the URL.
import { BlockStack, ChoiceList, IndexFilters, TextField, useSetIndexFiltersMode, type IndexFiltersProps } from "@shopify/polaris";
import { CASE_STATUSES } from "~/domain/cases/lifecycle";
import { CLAIM_TYPES } from "~/domain/policy/schema";
import type { QueueFilters as Filters } from "~/lib/queue-filters";
import { appliedFilters } from "./applied-filters";
import { CLAIM_LABEL, STATUS_LABEL } from "./queue-labels";
import { setList, setOne, type UpdateQueueUrl } from "./useQueueUrl";

const SORT_OPTIONS: IndexFiltersProps["sortOptions"] = [
  { label: "SLA due", value: "sla asc", directionLabel: "Soonest first" },
  { label: "Created", value: "created desc", directionLabel: "Newest first" },
];

/** A yes/no filter on one boolean URL key. */
function yesNoFilter(filters: Filters, update: UpdateQueueUrl, key: "urgent" | "escalated", yes: string, no: string) {
  return {
    key,
    label: yes,
    filter: (
      <ChoiceList
        title={yes}
        titleHidden
        choices={[
          { label: yes, value: "true" },
          { label: no, value: "false" },
        ]}
        selected={filters[key] === undefined ? [] : [String(filters[key])]}
        onChange={(selected) => update(setOne(key, selected[0]))}
      />
    ),
    pinned: true,
  };
}

function filterDefinitions(filters: Filters, update: UpdateQueueUrl): IndexFiltersProps["filters"] {
  const slaSelected = filters.overdue ? ["overdue"] : filters.dueToday ? ["dueToday"] : [];
  return [
    {
      key: "status",
      label: "Status",
      pinned: true,
      filter: (
        <ChoiceList
          title="Status"
          titleHidden
          allowMultiple
          choices={CASE_STATUSES.map((s) => ({ label: STATUS_LABEL[s], value: s }))}
          selected={[...filters.status]}
          onChange={(selected) => update(setList("status", selected))}
        />
      ),
    },
    {
      key: "claimType",
      label: "Claim type",
      filter: (
        <ChoiceList
          title="Claim type"
          titleHidden
          allowMultiple
          choices={CLAIM_TYPES.map((c) => ({ label: CLAIM_LABEL[c], value: c }))}
          selected={[...filters.claimType]}
          onChange={(selected) => update(setList("claimType", selected))}
        />
      ),
    },
    {
      key: "sla",
      label: "SLA",
      pinned: true,
      filter: (
        <ChoiceList
          title="SLA"
          titleHidden
          choices={[
            { label: "Overdue", value: "overdue" },
            { label: "Due later today", value: "dueToday" },
          ]}
          selected={slaSelected}
          onChange={(selected) =>
            update((next) => {
              next.delete("overdue");
              next.delete("dueToday");
              if (selected[0]) next.set(selected[0], "true");
            })
          }
        />
      ),
    },
    yesNoFilter(filters, update, "urgent", "Urgent", "Not urgent"),
    yesNoFilter(filters, update, "escalated", "Escalated", "Not escalated"),
    {
      key: "created",
      label: "Created",
      filter: (
        <BlockStack gap="200">
          <TextField
            label="Created from"
            type="date"
            autoComplete="off"
            value={filters.createdFrom ?? ""}
            max={filters.createdTo}
            onChange={(value) =>
              update((next) => {
                setOne("createdFrom", value)(next);
                if (value && filters.createdTo && value > filters.createdTo) next.set("createdTo", value);
              })
            }
          />
          <TextField
            label="Created to"
            type="date"
            autoComplete="off"
            value={filters.createdTo ?? ""}
            min={filters.createdFrom}
            onChange={(value) =>
              update((next) => {
                setOne("createdTo", value)(next);
                if (value && filters.createdFrom && value < filters.createdFrom) next.set("createdFrom", value);
              })
            }
          />
        </BlockStack>
      ),
    },
  ];
}

type Props = {
  filters: Filters;
  update: UpdateQueueUrl;
  /** The search box's text (debounced into the URL by the page). */
  query: string;
  onQueryChange: (query: string) => void;
  onClearAll: () => void;
  loading: boolean;
};

export function QueueFilters({ filters, update, query, onQueryChange, onClearAll, loading }: Props) {
  const { mode, setMode } = useSetIndexFiltersMode();
  const sortSelected = [filters.sort === "newest" ? "created desc" : "sla asc"];
  return (
    <IndexFilters
      sortOptions={SORT_OPTIONS}
      sortSelected={sortSelected}
      onSort={(value) => update(setOne("sort", value[0] === "created desc" ? "newest" : null))}
      queryValue={query}
      queryPlaceholder="Search order, RMA, email or name"
      onQueryChange={onQueryChange}
      onQueryClear={() => {
        onQueryChange("");
        update(setOne("q", null));
      }}
      tabs={[{ id: "all-returns", content: "All returns", isLocked: true, accessibilityLabel: "All returns" }]}
      selected={0}
      onSelect={() => {}}
      canCreateNewView={false}
      filters={filterDefinitions(filters, update)}
      appliedFilters={appliedFilters(filters, update)}
      onClearAll={onClearAll}
      cancelAction={{ onAction: () => {} }}
      mode={mode}
      setMode={setMode}
      loading={loading}
      filteringAccessibilityLabel="Search and filter returns"
    />
  );
}
