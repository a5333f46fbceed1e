// The queue's selection and its bulk approve: which selected rows approve cannot take (and why),
// the submission to the route's action, its outcome until dismissed, and the success toast.
import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { useIndexResourceState } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import type { BulkApproveResult, QueueTableRow } from "~/routes/app.returns._index";
import { plural, STATUS_LABEL } from "./queue-labels";

export type BulkApproveOutcome = BulkApproveResult | { error: string };
export type ApproveBlocked = { row: QueueTableRow; why: string | null };

/** Why a selected row cannot be bulk-approved, or null when it can. */
export function approveBlocker(row: QueueTableRow): string | null {
  if (row.status !== "REQUESTED") return `already ${STATUS_LABEL[row.status].toLowerCase()}`;
  if (!row.fullyEligible) return "not every item is eligible under the policy";
  return null;
}

export function useBulkApprove(rows: QueueTableRow[]) {
  const fetcher = useFetcher<BulkApproveOutcome>();
  const shopify = useAppBridge();

  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows);
  useEffect(() => clearSelection(), [rows, clearSelection]);
  const selectedRows = rows.filter((r) => selectedResources.includes(r.id));
  const blocked: ApproveBlocked[] = selectedRows.map((r) => ({ row: r, why: approveBlocker(r) })).filter((b) => b.why !== null);
  const submitting = fetcher.state !== "idle";
  const canApprove = selectedRows.length > 0 && blocked.length === 0 && !submitting;

  const approve = () => {
    const form = new FormData();
    form.set("intent", "bulkApprove");
    for (const r of selectedRows) form.append("ids[]", r.id);
    fetcher.submit(form, { method: "post" });
  };

  const outcome = fetcher.state === "idle" ? fetcher.data : undefined;
  const [dismissed, setDismissed] = useState<unknown>(null);
  useEffect(() => {
    if (outcome && "approved" in outcome && outcome.approved > 0) shopify.toast.show(`${plural(outcome.approved, "return")} approved`);
  }, [outcome, shopify]);
  const showOutcome = outcome && outcome !== dismissed ? outcome : undefined;

  return {
    selection: { selectedResources, allResourcesSelected, handleSelectionChange },
    selectedRows,
    blocked,
    canApprove,
    approve,
    outcome: showOutcome,
    dismissOutcome: setDismissed,
  };
}
