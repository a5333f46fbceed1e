// The return window: N calendar days after delivery, and the transit time assumed when a
// parcel has no delivery date.
import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { AssumptionList } from "./Assumptions";
import { NumberInput } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

export function ReturnWindowCard() {
  const { form } = usePolicyForm();
  const days = form.returnWindow.days;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Return window
        </Text>
        <AssumptionList prefixes={["returnWindow"]} />
        <FormLayout>
          <FormLayout.Group>
            <NumberInput
              path={["returnWindow", "days"]}
              label="Days after delivery"
              suffix="days"
              min={0}
              step={1}
              helpText={typeof days === "number" ? `Returns are accepted through the end of day ${days} after delivery (delivery is day 0).` : undefined}
            />
            <NumberInput
              path={["returnWindow", "assumedTransitDays"]}
              label="Assumed transit time"
              suffix="days"
              min={0}
              step={1}
              helpText="Without a delivery date, delivery is taken as this many days after the order shipped."
            />
          </FormLayout.Group>
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
