// A `graphql` function over the stand-in, for tests and benchmarks that call services without
// the Shopify app layer: it POSTs to https://<shop>/admin/api/<version>/graphql.json with an
// access token, as admin.graphql does, and hands back the raw Response (errors in the body,
// 5xx as a status). For the thrown-error behaviour of the real admin.graphql, route a
// @shopify/shopify-api client through `standIn.fetch` instead (see tests/unit/services).
import type { AdminGraphql } from "~/services/admin-client";
import type { AdminApiStandIn } from "./admin-api-standin";

export function standInGraphql(standIn: AdminApiStandIn, shop: string, accessToken = `test-token-${shop}`): AdminGraphql {
  return (query, options) =>
    standIn.fetch(`https://${shop}/admin/api/${standIn.apiVersion}/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
      body: JSON.stringify({ query, variables: options?.variables ?? {} }),
      ...(options?.signal ? { signal: options.signal } : {}),
    });
}

/** A clock tests move by hand; pass `clock.now` to the stand-in and advance it from an injected sleep. */
export function manualClock(start = Date.parse("2026-06-15T12:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  };
}
