// Fields a preset (or the blank skeleton) filled in because the policy text was silent stay
// flagged until the merchant confirms them: a badge next to the field, and in each section the
// note saying what was assumed, with a Confirm button that removes the assumption.
import { Badge, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { assumptionsAt, fieldLabel, pathKey, type PathSegment, type PolicyForm } from "~/lib/policy-form";
import { usePolicyForm } from "./usePolicyForm";

/** "Exclusion “Gift cards”" for an assumption about an exclusion (addressed by id), else the field's label. */
function assumptionLabel(form: PolicyForm, path: string): string {
  const byId = /^exclusions\.([^.]+)(\..*)?$/.exec(path);
  const exclusion = byId ? form.exclusions.find((e) => e.id === byId[1]) : undefined;
  if (!byId || !exclusion) return fieldLabel(path);
  const rest = byId[2] ? fieldLabel(byId[2].slice(1)) : "";
  return `Exclusion “${exclusion.title || exclusion.id}”${rest ? ` › ${rest}` : ""}`;
}

/** True when an assumption covers `path` or (with `prefix`) something under it. */
function covered(assumptionPath: string, prefix: string): boolean {
  return assumptionPath === prefix || assumptionPath.startsWith(prefix + ".");
}

/** A field's label, with the "Assumed" badge while the field (or a parent of it) is assumed. */
export function FieldLabel({ label, path }: { label: ReactNode; path: readonly PathSegment[] }) {
  const { form } = usePolicyForm();
  const assumed = assumptionsAt(form, pathKey(path)).length > 0;
  if (!assumed) return <>{label}</>;
  return (
    <InlineStack align="start" gap="150" blockAlign="center" wrap={false}>
      <span>{label}</span>
      <Badge tone="attention" size="small">
        Assumed — confirm
      </Badge>
    </InlineStack>
  );
}

/**
 * The assumptions inside a section (paths under any of `prefixes`, or exactly one of `exact`),
 * each with its note and a Confirm button.
 */
export function AssumptionList({ prefixes = [], exact = [] }: { prefixes?: readonly string[]; exact?: readonly string[] }) {
  const { form, confirm } = usePolicyForm();
  const inside = form.assumptions.filter((a) => exact.includes(a.path) || prefixes.some((p) => covered(a.path, p)));
  if (!inside.length) return null;
  return (
    <Box background="bg-surface-caution" padding="300" borderRadius="200">
      <BlockStack gap="200">
        {inside.map((a) => (
          <InlineStack key={a.path} gap="300" align="space-between" blockAlign="start" wrap={false}>
            <BlockStack gap="100">
              <InlineStack align="start" gap="200" blockAlign="center">
                <Badge tone="attention">Assumed — confirm</Badge>
                <Text as="span" variant="bodySm" fontWeight="semibold">
                  {assumptionLabel(form, a.path)}
                </Text>
              </InlineStack>
              <Text as="p" variant="bodySm">
                {a.note}
              </Text>
            </BlockStack>
            <Button size="slim" onClick={() => confirm(a.path)} accessibilityLabel={`Confirm: ${assumptionLabel(form, a.path)}`}>
              Confirm
            </Button>
          </InlineStack>
        ))}
      </BlockStack>
    </Box>
  );
}
