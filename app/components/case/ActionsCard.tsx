// The side column's actions: one small form per action the case's state allows, each with its
// own fetcher, loading state and error Banner.
import { BlockStack, Card, Checkbox, Divider, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { DECLINE_REASONS } from "~/lib/case-action-schema";
import { ActionBanner } from "./ActionBanner";
import { TestIdButton } from "./TestIdButton";
import { useCaseAction } from "./useCaseAction";
import { DECLINE_REASON_LABELS, type CasePageData } from "./view-model";

type Props = { data: CasePageData };

function LabelFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: { fileUrl: string; trackingNumber: string; trackingUrl: string };
  onChange: (v: { fileUrl: string; trackingNumber: string; trackingUrl: string }) => void;
}) {
  return (
    <FormLayout>
      <TextField
        label="Label file link"
        id={`${idPrefix}-file-url`}
        type="url"
        autoComplete="off"
        placeholder="https://…/label.pdf"
        value={value.fileUrl}
        onChange={(fileUrl) => onChange({ ...value, fileUrl })}
        helpText="An https:// link to the printable label (PDF or image)."
      />
      <TextField label="Tracking number" id={`${idPrefix}-tracking-number`} autoComplete="off" value={value.trackingNumber} onChange={(trackingNumber) => onChange({ ...value, trackingNumber })} />
      <TextField
        label="Tracking link"
        id={`${idPrefix}-tracking-url`}
        type="url"
        autoComplete="off"
        placeholder="https://…"
        value={value.trackingUrl}
        onChange={(trackingUrl) => onChange({ ...value, trackingUrl })}
      />
    </FormLayout>
  );
}

const emptyLabel = { fileUrl: "", trackingNumber: "", trackingUrl: "" };

function ApproveForm({ data }: Props) {
  const [notify, setNotify] = useState(true);
  const [withLabel, setWithLabel] = useState(false);
  const [label, setLabel] = useState(emptyLabel);
  const action = useCaseAction("approve", data.case.version, () => setLabel(emptyLabel));
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        Approve
      </Text>
      <ActionBanner error={action.error} warning={action.warning} onDismiss={action.dismiss} />
      <Checkbox label="Email the shopper that the return is approved" id="approve-notify" checked={notify} onChange={setNotify} />
      <Checkbox label="Add a prepaid return label" id="approve-with-label" checked={withLabel} onChange={setWithLabel} />
      {withLabel ? <LabelFields idPrefix="approve" value={label} onChange={setLabel} /> : null}
      <InlineStack align="end">
        <TestIdButton testId="approve" variant="primary" loading={action.busy} disabled={action.busy} onClick={() => action.submit({ notifyCustomer: notify, ...(withLabel ? label : {}) })}>
          Approve return
        </TestIdButton>
      </InlineStack>
    </BlockStack>
  );
}

function DeclineForm({ data }: Props) {
  const suggestion = data.declineSuggestion;
  const [reason, setReason] = useState<string>(suggestion?.reason ?? "OTHER");
  const [clauseId, setClauseId] = useState(suggestion?.clause.id ?? data.lines[0]?.clause.id ?? data.clauses[0]?.id ?? "");
  const [explanation, setExplanation] = useState(suggestion?.explanation ?? "");
  const [notify, setNotify] = useState(true);
  const action = useCaseAction("decline", data.case.version);
  const clauseOptions = data.clauses.map((c) => ({ label: `${c.title} (${c.id})`, value: c.id }));
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        Decline
      </Text>
      {suggestion ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {`Suggested by the policy${suggestion.lineTitle ? ` for ${suggestion.lineTitle}` : ""}: ${suggestion.clause.title ?? suggestion.clause.id}.`}
        </Text>
      ) : (
        <Text as="p" variant="bodySm" tone="subdued">
          The policy accepts every item; say why if you decline anyway.
        </Text>
      )}
      <ActionBanner error={action.error} onDismiss={action.dismiss} />
      <FormLayout>
        <Select label="Reason (sent to Shopify)" id="decline-reason" options={DECLINE_REASONS.map((r) => ({ label: DECLINE_REASON_LABELS[r], value: r }))} value={reason} onChange={setReason} />
        <Select label="Policy clause" id="decline-clause" options={clauseOptions} value={clauseId} onChange={setClauseId} />
        <TextField
          label="Explanation for the shopper"
          id="decline-explanation"
          autoComplete="off"
          multiline={3}
          maxLength={450}
          showCharacterCount
          value={explanation}
          onChange={setExplanation}
          error={action.error?.field === "explanation" ? action.error.error : undefined}
        />
        <Checkbox label="Email the shopper the decline" id="decline-notify" checked={notify} onChange={setNotify} />
      </FormLayout>
      <InlineStack align="end">
        <TestIdButton testId="decline" tone="critical" loading={action.busy} disabled={action.busy} onClick={() => action.submit({ reason, clauseId, explanation, notifyCustomer: notify })}>
          Decline return
        </TestIdButton>
      </InlineStack>
    </BlockStack>
  );
}

function AttachLabelForm({ data }: Props) {
  const [label, setLabel] = useState({ fileUrl: "", trackingNumber: data.case.trackingNumber ?? "", trackingUrl: data.case.trackingUrl ?? "" });
  const [notify, setNotify] = useState(true);
  const action = useCaseAction("attachLabel", data.case.version);
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {data.case.labelUrl || data.case.trackingNumber ? "Replace the return label" : "Return label"}
      </Text>
      <ActionBanner error={action.error} onDismiss={action.dismiss} />
      <LabelFields idPrefix="label" value={label} onChange={setLabel} />
      <Checkbox label="Email the label to the shopper" id="label-notify" checked={notify} onChange={setNotify} />
      <InlineStack align="end">
        <TestIdButton testId="attach-label" loading={action.busy} disabled={action.busy} onClick={() => action.submit({ ...label, notifyCustomer: notify })}>
          Attach label
        </TestIdButton>
      </InlineStack>
    </BlockStack>
  );
}

function ShipmentForm({ data }: Props) {
  const [tracking, setTracking] = useState(data.case.trackingNumber ?? "");
  const transit = useCaseAction("markInTransit", data.case.version);
  const receive = useCaseAction("markReceived", data.case.version);
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        Shipment
      </Text>
      <ActionBanner error={transit.error} onDismiss={transit.dismiss} />
      <ActionBanner error={receive.error} onDismiss={receive.dismiss} />
      {data.actions.markInTransit ? (
        <FormLayout>
          <TextField label="Tracking number (optional)" id="transit-tracking" autoComplete="off" value={tracking} onChange={setTracking} />
          <InlineStack align="end">
            <TestIdButton testId="mark-in-transit" loading={transit.busy} disabled={transit.busy || receive.busy} onClick={() => transit.submit({ trackingNumber: tracking })}>
              Mark in transit
            </TestIdButton>
          </InlineStack>
        </FormLayout>
      ) : null}
      {data.actions.markReceived ? (
        <InlineStack align="end">
          <TestIdButton testId="receive" variant="primary" loading={receive.busy} disabled={transit.busy || receive.busy} onClick={() => receive.submit()}>
            Mark received
          </TestIdButton>
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}

function EscalationForm({ data }: Props) {
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const escalate = useCaseAction("escalate", data.case.version, () => setReason(""));
  const resolve = useCaseAction("resolveEscalation", data.case.version, () => setNote(""));
  if (data.actions.resolveEscalation) {
    return (
      <BlockStack gap="300">
        <Text as="h3" variant="headingSm">
          Escalation
        </Text>
        <Text as="p" variant="bodySm">{`Escalated: ${data.case.escalationReason ?? ""}`}</Text>
        <ActionBanner error={resolve.error} onDismiss={resolve.dismiss} />
        <TextField label="What was decided" id="resolve-note" autoComplete="off" multiline={2} value={note} onChange={setNote} />
        <InlineStack align="end">
          <TestIdButton testId="resolve-escalation" loading={resolve.busy} disabled={resolve.busy} onClick={() => resolve.submit({ note })}>
            Record decision
          </TestIdButton>
        </InlineStack>
      </BlockStack>
    );
  }
  if (!data.actions.escalate) return null;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        Escalate
      </Text>
      <ActionBanner error={escalate.error} onDismiss={escalate.dismiss} />
      <TextField label="Why it needs a decision" id="escalate-reason" autoComplete="off" multiline={2} value={reason} onChange={setReason} />
      <InlineStack align="end">
        <TestIdButton testId="escalate" loading={escalate.busy} disabled={escalate.busy} onClick={() => escalate.submit({ reason })}>
          Escalate
        </TestIdButton>
      </InlineStack>
    </BlockStack>
  );
}

function CaseFlagsForm({ data }: Props) {
  const urgent = useCaseAction("setUrgent", data.case.version);
  const close = useCaseAction("close", data.case.version);
  if (!data.actions.setUrgent && !data.actions.close) return null;
  return (
    <BlockStack gap="300">
      <ActionBanner error={urgent.error} onDismiss={urgent.dismiss} />
      <ActionBanner error={close.error} onDismiss={close.dismiss} />
      <InlineStack gap="200" align="end">
        {data.actions.setUrgent ? (
          <TestIdButton testId="urgent" loading={urgent.busy} disabled={urgent.busy} pressed={data.case.urgent} onClick={() => urgent.submit({ urgent: !data.case.urgent })}>
            {data.case.urgent ? "Clear urgent" : "Mark urgent"}
          </TestIdButton>
        ) : null}
        {data.actions.close ? (
          <TestIdButton testId="close" loading={close.busy} disabled={close.busy} onClick={() => close.submit()}>
            Close case
          </TestIdButton>
        ) : null}
      </InlineStack>
    </BlockStack>
  );
}

export function ActionsCard({ data }: Props) {
  const a = data.actions;
  const sections = [
    a.approve ? <ApproveForm key="approve" data={data} /> : null,
    a.decline ? <DeclineForm key="decline" data={data} /> : null,
    a.attachLabel ? <AttachLabelForm key="label" data={data} /> : null,
    a.markInTransit || a.markReceived ? <ShipmentForm key="shipment" data={data} /> : null,
    a.escalate || a.resolveEscalation ? <EscalationForm key="escalation" data={data} /> : null,
    a.setUrgent || a.close ? <CaseFlagsForm key="flags" data={data} /> : null,
  ].filter(Boolean);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Actions
        </Text>
        {sections.length === 0 ? (
          <Text as="p" tone="subdued">
            {data.case.status === "CLOSED" ? "This case is closed." : "Nothing to do here right now."}
          </Text>
        ) : (
          sections.map((section, i) => (
            <BlockStack key={i} gap="400">
              {i > 0 ? <Divider /> : null}
              {section}
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
