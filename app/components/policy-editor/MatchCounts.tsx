// The live count of the store's products an exclusion matches, per value ("14 products match
// tag `hygiene`"), fetched from the match-count route a moment after the merchant stops typing.
import { useFetcher } from "@remix-run/react";
import { BlockStack, InlineStack, Spinner, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import type { ExclusionMatcher } from "~/domain/policy";
import { matchCountParams, type MatchCountResult, type ProductCount } from "~/lib/policy-form";

const KIND: Record<ProductCount["by"], string> = { productTag: "tag", productType: "product type", vendor: "vendor", giftCard: "gift cards" };

function countText(c: ProductCount): string {
  const n = c.precision === "AT_LEAST" ? `${c.count.toLocaleString("en-US")}+` : c.count.toLocaleString("en-US");
  const products = c.count === 1 && c.precision === "EXACT" ? "product" : "products";
  if (c.by === "giftCard") return `${n} gift card ${products}`;
  return `${n} ${products} ${c.count === 1 && c.precision === "EXACT" ? "matches" : "match"} ${KIND[c.by]}`;
}

export function MatchCounts({ matchers }: { matchers: readonly ExclusionMatcher[] }) {
  const fetcher = useFetcher<MatchCountResult>();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  const params = matchCountParams(matchers);
  const perOrder = matchers.filter((m) => m.by === "lineItemPropertyKey" || m.by === "sellingPlan");

  useEffect(() => {
    if (!params) return;
    const timer = setTimeout(() => load.current(`/app/policy/match-count?${params}`), 400);
    return () => clearTimeout(timer);
  }, [params]);

  const data = fetcher.data;
  const busy = fetcher.state !== "idle";
  return (
    <BlockStack gap="100">
      {params ? (
        <InlineStack align="start" gap="200" blockAlign="center">
          <Text as="span" variant="bodySm" fontWeight="semibold">
            In your store:
          </Text>
          {busy ? <Spinner size="small" accessibilityLabel="Counting products" /> : null}
        </InlineStack>
      ) : null}
      {params && data && !data.ok ? (
        <Text as="p" variant="bodySm" tone="critical">
          {`Products could not be counted: ${data.error}`}
        </Text>
      ) : null}
      {params && data && data.ok
        ? data.counts.map((c) => (
            <Text key={c.query} as="p" variant="bodySm" tone={c.count === 0 ? "caution" : undefined}>
              {countText(c)}
              {c.value !== null ? (
                <>
                  {" "}
                  <code>{c.value}</code>
                </>
              ) : null}
            </Text>
          ))
        : null}
      {perOrder.length ? (
        <Text as="p" variant="bodySm" tone="subdued">
          Line-item properties and subscriptions are checked on each order, so they have no product count.
        </Text>
      ) : null}
    </BlockStack>
  );
}
