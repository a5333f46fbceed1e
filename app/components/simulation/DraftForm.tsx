// The draft to simulate: a base (the version in force, a preset, or a draft from the policy
// editor) with its everyday fields editable, or the whole draft as JSON; and the period.
import { Banner, BlockStack, Button, Card, Checkbox, Divider, InlineGrid, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { applyEdits, EDITABLE_CONDITIONS, editsOf, exclusionsOf, quickFieldOf, type DraftEdits } from "./draft";
import { useStartSimulation } from "./useStartSimulation";

export type DraftBase = { key: string; label: string; policy: unknown };

const CONDITION_NAMES = { UNOPENED: "Unopened", OPENED: "Opened", USED: "Used", DAMAGED: "Damaged" } as const;

export function DraftForm({
  bases,
  initialKey,
  limits,
  allOrdersAccess,
  disabled,
  loaded,
}: {
  bases: DraftBase[];
  initialKey: string;
  limits: { min: number; max: number; default: number };
  allOrdersAccess: boolean;
  disabled: boolean;
  /** A run's draft to load into the form (changes when the merchant asks for it). */
  loaded: { nonce: number; policy: unknown } | null;
}) {
  const [baseKey, setBaseKey] = useState(initialKey);
  const [loadedNonce, setLoadedNonce] = useState<number | null>(null);
  const allBases = useMemo(() => (loaded ? [...bases, { key: "run", label: "Draft of the run shown below", policy: loaded.policy }] : bases), [bases, loaded]);
  const base = allBases.find((b) => b.key === baseKey) ?? allBases[0]!;
  const [edits, setEdits] = useState<DraftEdits>(() => editsOf(base.policy));
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [days, setDays] = useState(String(limits.default));
  const { start, busy, failure } = useStartSimulation();

  // "Use this draft" on a run: switch the base to it (once per request).
  if (loaded && loaded.nonce !== loadedNonce) {
    setLoadedNonce(loaded.nonce);
    setBaseKey("run");
    setEdits(editsOf(loaded.policy));
    setJsonText(null);
  }

  const chooseBase = (key: string) => {
    const next = allBases.find((b) => b.key === key);
    if (!next) return;
    setBaseKey(key);
    setEdits(editsOf(next.policy));
    setJsonText(null);
  };

  const draft = useMemo(() => applyEdits(base.policy, edits), [base, edits]);
  const errors = failure?.fieldErrors ?? {};
  const quick = new Map<string, string>();
  for (const [key, message] of Object.entries(errors)) {
    const field = quickFieldOf(key);
    if (field && !quick.has(field)) quick.set(field, message);
  }
  const other = Object.entries(errors).filter(([key]) => jsonText !== null || quickFieldOf(key) === null || quickFieldOf(key) === "days");
  const jsonMode = jsonText !== null;
  const setCondition = (c: (typeof EDITABLE_CONDITIONS)[number], patch: Partial<DraftEdits["conditions"][typeof c]>) =>
    setEdits((e) => ({ ...e, conditions: { ...e.conditions, [c]: { ...e.conditions[c], ...patch } } }));
  const exclusions = exclusionsOf(base.policy);
  const daysNumber = Number(days);

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Draft policy
        </Text>
        {failure ? (
          <Banner tone="critical" title="The simulation did not start">
            <BlockStack gap="100">
              <Text as="p">{failure.error}</Text>
              {other.length > 1 ? (
                <List>
                  {other.map(([key, message]) => (
                    <List.Item key={key}>{`${key}: ${message}`}</List.Item>
                  ))}
                </List>
              ) : null}
            </BlockStack>
          </Banner>
        ) : null}
        <Select label="Start from" options={allBases.map((b) => ({ label: b.label, value: b.key }))} value={base.key} onChange={chooseBase} disabled={disabled} />
        {jsonMode ? (
          <TextField
            label="Draft policy (JSON)"
            value={jsonText}
            onChange={setJsonText}
            multiline={16}
            monospaced
            autoComplete="off"
            error={errors.draft}
            helpText="The whole policy as JSON, validated when you run the simulation."
          />
        ) : (
          <BlockStack gap="300">
            <TextField
              label="Return window (days after delivery)"
              type="number"
              min={0}
              value={edits.windowDays}
              onChange={(v) => setEdits((e) => ({ ...e, windowDays: v }))}
              autoComplete="off"
              error={quick.get("windowDays")}
              disabled={disabled}
            />
            <Text as="h3" variant="headingSm">
              Refund by condition (change of mind)
            </Text>
            <InlineGrid columns={{ xs: 1, sm: 2 }} gap="300">
              {EDITABLE_CONDITIONS.map((c) => (
                <BlockStack key={c} gap="100">
                  <Checkbox label={`${CONDITION_NAMES[c]} items accepted`} checked={edits.conditions[c].accepted} onChange={(accepted) => setCondition(c, { accepted })} disabled={disabled} />
                  {edits.conditions[c].accepted ? (
                    <TextField
                      label={`Refund for ${CONDITION_NAMES[c].toLowerCase()} items`}
                      labelHidden
                      type="number"
                      min={0}
                      max={100}
                      suffix="% refunded"
                      value={edits.conditions[c].percent}
                      onChange={(percent) => setCondition(c, { percent })}
                      autoComplete="off"
                      error={quick.get(`conditions.${c}`)}
                      disabled={disabled}
                    />
                  ) : null}
                </BlockStack>
              ))}
            </InlineGrid>
            {exclusions.length > 0 ? (
              <BlockStack gap="100">
                <Text as="h3" variant="headingSm">
                  Exclusions
                </Text>
                {exclusions.map((x) => (
                  <Checkbox
                    key={x.id}
                    label={x.title}
                    helpText={`Clause exclusion.${x.id}`}
                    checked={edits.exclusions[x.id] !== false}
                    onChange={(kept) => setEdits((e) => ({ ...e, exclusions: { ...e.exclusions, [x.id]: kept } }))}
                    disabled={disabled}
                  />
                ))}
              </BlockStack>
            ) : null}
            <Checkbox
              label="Deduct the original shipping from change-of-mind refunds"
              checked={edits.deductOriginalShipping}
              onChange={(v) => setEdits((e) => ({ ...e, deductOriginalShipping: v }))}
              disabled={disabled}
            />
          </BlockStack>
        )}
        <InlineStack>
          <Button variant="plain" onClick={() => setJsonText(jsonMode ? null : JSON.stringify(draft, null, 2))} disabled={disabled}>
            {jsonMode ? "Back to the quick fields (drops JSON edits)" : "Edit the whole draft as JSON"}
          </Button>
        </InlineStack>
        <Divider />
        <TextField
          label="Orders placed in the last"
          type="number"
          min={limits.min}
          max={limits.max}
          suffix="days"
          value={days}
          onChange={setDays}
          autoComplete="off"
          error={errors.days}
          helpText={
            !allOrdersAccess && daysNumber > 60
              ? "Without access to all orders, Shopify lists only the last 60 days: older orders will not be simulated."
              : `${limits.min}–${limits.max} days. Each order's items are returned as if the shopper asked today.`
          }
          disabled={disabled}
        />
        <InlineStack align="end">
          <Button variant="primary" loading={busy} disabled={disabled} onClick={() => start(jsonText ?? JSON.stringify(draft), days)}>
            Run simulation
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
