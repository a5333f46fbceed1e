// A run's numbers side by side with the version in force: lines whose outcome changed (by code
// transition), refund totals and their change, and example lines linked to their orders.
import { Badge, BlockStack, Box, Card, DataTable, InlineGrid, InlineStack, Link, Text } from "@shopify/polaris";
import type { SimulationExample, SimulationResult, SimulatedLineOutcome } from "~/domain/policy/simulate";
import { formatDelta, formatMoney, plural } from "./format";
import { adminOrderUrl, codeLabel, SCENARIO_LABELS } from "./labels";

function Stat({ label, value, tone }: { label: string; value: string; tone?: "critical" | "success" | "subdued" }) {
  return (
    <Box padding="300" background="bg-surface-secondary" borderRadius="200">
      <BlockStack gap="100">
        <Text as="span" variant="bodySm" tone="subdued">
          {label}
        </Text>
        <Text as="span" variant="headingLg" tone={tone}>
          {value}
        </Text>
      </BlockStack>
    </Box>
  );
}

function outcomeText(o: SimulatedLineOutcome, currency: string): string {
  return o.code === "OK" ? `${codeLabel(o.code)} ${formatMoney(o.refund, currency)}` : codeLabel(o.code);
}

function ExampleCell({ example, condition }: { example: SimulationExample; condition: "UNOPENED" | "OPENED" }) {
  const s = example.scenarios[condition];
  const same = s.current.code === s.draft.code && s.current.refund === s.draft.refund;
  return (
    <Text as="span" tone={same ? "subdued" : undefined}>
      {same ? outcomeText(s.current, example.currency) : `${outcomeText(s.current, example.currency)} → ${outcomeText(s.draft, example.currency)}`}
    </Text>
  );
}

export function RunResults({ result, baseVersion, partial }: { result: SimulationResult; baseVersion: number; partial: boolean }) {
  const inForce = `Version ${baseVersion} (in force)`;
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
        <Stat label={partial ? "Orders simulated so far" : "Orders simulated"} value={result.orders.toLocaleString("en-US")} />
        <Stat label="Items evaluated" value={result.lines.evaluated.toLocaleString("en-US")} />
        <Stat label="Items whose outcome changes" value={result.lines.changed.toLocaleString("en-US")} />
        <Stat label="Orders that could not be simulated" value={result.ordersFailed.toLocaleString("en-US")} tone={result.ordersFailed > 0 ? "critical" : "subdued"} />
      </InlineGrid>
      <Text as="p" variant="bodySm" tone="subdued">
        {`Not evaluated: ${plural(result.lines.notFulfilled, "item")} not fulfilled, ${plural(result.lines.nothingToReturn, "item")} already returned or refunded.`}
      </Text>

      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        {result.scenarios.map((s) => (
          <Card key={s.condition}>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h3" variant="headingSm">
                  {SCENARIO_LABELS[s.condition]}
                </Text>
                <Badge tone={s.codeChanged + s.refundChanged > 0 ? "attention" : "success"}>{`${plural(s.codeChanged + s.refundChanged, "change")}`}</Badge>
              </InlineStack>
              <Text as="p">{`Returnable: ${s.eligible.current} → ${s.eligible.draft} of ${plural(s.lines, "item")}`}</Text>
              {s.transitions.length > 0 ? (
                <BlockStack gap="150">
                  <Text as="p" variant="bodySm" tone="subdued">
                    {`Items whose outcome changes, ${inForce.toLowerCase()} → draft:`}
                  </Text>
                  {s.transitions.map((t) => (
                    <InlineStack key={`${t.from}>${t.to}`} align="space-between" blockAlign="center" gap="200" wrap={false}>
                      <Text as="span">
                        {`${codeLabel(t.from)} → ${codeLabel(t.to)} `}
                        <Text as="span" variant="bodySm" tone="subdued">{`(${t.from} → ${t.to})`}</Text>
                      </Text>
                      <Badge tone={t.to === "OK" ? "success" : t.from === "OK" ? "critical" : undefined}>{String(t.count)}</Badge>
                    </InlineStack>
                  ))}
                </BlockStack>
              ) : (
                <Text as="p" tone="subdued">
                  No item changes eligibility.
                </Text>
              )}
              {s.refundChanged > 0 ? <Text as="p">{`${plural(s.refundChanged, "item")} stay returnable with a different refund.`}</Text> : null}
            </BlockStack>
          </Card>
        ))}
      </InlineGrid>

      <Card>
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            Refunds if every item were returned today
          </Text>
          <DataTable
            columnContentTypes={["text", "text", "numeric", "numeric", "numeric"]}
            headings={["Scenario", "Amount", inForce, "Draft", "Change"]}
            rows={result.totals.flatMap((t) => [
              [SCENARIO_LABELS[t.condition], `Item refunds (${t.currency})`, formatMoney(t.lineRefunds.current, t.currency), formatMoney(t.lineRefunds.draft, t.currency), formatDelta(t.lineRefunds.delta, t.currency)],
              // The row header names its row for screen readers; on screen the pair reads as one group.
              [
                <Text key={t.condition} as="span" visuallyHidden>
                  {SCENARIO_LABELS[t.condition]}
                </Text>,
                `After shipping deductions (${t.currency})`,
                formatMoney(t.refundTotal.current, t.currency),
                formatMoney(t.refundTotal.draft, t.currency),
                formatDelta(t.refundTotal.delta, t.currency),
              ],
            ])}
          />
        </BlockStack>
      </Card>

      <Card>
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {result.examples.length > 0 ? `Examples (${result.examples.length} of ${result.lines.changed})` : "Examples"}
          </Text>
          {result.examples.length > 0 ? (
            <DataTable
              columnContentTypes={["text", "text", "text", "text"]}
              headings={["Order", "Item", SCENARIO_LABELS.UNOPENED, SCENARIO_LABELS.OPENED]}
              rows={result.examples.map((e) => {
                const url = adminOrderUrl(e.orderId);
                const name = e.orderName ?? e.orderId;
                return [
                  url ? (
                    <Link key={e.lineItemId} url={url} target="_top">
                      {name}
                    </Link>
                  ) : (
                    name
                  ),
                  `${e.title ?? e.lineItemId} × ${e.quantity}`,
                  <ExampleCell key="u" example={e} condition="UNOPENED" />,
                  <ExampleCell key="o" example={e} condition="OPENED" />,
                ];
              })}
            />
          ) : (
            <Text as="p" tone="subdued">
              The draft decides every item exactly as the version in force does.
            </Text>
          )}
        </BlockStack>
      </Card>

      {result.failures.length > 0 ? (
        <Card>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Orders the policy engine refused
            </Text>
            {result.failures.map((f) => (
              <Text as="p" key={`${f.orderId}-${f.policy}`}>
                {`${f.orderName ?? f.orderId} (${f.policy === "draft" ? "draft" : inForce}): ${f.message}`}
              </Text>
            ))}
          </BlockStack>
        </Card>
      ) : null}
    </BlockStack>
  );
}
