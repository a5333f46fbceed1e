// The run shown: what was compared, its progress while it goes (the bar moves as pages are
// stored), its failure, and its results.
import { Badge, Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { formatWhen, plural } from "./format";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from "./labels";
import { RunResults } from "./RunResults";
import { isActiveStatus, progressPercent, type RunView } from "./view-model";

export function RunCard({ run, timeZone, maxOrders, onUseDraft }: { run: RunView; timeZone: string; maxOrders: number; onUseDraft: () => void }) {
  const active = isActiveStatus(run.status);
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              {`“${run.draftName}” draft vs version ${run.baseVersion} in force`}
            </Text>
            <Badge tone={RUN_STATUS_TONES[run.status]}>{RUN_STATUS_LABELS[run.status] ?? run.status}</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            {`Orders placed in the ${plural(run.days, "day")} before ${formatWhen(run.asOf, timeZone)} · started by ${run.createdBy}`}
          </Text>
          {active ? (
            <BlockStack gap="200">
              <ProgressBar progress={progressPercent(run)} tone="primary" animated />
              <Text as="p" variant="bodySm">
                {run.status === "QUEUED"
                  ? "Waiting to start…"
                  : run.total === null
                    ? "Counting orders…"
                    : `${run.processed.toLocaleString("en-US")} of ${plural(run.total, "order")} simulated. You can keep working; the results stay here.`}
              </Text>
            </BlockStack>
          ) : null}
          {run.status === "FAILED" ? (
            <Banner tone="critical" title="The simulation failed">
              <Text as="p">{run.error ?? "Unknown error"}</Text>
            </Banner>
          ) : null}
          {run.status === "DONE" && run.processed >= maxOrders ? (
            <Banner tone="info">{`Only the ${maxOrders.toLocaleString("en-US")} most recent orders were simulated.`}</Banner>
          ) : null}
          {run.status === "DONE" ? (
            <Text as="p" variant="bodySm" tone="subdued">
              {`Finished ${formatWhen(run.finishedAt, timeZone)}.`}
            </Text>
          ) : null}
          <InlineStack>
            <Button variant="plain" onClick={onUseDraft}>
              Load this draft into the form
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
      {run.result && (run.result.orders > 0 || run.status === "DONE") ? <RunResults result={run.result} baseVersion={run.baseVersion} partial={active} /> : null}
    </BlockStack>
  );
}
