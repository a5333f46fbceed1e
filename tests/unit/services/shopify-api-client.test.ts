// The services through the real @shopify/shopify-api GraphQL client — what admin.graphql uses —
// with the stand-in behind setAbstractFetchFunc. That client throws instead of answering:
// GraphqlQueryError for GraphQL errors (THROTTLED among them), HttpInternalError for 5xx,
// HttpRequestError when nothing came back. The wrapper must read all of them.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, Session, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { describe, expect, it } from "vitest";
import { createAdminClient, ShopifyGraphqlError, ShopifyUserError, type AdminGraphql } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { approveReturn } from "~/services/return-review.server";
import { requestReturn } from "~/services/return-request.server";
import { AdminApiStandIn } from "../../standin/admin-api-standin";
import { manualClock } from "../../standin/graphql-client";
import { addOrder, addProduct } from "../../standin/seed";

const clock = manualClock();
const standIn = new AdminApiStandIn({ now: clock.now });
setAbstractFetchFunc(standIn.fetch as typeof fetch);
const shop = "api-client-shop.myshopify.com";
standIn.addShop(shop);

const shopify = shopifyApi({
  apiKey: "testApiKey",
  apiSecretKey: "testApiSecretKey",
  apiVersion: ApiVersion.July26,
  hostName: "clause.test",
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});
const session = new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_test" });

/** admin.graphql as @shopify/shopify-app-remix builds it: the client's answer wrapped in a Response, failures thrown. */
const adminGraphql: AdminGraphql = async (query, options) => {
  const client = new shopify.clients.Graphql({ session });
  const answer = await client.request(query, { variables: options?.variables, signal: options?.signal } as Parameters<typeof client.request>[1]);
  return new Response(JSON.stringify(answer));
};

function clientWithSleeps() {
  const sleeps: number[] = [];
  const client = createAdminClient(adminGraphql, {
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    timeoutMs: 40,
  });
  return { client, sleeps };
}

function order() {
  const store = standIn.store(shop);
  const product = addProduct(store, { title: "Serum", productType: "Serum", vendor: "V", price: "30.00" });
  const now = clock.now();
  return addOrder(store, { createdAt: now - 5 * 86_400_000, lines: [{ product, quantity: 1 }], fulfillments: [{ createdAt: now - 4 * 86_400_000, deliveredAt: now - 86_400_000 }] });
}

describe("through @shopify/shopify-api's client (admin.graphql)", () => {
  it("reads data and extensions.cost from a successful answer", async () => {
    const { client } = clientWithSleeps();
    const o = order();
    expect((await getOrderSnapshot(client, o.id))?.id).toBe(o.id);
    expect(client.lastCost?.requestedQueryCost).toBeGreaterThan(0);
  });

  it("waits out a THROTTLED answer thrown as GraphqlQueryError", async () => {
    const { client, sleeps } = clientWithSleeps();
    const o = order();
    standIn.throttle.setAvailable(shop, 50);
    await getOrderSnapshot(client, o.id);
    const requested = standIn.ledger.forOperation("OrderSnapshot", shop).at(-2)!.cost!.requested;
    expect(sleeps).toEqual([Math.ceil(((requested - 50) / 100) * 1000)]);
  });

  it("retries a 5xx thrown as HttpInternalError and a timeout", async () => {
    const { client, sleeps } = clientWithSleeps();
    const o = order();
    standIn.faults.next({ kind: "5xx", operationName: "OrderSnapshot" }, { kind: "timeout", operationName: "OrderSnapshot" });
    expect((await getOrderSnapshot(client, o.id))?.id).toBe(o.id);
    expect(sleeps).toEqual([250, 500]);
  });

  it("turns a schema error into ShopifyGraphqlError with Shopify's message", async () => {
    const { client } = clientWithSleeps();
    const error = await client.query("query Bad { shop { nmae } }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect((error as ShopifyGraphqlError).message).toMatch(/Cannot query field "nmae" on type "Shop"/);
    expect((error as ShopifyGraphqlError).errors[0]!.locations).toEqual([{ line: 1, column: 20 }]);
  });

  it("maps userErrors the same way", async () => {
    const { client } = clientWithSleeps();
    const o = order();
    const ret = await requestReturn(client, { orderId: o.id, lines: [{ fulfillmentLineItemId: o.fulfillments[0]!.lineItems[0]!.id, quantity: 1 }] });
    await approveReturn(client, { returnId: ret.id, notifyCustomer: false });
    const error = await approveReturn(client, { returnId: ret.id, notifyCustomer: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect((error as ShopifyUserError).codes).toEqual(["INVALID_STATE"]);
  });
});
