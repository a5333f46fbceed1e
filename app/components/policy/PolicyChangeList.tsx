// A diff between two versions, one line per change, in merchant words.
import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import type { PolicyChange } from "~/domain/policy/diff";

const KIND = {
  changed: { label: "Changed", tone: "info" },
  added: { label: "Added", tone: "success" },
  removed: { label: "Removed", tone: "critical" },
  confirmed: { label: "Confirmed", tone: "success" },
  assumed: { label: "Assumed", tone: "attention" },
} as const;

/** Short values read best on one line ("Opened items: refund 85 % → 80 %"); long ones (a reason shown to shoppers) before and after. */
const SHORT = 60;

function ChangeDetail({ change }: { change: PolicyChange }) {
  const long = (change.before?.length ?? 0) > SHORT || (change.after?.length ?? 0) > SHORT;
  if (change.kind === "changed" && !long) return <Text as="span">{change.text}</Text>;
  // The badge already says "Added", "Confirmed"…: the line names the thing, the detail says what it is.
  const title = change.label.replace(/^(Confirmed|Assumed): /, "");
  const details =
    change.kind === "changed"
      ? [`Before: ${change.before ?? "—"}`, `After: ${change.after ?? "—"}`]
      : [change.kind === "removed" || change.kind === "confirmed" ? change.before : change.after].filter((d): d is string => d !== null);
  return (
    <BlockStack gap="100">
      <Text as="span">{title}</Text>
      {details.map((d) => (
        <Text key={d} as="span" tone="subdued" variant="bodySm">
          {d}
        </Text>
      ))}
    </BlockStack>
  );
}

export function PolicyChangeList({ changes }: { changes: readonly PolicyChange[] }) {
  return (
    <BlockStack gap="200" as="ul">
      {changes.map((c, i) => (
        <li key={`${i}:${c.kind}:${c.path}`} style={{ listStyle: "none" }}>
          <InlineStack gap="200" blockAlign="start" wrap={false}>
            <Badge tone={KIND[c.kind].tone}>{KIND[c.kind].label}</Badge>
            <ChangeDetail change={c} />
          </InlineStack>
        </li>
      ))}
    </BlockStack>
  );
}
