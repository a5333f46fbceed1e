// The defaults the version in force assumed where the written policy is silent: the merchant
// confirms (or changes) each one in the editor.
import { Badge, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { POLICY_EDIT_URL } from "./policy-ui";

export function AssumptionsCard({ assumptions }: { assumptions: ReadonlyArray<{ path: string; label: string; note: string }> }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Assumptions to confirm
          </Text>
          <Badge tone={assumptions.length ? "attention" : "success"}>{String(assumptions.length)}</Badge>
        </InlineStack>
        {assumptions.length === 0 ? (
          <Text as="p" tone="subdued">
            Every rule is confirmed: nothing in this version is an assumption.
          </Text>
        ) : (
          <>
            <Text as="p" tone="subdued">
              Your written policy is silent on these; Clause assumed a default for each. Confirm or change them in the editor.
            </Text>
            <BlockStack gap="200" as="ul">
              {assumptions.map((a) => (
                <li key={a.path} style={{ listStyle: "none" }}>
                  <BlockStack gap="050">
                    <Text as="span" fontWeight="semibold">
                      {a.label}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {a.note}
                    </Text>
                  </BlockStack>
                </li>
              ))}
            </BlockStack>
          </>
        )}
        <Link url={POLICY_EDIT_URL}>Review assumptions in the editor</Link>
      </BlockStack>
    </Card>
  );
}
