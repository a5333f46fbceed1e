// Home: what Clause is connected to. Later issues add the policy and the queue's counts here.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineStack, Badge, Layout, Page, Text } from "@shopify/polaris";
import { authenticate, API_VERSION } from "~/shopify.server";
import { getShopSummary } from "~/services/shop-summary.server";
import { databaseProvider } from "../../scripts/db/database-url.mjs";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  // The shop's currency and time zone: the defaults a policy's money and windows start from.
  const summary = await getShopSummary(admin.graphql);
  return {
    shop: session.shop,
    shopName: summary.name,
    currencyCode: summary.currencyCode,
    timeZone: summary.ianaTimezone,
    scopes: (session.scope ?? "").split(",").filter(Boolean),
    apiVersion: API_VERSION,
    database: databaseProvider(process.env.DATABASE_URL),
  };
}

export default function Home() {
  const { shop, shopName, currencyCode, timeZone, scopes, apiVersion, database } = useLoaderData<typeof loader>();
  return (
    <Page title="Clause">
      <Layout>
        <Layout.Section>
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
