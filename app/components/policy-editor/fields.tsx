// Polaris inputs bound to a path of the policy: each reads its value, writes it back, shows the
// "Assumed" badge in its label and the server's error for that path inline.
import { BlockStack, Checkbox, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";
import { DURATION_UNITS, type Duration } from "~/domain/policy";
import { getIn, numberInput, type PathSegment } from "~/lib/policy-form";
import { FieldLabel } from "./Assumptions";
import { usePolicyForm } from "./usePolicyForm";

type Common = { path: readonly PathSegment[]; label: string; helpText?: ReactNode; disabled?: boolean };

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

export function TextInput({ path, label, helpText, disabled, placeholder, maxLength, monospaced }: Common & { placeholder?: string; maxLength?: number; monospaced?: boolean }) {
  const { form, set, errorAt } = usePolicyForm();
  return (
    <TextField
      label={<FieldLabel label={label} path={path} />}
      value={text(getIn(form, path))}
      onChange={(v) => set(path, v)}
      error={errorAt(path)}
      helpText={helpText}
      disabled={disabled}
      placeholder={placeholder}
      maxLength={maxLength}
      monospaced={monospaced}
      autoComplete="off"
    />
  );
}

export function NumberInput({ path, label, helpText, disabled, suffix, min, max, step }: Common & { suffix?: string; min?: number; max?: number; step?: number }) {
  const { form, set, errorAt } = usePolicyForm();
  return (
    <TextField
      label={<FieldLabel label={label} path={path} />}
      type="number"
      value={text(getIn(form, path))}
      onChange={(v) => set(path, numberInput(v))}
      error={errorAt(path)}
      helpText={helpText}
      disabled={disabled}
      suffix={suffix}
      min={min}
      max={max}
      step={step}
      autoComplete="off"
    />
  );
}

export function Toggle({ path, label, helpText, disabled }: Common) {
  const { form, set, errorAt } = usePolicyForm();
  return (
    <Checkbox
      label={<FieldLabel label={label} path={path} />}
      checked={getIn(form, path) === true}
      onChange={(checked) => set(path, checked)}
      error={errorAt(path)}
      helpText={helpText}
      disabled={disabled}
    />
  );
}

export function Choice({ path, label, helpText, disabled, options }: Common & { options: ReadonlyArray<{ label: string; value: string }> }) {
  const { form, set, errorAt } = usePolicyForm();
  const value = text(getIn(form, path));
  // A value the options do not know (a newer policy) stays visible rather than being replaced.
  const all = options.some((o) => o.value === value) ? options : [...options, { label: value, value }];
  return (
    <Select
      label={<FieldLabel label={label} path={path} />}
      options={all.map((o) => ({ label: o.label, value: o.value }))}
      value={value}
      onChange={(v) => set(path, v)}
      error={errorAt(path)}
      helpText={helpText}
      disabled={disabled}
    />
  );
}

export const PAYER_OPTIONS = [
  { label: "Customer", value: "CUSTOMER" },
  { label: "Store", value: "MERCHANT" },
];

const UNIT_LABELS: Record<(typeof DURATION_UNITS)[number], string> = {
  HOURS: "hours",
  BUSINESS_HOURS: "business hours",
  CALENDAR_DAYS: "calendar days",
  BUSINESS_DAYS: "business days",
};

/** "24–48 business hours", "3 business days". */
export function describeDuration(d: Duration | null): string {
  if (!d) return "No commitment";
  const unit = UNIT_LABELS[d.unit] ?? d.unit;
  return d.min === null || d.min === undefined ? `Within ${text(d.max)} ${unit}` : `Within ${text(d.min)}–${text(d.max)} ${unit}`;
}

/** A stated time ("within 24–48 business hours") that may be absent (no commitment). */
export function DurationInput({ path, label, helpText }: Common) {
  const { form, set, errorAt } = usePolicyForm();
  const value = getIn(form, path) as Duration | null | undefined;
  const on = value !== null && value !== undefined;
  return (
    <BlockStack gap="200">
      <InlineStack align="start" gap="200" blockAlign="center">
        <Checkbox
          label={<FieldLabel label={label} path={path} />}
          checked={on}
          onChange={(checked) => set(path, checked ? { min: null, max: 1, unit: "BUSINESS_DAYS" } : null)}
          helpText={on ? undefined : (helpText ?? "No commitment")}
          error={errorAt(path)}
        />
      </InlineStack>
      {on ? (
        <InlineGrid columns={3} gap="200">
          <TextField
            label="From (optional)"
            type="number"
            value={text(value.min)}
            onChange={(v) => set([...path, "min"], v.trim() === "" ? null : numberInput(v))}
            error={errorAt([...path, "min"])}
            autoComplete="off"
          />
          <TextField label="Up to" type="number" value={text(value.max)} onChange={(v) => set([...path, "max"], numberInput(v))} error={errorAt([...path, "max"])} autoComplete="off" />
          <Select
            label="Unit"
            options={DURATION_UNITS.map((u) => ({ label: UNIT_LABELS[u], value: u }))}
            value={value.unit}
            onChange={(v) => set([...path, "unit"], v)}
            error={errorAt([...path, "unit"])}
          />
        </InlineGrid>
      ) : null}
      {on ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {describeDuration(value)}
        </Text>
      ) : null}
    </BlockStack>
  );
}

/** An amount with its currency ({ amount: "7.99", currencyCode: "USD" }). */
export function MoneyInput({ path, label, helpText }: Common) {
  const { form, set, errorAt } = usePolicyForm();
  return (
    <InlineGrid columns={["twoThirds", "oneThird"]} gap="200">
      <TextField
        label={<FieldLabel label={label} path={path} />}
        value={text(getIn(form, [...path, "amount"]))}
        onChange={(v) => set([...path, "amount"], v.trim())}
        error={errorAt([...path, "amount"]) ?? errorAt(path)}
        helpText={helpText}
        inputMode="decimal"
        autoComplete="off"
      />
      <TextField
        label="Currency"
        value={text(getIn(form, [...path, "currencyCode"]))}
        onChange={(v) => set([...path, "currencyCode"], v.trim().toUpperCase())}
        error={errorAt([...path, "currencyCode"])}
        maxLength={3}
        autoComplete="off"
      />
    </InlineGrid>
  );
}

/** The errors of a list or object itself (e.g. "Add at least one"), shown under it. */
export function ContainerError({ path }: { path: readonly PathSegment[] }) {
  const { errorAt } = usePolicyForm();
  const message = errorAt(path);
  if (!message) return null;
  return (
    <Text as="p" tone="critical" variant="bodySm">
      {message}
    </Text>
  );
}
