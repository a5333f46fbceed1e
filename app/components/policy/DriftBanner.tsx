// The warning that shoppers read a refund policy other than the one Clause enforces: on the home
// page (with a link to the overview) and on the overview (with the publish button).
import { Banner, Text, type BannerProps } from "@shopify/polaris";
import type { DriftState } from "~/services/refund-policy-drift.server";
import { DRIFT_TITLE, driftMessage } from "./policy-ui";

export function DriftBanner({ state, action, onDismiss }: { state: DriftState; action?: BannerProps["action"]; onDismiss?: () => void }) {
  if (state === "in-sync") return null;
  return (
    <Banner tone="warning" title={DRIFT_TITLE} action={action} onDismiss={onDismiss}>
      <Text as="p">{driftMessage(state)}</Text>
    </Banner>
  );
}
