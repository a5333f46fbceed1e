// Claim types: the change-of-mind return and the four fault claims (defective, damaged in
// transit, wrong item, missing item), each with its window, evidence, refund and shipping.
import { BlockStack, Card, ChoiceList, Divider, FormLayout, InlineGrid, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { EVIDENCE_KINDS, FAULT_CLAIM_TYPES, type FaultClaimType } from "~/domain/policy";
import { CLAIM_TYPE_LABELS } from "~/lib/policy-form";
import { AssumptionList, FieldLabel } from "./Assumptions";
import { Choice, NumberInput, PAYER_OPTIONS, Toggle } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

function FaultClaim({ claim }: { claim: FaultClaimType }) {
  const { form, set, errorAt } = usePolicyForm();
  const rule = form.claims[claim];
  const base = ["claims", claim] as const;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {CLAIM_TYPE_LABELS[claim]}
      </Text>
      <AssumptionList prefixes={[`claims.${claim}`]} />
      <Toggle path={[...base, "offered"]} label="Offered" />
      {rule.offered ? (
        <FormLayout>
          <FormLayout.Group>
            <NumberInput path={[...base, "reportWindowDays"]} label="Report within" suffix="days after delivery" min={0} step={1} />
            <NumberInput path={[...base, "refundPercent"]} label="Refund" suffix="%" min={0} max={100} />
          </FormLayout.Group>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <BlockStack gap="200">
              <Toggle path={[...base, "evidence", "required"]} label="Evidence required" />
              <ChoiceList
                allowMultiple
                title={<FieldLabel label="Accepted evidence" path={[...base, "evidence", "kinds"]} />}
                choices={EVIDENCE_KINDS.map((k) => ({ label: k === "photo" ? "Photo" : "Video", value: k }))}
                selected={[...rule.evidence.kinds]}
                onChange={(selected) => set([...base, "evidence", "kinds"], EVIDENCE_KINDS.filter((k) => selected.includes(k)))}
                error={errorAt([...base, "evidence", "kinds"])}
              />
              <Choice
                path={[...base, "evidence", "onMissing"]}
                label="Without evidence"
                options={[
                  { label: "Reject the claim", value: "REJECT" },
                  { label: "Handle as a change-of-mind return", value: "TREAT_AS_RETURN" },
                ]}
              />
            </BlockStack>
            <BlockStack gap="200">
              <Choice path={[...base, "returnShippingPaidBy"]} label="Return shipping paid by" options={PAYER_OPTIONS} />
              <Toggle path={[...base, "itemMustBeReturned"]} label="Item must be sent back" />
              <Toggle path={[...base, "deductOriginalShipping"]} label="Deduct original shipping" />
              <Toggle path={[...base, "deductLabelCostIfNoFault"]} label="Deduct the label cost if inspection finds no fault" />
              <Toggle path={[...base, "onlyListedItems"]} label="Only items listed in the order can be claimed" />
            </BlockStack>
          </InlineGrid>
        </FormLayout>
      ) : null}
    </BlockStack>
  );
}

export function ClaimsCard() {
  const { form } = usePolicyForm();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Claim types
        </Text>
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {CLAIM_TYPE_LABELS.RETURN}
          </Text>
          <AssumptionList prefixes={["claims.RETURN"]} />
          <Toggle path={["claims", "RETURN", "offered"]} label="Offered" />
          {form.claims.RETURN.offered ? (
            <FormLayout>
              <Choice path={["claims", "RETURN", "returnShippingPaidBy"]} label="Return shipping paid by" options={PAYER_OPTIONS} />
              <Toggle path={["claims", "RETURN", "deductOriginalShipping"]} label="Deduct original shipping" />
            </FormLayout>
          ) : null}
        </BlockStack>
        <AssumptionList exact={["claims"]} />
        {FAULT_CLAIM_TYPES.map((claim) => (
          <Fragment key={claim}>
            <Divider />
            <FaultClaim claim={claim} />
          </Fragment>
        ))}
      </BlockStack>
    </Card>
  );
}
