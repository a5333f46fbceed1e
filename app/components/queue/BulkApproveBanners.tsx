// The Banners around bulk approve: what the last approve did (nothing, failures, skips), and why
// the current selection cannot be approved.
import { Banner, List } from "@shopify/polaris";
import { plural } from "./queue-labels";
import type { ApproveBlocked, BulkApproveOutcome } from "./useBulkApprove";

/** The last bulk approve's refusal, failures and skips, each in a dismissible Banner. */
export function BulkApproveOutcomeBanners({ outcome, onDismiss }: { outcome: BulkApproveOutcome | undefined; onDismiss: (outcome: BulkApproveOutcome) => void }) {
  return (
    <>
      {outcome && "error" in outcome ? (
        <Banner tone="critical" title="Nothing was approved" onDismiss={() => onDismiss(outcome)}>
          <p>{outcome.error}</p>
        </Banner>
      ) : null}
      {outcome && "failed" in outcome && outcome.failed.length > 0 ? (
        <Banner tone="critical" title={`${plural(outcome.failed.length, "return")} could not be approved`} onDismiss={() => onDismiss(outcome)}>
          <List>
            {outcome.failed.map((f) => (
              <List.Item key={f.id}>{`${f.label}: ${f.message}`}</List.Item>
            ))}
          </List>
        </Banner>
      ) : null}
      {outcome && "skipped" in outcome && outcome.skipped.length > 0 ? (
        <Banner tone="warning" title={`${plural(outcome.skipped.length, "return")} skipped`} onDismiss={() => onDismiss(outcome)}>
          <List>
            {outcome.skipped.map((s) => (
              <List.Item key={s.id}>{`${s.label}: ${s.reason}`}</List.Item>
            ))}
          </List>
        </Banner>
      ) : null}
    </>
  );
}

/** The selected rows approve cannot take, with why; nothing when there are none. */
export function ApproveBlockedBanner({ blocked }: { blocked: ApproveBlocked[] }) {
  if (blocked.length === 0) return null;
  return (
    <Banner tone="info" title="Approve works on requested returns whose items are all eligible">
      <p>Deselect these or open them to decide one by one:</p>
      <List>
        {blocked.map(({ row, why }) => (
          <List.Item key={row.id}>{`${row.rma !== "—" ? row.rma : row.orderName}: ${why}`}</List.Item>
        ))}
      </List>
    </Banner>
  );
}
