// Query cost, the per-shop leaky bucket on an injected clock, injected faults, and the ledger.
import { describe, expect, it } from "vitest";
import { AdminApiStandIn } from "../../standin/admin-api-standin";
import { manualClock, standInGraphql } from "../../standin/graphql-client";
import { addOrder, addProduct } from "../../standin/seed";

const shop = "cost-shop.myshopify.com";

type Body = { data?: Record<string, unknown>; errors?: unknown; extensions: { cost: { requestedQueryCost: number } } };

function setup() {
  const clock = manualClock();
  const standIn = new AdminApiStandIn({ now: clock.now });
  standIn.addShop(shop);
  const graphql = standInGraphql(standIn, shop);
  const send = async (query: string, variables: Record<string, unknown> = {}) => (await graphql(query, { variables })).json() as Promise<Body>;
  return { clock, standIn, graphql, send };
}

describe("cost", () => {
  it("charges objects 1, scalars 0, connections 2 + first × node, mutations 10", async () => {
    const { send } = setup();
    expect((await send("query A { shop { id name } }")).extensions.cost.requestedQueryCost).toBe(1);
    // 2 + 10 × 1 (a product node with only scalars) = 12
    expect((await send("query B { products(first: 10) { nodes { id title } } }")).extensions.cost.requestedQueryCost).toBe(12);
    // 2 + 5 × (1 + lineItems: 2 + 3 × 1) = 32
    expect((await send("query C { orders(first: 5) { edges { node { id lineItems(first: 3) { nodes { id } } } } } }")).extensions.cost.requestedQueryCost).toBe(32);
    expect((await send('mutation D { returnClose(id: "gid://shopify/Return/1") { userErrors { message } } }')).extensions.cost.requestedQueryCost).toBe(10);
  });

  it("reports the actual cost from what was answered and gives the difference back", async () => {
    const { send, standIn } = setup();
    const store = standIn.store(shop);
    addProduct(store, { title: "A", productType: "T", vendor: "V", price: "1" });
    const body = await send("query B { products(first: 10) { nodes { id } } }");
    expect(body.extensions.cost).toEqual({ requestedQueryCost: 12, actualQueryCost: 3, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1997, restoreRate: 100 } });
    expect(standIn.ledger.at(-1)).toMatchObject({ operationName: "B", ok: true, status: 200, cost: { requested: 12, actual: 3 } });
  });
});

describe("leaky bucket", () => {
  it("answers THROTTLED (HTTP 200) when the cost exceeds what is available, and refills at 100 points a second", async () => {
    const { send, standIn, clock } = setup();
    standIn.throttle.setAvailable(shop, 5);
    const throttled = await send("query B { products(first: 10) { nodes { id } } }");
    expect(throttled).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: { cost: { requestedQueryCost: 12, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 5, restoreRate: 100 } } },
    });
    expect(standIn.ledger.at(-1)).toMatchObject({ ok: false, errorCodes: ["THROTTLED"], cost: { requested: 12, actual: 0 } });
    clock.advance(70);
    expect((await send("query B { products(first: 10) { nodes { id } } }")).data).toBeDefined();
  });

  it("keeps one bucket per shop", async () => {
    const { standIn, clock } = setup();
    standIn.addShop("second.myshopify.com");
    standIn.throttle.setAvailable(shop, 0);
    const other = (await (await standInGraphql(standIn, "second.myshopify.com")("query A { shop { id } }")).json()) as { data: { shop: { id: string } } };
    expect(other.data.shop.id).toBeDefined();
    clock.advance(60_000);
    expect(standIn.throttle.status(shop).currentlyAvailable).toBe(2000);
  });
});

describe("faults", () => {
  it("injects scripted faults for the named operation, in order", async () => {
    const { graphql, standIn } = setup();
    standIn.faults.next({ kind: "5xx", operationName: "B" }, { kind: "THROTTLED" });
    expect((await graphql("query A { shop { id } }")).status).toBe(200); // THROTTLED answer, status 200
    expect(standIn.ledger.at(-1)).toMatchObject({ operationName: "A", errorCodes: ["THROTTLED"], fault: { kind: "THROTTLED", afterCommit: false } });
    expect((await graphql("query B { shop { id } }")).status).toBe(503);
    expect((await graphql("query B { shop { id } }")).status).toBe(200);
  });

  it("draws faults at a rate from a seeded PRNG, reproducibly", async () => {
    const kinds = async (seed: number) => {
      const { graphql, standIn } = setup();
      standIn.faults = { rate: 0.5, kinds: ["THROTTLED", "5xx"], seed };
      for (let i = 0; i < 20; i++) await graphql("query A { shop { id } }");
      return standIn.ledger.entries.map((e) => e.fault?.kind ?? "-").join(",");
    };
    const a = await kinds(7);
    expect(await kinds(7)).toBe(a);
    expect(a).toMatch(/THROTTLED/);
    expect(a).toMatch(/5xx/);
    expect(a).toMatch(/-/);
  });

  it("a timeout hangs until the client aborts, and a landed one has executed", async () => {
    const { graphql, standIn } = setup();
    const store = standIn.store(shop);
    const p = addProduct(store, { title: "A", productType: "T", vendor: "V", price: "5" });
    const o = addOrder(store, { createdAt: Date.now(), lines: [{ product: p, quantity: 1 }], fulfillments: [{ createdAt: Date.now(), deliveredAt: Date.now() }] });
    standIn.faults.next({ kind: "timeout", afterCommit: true });
    const controller = new AbortController();
    const pending = graphql("mutation R($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { message } } }", {
      variables: { input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: o.fulfillments[0]!.lineItems[0]!.id, quantity: 1 }] } },
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(store.returns.size).toBe(1);
    expect(standIn.ledger.at(-1)).toMatchObject({ operationName: "R", status: 0, fault: { kind: "timeout", afterCommit: true } });
  });

  it("answers 504 when a hung request is never aborted", async () => {
    const { graphql, standIn } = setup();
    standIn.faults.configure({ hangMs: 5 }).next({ kind: "timeout" });
    expect((await graphql("query A { shop { id } }")).status).toBe(504);
  });
});

describe("ledger", () => {
  it("answers per shop and operation, sums costs, and resets", async () => {
    const { graphql, standIn } = setup();
    await graphql("query A { shop { id } }");
    await graphql("query B { products(first: 1) { nodes { id } } }");
    expect(standIn.ledger.operations(shop)).toEqual(["A", "B"]);
    expect(standIn.ledger.forOperation("B")).toHaveLength(1);
    expect(standIn.ledger.totalCost(shop)).toBe(1 + 2);
    standIn.ledger.reset();
    expect(standIn.ledger.length).toBe(0);
  });
});
