import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatDateTime } from "./format";
import type { CasePageData } from "./view-model";

/** The audit trail, newest first: who did what, when, and what changed. */
export function TimelineCard({ data }: { data: CasePageData }) {
  const entries = [...data.timeline].reverse();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        <ol style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label="Case timeline">
          {entries.map((e, i) => (
            // The rule between entries is the item's own border: an <hr> is no list item, and an
            // <ol> may only hold <li> (screen readers miscount it otherwise).
            <li key={e.id} style={{ padding: "8px 0", borderTop: i > 0 ? "var(--p-border-width-025) solid var(--p-color-border-secondary)" : undefined }}>
              <BlockStack gap="050">
                <InlineStack align="space-between" gap="200">
                  <Text as="span" fontWeight="semibold">
                    {e.label}
                  </Text>
                  <Text as="span" variant="bodySm" tone="subdued">
                    <time dateTime={e.at}>{formatDateTime(e.at, data.case.timeZone)}</time>
                  </Text>
                </InlineStack>
                <Text as="span" variant="bodySm" tone="subdued">{`by ${e.actor}`}</Text>
                {e.changes.map((change) => (
                  <Text key={change} as="span" variant="bodySm">
                    {change}
                  </Text>
                ))}
                {e.detail ? (
                  <Text as="span" variant="bodySm" tone="caution">
                    {e.detail}
                  </Text>
                ) : null}
              </BlockStack>
            </li>
          ))}
        </ol>
      </BlockStack>
    </Card>
  );
}
