// Service levels the policy commits to: first reply, resolution, update cadence and the
// decision on an escalation, each as a stated time (or none).
import { BlockStack, Card, Divider, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { AssumptionList } from "./Assumptions";
import { DurationInput } from "./fields";

const LEVELS = [
  { key: "firstReply", label: "First reply" },
  { key: "resolution", label: "Resolution" },
  { key: "updateCadence", label: "Updates at least every" },
  { key: "escalationDecision", label: "Decision on an escalation" },
] as const;

export function ServiceLevelsCard() {
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Service levels
          </Text>
          <Text as="p" tone="subdued">
            Business hours and days follow the business calendar above.
          </Text>
        </BlockStack>
        <AssumptionList exact={["service"]} prefixes={LEVELS.map((l) => `service.${l.key}`)} />
        {LEVELS.map((level, i) => (
          <Fragment key={level.key}>
            {i > 0 ? <Divider /> : null}
            <DurationInput path={["service", level.key]} label={level.label} />
          </Fragment>
        ))}
      </BlockStack>
    </Card>
  );
}
