// RMA numbers: whether one is issued, its format (prefix and minimum digits, with a preview)
// and how soon it is issued.
import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { formatRma } from "~/domain/policy";
import { AssumptionList } from "./Assumptions";
import { DurationInput, NumberInput, TextInput, Toggle } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

/** "RMA-1042" for the format being edited, or null while it is not a valid one. */
export function rmaPreview(prefix: unknown, minDigits: unknown): string | null {
  if (typeof prefix !== "string" || !/^[A-Za-z0-9-_#]{0,16}$/.test(prefix)) return null;
  if (typeof minDigits !== "number" || !Number.isInteger(minDigits) || minDigits < 1 || minDigits > 12) return null;
  return formatRma({ prefix, minDigits }, 1042);
}

export function RmaCard() {
  const { form } = usePolicyForm();
  const preview = rmaPreview(form.rma.prefix, form.rma.minDigits);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          RMA numbers
        </Text>
        <AssumptionList prefixes={["rma"]} />
        <Toggle path={["rma", "required"]} label="Every return gets an RMA number" />
        <FormLayout>
          <FormLayout.Group>
            <TextInput path={["rma", "prefix"]} label="Prefix" maxLength={16} monospaced helpText="Letters, digits, -, _ or #." />
            <NumberInput path={["rma", "minDigits"]} label="Digits (at least)" min={1} max={12} step={1} />
          </FormLayout.Group>
        </FormLayout>
        <Text as="p">
          Preview: <code data-testid="rma-preview">{preview ?? "—"}</code>
        </Text>
        <DurationInput path={["rma", "issuedWithin"]} label="Issued within a stated time" />
      </BlockStack>
    </Card>
  );
}
