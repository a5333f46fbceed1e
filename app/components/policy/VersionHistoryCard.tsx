// Every saved version, newest first, and the diff between any two of them. The pair lives in the
// URL (?a=<before>&b=<after>), so a reload or a shared link shows the same comparison.
import { useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Banner, Card, IndexTable, InlineStack, Select, Text } from "@shopify/polaris";
import { PolicyChangeList } from "./PolicyChangeList";
import type { Comparison, VersionRow } from "./view-model";

export function VersionHistoryCard({ history, compare, currentVersion }: { history: readonly VersionRow[]; compare: Comparison | null; currentVersion: number }) {
  const [, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname.replace(/\/$/, "") === "/app/policy";
  const options = history.map((v) => ({ label: `Version ${v.version} · ${v.savedAt}`, value: String(v.version) }));
  const choose = (key: "a" | "b") => (value: string) => {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (compare) {
          next.set("a", String(compare.a));
          next.set("b", String(compare.b));
        }
        next.set(key, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  return (
    <Card padding="0">
      <BlockStack gap="0">
        <div style={{ padding: "var(--p-space-400)" }}>
          <Text as="h2" variant="headingMd">
            Version history
          </Text>
        </div>
        <IndexTable
          resourceName={{ singular: "version", plural: "versions" }}
          itemCount={history.length}
          selectable={false}
          headings={[{ title: "Version" }, { title: "Saved by" }, { title: "Saved at" }, { title: "Preset" }]}
        >
          {history.map((v, index) => (
            <IndexTable.Row id={String(v.version)} key={v.version} position={index}>
              <IndexTable.Cell>
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">{`Version ${v.version}`}</Text>
                  {v.version === currentVersion ? <Badge tone="success">In force</Badge> : null}
                </InlineStack>
              </IndexTable.Cell>
              <IndexTable.Cell>{v.createdBy}</IndexTable.Cell>
              <IndexTable.Cell>{v.savedAt}</IndexTable.Cell>
              <IndexTable.Cell>{v.presetName ?? <Text as="span" tone="subdued">—</Text>}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
        <div style={{ padding: "var(--p-space-400)" }}>
          <BlockStack gap="300">
            <Text as="h3" variant="headingSm">
              Compare versions
            </Text>
            {compare ? (
              <>
                {compare.notice ? (
                  <Banner tone="warning">
                    <Text as="p">{compare.notice}</Text>
                  </Banner>
                ) : null}
                <InlineStack gap="300" wrap>
                  <Select label="Compare version" options={options} value={String(compare.a)} onChange={choose("a")} disabled={loading} />
                  <Select label="with version" options={options} value={String(compare.b)} onChange={choose("b")} disabled={loading} />
                </InlineStack>
                {compare.a === compare.b ? (
                  <Text as="p" tone="subdued">
                    Choose two different versions to see what changed.
                  </Text>
                ) : compare.changes.length === 0 ? (
                  <Text as="p" tone="subdued">{`Versions ${compare.a} and ${compare.b} have the same rules.`}</Text>
                ) : (
                  <BlockStack gap="200">
                    <Text as="p" tone="subdued">{`What changed from version ${compare.a} to version ${compare.b}:`}</Text>
                    <PolicyChangeList changes={compare.changes} />
                  </BlockStack>
                )}
              </>
            ) : (
              <Text as="p" tone="subdued">
                There is only one version so far. Each time you save the policy, a new version is added here and you can compare any two.
              </Text>
            )}
          </BlockStack>
        </div>
      </BlockStack>
    </Card>
  );
}
