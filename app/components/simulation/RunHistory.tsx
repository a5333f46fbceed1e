// Past runs of the shop, newest first; each opens with ?run=<id>.
import { Badge, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { formatWhen } from "./format";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from "./labels";
import type { RunListItem } from "./view-model";

export function RunHistory({ runs, selectedId, timeZone }: { runs: RunListItem[]; selectedId: string | null; timeZone: string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Past simulations
        </Text>
        {runs.length === 0 ? (
          <Text as="p" tone="subdued">
            None yet. Results are kept, so you can come back to them.
          </Text>
        ) : (
          runs.map((r) => (
            <BlockStack key={r.id} gap="050">
              <InlineStack align="space-between" blockAlign="center" gap="200">
                {r.id === selectedId ? (
                  <Text as="span" fontWeight="semibold">
                    {formatWhen(r.createdAt, timeZone)}
                  </Text>
                ) : (
                  <Link url={`/app/policy/simulate?run=${encodeURIComponent(r.id)}`}>{formatWhen(r.createdAt, timeZone)}</Link>
                )}
                <Badge tone={RUN_STATUS_TONES[r.status]}>{RUN_STATUS_LABELS[r.status] ?? r.status}</Badge>
              </InlineStack>
              <Text as="span" variant="bodySm" tone="subdued">
                {`vs v${r.baseVersion} · ${r.days} days · ${r.processed}${r.total !== null ? ` of ${r.total}` : ""} orders · ${r.createdBy}`}
              </Text>
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
