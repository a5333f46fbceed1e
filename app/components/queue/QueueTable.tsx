// The queue's table: one row per return, selectable for bulk approve, paged by cursor.
import { Badge, BlockStack, IndexTable, InlineStack, Link, Text, type IndexTableProps } from "@shopify/polaris";
import type { QueueTableRow } from "~/routes/app.returns._index";
import { NoMatchingReturns } from "./QueueEmptyStates";
import { CLAIM_LABEL, plural, STATUS_LABEL, STATUS_TONE } from "./queue-labels";

function returnRow(r: QueueTableRow, index: number, selected: boolean) {
  return (
    <IndexTable.Row id={r.id} key={r.id} position={index} selected={selected}>
      <IndexTable.Cell>
        <Link url={`/app/returns/${r.id}`} dataPrimaryLink removeUnderline monochrome accessibilityLabel={`${r.rma === "—" ? "Open" : `${r.rma}: open`} the return for order ${r.orderName}`}>
          <Text as="span" fontWeight="semibold">
            {r.rma}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.orderName}</IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack>
          <Text as="span">{r.customer}</Text>
          {r.customerEmail && r.customerEmail !== r.customer ? (
            <Text as="span" tone="subdued" variant="bodySm">
              {r.customerEmail}
            </Text>
          ) : null}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{CLAIM_LABEL[r.claimType] ?? r.claimType}</IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={STATUS_TONE[r.status]}>{STATUS_LABEL[r.status] ?? r.status}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.sla ? <Badge tone={r.sla.tone ?? undefined}>{r.sla.text}</Badge> : <Text as="span" tone="subdued">—</Text>}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {r.refundEstimate}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          {r.urgent ? <Badge tone="critical">Urgent</Badge> : null}
          {r.escalated ? <Badge tone="warning">Escalated</Badge> : null}
          {!r.fullyEligible ? <Badge>Needs review</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.created}</IndexTable.Cell>
    </IndexTable.Row>
  );
}

const HEADINGS: IndexTableProps["headings"] = [
  { title: "RMA" },
  { title: "Order" },
  { title: "Customer" },
  { title: "Claim" },
  { title: "Status" },
  { title: "SLA" },
  { title: "Refund estimate", alignment: "end" },
  { title: "Flags" },
  { title: "Created" },
];

type Props = {
  rows: QueueTableRow[];
  selection: { selectedResources: string[]; allResourcesSelected: boolean; handleSelectionChange: NonNullable<IndexTableProps["onSelectionChange"]> };
  /** How many rows are selected; the bulk action's label counts them. */
  selectedCount: number;
  canApprove: boolean;
  onApprove: () => void;
  onClearAll: () => void;
  loading: boolean;
  pagination: { hasNext: boolean; hasPrevious: boolean; onNext: () => void; onPrevious: () => void };
};

export function QueueTable({ rows, selection, selectedCount, canApprove, onApprove, onClearAll, loading, pagination }: Props) {
  const { selectedResources, allResourcesSelected, handleSelectionChange } = selection;
  return (
    <IndexTable
      resourceName={{ singular: "return", plural: "returns" }}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={handleSelectionChange}
      loading={loading}
      promotedBulkActions={[
        {
          content: selectedCount ? `Approve ${plural(selectedCount, "return")}` : "Approve",
          accessibilityLabel: canApprove ? "Approve the selected returns and notify the shoppers" : "Approve is unavailable for this selection",
          onAction: onApprove,
          disabled: !canApprove,
        },
      ]}
      headings={HEADINGS}
      emptyState={<NoMatchingReturns onClearAll={onClearAll} />}
      pagination={{ ...pagination, accessibilityLabels: { next: "Next page of returns", previous: "Previous page of returns" } }}
    >
      {rows.map((r, index) => returnRow(r, index, selectedResources.includes(r.id)))}
    </IndexTable>
  );
}
