// Item conditions: whether each is accepted for a change-of-mind return and the refund for it;
// the rest of the price is the restocking fee ("Opened box: 85 % refunded, 15 % restocking").
import { BlockStack, Card, Checkbox, Divider, InlineGrid, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { CONDITIONS, type Condition } from "~/domain/policy";
import { AssumptionList, FieldLabel } from "./Assumptions";
import { NumberInput } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

export const CONDITION_LABELS: Record<Condition, string> = {
  UNOPENED: "Unopened (sealed box)",
  OPENED: "Opened box, unused",
  USED: "Used",
  DAMAGED: "Damaged",
};

function restockingFee(refund: unknown): string {
  if (typeof refund !== "number" || !Number.isFinite(refund)) return "—";
  const fee = Math.round((100 - refund) * 100) / 100;
  return `${fee} %`;
}

export function ConditionsCard() {
  const { form, set, errorAt } = usePolicyForm();
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Item conditions
          </Text>
          <Text as="p" tone="subdued">
            The refund for a change-of-mind return by the condition the item comes back in; the rest is the restocking fee.
          </Text>
        </BlockStack>
        <AssumptionList prefixes={["conditions"]} />
        {CONDITIONS.map((condition, i) => {
          const rule = form.conditions[condition];
          const path = ["conditions", condition] as const;
          return (
            <Fragment key={condition}>
              {i > 0 ? <Divider /> : null}
              <InlineGrid columns={{ xs: 1, md: 3 }} gap="300" alignItems="center">
                <Checkbox
                  label={<FieldLabel label={CONDITION_LABELS[condition]} path={path} />}
                  helpText={rule.accepted ? "Accepted" : "Not accepted"}
                  checked={rule.accepted === true}
                  onChange={(accepted) => set(path, accepted ? { accepted: true, refundPercent: 100 } : { accepted: false })}
                  error={errorAt([...path, "accepted"]) ?? errorAt(path)}
                />
                {rule.accepted ? (
                  <NumberInput path={[...path, "refundPercent"]} label="Refund" suffix="%" min={0} max={100} step={1} />
                ) : (
                  <span />
                )}
                <Text as="p" tone="subdued">
                  {rule.accepted ? `Restocking fee: ${restockingFee(rule.refundPercent)}` : "Not refunded"}
                </Text>
              </InlineGrid>
            </Fragment>
          );
        })}
      </BlockStack>
    </Card>
  );
}
