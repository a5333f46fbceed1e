// Partial refunds an agent may set at inspection: whether allowed, the range, and whether a
// reason must be given.
import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { AssumptionList } from "./Assumptions";
import { NumberInput, Toggle } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

export function PartialRefundsCard() {
  const { form } = usePolicyForm();
  const allowed = form.partialRefunds.allowed;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Partial refunds
        </Text>
        <AssumptionList prefixes={["partialRefunds"]} />
        <Toggle path={["partialRefunds", "allowed"]} label="Agents may give a partial refund at inspection" />
        <FormLayout>
          <FormLayout.Group>
            <NumberInput path={["partialRefunds", "minPercent"]} label="Minimum" suffix="%" min={0} max={100} disabled={!allowed} />
            <NumberInput path={["partialRefunds", "maxPercent"]} label="Maximum" suffix="%" min={0} max={100} disabled={!allowed} />
          </FormLayout.Group>
          <Toggle path={["partialRefunds", "reasonRequired"]} label="A reason is required" disabled={!allowed} />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
