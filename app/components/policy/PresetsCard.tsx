// "Start from a preset": each seed policy opens in the editor; nothing changes until it is saved.
import { BlockStack, Card, Link, Text } from "@shopify/polaris";
import type { PresetEntry } from "./view-model";

export function PresetList({ presets }: { presets: readonly PresetEntry[] }) {
  return (
    <BlockStack gap="150" as="ul">
      {presets.map((p) => (
        <li key={p.id} style={{ listStyle: "none" }}>
          <Link url={p.url}>{p.name}</Link>
        </li>
      ))}
    </BlockStack>
  );
}

export function PresetsCard({ presets }: { presets: readonly PresetEntry[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Start from a preset
        </Text>
        <Text as="p" tone="subdued">
          Opens the editor with a preset&apos;s rules. Your policy in force stays as it is until you save.
        </Text>
        <PresetList presets={presets} />
      </BlockStack>
    </Card>
  );
}
