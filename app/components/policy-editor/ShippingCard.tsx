// Shipping: whether the original (outbound) shipping is deducted from a refund, and what return
// labels cost the customer (a label fee) or the refund (when inspection finds no fault).
import { BlockStack, Card, Checkbox, FormLayout, Select, Text } from "@shopify/polaris";
import type { PolicyForm } from "~/lib/policy-form";
import { AssumptionList, FieldLabel } from "./Assumptions";
import { MoneyInput } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

/** The currency of the first amount the policy states (new amounts start in it), else USD. */
export function policyCurrency(form: PolicyForm): string {
  const found = JSON.stringify(form).match(/"currencyCode":"([A-Z]{3})"/);
  return found?.[1] ?? "USD";
}

export function ShippingCard() {
  const { form, set, errorAt } = usePolicyForm();
  const currency = policyCurrency(form);
  const zero = { amount: "0.00", currencyCode: currency };
  const original = form.originalShipping;
  const labelCost = form.returnShipping.labelCost;
  const fee = form.returnShipping.customerLabelFee;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Shipping
        </Text>
        <AssumptionList prefixes={["originalShipping", "returnShipping"]} />
        <FormLayout>
          <Select
            label={<FieldLabel label="Original shipping" path={["originalShipping"]} />}
            options={[
              { label: "Not deducted from refunds", value: "NOT_DEDUCTED" },
              { label: "Deducted: what the order paid for shipping", value: "ORDER_SHIPPING_CHARGE" },
              { label: "Deducted: a fixed amount", value: "FIXED" },
            ]}
            value={original.mode}
            onChange={(mode) => set(["originalShipping"], mode === "FIXED" ? { mode, amount: zero } : { mode })}
            helpText="Deducted at most once per order, and only for the claims that say so (below)."
            error={errorAt(["originalShipping", "mode"])}
          />
          {original.mode === "FIXED" ? <MoneyInput path={["originalShipping", "amount"]} label="Amount deducted" /> : null}
          <Checkbox
            label={<FieldLabel label="Charge customers for the store's return label" path={["returnShipping", "customerLabelFee"]} />}
            helpText={fee ? "When the customer pays return shipping and uses your label." : "Customers who pay return shipping send the item at their own cost."}
            checked={fee !== null}
            onChange={(on) => set(["returnShipping", "customerLabelFee"], on ? zero : null)}
          />
          {fee ? <MoneyInput path={["returnShipping", "customerLabelFee"]} label="Label fee" /> : null}
          <Select
            label={<FieldLabel label="Prepaid label cost deducted when no fault is found" path={["returnShipping", "labelCost"]} />}
            options={[
              { label: "What the label actually cost", value: "ACTUAL" },
              { label: "A fixed amount", value: "FIXED" },
            ]}
            value={labelCost.mode}
            onChange={(mode) => set(["returnShipping", "labelCost"], mode === "FIXED" ? { mode, amount: zero } : { mode })}
            error={errorAt(["returnShipping", "labelCost", "mode"])}
          />
          {labelCost.mode === "FIXED" ? <MoneyInput path={["returnShipping", "labelCost", "amount"]} label="Label cost" /> : null}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
