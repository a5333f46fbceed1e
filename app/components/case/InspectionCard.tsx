// Inspection: the agent grades each returned line, and the refund is decided again by the
// policy engine in the browser as they type (inspectedDecision is pure), so the figure shown is
// the one the server will store. An override outside the policy's bounds shows the engine's
// own message and cannot be saved.
import { BlockStack, Box, Card, Checkbox, Divider, InlineError, InlineStack, RadioButton, Select, Text, TextField } from "@shopify/polaris";
import { Fragment, useMemo, useState } from "react";
import { inspectedDecision, type Disposition, type InspectionForm } from "~/domain/cases/inspection";
import { CONDITIONS, type Condition, type Decision } from "~/domain/policy";
import { inspectionPostSchema } from "~/lib/case-action-schema";
import { zodMessage } from "~/lib/zod-message";
import { ActionBanner } from "./ActionBanner";
import { formatDeduction, formatMoney, formatPercent } from "./format";
import { ClauseCitation } from "./LinesCard";
import { TestIdButton } from "./TestIdButton";
import { useCaseAction } from "./useCaseAction";
import { CONDITION_LABELS, DEDUCTION_LABELS, type CasePageData } from "./view-model";

type LineDraft = { lineItemId: string; condition: Condition; defectConfirmed: boolean; overridePercent: string; overrideReason: string; disposition: Disposition | "" };

function initialDrafts(data: CasePageData): { lines: LineDraft[]; labelCost: string } {
  const saved = data.inspection.saved;
  return {
    lines: data.lines.map((l) => {
      const s = saved?.lines.find((x) => x.lineItemId === l.lineItemId);
      return {
        lineItemId: l.lineItemId,
        condition: (s?.condition ?? l.gradedCondition ?? l.declaredCondition) as Condition,
        // The decision before inspection assumed the claimed fault; the agent unticks it if not found.
        defectConfirmed: s?.defectConfirmed ?? l.defectConfirmed ?? true,
        overridePercent: s?.overridePercent === null || s?.overridePercent === undefined ? "" : String(s.overridePercent),
        overrideReason: s?.overrideReason ?? "",
        disposition: (s?.disposition ?? l.disposition ?? "") as Disposition | "",
      };
    }),
    labelCost: saved?.labelCost ?? "",
  };
}

/** The form as the server takes it, or why it is not complete yet. */
function formOf(drafts: { lines: LineDraft[]; labelCost: string }, faultClaim: boolean, forPreview: boolean, titles: readonly string[]): { form: InspectionForm } | { error: string; field?: string } {
  for (const l of drafts.lines) {
    if (l.overridePercent.trim() !== "" && !Number.isFinite(Number(l.overridePercent))) {
      const i = drafts.lines.indexOf(l);
      return { error: `${titles[i] ?? "Item"}: enter the partial refund as a number, e.g. 50`, field: `lines.${i}.overridePercent` };
    }
  }
  const candidate = {
    lines: drafts.lines.map((l) => ({
      lineItemId: l.lineItemId,
      condition: l.condition,
      defectConfirmed: faultClaim ? l.defectConfirmed : null,
      overridePercent: l.overridePercent.trim() === "" ? null : Number(l.overridePercent),
      overrideReason: l.overrideReason.trim() === "" ? null : l.overrideReason.trim(),
      // Where the item goes does not change the money: the preview needs no choice yet.
      disposition: l.disposition || (forPreview ? "NO_RESTOCK" : undefined),
    })),
    labelCost: drafts.labelCost.trim() === "" ? null : drafts.labelCost.trim(),
  };
  const parsed = inspectionPostSchema.safeParse(candidate);
  if (!parsed.success) {
    // "Purtly P1 Air Purifier: Enter a percentage from 0 to 100" rather than "lines.0.overridePercent: …".
    const issue = parsed.error.issues[0]!;
    const [where, index] = issue.path;
    const title = where === "lines" && typeof index === "number" ? titles[index] : undefined;
    return { error: title ? `${title}: ${issue.message}` : where === "labelCost" ? `Return label cost: ${issue.message}` : zodMessage(parsed.error), field: issue.path.join(".") };
  }
  return { form: parsed.data };
}

export function InspectionCard({ data }: { data: CasePageData }) {
  const { inspection, lines } = data;
  const currency = data.case.currency;
  const [drafts, setDrafts] = useState(() => initialDrafts(data));
  const action = useCaseAction("inspect", data.case.version);
  const setLine = (i: number, patch: Partial<LineDraft>) => setDrafts((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));

  const titles = useMemo(() => lines.map((l) => l.title), [lines]);
  const preview = useMemo((): { decision: Decision; form: InspectionForm } | { error: string; field?: string } => {
    const built = formOf(drafts, inspection.faultClaim, true, titles);
    if ("error" in built) return built;
    try {
      return { decision: inspectedDecision(inspection.decidedOn, built.form), form: built.form };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [drafts, inspection, titles]);
  const fieldError = (field: string) => ("error" in preview && preview.field === field ? preview.error : undefined);

  const decided = "decision" in preview ? preview.decision : null;
  const missingDisposition = drafts.lines.some((l) => !l.disposition);
  const { partialRefunds } = inspection;

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Inspection
          </Text>
          <Text as="p" tone="subdued">
            {inspection.inspectedAt ? "Grade again to change the refund; the latest grading counts." : "Grade each item as it arrived. The refund below is recomputed by the policy as you go."}
          </Text>
        </BlockStack>
        <ActionBanner error={action.error} onDismiss={action.dismiss} />
        {drafts.lines.map((draft, i) => {
          const line = lines[i]!;
          const decidedLine = decided?.lines.find((l) => l.lineItemId === draft.lineItemId) ?? null;
          const key = line.id;
          return (
            <Fragment key={key}>
              {i > 0 ? <Divider /> : null}
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h3" variant="headingSm">{`${line.title} × ${line.quantity}`}</Text>
                  <Text as="span" fontWeight="semibold">
                    {decidedLine ? (decidedLine.eligible ? `${formatMoney(decidedLine.refundAmount, currency)} (${formatPercent(decidedLine.refundPercent)})` : "No refund") : "—"}
                  </Text>
                </InlineStack>
                <Select
                  label="Condition on arrival"
                  id={`inspect-${key}-condition`}
                  options={CONDITIONS.map((c) => ({ label: CONDITION_LABELS[c] ?? c, value: c }))}
                  value={draft.condition}
                  onChange={(v) => setLine(i, { condition: v as Condition })}
                  helpText={`The shopper declared: ${CONDITION_LABELS[line.declaredCondition] ?? line.declaredCondition}`}
                />
                {inspection.faultClaim ? (
                  <Checkbox
                    label="Defect confirmed"
                    id={`inspect-${key}-defect`}
                    checked={draft.defectConfirmed}
                    onChange={(v) => setLine(i, { defectConfirmed: v })}
                    helpText={`Untick if the item works as it should: the ${data.case.claimLabel.toLowerCase()} rules then no longer apply.`}
                  />
                ) : null}
                {partialRefunds.allowed ? (
                  <InlineStack gap="300" wrap={false} blockAlign="start">
                    <Box minWidth="140px">
                      <TextField
                        label="Partial refund %"
                        id={`inspect-${key}-percent`}
                        type="number"
                        autoComplete="off"
                        min={partialRefunds.minPercent}
                        max={partialRefunds.maxPercent}
                        value={draft.overridePercent}
                        onChange={(v) => setLine(i, { overridePercent: v })}
                        helpText={`Optional, ${partialRefunds.minPercent}–${partialRefunds.maxPercent} %`}
                        error={fieldError(`lines.${i}.overridePercent`) ? true : undefined}
                      />
                    </Box>
                    <Box width="100%">
                      <TextField
                        label="Reason for the partial refund"
                        id={`inspect-${key}-reason`}
                        autoComplete="off"
                        value={draft.overrideReason}
                        onChange={(v) => setLine(i, { overrideReason: v })}
                        helpText={partialRefunds.reasonRequired ? "Required with a partial refund; the shopper sees it." : "The shopper sees it."}
                        disabled={draft.overridePercent.trim() === ""}
                      />
                    </Box>
                  </InlineStack>
                ) : (
                  <Text as="p" variant="bodySm" tone="subdued">
                    This policy does not allow partial refunds.
                  </Text>
                )}
                <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                  <legend>
                    <Text as="span" variant="bodyMd">
                      Disposition
                    </Text>
                  </legend>
                  <InlineStack gap="400">
                    <RadioButton
                      label="Restock"
                      id={`inspect-${key}-restock`}
                      name={`disposition-${key}`}
                      checked={draft.disposition === "RESTOCK"}
                      onChange={() => setLine(i, { disposition: "RESTOCK" })}
                    />
                    <RadioButton
                      label="Do not restock"
                      id={`inspect-${key}-norestock`}
                      name={`disposition-${key}`}
                      checked={draft.disposition === "NO_RESTOCK"}
                      onChange={() => setLine(i, { disposition: "NO_RESTOCK" })}
                    />
                  </InlineStack>
                </fieldset>
                {decidedLine ? (
                  <BlockStack gap="050">
                    <Text as="p" variant="bodySm">
                      {decidedLine.explanation}
                    </Text>
                    <ClauseCitation clause={{ id: decidedLine.clause, title: data.clauses.find((c) => c.id === decidedLine.clause)?.title ?? null }} />
                  </BlockStack>
                ) : null}
              </BlockStack>
            </Fragment>
          );
        })}
        {inspection.faultClaim ? (
          <TextField
            label="Return label cost"
            id="inspect-label-cost"
            autoComplete="off"
            inputMode="decimal"
            prefix={currency}
            value={drafts.labelCost}
            onChange={(v) => setDrafts((d) => ({ ...d, labelCost: v }))}
            helpText={inspection.labelCostAsked ? "What the prepaid label cost: deducted when no defect is found, as the policy says." : "Only needed when the policy deducts the label cost."}
          />
        ) : null}
        <Divider />
        {decided ? (
          <BlockStack gap="100" id="inspect-refund-preview">
            {decided.deductions.map((d) => (
              <InlineStack key={d.kind} align="space-between">
                <Text as="span">{DEDUCTION_LABELS[d.kind] ?? d.kind}</Text>
                <Text as="span">{formatDeduction(d.amount, currency)}</Text>
              </InlineStack>
            ))}
            <InlineStack align="space-between">
              <Text as="span" fontWeight="bold">
                Refund after inspection
              </Text>
              <Text as="span" fontWeight="bold">
                {formatMoney(decided.refundTotal, currency)}
              </Text>
            </InlineStack>
          </BlockStack>
        ) : null}
        {"error" in preview ? (
          <div role="alert">
            <InlineError message={preview.error} fieldID="inspect-refund-preview" />
          </div>
        ) : null}
        {missingDisposition && decided ? (
          <Text as="p" tone="subdued" variant="bodySm">
            Choose Restock or Do not restock for every item.
          </Text>
        ) : null}
        <InlineStack align="end">
          <TestIdButton
            testId="inspect"
            variant="primary"
            loading={action.busy}
            disabled={!decided || missingDisposition || action.busy}
            onClick={() => {
              const built = formOf(drafts, inspection.faultClaim, false, titles);
              if ("form" in built) action.submit({ inspection: JSON.stringify(built.form) });
            }}
          >
            {inspection.inspectedAt ? "Save new grading" : "Save inspection"}
          </TestIdButton>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
