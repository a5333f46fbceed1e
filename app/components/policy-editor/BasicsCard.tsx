// Basics: the store name the policy text uses, and the time zone every day and deadline is
// counted in.
import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { AssumptionList } from "./Assumptions";
import { Choice, TextInput } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

export function BasicsCard({ timeZones }: { timeZones: readonly string[] }) {
  const { form } = usePolicyForm();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Basics
        </Text>
        <AssumptionList prefixes={["name", "timeZone", "locale", "source"]} />
        <FormLayout>
          <TextInput path={["name"]} label="Store name" helpText="As it appears in your policy text." />
          <Choice
            path={["timeZone"]}
            label="Time zone"
            options={timeZones.map((z) => ({ label: z.replace(/_/g, " "), value: z }))}
            helpText="Return windows, holidays and service levels are counted in this zone."
          />
        </FormLayout>
        <Text as="p" variant="bodySm" tone="subdued">
          Policy id <code>{form.id}</code>
          {form.source ? ` · written from ${form.source}` : ""}
        </Text>
      </BlockStack>
    </Card>
  );
}
