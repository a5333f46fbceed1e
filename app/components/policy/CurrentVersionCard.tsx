// The version in force: its number, who saved it when, the preset it started from, and whether
// the shop's refund policy says the same (with the button that publishes it).
import { Badge, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { TestIdButton } from "../case/TestIdButton";
import type { CurrentVersion, DriftView } from "./view-model";

const DRIFT_BADGE = {
  "in-sync": { tone: "success", label: "Published · up to date" },
  differs: { tone: "warning", label: "Store policy differs" },
  missing: { tone: "warning", label: "Not published" },
} as const;

export function CurrentVersionCard({
  current,
  drift,
  driftError,
  onPublish,
  publishing,
}: {
  current: CurrentVersion;
  drift: DriftView | null;
  driftError: string | null;
  onPublish: () => void;
  publishing: boolean;
}) {
  const badge = drift ? DRIFT_BADGE[drift.state] : null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {`Version ${current.version} is in force`}
            </Text>
            {badge ? <Badge tone={badge.tone}>{badge.label}</Badge> : null}
          </InlineStack>
          <TestIdButton testId="publish-policy" variant={drift?.state === "in-sync" ? "secondary" : "primary"} onClick={onPublish} loading={publishing}>
            Publish to store
          </TestIdButton>
        </InlineStack>
        <Text as="p">{`${current.name} · saved by ${current.createdBy} on ${current.savedAt}`}</Text>
        <Text as="p" tone="subdued">
          {current.presetName ? `Started from the ${current.presetName} preset.` : "Written from scratch."}
          {` Deadlines are counted in ${current.timeZone}.`}
        </Text>
        {drift ? (
          <Text as="p" tone="subdued">
            {drift.state === "missing"
              ? "Your store has no refund policy yet."
              : drift.state === "in-sync"
                ? `Your store's refund policy matches this version (last changed in Shopify ${drift.publishedAtText ?? "—"}).`
                : `Your store's refund policy (last changed in Shopify ${drift.publishedAtText ?? "—"}) says something else than this version.`}
            {drift.url ? (
              <>
                {" "}
                <Link url={drift.url} target="_blank">
                  View it on your store
                </Link>
              </>
            ) : null}
          </Text>
        ) : null}
        {driftError ? (
          <Text as="p" tone="caution">
            {driftError}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
