// Inspection and refund timing, plus the rules this page does not edit (exchanges, rejected
// items, return-to-sender, subscriptions, contact channels): they are kept exactly as loaded,
// and their assumptions can still be confirmed here.
import { BlockStack, Card, Divider, FormLayout, List, Text } from "@shopify/polaris";
import { AssumptionList } from "./Assumptions";
import { Choice, DurationInput } from "./fields";
import { usePolicyForm } from "./usePolicyForm";

/** Where the other cards show assumptions (kept in step with their AssumptionLists). */
const SHOWN_ELSEWHERE = [
  "name",
  "timeZone",
  "locale",
  "source",
  "calendar",
  "returnWindow",
  "conditions",
  "exclusions",
  "originalShipping",
  "returnShipping",
  "claims",
  "partialRefunds",
  "rma",
  "service",
  "service.firstReply",
  "service.resolution",
  "service.updateCadence",
  "service.escalationDecision",
  "inspection",
  "refund",
];

function shownElsewhere(path: string): boolean {
  // "service" itself is shown by the service levels card; "service.channels" is not.
  return SHOWN_ELSEWHERE.some((p) => path === p || (p !== "service" && path.startsWith(p + ".")));
}

export function OtherRulesCard() {
  const { form } = usePolicyForm();
  const kept = [
    `Rejected items: ${form.rejectedItems.disposition === "DISCARD" ? "discarded" : "sent back to the customer"}`,
    `Exchanges: replacements for ${form.exchanges.replacementFor.length ? form.exchanges.replacementFor.join(", ").toLowerCase().replace(/_/g, " ") : "no claim"}; a different item is ${form.exchanges.differentItem === "NOT_OFFERED" ? "not offered" : "a return and a new order"}`,
    `Undelivered parcels: ${form.returnToSender ? "rules set" : "the policy is silent"}`,
    `Subscriptions: ${form.subscriptions ? (form.subscriptions.cancelAnytime ? "cancel anytime" : "rules set") : "the policy is silent"}`,
    `Contact channels: ${form.service.channels.length ? form.service.channels.map((c) => c.kind.toLowerCase().replace(/_/g, " ")).join(", ") : "none listed"}`,
  ];
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Inspection and refunds
        </Text>
        <AssumptionList prefixes={["inspection", "refund"]} />
        <FormLayout>
          <DurationInput path={["inspection", "within"]} label="Inspection within a stated time of the item's arrival" />
          <Choice
            path={["refund", "method"]}
            label="Refund to"
            options={[
              { label: "The original payment method", value: "ORIGINAL_PAYMENT" },
              { label: "Store credit", value: "STORE_CREDIT" },
              { label: "Original payment or store credit (customer's choice)", value: "ORIGINAL_PAYMENT_OR_STORE_CREDIT" },
            ]}
          />
          <DurationInput path={["refund", "processingTime"]} label="Refund appears within a stated time of approval" />
        </FormLayout>
        <Divider />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Kept as they are
          </Text>
          <Text as="p" tone="subdued">
            These rules are saved unchanged with every version.
          </Text>
          <List>
            {kept.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <AssumptionList exact={form.assumptions.map((a) => a.path).filter((p) => !shownElsewhere(p))} />
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
