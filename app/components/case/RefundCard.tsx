// The refund: what the inspection decided, line by line and deduction by deduction, then a
// second, explicit confirmation naming the amount before anything reaches Shopify.
import { useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Divider, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { ActionBanner } from "./ActionBanner";
import { formatDateTime, formatDeduction, formatMoney, formatPercent } from "./format";
import { ClauseCitation } from "./LinesCard";
import { TestIdButton } from "./TestIdButton";
import { useCaseAction } from "./useCaseAction";
import { DEDUCTION_LABELS, type CasePageData } from "./view-model";

export function RefundBreakdown({ breakdown, clauses }: { breakdown: NonNullable<CasePageData["refund"]>; clauses: CasePageData["clauses"] }) {
  const currency = breakdown.currency;
  const title = (id: string) => clauses.find((c) => c.id === id)?.title ?? null;
  return (
    <BlockStack gap="200">
      {breakdown.lines.map((l) => (
        <BlockStack key={l.lineItemId} gap="050">
          <InlineStack align="space-between">
            <Text as="span">{`${l.title} × ${l.quantity}`}</Text>
            <Text as="span">{l.refund !== null ? formatMoney(l.refund, currency) : "Not refunded"}</Text>
          </InlineStack>
          {l.refund !== null && l.restockingFee !== null && Number(l.restockingFee) > 0 ? (
            <InlineStack align="space-between">
              <Text as="span" variant="bodySm" tone="subdued">{`Price ${formatMoney(l.gross, currency)} · refunded at ${formatPercent(l.percent)} · restocking fee`}</Text>
              <Text as="span" variant="bodySm" tone="subdued">
                {formatDeduction(l.restockingFee, currency)}
              </Text>
            </InlineStack>
          ) : null}
          <ClauseCitation clause={{ id: l.clause, title: title(l.clause) }} />
        </BlockStack>
      ))}
      <Divider />
      <InlineStack align="space-between">
        <Text as="span">Items</Text>
        <Text as="span">{formatMoney(breakdown.itemsSubtotal, currency)}</Text>
      </InlineStack>
      {breakdown.deductions.map((d) => (
        <BlockStack key={d.kind} gap="050">
          <InlineStack align="space-between">
            <Text as="span">{DEDUCTION_LABELS[d.kind] ?? d.kind}</Text>
            <Text as="span">{formatDeduction(d.amount, currency)}</Text>
          </InlineStack>
          <ClauseCitation clause={{ id: d.clause, title: title(d.clause) }} />
        </BlockStack>
      ))}
      <Divider />
      <InlineStack align="space-between">
        <Text as="span" variant="headingSm">
          Total refund
        </Text>
        <Text as="span" variant="headingSm">
          {formatMoney(breakdown.total, currency)}
        </Text>
      </InlineStack>
    </BlockStack>
  );
}

export function RefundCard({ data }: { data: CasePageData }) {
  const c = data.case;
  const breakdown = data.refund;
  const [confirming, setConfirming] = useState(false);
  const [notify, setNotify] = useState(true);
  const action = useCaseAction("refund", c.version, () => setConfirming(false));
  const revalidator = useRevalidator();
  if (!breakdown) return null;
  const total = formatMoney(breakdown.total, breakdown.currency);

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Refund
          </Text>
          {c.status === "REFUNDED" || c.status === "CLOSED" ? (
            <Text as="span" tone="success" fontWeight="semibold">{`Refunded ${formatMoney(c.refundAmount ?? breakdown.total, c.currency)}`}</Text>
          ) : null}
        </InlineStack>
        <RefundBreakdown breakdown={breakdown} clauses={data.clauses} />
        <ActionBanner error={action.error} onDismiss={action.dismiss} />
        {c.refundPending ? (
          <Banner tone="info" title="Refund on its way to Shopify">
            <BlockStack gap="200">
              <Text as="p">{`Sent ${formatDateTime(c.refundClaimedAt, c.timeZone)}. The case shows it as refunded as soon as Shopify confirms; it is never sent twice.`}</Text>
              <InlineStack>
                <Button onClick={() => revalidator.revalidate()} loading={revalidator.state !== "idle"}>
                  Check with Shopify
                </Button>
              </InlineStack>
            </BlockStack>
          </Banner>
        ) : null}
        {data.actions.refund ? (
          confirming ? (
            <BlockStack gap="300">
              <Text as="p">{`Shopify will refund ${total} to the original payment method${c.rmaNumber ? ` for ${c.rmaNumber}` : ""}. This cannot be undone.`}</Text>
              <Checkbox label="Email the shopper about the refund" checked={notify} onChange={setNotify} />
              <InlineStack gap="200" align="end">
                <Button onClick={() => setConfirming(false)} disabled={action.busy}>
                  Cancel
                </Button>
                <TestIdButton testId="confirm-refund" variant="primary" tone="critical" loading={action.busy} disabled={action.busy} onClick={() => action.submit({ notifyCustomer: notify })}>
                  {`Confirm refund of ${total}`}
                </TestIdButton>
              </InlineStack>
            </BlockStack>
          ) : (
            <InlineStack align="end">
              <TestIdButton testId="refund" variant="primary" onClick={() => setConfirming(true)}>
                {`Refund ${total}`}
              </TestIdButton>
            </InlineStack>
          )
        ) : null}
      </BlockStack>
    </Card>
  );
}
