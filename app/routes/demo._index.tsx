// /demo: the offline demo's front door. Opens each demo shop's admin as Shopify admin would,
// with a freshly minted session token. 404 outside the demo.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppProvider, BlockStack, Card, Link, Page, Text } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { assertDemo } from "~/demo/demo-mode.server";
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { mintDemoSessionToken } from "~/demo/session-token.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader(_args: LoaderFunctionArgs) {
  assertDemo();
  const shops = await Promise.all(
    DEMO_SHOPS.map(async ({ shop, name, preset }) => {
      const idToken = await mintDemoSessionToken(shop, 3600);
      const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
      const query = new URLSearchParams({ embedded: "1", shop, host, id_token: idToken });
      return { shop, name, preset, href: `/app?${query.toString()}` };
    }),
  );
  return { shops };
}

export default function DemoIndex() {
  const { shops } = useLoaderData<typeof loader>();
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page title="Clause offline demo" subtitle="Each shop runs one of the five seed return policies.">
        <Card>
          <BlockStack gap="300">
            {shops.map((s) => (
              <BlockStack key={s.shop} gap="100">
                <Link url={s.href}>{s.name}</Link>
                <Text as="p" tone="subdued">{`${s.shop} · preset ${s.preset}`}</Text>
              </BlockStack>
            ))}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              The shopper&apos;s side
            </Text>
            <Text as="p">Request a return from an order page, as the demo shops&apos; customers see it in Shopify&apos;s customer accounts.</Text>
            <Link url="/demo/shopper">Open the shopper preview</Link>
          </BlockStack>
        </Card>
      </Page>
    </AppProvider>
  );
}
