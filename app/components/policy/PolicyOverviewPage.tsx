// The policy overview page (/app/policy). The route (app/routes/app.policy._index.tsx) hands in
// its loader data; without a policy in force the page is an empty state pointing to the presets
// and the editor.
import { Banner, BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { AssumptionsCard } from "./AssumptionsCard";
import { CurrentVersionCard } from "./CurrentVersionCard";
import { DriftBanner } from "./DriftBanner";
import { POLICY_EDIT_URL, POLICY_SIMULATE_URL } from "./policy-ui";
import { PolicyPreviewCard } from "./PolicyPreviewCard";
import { PresetList, PresetsCard } from "./PresetsCard";
import { usePublishPolicy, type PublishFailure } from "./usePublishPolicy";
import { VersionHistoryCard } from "./VersionHistoryCard";
import type { CurrentVersion, PolicyOverviewData, PresetEntry } from "./view-model";

const EMPTY_IMAGE = "https://cdn.shopify.com/s/files/1/0262/4071/2726/files/emptystate-files.png";

const FAILURE_TITLE: Record<number, string> = {
  400: "Nothing was published",
  409: "Nothing was published",
  422: "Shopify refused the policy",
  503: "Shopify is not answering",
};

function NoPolicyYet({ presets }: { presets: readonly PresetEntry[] }) {
  return (
    <Page title="Return policy">
      <Card>
        <EmptyState heading="Set up your return policy" image={EMPTY_IMAGE} action={{ content: "Write your policy", url: POLICY_EDIT_URL }}>
          <BlockStack gap="300">
            <p>Clause decides every return by your written policy. Start from one of these presets and adjust it to your store, or write your own.</p>
            <PresetList presets={presets} />
          </BlockStack>
        </EmptyState>
      </Card>
    </Page>
  );
}

function PublishFailureBanner({ error, onDismiss }: { error: PublishFailure; onDismiss: () => void }) {
  return (
    <Banner tone="critical" title={FAILURE_TITLE[error.status] ?? "The policy could not be published"} onDismiss={onDismiss}>
      <Text as="p">{error.error}</Text>
    </Banner>
  );
}

function PolicyInForce({ data, current }: { data: PolicyOverviewData; current: CurrentVersion }) {
  const publish = usePublishPolicy(current.version);
  return (
    <Page
      title="Return policy"
      subtitle={`${current.name} · version ${current.version}`}
      primaryAction={{ content: "Edit policy", url: POLICY_EDIT_URL }}
      secondaryActions={[{ content: "Simulate a change", url: POLICY_SIMULATE_URL }]}
    >
      <Layout>
        {publish.error ? (
          <Layout.Section>
            <PublishFailureBanner error={publish.error} onDismiss={publish.dismiss} />
          </Layout.Section>
        ) : null}
        {data.drift && data.drift.state !== "in-sync" ? (
          <Layout.Section>
            <DriftBanner state={data.drift.state} action={{ content: "Publish to store", onAction: publish.publish, loading: publish.busy }} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <CurrentVersionCard current={current} drift={data.drift} driftError={data.driftError} onPublish={publish.publish} publishing={publish.busy} />
            <VersionHistoryCard history={data.history} compare={data.compare} currentVersion={current.version} />
            {data.preview ? <PolicyPreviewCard preview={data.preview} /> : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <AssumptionsCard assumptions={data.assumptions} />
            <PresetsCard presets={data.presets} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function PolicyOverviewPage({ data }: { data: PolicyOverviewData }) {
  if (!data.current) return <NoPolicyYet presets={data.presets} />;
  return <PolicyInForce data={data} current={data.current} />;
}
