// Where the form starts: the policy in force, one of the seed presets, or a blank skeleton.
// Switching reloads the page with ?preset=<id> / ?start=blank; it waits until nothing is unsaved.
import { useNavigate } from "@remix-run/react";
import { BlockStack, Card, InlineStack, Select, Text } from "@shopify/polaris";

export type StartOption = { kind: "current" | "preset" | "blank"; presetId: string | null };

export function startValue(start: StartOption): string {
  return start.kind === "preset" ? `preset:${start.presetId}` : start.kind;
}

export function StartFromCard({ start, presets, hasPolicy, dirty }: { start: StartOption; presets: ReadonlyArray<{ id: string; name: string }>; hasPolicy: boolean; dirty: boolean }) {
  const navigate = useNavigate();
  const options = [
    ...(hasPolicy ? [{ label: "The policy in force", value: "current" }] : []),
    ...presets.map((p) => ({ label: `Preset: ${p.name}`, value: `preset:${p.id}` })),
    { label: "Blank (defaults to confirm)", value: "blank" },
  ];
  const go = (value: string) => {
    if (value === "current") navigate("/app/policy/edit");
    else if (value === "blank") navigate("/app/policy/edit?start=blank");
    else navigate(`/app/policy/edit?preset=${encodeURIComponent(value.slice("preset:".length))}`);
  };
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="start" gap="300" blockAlign="end" wrap>
          <Select label="Start from" options={options} value={startValue(start)} onChange={go} disabled={dirty} />
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {dirty
            ? "Save or discard your changes to start from something else."
            : "A preset or the blank skeleton only fills in this form; nothing changes until you save it as a new version."}
        </Text>
      </BlockStack>
    </Card>
  );
}
