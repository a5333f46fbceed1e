// The shopper portal (/api/portal/orders/:orderId/*) as the customer-account extension calls
// it: real signed customer-account session tokens (getJwt with the app's test secret), the real
// route loaders and actions, a real database, Shopify = the stand-in.
import { randomUUID } from "node:crypto";
import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { decide, policyClauses, presets, toContractJson, type ReturnRequest } from "~/domain/policy";
import { createAdminClient } from "~/services/admin-client";
import { asEngineOrder, getOrderSnapshot } from "~/services/order-snapshot.server";
import type { EligibilityView, PreviewView, StatusView, SubmittedView } from "~/services/portal-view";
import { describeDb, dbProvider } from "../setup/describe-db";
import { installShop, shopDomain, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { standInGraphql } from "../standin/graphql-client";
import { addOrder, addProduct, type ProductSpec } from "../standin/seed";
import { demoDefectPhoto } from "../standin/demo-cases";

const ORIGIN = "https://extensions.shopifycdn.com";
const DAY = 86_400_000;

const purifier: ProductSpec = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
const filter: ProductSpec = { title: "Purtly HEPA Filter", productType: "Filter", vendor: "Purtly", tags: ["filter"], price: "39.50" };
const toothbrush: ProductSpec = { title: "Pup Dental Brush", productType: "Grooming", vendor: "Soulmate", tags: ["hygiene"], price: "12.50" };
const toy: ProductSpec = { title: "Squeaky Fox Toy", productType: "Toy", vendor: "Soulmate", tags: ["toy"], price: "18.00" };
const necklace: ProductSpec = { title: "Elisa Pendant Necklace", productType: "Necklace", vendor: "Kendra Scott", tags: ["necklace"], price: "65.00" };

const routes = {
  eligibility: () => import("~/routes/api.portal.orders.$orderId.eligibility"),
  preview: () => import("~/routes/api.portal.orders.$orderId.preview"),
  evidence: () => import("~/routes/api.portal.orders.$orderId.evidence"),
  returns: () => import("~/routes/api.portal.orders.$orderId.returns"),
};
type RouteName = keyof typeof routes;

const numericId = (gid: string) => gid.split("/").pop()!;

/** A customer-account session token as Shopify signs it: `dest` a bare hostname, `sub` the customer. */
async function tokenFor(store: string, customerId: string | null, overrides: Record<string, unknown> = {}, secret = API_SECRET_KEY) {
  const { token } = await getJwt(store, API_KEY, secret, { dest: shopDomain(store), sub: customerId ?? undefined, ...overrides });
  return token;
}

type Call = { method?: string; token?: string | null; json?: unknown; body?: BodyInit | Uint8Array; query?: string; headers?: Record<string, string> };

/** Calls a portal route as Remix would: GET/OPTIONS reach the loader, everything else the action. */
async function call(route: RouteName, orderId: string, c: Call = {}): Promise<Response> {
  const method = c.method ?? (c.json !== undefined || c.body !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { Origin: ORIGIN, ...(c.headers ?? {}) };
  if (c.token) headers.Authorization = `Bearer ${c.token}`;
  if (c.json !== undefined) headers["Content-Type"] = "application/json";
  const body = (c.json !== undefined ? (typeof c.json === "string" ? c.json : JSON.stringify(c.json)) : c.body) as BodyInit | undefined;
  const request = new Request(`https://clause.test/api/portal/orders/${orderId}/${route}${c.query ?? ""}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const mod = await routes[route]();
  const args = { request, params: { orderId }, context: {} };
  const handler = method === "GET" || method === "OPTIONS" || method === "HEAD" ? mod.loader : mod.action;
  try {
    return await handler(args);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Any of the portal's JSON answers (each test knows which one it reads). */
type PortalBody = EligibilityView &
  PreviewView &
  SubmittedView & { returns: StatusView[] } & { error: { code: string; message: string; field?: string } } & { id: string; kind: string; contentType: string; byteSize: number };

async function read(res: Response) {
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as PortalBody) : null };
}

/** A shop on `preset` with an order of one signed-in customer, and a second order of another customer. */
async function portalScene(preset: Parameters<typeof caseScene>[0]["preset"], lines: ProductSpec[], opts: { shipping?: string } = {}) {
  const s = await caseScene({ preset, shipping: opts.shipping, lines: lines.map((product) => ({ product })) });
  const customerId = s.order.customerId!;
  const records = standIn.store(s.shop);
  const now = Date.now();
  const otherOrder = addOrder(records, {
    createdAt: now - 7 * DAY,
    customer: { email: `someone-else-${s.store}@example.com`, firstName: "Noor", lastName: "Haddad" },
    lines: [{ product: addProduct(records, lines[0]!), quantity: 1 }],
    fulfillments: [{ createdAt: now - 5 * DAY, deliveredAt: now - 3 * DAY }],
  });
  const token = await tokenFor(s.store, customerId);
  const orderId = numericId(s.order.id);
  return { ...s, customerId, token, orderId, otherOrder, otherCustomerId: otherOrder.customerId!, engineOrder: async () => asEngineOrder((await getOrderSnapshot(s.api, s.order.id))!) };
}

const counts = async (shop: string) => {
  const d = await db();
  return {
    cases: await d.returnCase.count({ where: { shop } }),
    uploads: await d.evidenceUpload.count({ where: { shop } }),
    returnRequests: standIn.ledger.forOperation("ReturnRequest", shop).length,
  };
};

/** Admin API operations a block of work sent for a shop (from the stand-in's ledger). */
async function operations<T>(shop: string, work: () => Promise<T>): Promise<{ result: T; ops: Array<string | null> }> {
  const before = standIn.ledger.forShop(shop).length;
  const result = await work();
  return { result, ops: standIn.ledger.forShop(shop).slice(before).map((e) => e.operationName) };
}

const htmlPretendingToBePng = new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>");

describeDb(`shopper portal API (${dbProvider})`, () => {
  describe("authentication and ownership", () => {
    it("a forged, expired or missing token is a JSON 401 with CORS headers; no `sub` asks the shopper to sign in", async () => {
      const s = await portalScene("purtly", [purifier]);
      const forged = await tokenFor(s.store, s.customerId, {}, "not-the-app-secret");
      const expired = await tokenFor(s.store, s.customerId, { exp: Date.now() / 1000 - 600, nbf: Date.now() / 1000 - 3600, iat: Date.now() / 1000 - 3600 });
      const anonymous = await tokenFor(s.store, null);
      const calls = standIn.ledger.forShop(s.shop).length;
      for (const route of Object.keys(routes) as RouteName[]) {
        for (const token of [forged, expired, null]) {
          const res = await call(route, s.orderId, { token, ...(route === "preview" || route === "evidence" ? { method: "POST", json: {} } : {}) });
          const { status, body } = await read(res);
          expect({ route, status }).toEqual({ route, status: 401 });
          expect(body).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.stringMatching(/session/) } });
          expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        }
        const res = await call(route, s.orderId, { token: anonymous });
        expect(res.status).toBe(401);
        expect((await read(res)).body).toEqual({ error: { code: "SIGN_IN_REQUIRED", message: "Sign in to request a return." } });
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      }
      // A customer gid of the wrong shape is no customer either.
      expect((await call("eligibility", s.orderId, { token: await tokenFor(s.store, "gid://shopify/User/5") })).status).toBe(401);
      expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    });

    it("an OPTIONS preflight gets 204 with the CORS headers on every route", async () => {
      const s = await portalScene("purtly", [purifier]);
      for (const route of Object.keys(routes) as RouteName[]) {
        const res = await call(route, s.orderId, { method: "OPTIONS", headers: { "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" } });
        expect({ route, status: res.status }).toEqual({ route, status: 204 });
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(res.headers.get("Access-Control-Allow-Headers")).toMatch(/Authorization/);
        expect(res.headers.get("Access-Control-Allow-Headers")).toMatch(/Content-Type/);
      }
    });

    it("another customer's order, another shop's order and an unknown order are the same bare 404; a non-numeric id is a 400", async () => {
      const s = await portalScene("purtly", [purifier]);
      const elsewhere = await portalScene("purtly", [purifier]);
      const before = await counts(s.shop);
      const theirs = numericId(s.otherOrder.id);
      const answers: string[] = [];
      for (const [route, extra] of [
        ["eligibility", {}],
        ["returns", {}],
        ["preview", { json: { type: "RETURN", lines: [{ lineItemId: s.otherOrder.lineItems[0]!.id, quantity: 1, condition: "UNOPENED" }] } }],
        ["returns", { json: { requestKey: `peek-${randomUUID()}`, type: "RETURN", lines: [{ lineItemId: s.otherOrder.lineItems[0]!.id, quantity: 1, condition: "UNOPENED" }] } }],
        ["evidence", { method: "POST", body: demoDefectPhoto() }],
      ] as Array<[RouteName, Call]>) {
        for (const orderId of [theirs, elsewhere.orderId, "987654321987"]) {
          const res = await call(route, orderId, { token: s.token, ...extra });
          const { status, text } = await read(res);
          expect({ route, orderId, status }).toEqual({ route, orderId, status: 404 });
          expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
          for (const secret of [s.otherOrder.name, elsewhere.order.name, "Noor", "Haddad", "Purtly", elsewhere.shop]) expect(text).not.toContain(secret);
          answers.push(text);
        }
      }
      expect(new Set(answers).size).toBe(1);
      expect(JSON.parse(answers[0]!)).toEqual({ error: { code: "NOT_FOUND", message: "We couldn't find this order in your account." } });
      // The other shop's own customer cannot reach this shop's order with their token either.
      expect((await call("eligibility", s.orderId, { token: elsewhere.token })).status).toBe(404);
      expect(await counts(s.shop)).toEqual(before);

      const bad = await read(await call("eligibility", "gid%3A%2F%2Fshopify%2FOrder%2F1", { token: s.token }));
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: "INVALID_ORDER_ID", field: "orderId", message: expect.stringMatching(/order's number/) } });
    });
  });

  describe("a store without a policy", () => {
    it("answers 409 NOT_READY on every decision endpoint and sends nothing to Shopify", async () => {
      const store = `nopolicy-${randomUUID().slice(0, 8)}`;
      const session = await installShop(store);
      const records = standIn.store(session.shop);
      const now = Date.now();
      const order = addOrder(records, {
        createdAt: now - 7 * DAY,
        customer: { email: `shopper-${store}@example.com`, firstName: "Ava", lastName: "Garcia" },
        lines: [{ product: addProduct(records, purifier), quantity: 1 }],
        fulfillments: [{ createdAt: now - 5 * DAY, deliveredAt: now - 3 * DAY }],
      });
      const token = await tokenFor(store, order.customerId!);
      const line = { lineItemId: order.lineItems[0]!.id, quantity: 1, condition: "UNOPENED" };
      for (const [route, c] of [
        ["eligibility", {}],
        ["preview", { json: { type: "RETURN", lines: [line] } }],
        ["returns", { json: { requestKey: `np-${randomUUID()}`, type: "RETURN", lines: [line] } }],
      ] as Array<[RouteName, Call]>) {
        const got = await read(await call(route, numericId(order.id), { token, ...c }));
        expect({ route, status: got.status }).toEqual({ route, status: 409 });
        expect(got.body!.error).toEqual({ code: "NOT_READY", message: "This store isn't taking return requests online yet. Please contact the store." });
      }
      expect(standIn.ledger.forOperation("ReturnRequest", session.shop)).toHaveLength(0);
      expect(await (await db()).returnCase.count({ where: { shop: session.shop } })).toBe(0);
    });
  });

  describe("eligibility", () => {
    it("a Purtly order: the purifier is returnable, with the engine's clause, price, window and the shop's reasons — from one snapshot and one reasons read", async () => {
      const s = await portalScene("purtly", [purifier, filter], { shipping: "9.99" });
      const { result: res, ops } = await operations(s.shop, () => call("eligibility", s.orderId, { token: s.token }));
      expect(ops).toEqual(["OrderSnapshot", "ReturnReasonDefinitions"]);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const { status, body } = await read(res);
      expect(status).toBe(200);
      const policy = presets.purtly;
      const titleOf = (id: string) => policyClauses(policy).find((c) => c.id === id)?.title ?? null;
      expect(body!.order).toEqual({ id: s.order.id, name: s.order.name, currencyCode: "USD" });
      expect(body!.policy).toMatchObject({ version: 1, returnShippingPaidBy: policy.claims.RETURN.returnShippingPaidBy });
      expect(body!.policy.clauses).toEqual(policyClauses(policy).map((c) => ({ id: c.id, title: c.title })));
      expect(body!.conditions).toEqual(["UNOPENED", "OPENED", "USED", "DAMAGED"]);
      expect(body!.reasons.length).toBeGreaterThan(3);
      for (const r of body!.reasons) expect(r).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/ReturnReasonDefinition\/\d+$/), name: expect.any(String) });

      const expected = decide(
        policy,
        await s.engineOrder(),
        { type: "RETURN", lines: s.order.lineItems.map((l) => ({ lineItemId: l.id, quantity: 1, condition: "UNOPENED", reason: "", evidence: [] })) },
        new Date(),
      );
      expect(body!.lines).toEqual(
        s.order.lineItems.map((l, i) => ({
          lineItemId: l.id,
          title: [purifier, filter][i]!.title,
          quantity: 1,
          returnableQuantity: 1,
          unitPrice: { amount: [purifier, filter][i]!.price, currencyCode: "USD" },
          returnable: true,
          code: "OK",
          clause: expected.lines[i]!.clause,
          clauseTitle: titleOf(expected.lines[i]!.clause),
          explanation: expected.lines[i]!.explanation,
          windowClosesAt: expected.lines[i]!.windowClosesAt,
        })),
      );
      expect(body!.lines[0]!.clause).toBe("condition.unopened");
      expect(Date.parse(body!.lines[0]!.windowClosesAt!)).toBeGreaterThan(Date.now());
      expect(body!.anythingReturnable).toBe(true);
      expect(body!.existingReturns).toBe(0);
      const types = body!.claimTypes.map((c) => c.type);
      expect(types).toContain("RETURN");
      expect(types).toContain("DEFECTIVE");
      const defective = body!.claimTypes.find((c) => c.type === "DEFECTIVE")!;
      expect(defective).toMatchObject({ label: "Defective item", evidence: { required: true, kinds: ["photo", "video"], minCount: 1 } });
      expect(Date.parse(defective.reportWindowClosesAt!)).toBeGreaterThan(Date.now());
      expect(defective.lineItemIds).toEqual(s.order.lineItems.map((l) => l.id));
    });

    it("a Soulmate order: the hygiene item is not returnable (exclusion.hygiene, with the reason) but can still be claimed as defective", async () => {
      const s = await portalScene("soulmate-spark-studio", [toothbrush, toy]);
      const { body } = await read(await call("eligibility", s.orderId, { token: s.token }));
      const [brush, fox] = body!.lines as [EligibilityView["lines"][number], EligibilityView["lines"][number]];
      expect(brush).toMatchObject({ title: "Pup Dental Brush", returnable: false, code: "EXCLUDED", clause: "exclusion.hygiene", clauseTitle: "Personal hygiene products", returnableQuantity: 1 });
      expect(brush.explanation).toMatch(/hygiene/i);
      expect(fox).toMatchObject({ title: "Squeaky Fox Toy", returnable: true, code: "OK" });
      expect(body!.anythingReturnable).toBe(true);
      const byType = new Map(body!.claimTypes.map((c) => [c.type, c]));
      expect(byType.get("RETURN")!.lineItemIds).toEqual([fox.lineItemId]);
      expect(byType.get("DEFECTIVE")!.lineItemIds).toEqual([brush.lineItemId, fox.lineItemId]);
      expect(byType.get("DEFECTIVE")!.evidence).toMatchObject({ required: false, minCount: 0 });
    });
  });

  describe("preview", () => {
    it("equals the engine's decision on the same inputs, with clause titles, refund and deadlines; stores nothing", async () => {
      const s = await portalScene("purtly", [purifier, filter], { shipping: "9.99" });
      const request: ReturnRequest = {
        type: "RETURN",
        lines: [
          { lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", reason: "", evidence: [] },
          { lineItemId: s.lineId(1), quantity: 1, condition: "UNOPENED", reason: "", evidence: [] },
        ],
      };
      const before = await counts(s.shop);
      const { result: res, ops } = await operations(s.shop, () =>
        call("preview", s.orderId, { token: s.token, json: { type: "RETURN", lines: request.lines.map(({ evidence: _e, reason: _r, ...l }) => l) } }),
      );
      expect(ops).toEqual(["OrderSnapshot"]);
      const { status, body } = await read(res);
      expect(status).toBe(200);
      const expected = decide(presets.purtly, await s.engineOrder(), request, new Date());
      const titles = new Map(policyClauses(presets.purtly).map((c) => [c.id, c.title]));
      const contract = toContractJson(expected);
      expect(body!.decision).toEqual({ ...contract, lines: contract.lines.map((l) => ({ ...l, clauseTitle: titles.get(l.clause) ?? null })) });
      expect(body!.refund).toEqual({
        subtotal: { amount: expected.subtotal, currencyCode: "USD" },
        deductions: expected.deductions.map((d) => ({ kind: d.kind, amount: { amount: d.amount, currencyCode: "USD" }, clause: d.clause, clauseTitle: titles.get(d.clause) ?? null, explanation: d.explanation })),
        total: { amount: expected.refundTotal, currencyCode: "USD" },
      });
      expect(body!.refund.deductions.length).toBeGreaterThan(0); // Purtly deducts original shipping
      expect(body!.returnShippingPaidBy).toBe(expected.returnShippingPaidBy);
      expect(body!.deadlines).toEqual(Object.fromEntries(expected.lines.map((l) => [l.lineItemId, l.windowClosesAt])));
      expect(await counts(s.shop)).toEqual(before);
    });

    it("uploaded evidence counts: a Purtly defect claim without a photo is handled as a return, with one as a defect", async () => {
      const s = await portalScene("purtly", [purifier]);
      const line = { lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" };
      const without = await read(await call("preview", s.orderId, { token: s.token, json: { type: "DEFECTIVE", lines: [line] } }));
      expect(without.body!.decision.lines[0]).toMatchObject({ code: "OK", clause: "claim.defective.evidence" });
      const upload = await read(await call("evidence", s.orderId, { token: s.token, body: demoDefectPhoto() }));
      expect(upload.status).toBe(201);
      const withPhoto = await read(await call("preview", s.orderId, { token: s.token, json: { type: "DEFECTIVE", lines: [{ ...line, evidenceIds: [upload.body!.id] }] } }));
      expect(withPhoto.body!.decision.lines[0]).toMatchObject({ code: "OK", clause: "claim.defective", refundAmount: "199.99" });
      expect(await (await db()).evidenceUpload.findUniqueOrThrow({ where: { id: upload.body!.id } })).toMatchObject({ caseId: null });
    });
  });

  describe("bad input", () => {
    it("is a 400/422 with a readable message, and nothing is stored or sent to Shopify", async () => {
      const s = await portalScene("purtly", [purifier]);
      const line = { lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" };
      const key = () => `bad-${randomUUID()}`;
      const cases: Array<[RouteName, unknown, number, RegExp, string?]> = [
        ["returns", "{not json", 400, /not valid JSON/],
        ["returns", "", 400, /no body/],
        ["returns", {}, 400, /requestKey is missing/],
        ["returns", { requestKey: "short", type: "RETURN", lines: [line] }, 400, /8 to 100 characters/, "requestKey"],
        ["returns", { requestKey: "bad key with spaces", type: "RETURN", lines: [line] }, 400, /letters, digits/],
        ["returns", { requestKey: key(), type: "REFUND_ME", lines: [line] }, 400, /type must be one of RETURN/, "type"],
        ["returns", { requestKey: key(), type: "RETURN", lines: [] }, 400, /at least one item/, "lines"],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, quantity: 0 }] }, 400, /at least 1/, "lines.0.quantity"],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, quantity: 1.5 }] }, 400, /whole number/],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, condition: "LIKE_NEW" }] }, 400, /condition must be one of/],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, reason: "x".repeat(301) }] }, 400, /at most 300 characters/],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, lineItemId: "line-one" }] }, 400, /line item id/],
        ["returns", { requestKey: key(), type: "RETURN", lines: [line, line] }, 400, /only once/],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, evidenceIds: ["a", "b", "c", "d", "e", "f"] }] }, 400, /at most 5/],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, evidenceIds: ["clnotmine0000000000000000"] }] }, 422, /not found among your uploads/, "lines.0.evidenceIds.0"],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, lineItemId: "gid://shopify/LineItem/999999999" }] }, 422, /isn't on this order|not on this order|not part of/i, "lines"],
        ["returns", { requestKey: key(), type: "RETURN", lines: [{ ...line, quantity: 3 }] }, 422, /can be returned|only/i, "lines"],
        ["preview", "[]", 400, /type must be one of|Expected object/],
        ["preview", { type: "RETURN", lines: [{ ...line, quantity: -1 }] }, 400, /at least 1/],
        ["preview", { type: "RETURN", lines: [{ ...line, quantity: 3 }] }, 422, /can be returned|only/i, "lines"],
        ["preview", { type: "RETURN", lines: [{ ...line, evidenceIds: ["../../etc/passwd"] }] }, 400, /not an evidence id/],
      ];
      const before = await counts(s.shop);
      for (const [route, json, status, message, field] of cases) {
        const res = await call(route, s.orderId, { token: s.token, method: "POST", ...(json === "" ? { body: "" } : { json }) });
        const got = await read(res);
        expect({ route, json, status: got.status }).toEqual({ route, json, status });
        expect(got.body!.error.message).toMatch(message);
        if (field) expect(got.body!.error.field).toBe(field);
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      }
      expect(await counts(s.shop)).toEqual(before);
      // The wrong method is a 405 that still names the right one.
      const wrong = await read(await call("preview", s.orderId, { token: s.token }));
      expect(wrong).toMatchObject({ status: 405, body: { error: { code: "METHOD_NOT_ALLOWED" } } });
    });
  });

  describe("submit", () => {
    it("decides again on the server: client totals are ignored, the stored case holds the engine's amounts; answers RMA, decision, refund and next steps", async () => {
      const s = await portalScene("purtly", [purifier, filter], { shipping: "9.99" });
      const lines = [
        { lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", reason: "Too loud at night" },
        { lineItemId: s.lineId(1), quantity: 1, condition: "UNOPENED" },
      ];
      const engineOrder = await s.engineOrder();
      const { result: res, ops } = await operations(s.shop, () =>
        call("returns", s.orderId, {
          token: s.token,
          json: { requestKey: `key-${randomUUID()}`, type: "RETURN", lines: lines.map((l) => ({ ...l, refundAmount: "999.00" })), refund: { total: "999.00" }, total: "999.00", refundTotal: "999.00" },
        }),
      );
      // Ownership, then openCase: a fresh snapshot, the returnable fulfillments, one returnRequest.
      expect(ops).toEqual(["PortalOrderOwner", "OrderSnapshot", "ReturnableFulfillments", "ReturnRequest"]);
      const { status, body } = await read(res);
      expect(status).toBe(201);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const expected = decide(presets.purtly, engineOrder, { type: "RETURN", lines: lines.map((l) => ({ reason: "", ...l, condition: l.condition as "OPENED", evidence: [] })) }, new Date());
      const stored = await (await db()).returnCase.findUniqueOrThrow({ where: { id: body!.caseId }, include: { lines: true } });
      expect(stored).toMatchObject({ shop: s.shop, orderId: s.order.id, customerId: s.customerId, refundEstimate: expected.refundTotal, status: "REQUESTED", claimType: "RETURN" });
      expect(stored.refundEstimate).not.toBe("999.00");
      expect(stored.lines.find((l) => l.lineItemId === s.lineId(0))?.reason).toBe("Too loud at night");
      expect(body).toMatchObject({ caseId: stored.id, rma: stored.rmaNumber, status: "REQUESTED" });
      expect(body!.rma).toMatch(/\d{4}/);
      expect(body!.decision).toMatchObject({ refundTotal: expected.refundTotal, eligible: true });
      expect(body!.decision.lines.map((l) => l.clauseTitle)).not.toContain(null);
      expect(body!.refund.total).toEqual({ amount: expected.refundTotal, currencyCode: "USD" });
      expect(body!.nextSteps.length).toBeGreaterThan(2);
      expect(body!.nextSteps.join(" ")).toContain(stored.rmaNumber!);
      expect(body!.nextSteps.join(" ")).toContain(`Estimated refund: ${expected.refundTotal} USD`);
    });

    it("the Shopify return reason the shopper chose goes with the return; one not from the list is a 400", async () => {
      const s = await portalScene("purtly", [purifier]);
      const eligibility = await read(await call("eligibility", s.orderId, { token: s.token }));
      const reason = (eligibility.body!.reasons as Array<{ id: string; name: string }>).find((r) => /changed my mind/i.test(r.name))!;
      const line = { lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" };
      const bad = await read(await call("returns", s.orderId, { token: s.token, json: { requestKey: `key-${randomUUID()}`, type: "RETURN", lines: [{ ...line, reasonId: "unwanted" }] } }));
      expect(bad.status).toBe(400);
      expect(bad.body!.error.message).toMatch(/choose a reason from the list/);
      const ok = await read(await call("returns", s.orderId, { token: s.token, json: { requestKey: `key-${randomUUID()}`, type: "RETURN", lines: [{ ...line, reasonId: reason.id }] } }));
      expect(ok.status).toBe(201);
      const stored = await (await db()).returnCase.findUniqueOrThrow({ where: { id: ok.body!.caseId } });
      const shopifyReturn = standIn.store(s.shop).returns.get(stored.shopifyReturnId!)!;
      expect(shopifyReturn.lines.map((l) => l.returnReasonDefinitionId)).toEqual([reason.id]);
    });

    it("the same requestKey twice, one after the other and at the same time: one case, one Shopify return", async () => {
      const s = await portalScene("purtly", [purifier, filter]);
      const payload = (requestKey: string, lineIndex: number) => ({ requestKey, type: "RETURN", lines: [{ lineItemId: s.lineId(lineIndex), quantity: 1, condition: "UNOPENED" }] });

      const sequentialKey = `seq-${randomUUID()}`;
      const first = await read(await call("returns", s.orderId, { token: s.token, json: payload(sequentialKey, 0) }));
      const { result: againRes, ops } = await operations(s.shop, () => call("returns", s.orderId, { token: s.token, json: payload(sequentialKey, 0) }));
      const again = await read(againRes);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body!.caseId).toBe(first.body!.caseId);
      expect(again.body).toEqual(first.body);
      expect(ops).toEqual(["PortalOrderOwner"]); // a repeat costs the ownership check only

      const concurrentKey = `par-${randomUUID()}`;
      const before = await counts(s.shop);
      const both = await Promise.all([0, 1, 2].map(() => call("returns", s.orderId, { token: s.token, json: payload(concurrentKey, 1) }).then(read)));
      expect(both.map((b) => b.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(both.map((b) => b.body!.caseId)).size).toBe(1);
      const after = await counts(s.shop);
      expect(after.cases - before.cases).toBe(1);
      expect(after.returnRequests - before.returnRequests).toBe(1);
      expect(standIn.ledger.forOperation("ReturnRequest", s.shop)).toHaveLength(2); // one per key
      expect(standIn.store(s.shop).orders.get(s.order.id)!.returnIds).toHaveLength(2);
    });

    it("a requestKey another shopper already used is refused without a word about their request", async () => {
      const s = await portalScene("purtly", [purifier]);
      const key = `shared-${randomUUID()}`;
      expect((await call("returns", s.orderId, { token: s.token, json: { requestKey: key, type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] } })).status).toBe(201);
      const otherToken = await tokenFor(s.store, s.otherCustomerId);
      const before = await counts(s.shop);
      const res = await read(
        await call("returns", numericId(s.otherOrder.id), { token: otherToken, json: { requestKey: key, type: "RETURN", lines: [{ lineItemId: s.otherOrder.lineItems[0]!.id, quantity: 1, condition: "UNOPENED" }] } }),
      );
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: { code: "REQUEST_KEY_USED", message: expect.stringMatching(/already used/), field: "requestKey" } });
      expect(res.text).not.toContain(s.order.name);
      expect(await counts(s.shop)).toEqual(before);
    });

    it("lines the policy refuses are accepted (the agent declines them with the clause)", async () => {
      const s = await portalScene("soulmate-spark-studio", [toothbrush]);
      const res = await read(await call("returns", s.orderId, { token: s.token, json: { requestKey: `hyg-${randomUUID()}`, type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] } }));
      expect(res.status).toBe(201);
      expect(res.body!.decision).toMatchObject({ eligible: false, refundTotal: "0.00", lines: [{ code: "EXCLUDED", clause: "exclusion.hygiene", clauseTitle: "Personal hygiene products" }] });
      expect(res.body!.nextSteps.join(" ")).toMatch(/doesn't qualify/);
    });
  });

  describe("evidence", () => {
    it("a PNG is stored (201); HTML named .png, an oversize photo and the 21st upload of the day are refused; nothing is kept from a refusal", async () => {
      const s = await portalScene("kendra-scott-mall", [necklace]);
      const photo = demoDefectPhoto();
      const { result: okRes, ops } = await operations(s.shop, () => call("evidence", s.orderId, { token: s.token, body: photo, query: `?lineItemId=${numericId(s.lineId(0))}`, headers: { "Content-Type": "application/octet-stream" } }));
      expect(ops).toEqual(["PortalOrderOwner"]);
      const ok = await read(okRes);
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({ id: expect.any(String), kind: "photo", contentType: "image/png", byteSize: photo.byteLength });
      expect(okRes.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const row = await (await db()).evidenceUpload.findUniqueOrThrow({ where: { id: ok.body!.id } });
      expect(row).toMatchObject({ shop: s.shop, customerId: s.customerId, orderId: s.order.id, caseId: null, kind: "photo", byteSize: photo.byteLength });

      const before = await counts(s.shop);
      const html = await read(await call("evidence", s.orderId, { token: s.token, body: htmlPretendingToBePng, headers: { "Content-Type": "image/png", "Content-Disposition": 'attachment; filename="photo.png"' } }));
      expect(html).toMatchObject({ status: 422, body: { error: { code: "UNSUPPORTED_FILE", message: expect.stringMatching(/Only photos/) } } });
      const big = new Uint8Array(10 * 1024 * 1024 + 1);
      big.set(photo.subarray(0, 16));
      const oversize = await read(await call("evidence", s.orderId, { token: s.token, body: big, headers: { "Content-Type": "image/png" } }));
      expect(oversize).toMatchObject({ status: 413, body: { error: { code: "FILE_TOO_LARGE", message: "A photo can be at most 10 MB." } } });
      const empty = await read(await call("evidence", s.orderId, { token: s.token, method: "POST", body: new Uint8Array(0) }));
      expect(empty.status).toBe(422);
      const badLine = await read(await call("evidence", s.orderId, { token: s.token, body: photo, query: "?lineItemId=drop%20table" }));
      expect(badLine.status).toBe(400);
      expect(await counts(s.shop)).toEqual(before);

      for (let i = 1; i < 20; i++) expect((await call("evidence", s.orderId, { token: s.token, body: photo })).status).toBe(201);
      const capped = await read(await call("evidence", s.orderId, { token: s.token, body: photo }));
      expect(capped).toMatchObject({ status: 429, body: { error: { code: "TOO_MANY_UPLOADS", message: expect.stringMatching(/at most 20 files/) } } });
      expect((await counts(s.shop)).uploads).toBe(20);
      // The cap is per order and customer: another customer of the shop can still upload.
      expect((await call("evidence", numericId(s.otherOrder.id), { token: await tokenFor(s.store, s.otherCustomerId), body: photo })).status).toBe(201);
    });

    it("a Kendra defect claim with an uploaded photo: the case holds the evidence, the upload is used, it cannot be attached again", async () => {
      const s = await portalScene("kendra-scott-mall", [necklace]);
      const upload = await read(await call("evidence", s.orderId, { token: s.token, body: demoDefectPhoto() }));
      const lines = [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", reason: "The clasp broke on day two", evidenceIds: [upload.body!.id] }];
      const res = await read(await call("returns", s.orderId, { token: s.token, json: { requestKey: `defect-${randomUUID()}`, type: "DEFECTIVE", lines } }));
      expect(res.status).toBe(201);
      expect(res.body!.decision.lines[0]).toMatchObject({ code: "OK", clause: "claim.defective", refundAmount: "65.00" });
      const d = await db();
      const stored = await d.returnCase.findUniqueOrThrow({ where: { id: res.body!.caseId }, include: { evidence: true } });
      const uploadRow = await d.evidenceUpload.findUniqueOrThrow({ where: { id: upload.body!.id } });
      expect(stored.evidence).toEqual([expect.objectContaining({ lineItemId: s.lineId(0), kind: "photo", contentType: "image/png", storageKey: uploadRow.storageKey, byteSize: uploadRow.byteSize })]);
      expect(uploadRow.caseId).toBe(stored.id);
      expect(JSON.parse(stored.requestJson).lines[0].evidence).toEqual([{ kind: "photo", url: `evidence:${uploadRow.storageKey}` }]);

      const before = await counts(s.shop);
      const reuse = await read(await call("returns", s.orderId, { token: s.token, json: { requestKey: `defect-${randomUUID()}`, type: "DEFECTIVE", lines } }));
      expect(reuse).toMatchObject({ status: 422, body: { error: { code: "EVIDENCE_ALREADY_USED", field: "lines.0.evidenceIds.0" } } });
      expect(await counts(s.shop)).toEqual(before);
    });

    it("another customer's upload (or one for another order) cannot be attached", async () => {
      const s = await portalScene("kendra-scott-mall", [necklace]);
      const otherToken = await tokenFor(s.store, s.otherCustomerId);
      const theirs = await read(await call("evidence", numericId(s.otherOrder.id), { token: otherToken, body: demoDefectPhoto() }));
      expect(theirs.status).toBe(201);
      const before = await counts(s.shop);
      for (const route of ["preview", "returns"] as const) {
        const res = await read(
          await call(route, s.orderId, {
            token: s.token,
            json: { requestKey: `steal-${randomUUID()}`, type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", evidenceIds: [theirs.body!.id] }] },
          }),
        );
        expect(res).toMatchObject({ status: 422, body: { error: { code: "EVIDENCE_NOT_FOUND", field: "lines.0.evidenceIds.0" } } });
      }
      expect(await counts(s.shop)).toEqual(before);
      expect((await (await db()).evidenceUpload.findUniqueOrThrow({ where: { id: theirs.body!.id } })).caseId).toBeNull();

      // customers/redact can forget one customer's uploads and leave everyone else's.
      const mine = await read(await call("evidence", s.orderId, { token: s.token, body: demoDefectPhoto() }));
      const { deleteCustomerUploads } = await import("~/models/evidence-upload.server");
      const keys = await deleteCustomerUploads(await db(), s.shop, s.otherCustomerId);
      expect(keys).toHaveLength(1);
      expect(await (await db()).evidenceUpload.findMany({ where: { shop: s.shop }, select: { id: true } })).toEqual([{ id: mine.body!.id }]);
    });
  });

  describe("status list", () => {
    it("shows only this customer's cases on the order, only messages sent to the shopper, and why a declined one was declined", async () => {
      const s = await portalScene("purtly", [purifier, filter]);
      const submit = async (line: number) =>
        (await read(await call("returns", s.orderId, { token: s.token, json: { requestKey: `list-${randomUUID()}`, type: "RETURN", lines: [{ lineItemId: s.lineId(line), quantity: 1, condition: "UNOPENED" }] } }))).body!;
      const declined = await submit(0);
      const open = await submit(1);
      const d = await db();
      const { declineCase } = await import("~/services/case-review.server");
      const { addNote, messageCustomer } = await import("~/services/case-handling.server");
      await declineCase(d, s.api, { shop: s.shop, caseId: declined.caseId, expectedVersion: 0, actor: "staff:1", reason: "OTHER", clauseId: "window.return", explanation: "We couldn't verify the purchase date.", notifyCustomer: true });
      await addNote(d, { shop: s.shop, caseId: open.caseId, actor: "staff:1", body: "INTERNAL: customer seems annoyed" });
      await messageCustomer(d, { shop: s.shop, caseId: open.caseId, actor: "staff:1", body: "Thanks — your label is on its way." });
      // A case of another customer on the same order (say, the order changed hands) stays out.
      const foreign = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] }, { requestKey: `foreign-${randomUUID()}` });
      await d.returnCase.update({ where: { id: foreign.id }, data: { customerId: "gid://shopify/Customer/1" } });
      // The other customer's own case on their order stays out too.
      const otherApi = createAdminClient(standInGraphql(standIn, s.shop), { sleep: async () => {} });
      const { openCase } = await import("~/services/case-intake.server");
      await openCase(d, otherApi, { shop: s.shop, orderId: s.otherOrder.id, request: { type: "RETURN", lines: [{ lineItemId: s.otherOrder.lineItems[0]!.id, quantity: 1, condition: "UNOPENED", reason: "", evidence: [] }] }, actor: "customer" });

      const { result: res, ops } = await operations(s.shop, () => call("returns", s.orderId, { token: s.token }));
      expect(ops).toEqual(["PortalOrderReturns"]);
      const { status, text, body } = await read(res);
      expect(status).toBe(200);
      expect(body!.returns.map((r) => r.caseId)).toEqual([open.caseId, declined.caseId]);
      const [o, x] = body!.returns;
      expect(o).toMatchObject({
        rma: open.rma,
        status: "REQUESTED",
        claimType: "RETURN",
        refundEstimate: { amount: "39.50", currencyCode: "USD" },
        refundedAmount: null,
        lines: [{ title: "Purtly HEPA Filter", quantity: 1, code: "OK", explanation: expect.any(String) }],
        label: null,
        messages: [{ body: "Thanks — your label is on its way.", at: expect.any(String) }],
        declined: null,
      });
      expect(Date.parse(o!.createdAt)).not.toBeNaN();
      expect(x).toMatchObject({ status: "DECLINED", declined: { explanation: expect.stringContaining("We couldn't verify the purchase date.") }, messages: [] });
      expect(text).not.toContain("INTERNAL");
      expect(text).not.toContain(s.otherOrder.name);

      // Eligibility counts the shopper's cases on the order.
      expect((await read(await call("eligibility", s.orderId, { token: s.token }))).body!.existingReturns).toBe(2);
    });
  });
});
