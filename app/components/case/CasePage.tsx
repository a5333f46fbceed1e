import { Badge, Banner, BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { ActionsCard } from "./ActionsCard";
import { EvidenceCard } from "./EvidenceCard";
import { InspectionCard } from "./InspectionCard";
import { LinesCard } from "./LinesCard";
import { NotesCard } from "./NotesCard";
import { RefundBreakdown, RefundCard } from "./RefundCard";
import { OrderSummaryCard, SlaCard, slaBadgeTone } from "./SummaryCards";
import { TimelineCard } from "./TimelineCard";
import { CaseConflictContext, type CaseActionFailure } from "./useCaseAction";
import type { CasePageData } from "./view-model";

const STATUS_TONE: Record<string, "info" | "success" | "critical" | "attention" | "warning" | undefined> = {
  REQUESTED: "attention",
  APPROVED: "info",
  IN_TRANSIT: "info",
  RECEIVED: "info",
  INSPECTED: "warning",
  REFUNDED: "success",
  DECLINED: "critical",
  CLOSED: undefined,
};

export function CasePage({ data }: { data: CasePageData & { notice?: string | null } }) {
  const c = data.case;
  const due = data.nextDue;
  const showInspection = data.actions.inspect;
  const [conflict, setConflict] = useState<CaseActionFailure | null>(null);
  const reportConflict = useCallback((failure: CaseActionFailure) => setConflict(failure), []);
  return (
    <CaseConflictContext.Provider value={reportConflict}>
      <Page
        title={c.title}
        subtitle={`${c.claimLabel} · ${c.customerName ?? c.customerEmail ?? "Unknown shopper"}`}
        backAction={{ content: "Returns", url: "/app/returns" }}
        titleMetadata={
          <span style={{ display: "inline-flex", gap: 6, flexWrap: "wrap" }}>
            <Badge tone={STATUS_TONE[c.status]}>{c.statusLabel}</Badge>
            {c.urgent ? <Badge tone="critical">Urgent</Badge> : null}
            {c.escalationOpen ? <Badge tone="warning">Escalated</Badge> : null}
            {c.refundPending ? <Badge tone="info">Refund pending</Badge> : null}
            {due ? <Badge tone={slaBadgeTone(due.state)}>{`${due.label} ${due.text}`}</Badge> : null}
          </span>
        }
      >
        <Layout>
          {conflict ? (
            <Layout.Section>
              <Banner tone="critical" title="The case changed" onDismiss={() => setConflict(null)}>
                <Text as="p">{conflict.error}</Text>
              </Banner>
            </Layout.Section>
          ) : null}
          {data.notice ? (
            <Layout.Section>
              <Banner tone="warning" title="Shopify could not be checked">
                <Text as="p">{data.notice}</Text>
              </Banner>
            </Layout.Section>
          ) : null}
          <Layout.Section>
            <BlockStack gap="400">
              <LinesCard data={data} />
              <EvidenceCard data={data} />
              {showInspection ? <InspectionCard key={data.inspection.inspectedAt ?? "first"} data={data} /> : null}
              {data.refund ? (
                <RefundCard data={data} />
              ) : data.estimate ? (
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Estimated refund
                    </Text>
                    <Text as="p" tone="subdued">
                      As decided at the request, before inspection.
                    </Text>
                    <RefundBreakdown breakdown={data.estimate} clauses={data.clauses} />
                  </BlockStack>
                </Card>
              ) : null}
              <TimelineCard data={data} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <OrderSummaryCard data={data} />
              <SlaCard data={data} />
              <ActionsCard data={data} />
              <NotesCard data={data} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Page>
    </CaseConflictContext.Provider>
  );
}
