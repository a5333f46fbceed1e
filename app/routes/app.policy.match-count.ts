// The policy editor's live match count: how many of the store's products an exclusion's tags,
// product types or vendors (or "gift cards") find, counted by Shopify's product search.
//   GET /app/policy/match-count?productTag=hygiene&vendor=Acme&giftCard=true
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { actionFailure, failureInit } from "~/lib/action-errors.server";
import { zodMessage } from "~/lib/zod-message";
import { COUNTABLE_MATCHERS, type MatchCountResult } from "~/lib/policy-form";
import { createAdminClient } from "~/services/admin-client";
import { MAX_COUNTED_VALUES, countMatchingProducts, type MatchCountRequest } from "~/services/product-match-count.server";
import { authenticate } from "~/shopify.server";

const UNAVAILABLE = "Shopify could not be reached just now; the count will be tried again as you edit.";

const valueSchema = z.string().trim().min(1, "a value must not be blank").max(255, "a value must be at most 255 characters");
const querySchema = z
  .object({
    productTag: z.array(valueSchema).default([]),
    productType: z.array(valueSchema).default([]),
    vendor: z.array(valueSchema).default([]),
    giftCard: z.array(z.literal("true")).max(1).default([]),
  })
  .refine((q) => q.productTag.length + q.productType.length + q.vendor.length + q.giftCard.length <= MAX_COUNTED_VALUES, `at most ${MAX_COUNTED_VALUES} values at once`);

export async function loader({ request }: LoaderFunctionArgs) {
  const { admin } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse(Object.fromEntries(COUNTABLE_MATCHERS.map((k) => [k, params.getAll(k)])));
  if (!parsed.success) {
    return json<MatchCountResult>({ ok: false, status: 400, error: zodMessage(parsed.error) }, { status: 400 });
  }
  const q = parsed.data;
  const requests: MatchCountRequest[] = [
    ...q.productTag.map((value) => ({ by: "productTag" as const, value })),
    ...q.productType.map((value) => ({ by: "productType" as const, value })),
    ...q.vendor.map((value) => ({ by: "vendor" as const, value })),
    ...q.giftCard.map(() => ({ by: "giftCard" as const, value: null })),
  ];
  try {
    // A live count is worth one quick retry, not the long backoff a refund deserves.
    const api = createAdminClient(admin.graphql, { maxRetries: 1, timeoutMs: 8_000 });
    const counts = await countMatchingProducts(api, requests);
    return json<MatchCountResult>({ ok: true, counts }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // admin.graphql throws Shopify's HTTP errors as a Response: a 5xx (or 429) is Shopify being
    // unavailable, which a count shows in place; anything else (re-authentication) goes up.
    if (error instanceof Response && (error.status >= 500 || error.status === 429)) {
      return json<MatchCountResult>({ ok: false, status: 503, error: UNAVAILABLE }, { status: 503 });
    }
    if (error instanceof Response) throw error;
    const failure = actionFailure(error);
    if (!failure) throw error;
    return json<MatchCountResult>({ ok: false, status: failure.status, error: failure.error }, failureInit(failure));
  }
}
