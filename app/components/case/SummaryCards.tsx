import { Badge, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { formatDateTime, formatMoney } from "./format";
import type { CasePageData, SlaTimerView } from "./view-model";

const SLA_TONE: Record<SlaTimerView["state"], "success" | "critical" | "attention" | undefined> = { met: "success", missed: "critical", overdue: "critical", open: "attention" };

export function slaBadgeTone(state: SlaTimerView["state"]) {
  return SLA_TONE[state];
}

export function OrderSummaryCard({ data }: { data: CasePageData }) {
  const c = data.case;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Order and shopper
        </Text>
        <Text as="p" fontWeight="semibold">
          {c.orderName}
        </Text>
        <Text as="p">{c.customerName ?? "No customer name"}</Text>
        {c.customerEmail ? <Link url={`mailto:${c.customerEmail}`}>{c.customerEmail}</Link> : <Text as="p">No email</Text>}
        <Text as="p" variant="bodySm" tone="subdued">{`${c.claimLabel} · requested ${formatDateTime(c.createdAt, c.timeZone)}`}</Text>
        <Text as="p" variant="bodySm" tone="subdued">{`Decided under ${c.policyName} policy, version ${c.policyVersion}`}</Text>
        <Text as="p" variant="bodySm">{`Estimated refund ${formatMoney(c.refundEstimate, c.currency)}`}</Text>
        {c.trackingNumber || c.labelUrl ? (
          <BlockStack gap="100">
            {c.labelUrl ? (
              <Link url={c.labelUrl} target="_blank">
                Return label
              </Link>
            ) : null}
            {c.trackingNumber ? c.trackingUrl ? <Link url={c.trackingUrl} target="_blank">{`Tracking ${c.trackingNumber}`}</Link> : <Text as="p">{`Tracking ${c.trackingNumber}`}</Text> : null}
          </BlockStack>
        ) : null}
        {c.escalationReason ? (
          <Text as="p" variant="bodySm">
            {`${c.escalationOpen ? "Escalated" : "Was escalated"}: ${c.escalationReason}`}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export function SlaCard({ data }: { data: CasePageData }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Service levels
        </Text>
        {data.sla.length === 0 ? (
          <Text as="p" tone="subdued">
            The policy commits to no service times for this case.
          </Text>
        ) : (
          data.sla.map((t) => (
            <InlineStack key={t.kind} align="space-between" blockAlign="center" gap="200">
              <BlockStack gap="050">
                <Text as="span">{t.label}</Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {t.metAt ? `done ${formatDateTime(t.metAt, data.case.timeZone)}` : `by ${formatDateTime(t.dueAt, data.case.timeZone)}`}
                </Text>
              </BlockStack>
              <Badge tone={slaBadgeTone(t.state)}>{t.text}</Badge>
            </InlineStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
