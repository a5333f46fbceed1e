import { Badge, BlockStack, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { formatMoney, formatPercent } from "./format";
import { CONDITION_LABELS, type CasePageData } from "./view-model";
import { LINE_CODE_LABELS } from "../line-code-labels";

const CODE_LABELS: Record<string, string> = LINE_CODE_LABELS;

export function ClauseCitation({ clause }: { clause: { id: string; title: string | null } }) {
  return (
    <Text as="span" variant="bodySm" tone="subdued">
      {clause.title ? `${clause.title} · clause ${clause.id}` : `Clause ${clause.id}`}
    </Text>
  );
}

export function LinesCard({ data }: { data: CasePageData }) {
  const { lines } = data;
  const currency = data.case.currency;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Items
        </Text>
        {lines.map((line, i) => (
          <Fragment key={line.id}>
            {i > 0 ? <Divider /> : null}
            <BlockStack gap="150" id={`line-${line.id}`}>
              <InlineStack align="space-between" blockAlign="start" gap="200">
                <Text as="h3" variant="headingSm">
                  {`${line.title} × ${line.quantity}`}
                </Text>
                <InlineStack gap="100">
                  <Badge tone={line.eligible ? "success" : "critical"}>{line.eligible ? `${CODE_LABELS.OK} · ${formatPercent(line.refundPercent)}` : CODE_LABELS[line.code] ?? line.code}</Badge>
                  {line.refundAmount !== null ? <Badge>{formatMoney(line.refundAmount, currency)}</Badge> : null}
                </InlineStack>
              </InlineStack>
              <Text as="p" variant="bodySm">
                {`Declared: ${CONDITION_LABELS[line.declaredCondition] ?? line.declaredCondition}`}
                {line.gradedCondition ? ` · Graded: ${CONDITION_LABELS[line.gradedCondition] ?? line.gradedCondition}` : " · Not graded yet"}
                {line.defectConfirmed === true ? " · Defect confirmed" : line.defectConfirmed === false ? " · No defect found" : ""}
                {line.disposition ? ` · ${line.disposition === "RESTOCK" ? "Restock" : "Do not restock"}` : ""}
              </Text>
              <Text as="p">{line.explanation}</Text>
              <ClauseCitation clause={line.clause} />
              {line.reason ? (
                <Text as="p" variant="bodySm" tone="subdued">
                  {`Shopper's reason: “${line.reason}”`}
                </Text>
              ) : null}
              {line.overrideReason ? (
                <Text as="p" variant="bodySm" tone="subdued">
                  {`Partial refund reason: ${line.overrideReason}`}
                </Text>
              ) : null}
            </BlockStack>
          </Fragment>
        ))}
      </BlockStack>
    </Card>
  );
}
