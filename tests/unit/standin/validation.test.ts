// The stand-in refuses what Shopify refuses, before executing anything, in Shopify's error
// format (an `errors` array with message, locations and extensions.code), and records each
// refusal in the ledger as not ok.
import { describe, expect, it } from "vitest";
import { AdminApiStandIn } from "../../standin/admin-api-standin";
import { addOrder, addProduct } from "../../standin/seed";

const shop = "validation-shop.myshopify.com";

function post(standIn: AdminApiStandIn, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { "X-Shopify-Access-Token": "token" }) {
  return standIn.fetch(`https://${shop}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
}

type Answer = { data?: unknown; errors?: Array<{ message: string; locations?: unknown; extensions: { code: string } }>; extensions?: unknown };

async function answer(standIn: AdminApiStandIn, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await post(standIn, query, variables);
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

function setup() {
  const standIn = new AdminApiStandIn();
  standIn.addShop(shop);
  return standIn;
}

describe("the stand-in validates every request against the real schema", () => {
  it("rejects a misspelled field as Shopify formats GraphQL errors, and records it as not ok", async () => {
    const standIn = setup();
    const body = await answer(standIn, "query ShopName { shop { nmae } }");
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      { message: 'Cannot query field "nmae" on type "Shop". Did you mean "name"?', locations: [{ line: 1, column: 25 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
    ]);
    expect(standIn.ledger.at(-1)).toMatchObject({ shop, operationName: "ShopName", ok: false, cost: null });
  });

  it("rejects a variable of the wrong type", async () => {
    const standIn = setup();
    const body = await answer(standIn, "query O($id: ID!) { order(id: $id) { id } }", { id: { not: "an id" } });
    expect(body.errors?.[0]?.message).toMatch(/Variable "\$id" got invalid value/);
    expect(body.errors?.[0]?.extensions.code).toBe("INVALID_VARIABLE");
    expect(standIn.ledger.at(-1)?.ok).toBe(false);
  });

  it("rejects a Decimal that is not a decimal (Shopify's custom scalars are checked)", async () => {
    const standIn = setup();
    const body = await answer(standIn, "mutation R($input: ReturnRequestInput!) { returnRequest(input: $input) { userErrors { message } } }", {
      input: { orderId: "gid://shopify/Order/1", returnLineItems: [], returnShippingFee: { amount: { amount: "ten dollars", currencyCode: "USD" } } },
    });
    expect(body.errors?.[0]?.message).toMatch(/Decimal cannot represent value: "ten dollars"/);
  });

  it("requires @idempotent(key:) on refundCreate", async () => {
    const standIn = setup();
    const body = await answer(standIn, "mutation Refund($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { message } } }", { input: { orderId: "gid://shopify/Order/1" } });
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/requires an idempotency key/), extensions: { code: "BAD_REQUEST" } });
    expect(standIn.ledger.at(-1)).toMatchObject({ operationName: "Refund", ok: false });
  });

  it("refuses a blank idempotency key, and @idempotent where the mutation does not support it", async () => {
    const standIn = setup();
    const blank = await answer(standIn, 'mutation Refund($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "  ") { userErrors { message } } }', { input: { orderId: "gid://shopify/Order/1" } });
    expect(blank.errors?.[0]?.message).toMatch(/cannot be an empty string/);
    const unsupported = await answer(standIn, 'mutation Close($id: ID!) { returnClose(id: $id) @idempotent(key: "k") { userErrors { message } } }', { id: "gid://shopify/Return/1" });
    expect(unsupported.errors?.[0]?.message).toMatch(/not supported on the 'returnClose' mutation/);
  });

  it("requires first or last on connections, at most 250", async () => {
    const standIn = setup();
    const none = await answer(standIn, "query P { products { nodes { id } } }");
    expect(none.errors?.[0]?.message).toBe("you must provide one of first or last");
    const many = await answer(standIn, "query P { products(first: 251) { nodes { id } } }");
    expect(many.errors?.[0]?.message).toMatch(/maximum number of items per page is 250/);
  });

  it("refuses a query whose cost exceeds 1000", async () => {
    const standIn = setup();
    const body = await answer(standIn, "query Big { orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }");
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
  });

  it("answers 401 without an access token, and for a shop it does not have", async () => {
    const standIn = setup();
    expect((await post(standIn, "query S { shop { id } }", {}, {})).status).toBe(401);
    const unknown = await standIn.fetch("https://nobody.myshopify.com/admin/api/2026-07/graphql.json", { method: "POST", headers: { "X-Shopify-Access-Token": "t" }, body: "{}" });
    expect(unknown.status).toBe(401);
  });

  it("says out loud when a valid field is one it does not model", async () => {
    const standIn = setup();
    const body = await answer(standIn, "query S { shop { billingAddress { city } } }");
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/does not model Shop.billingAddress/), extensions: { code: "NOT_MODELLED_BY_STAND_IN" } });
  });

  it("filters products by tag, product type and vendor", async () => {
    const standIn = setup();
    const store = standIn.store(shop);
    addProduct(store, { title: "Ring", productType: "Jewelry", vendor: "KS", tags: ["final-sale"], price: "10" });
    addProduct(store, { title: "Serum", productType: "Serum", vendor: "CB", tags: ["hygiene"], price: "10" });
    addProduct(store, { title: "Necklace", productType: "Jewelry", vendor: "KS", tags: [], price: "10" });
    const titles = async (query: string) => ((await answer(standIn, "query P($q: String) { products(first: 10, query: $q) { nodes { title } } }", { q: query })).data as { products: { nodes: Array<{ title: string }> } }).products.nodes.map((p) => p.title);
    expect(await titles("tag:final-sale")).toEqual(["Ring"]);
    expect(await titles("product_type:Jewelry")).toEqual(["Ring", "Necklace"]);
    expect(await titles("vendor:KS -tag:final-sale")).toEqual(["Necklace"]);
  });

  it("pages through orders with cursors", async () => {
    const standIn = setup();
    const store = standIn.store(shop);
    for (let i = 0; i < 5; i++) addOrder(store, { createdAt: Date.parse("2026-01-01") + i * 86_400_000, lines: [] });
    const page = async (after: string | null) =>
      ((await answer(standIn, "query O($after: String) { orders(first: 2, after: $after, sortKey: CREATED_AT) { nodes { name } pageInfo { hasNextPage endCursor } } }", { after })).data as {
        orders: { nodes: Array<{ name: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }).orders;
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    const third = await page(second.pageInfo.endCursor);
    expect([first, second, third].flatMap((p) => p.nodes.map((n) => n.name))).toEqual(["#1001", "#1002", "#1003", "#1004", "#1005"]);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });
});
