// Exclusions: items that can't be returned (final sale) or are excluded from some claims.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { newExclusion } from "~/lib/policy-form";
import { AssumptionList } from "./Assumptions";
import { ExclusionEditor } from "./ExclusionEditor";
import { ContainerError } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

export function ExclusionsCard() {
  const { form, update } = usePolicyForm();
  const ids = form.exclusions.map((e) => e.id);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Exclusions
            </Text>
            <Text as="p" tone="subdued">
              Tags, types and vendors match regardless of case, with spaces, hyphens and underscores treated alike.
            </Text>
          </BlockStack>
          <Button onClick={() => update((f) => ({ ...f, exclusions: [...f.exclusions, newExclusion(f.exclusions)] }), ["exclusions"])}>Add exclusion</Button>
        </InlineStack>
        {/* Assumptions about the list itself; each exclusion shows its own. */}
        <AssumptionList exact={["exclusions"]} />
        <ContainerError path={["exclusions"]} />
        {form.exclusions.length === 0 ? (
          <Text as="p" tone="subdued">
            No exclusions: every item can be returned under the rules below.
          </Text>
        ) : null}
        {form.exclusions.map((e, i) => (
          // Keyed by position and id: renaming keeps the editor (and what is typed in it).
          <ExclusionEditor key={`${i}-${ids.length}`} index={i} />
        ))}
      </BlockStack>
    </Card>
  );
}
