// /app/policy/simulate: the draft form, the run shown (progress or results) and past runs. The
// route (app/routes/app.policy.simulate.tsx) hands in its loader data.
import { Banner, Layout, Page, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import type { SimulationPageData } from "~/routes/app.policy.simulate";
import { DraftForm, type DraftBase } from "./DraftForm";
import { RunCard } from "./RunCard";
import { RunHistory } from "./RunHistory";
import { useRunPolling } from "./useRunPolling";
import type { RunView } from "./view-model";

export function SimulationPage({ data }: { data: SimulationPageData }) {
  const bases = useMemo(() => {
    const list: DraftBase[] = [];
    if (data.imported?.ok) list.push({ key: "imported", label: "Draft from the policy editor", policy: data.imported.json });
    if (data.inForce) list.push({ key: "inForce", label: `Version ${data.inForce.version} in force — ${data.inForce.name}`, policy: data.inForce.policy });
    for (const p of data.presets) list.push({ key: `preset:${p.id}`, label: `Preset: ${p.name}`, policy: p.policy });
    return list;
  }, [data.imported, data.inForce, data.presets]);
  const initialKey = bases[0]!.key;
  const run = useRunPolling(data.selected as RunView | null);
  const [loaded, setLoaded] = useState<{ nonce: number; policy: unknown } | null>(null);

  return (
    <Page
      title="Simulate a policy change"
      subtitle="See what a draft would change on your recent orders before it goes live"
      backAction={{ content: "Return policy", url: "/app/policy" }}
    >
      <Layout>
        {!data.inForce ? (
          <Layout.Section>
            <Banner tone="warning" title="No policy in force yet" action={{ content: "Set up your policy", url: "/app/policy" }}>
              <Text as="p">A simulation compares a draft with the policy in force. Choose a preset or write your policy first.</Text>
            </Banner>
          </Layout.Section>
        ) : null}
        {data.imported && !data.imported.ok ? (
          <Layout.Section>
            <Banner tone="warning" title="The draft from the link could not be read">
              <Text as="p">{data.imported.error}</Text>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <DraftForm bases={bases} initialKey={initialKey} limits={data.limits} allOrdersAccess={data.allOrdersAccess} disabled={!data.inForce} loaded={loaded} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <RunHistory runs={data.runs} selectedId={run?.id ?? null} timeZone={data.timeZone} />
        </Layout.Section>
        {run ? (
          <Layout.Section>
            <RunCard run={run} timeZone={data.timeZone} maxOrders={data.limits.maxOrders} onUseDraft={() => setLoaded({ nonce: Date.now(), policy: run.draft })} />
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}
