// Home: what Clause is connected to, and the return queue's counts (each links to the queue
// filtered to exactly the cases it counts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineStack, Badge, Layout, Link, Page, Text } from "@shopify/polaris";
import { DriftBanner } from "~/components/policy/DriftBanner";
import { DataRequestsCard } from "~/components/privacy/DataRequestsCard";
import { POLICY_OVERVIEW_URL } from "~/components/policy/policy-ui";
import db from "~/db.server";
import { authenticate, API_VERSION } from "~/shopify.server";
import { businessCalendarOf } from "~/domain/policy";
import { queueUrl } from "~/lib/queue-filters";
import { caseCounts, queueFiltersForCount, type CaseCounts } from "~/models/case-queue.server";
import { activePolicy } from "~/models/policy-version.server";
import { listDataRequestExports } from "~/models/data-request-export.server";
import { actionFailure } from "~/lib/action-errors.server";
import { refundPolicyDrift, type RefundPolicyDrift } from "~/services/refund-policy-drift.server";
import { getShopSummary } from "~/services/shop-summary.server";
import { databaseProvider } from "../../scripts/db/database-url.mjs";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  // The shop's currency and time zone: the defaults a policy's money and windows start from.
  const summary = await getShopSummary(admin.graphql);
  // "Today" ends at midnight in the policy's business calendar zone, else the shop's own zone.
  const policy = await activePolicy(db, session.shop);
  const queueTimeZone = policy ? businessCalendarOf(policy.policy).timeZone : summary.ianaTimezone;
  const counts = await caseCounts(db, session.shop, new Date(), queueTimeZone);
  // Whether shoppers read the policy Clause enforces (only with a policy in force). A Shopify
  // hiccup here only hides the warning; it does not take the home page down.
  let policyDrift: Pick<RefundPolicyDrift, "state" | "publishedAt"> | null = null;
  if (policy) {
    try {
      const drift = await refundPolicyDrift(admin.graphql, policy.policy);
      policyDrift = { state: drift.state, publishedAt: drift.publishedAt };
    } catch (error) {
      if (error instanceof Response || !actionFailure(error)) throw error;
    }
  }
  // Customer data requests waiting for the merchant to send on (customers/data_request).
  const dataRequests = (await listDataRequestExports(db, session.shop)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  const links = Object.fromEntries(Object.entries(queueFiltersForCount).map(([k, f]) => [k, queueUrl(f)])) as Record<keyof CaseCounts, string>;
  return {
    shop: session.shop,
    shopName: summary.name,
    currencyCode: summary.currencyCode,
    timeZone: summary.ianaTimezone,
    scopes: (session.scope ?? "").split(",").filter(Boolean),
    apiVersion: API_VERSION,
    database: databaseProvider(process.env.DATABASE_URL),
    queue: { counts, links, timeZone: queueTimeZone },
    policyDrift,
    dataRequests,
  };
}

const COUNTS: Array<{ key: keyof CaseCounts; label: string; tone?: "critical" | "caution" }> = [
  { key: "dueToday", label: "Due today", tone: "caution" },
  { key: "overdue", label: "Overdue", tone: "critical" },
  { key: "escalated", label: "Escalated" },
  { key: "open", label: "Open" },
];

function QueueCard({ queue }: { queue: { counts: CaseCounts; links: Record<keyof CaseCounts, string>; timeZone: string } }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Return queue
          </Text>
          <Link url="/app/returns">View all returns</Link>
        </InlineStack>
        <InlineStack gap="600" wrap>
          {COUNTS.map(({ key, label, tone }) => (
            // Named by what it shows ("3 Due today"): voice control users say what they see.
            <Link key={key} url={queue.links[key]} removeUnderline>
              <BlockStack gap="100">
                <Text as="p" variant="heading2xl" tone={queue.counts[key] > 0 ? tone : undefined}>
                  {String(queue.counts[key])}
                </Text>
                <Text as="p" tone="subdued">
                  {label}
                </Text>
              </BlockStack>
            </Link>
          ))}
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {`Open returns still need an agent: requested, approved, in transit, received or inspected. "Today" ends at midnight ${queue.timeZone}.`}
        </Text>
      </BlockStack>
    </Card>
  );
}

export default function Home() {
  const { shop, shopName, currencyCode, timeZone, scopes, apiVersion, database, queue, policyDrift, dataRequests } = useLoaderData<typeof loader>();
  return (
    <Page title="Clause">
      <Layout>
        {policyDrift && policyDrift.state !== "in-sync" ? (
          <Layout.Section>
            <DriftBanner state={policyDrift.state} action={{ content: "Review and publish", url: POLICY_OVERVIEW_URL }} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <QueueCard queue={queue} />
            {dataRequests.length ? <DataRequestsCard rows={dataRequests} /> : null}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Returns that follow your written policy
                </Text>
                <Text as="p">
                  Clause decides every return line by your own return policy and shows the clause it
                  followed, to your shoppers, your agents and you.
                </Text>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Connection
              </Text>
              <Text as="p" fontWeight="semibold">
                {shopName}
              </Text>
              <Text as="p">{shop}</Text>
              <Text as="p">{`${currencyCode} · ${timeZone}`}</Text>
              <InlineStack gap="200">
                <Badge tone="success">{`Admin API ${apiVersion}`}</Badge>
                <Badge>{database === "postgresql" ? "PostgreSQL" : "SQLite"}</Badge>
              </InlineStack>
              <Text as="p" tone="subdued">
                {`Access: ${scopes.join(", ") || "none granted"}`}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
