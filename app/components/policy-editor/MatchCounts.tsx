// The live count of the store's products an exclusion matches, per value ("14 products match
// tag `hygiene`"), fetched from the match-count route a moment after the merchant stops typing.
// A plain fetch (App Bridge adds the session token), not a Remix fetcher: a count that fails or
// is cut short by a save's revalidation must stay a note beside the field, never the page's
// error boundary.
import { BlockStack, InlineStack, Spinner, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { ExclusionMatcher } from "~/domain/policy";
import { matchCountParams, type MatchCountResult, type ProductCount } from "~/lib/policy-form";

const KIND: Record<ProductCount["by"], string> = { productTag: "tag", productType: "product type", vendor: "vendor", giftCard: "gift cards" };

function countText(c: ProductCount): string {
  const n = c.precision === "AT_LEAST" ? `${c.count.toLocaleString("en-US")}+` : c.count.toLocaleString("en-US");
  const products = c.count === 1 && c.precision === "EXACT" ? "product" : "products";
  if (c.by === "giftCard") return `${n} gift card ${products}`;
  return `${n} ${products} ${c.count === 1 && c.precision === "EXACT" ? "matches" : "match"} ${KIND[c.by]}`;
}

const UNREACHABLE: MatchCountResult = { ok: false, status: 503, error: "the count could not be fetched just now; it is tried again as you edit." };

/** The counts for `params`, fetched 400 ms after they last changed; the answer to stale params is dropped. */
function useMatchCounts(params: string | null): { data: MatchCountResult | null; busy: boolean } {
  const [state, setState] = useState<{ data: MatchCountResult | null; busy: boolean }>({ data: null, busy: false });
  useEffect(() => {
    if (!params) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, busy: true }));
      fetch(`/app/policy/match-count?${params}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((r) => r.json() as Promise<MatchCountResult>)
        .catch(() => UNREACHABLE)
        .then((data) => {
          if (!controller.signal.aborted) setState({ data, busy: false });
        });
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [params]);
  return state;
}

export function MatchCounts({ matchers }: { matchers: readonly ExclusionMatcher[] }) {
  const params = matchCountParams(matchers);
  const perOrder = matchers.filter((m) => m.by === "lineItemPropertyKey" || m.by === "sellingPlan");
  const { data, busy } = useMatchCounts(params);
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
