// Authentication: forged (wrong secret), expired, wrong-audience, missing and wrong-shop session
// tokens on the admin routes and the portal; forged webhook HMACs on every webhook route; and
// replayed webhook ids (a second delivery of the same id changes nothing). An attempt is
// "accepted" when it answers 2xx, or when anything of the target shop changed afterwards.
import { randomUUID } from "node:crypto";
import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { expect, it } from "vitest";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { webhookRequest } from "../helpers/webhook-request";
import { responseStatus } from "../helpers/response-status";
import type { ProductSpec } from "../standin/seed";
import { recordFigures } from "./figures";

const ORIGIN = "https://extensions.shopifycdn.com";
const purifier: ProductSpec = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
const numericId = (gid: string) => gid.split("/").pop()!;
const nowSeconds = () => Math.floor(Date.now() / 1000);

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type RouteModule = { loader?: Handler; action?: Handler };

describeDb(`authentication (${dbProvider})`, () => {
  it("no forged, expired, foreign or replayed credential is accepted", { timeout: 300_000 }, async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier, quantity: 2 }], store: `auth-a-${randomUUID().slice(0, 8)}` });
    const other = await caseScene({ preset: "purtly", lines: [{ product: purifier }], store: `auth-b-${randomUUID().slice(0, 8)}` });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
    const d = await db();
    const snapshot = async () =>
      JSON.stringify({
        cases: await d.returnCase.findMany({ where: { shop: s.shop }, orderBy: { id: "asc" } }),
        uploads: await d.evidenceUpload.count({ where: { shop: s.shop } }),
        notes: await d.caseNote.count({ where: { case: { shop: s.shop } } }),
        sessions: await d.session.findMany({ where: { shop: s.shop }, orderBy: { id: "asc" } }),
        shop: await d.shop.findUnique({ where: { shop: s.shop } }),
        ops: standIn.ledger.forShop(s.shop).length,
      });
    const before = await snapshot();

    let tried = 0;
    const accepted: string[] = [];
    // A correctly signed token of another shop may be served that shop's own pages; it is
    // accepted here only when the answer carries this shop's case or shopper.
    const ownData = [opened.id, `shopper-${s.store}@example.com`];
    async function attempt(label: string, work: () => Promise<unknown>) {
      tried++;
      let value: unknown;
      try {
        value = await work();
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        value = thrown;
      }
      const status = await responseStatus(Promise.resolve(value));
      if (status < 200 || status >= 300) return;
      if (label.startsWith("wrongShop")) {
        const text = value instanceof Response ? await value.clone().text() : JSON.stringify(value);
        if (!ownData.some((v) => text.includes(v))) return;
      }
      accepted.push(`${label}: ${status}`);
    }

    // Admin session tokens (App Bridge's Bearer token, or id_token on a document load).
    const adminTokens: Record<string, () => Promise<string | null>> = {
      forged: async () => (await getJwt(s.store, API_KEY, "not-the-app-secret")).token,
      expired: async () => (await getJwt(s.store, API_KEY, API_SECRET_KEY, { exp: nowSeconds() - 120, nbf: nowSeconds() - 7200, iat: nowSeconds() - 7200 })).token,
      notYetValid: async () => (await getJwt(s.store, API_KEY, API_SECRET_KEY, { nbf: nowSeconds() + 3600 })).token,
      otherApp: async () => (await getJwt(s.store, "some-other-app", API_SECRET_KEY)).token,
      unsigned: async () => `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ dest: `https://${s.shop}`, aud: API_KEY, exp: nowSeconds() + 600 })).toString("base64url")}.`,
      missing: async () => null,
      // Correctly signed, but for another shop: must not reach this shop's case.
      wrongShop: async () => (await getJwt(other.store, API_KEY, API_SECRET_KEY)).token,
    };
    const casePage = (await import("~/routes/app.returns.$id")) as unknown as RouteModule;
    const evidenceRoute = (await import("~/routes/app.returns.$id.evidence.$evidenceId")) as unknown as RouteModule;
    const queue = (await import("~/routes/app.returns._index")) as unknown as RouteModule;
    const runRoute = (await import("~/routes/app.policy.simulate.$runId")) as unknown as RouteModule;
    const { version } = (await d.returnCase.findUniqueOrThrow({ where: { id: opened.id } }));
    const actions: Array<Record<string, string>> = [
      { intent: "approve", expectedVersion: String(version), notifyCustomer: "false" },
      { intent: "note", body: "forged note" },
      { intent: "setUrgent", expectedVersion: String(version), urgent: "true" },
      { intent: "close", expectedVersion: String(version) },
    ];
    const call = (handler: Handler | undefined, request: Request, params: Record<string, string>) => handler!({ request, params, context: {} });
    const documentRequest = (path: string, token: string | null) => {
      const url = new URL(`https://clause.test${path}`);
      url.searchParams.set("embedded", "1");
      url.searchParams.set("shop", s.shop);
      url.searchParams.set("host", Buffer.from(`${s.shop}/admin`).toString("base64url"));
      if (token) url.searchParams.set("id_token", token);
      return new Request(url);
    };
    const bearer = (path: string, token: string | null, init: RequestInit = {}) =>
      new Request(`https://clause.test${path}`, { ...init, headers: token ? { Authorization: `Bearer ${token}` } : {} });

    for (let round = 0; round < 3; round++) {
      for (const [kind, token] of Object.entries(adminTokens)) {
        const t = await token();
        await attempt(`${kind} case page (document)`, () => call(casePage.loader, documentRequest(`/app/returns/${opened.id}`, t), { id: opened.id }));
        await attempt(`${kind} case page (bearer)`, () => call(casePage.loader, bearer(`/app/returns/${opened.id}`, t), { id: opened.id }));
        await attempt(`${kind} queue`, () => call(queue.loader, documentRequest(`/app/returns`, t), {}));
        await attempt(`${kind} evidence`, () => call(evidenceRoute.loader, bearer(`/app/returns/${opened.id}/evidence/x`, t), { id: opened.id, evidenceId: "x" }));
        await attempt(`${kind} simulation run`, () => call(runRoute.loader, bearer(`/app/policy/simulate/x`, t), { runId: "x" }));
        for (const fields of actions) {
          await attempt(`${kind} action ${fields.intent}`, () => call(casePage.action, bearer(`/app/returns/${opened.id}`, t, { method: "POST", body: new URLSearchParams(fields) }), { id: opened.id }));
        }
      }
    }

    // Customer-account session tokens on the portal.
    const customer = s.order.customerId!;
    const portalTokens: Record<string, () => Promise<string | null>> = {
      forged: async () => (await getJwt(s.store, API_KEY, "not-the-app-secret", { dest: s.shop, sub: customer })).token,
      expired: async () => (await getJwt(s.store, API_KEY, API_SECRET_KEY, { dest: s.shop, sub: customer, exp: nowSeconds() - 120, nbf: nowSeconds() - 7200, iat: nowSeconds() - 7200 })).token,
      otherApp: async () => (await getJwt(s.store, "some-other-app", API_SECRET_KEY, { dest: s.shop, sub: customer })).token,
      noCustomer: async () => (await getJwt(s.store, API_KEY, API_SECRET_KEY, { dest: s.shop, sub: undefined })).token,
      missing: async () => null,
      wrongShop: async () => (await getJwt(other.store, API_KEY, API_SECRET_KEY, { dest: other.shop, sub: customer })).token,
    };
    const portal: Record<string, RouteModule> = {
      eligibility: (await import("~/routes/api.portal.orders.$orderId.eligibility")) as unknown as RouteModule,
      preview: (await import("~/routes/api.portal.orders.$orderId.preview")) as unknown as RouteModule,
      evidence: (await import("~/routes/api.portal.orders.$orderId.evidence")) as unknown as RouteModule,
      returns: (await import("~/routes/api.portal.orders.$orderId.returns")) as unknown as RouteModule,
    };
    const orderId = numericId(s.order.id);
    const request = { type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] };
    const portalCalls: Array<[string, string, string | undefined]> = [
      ["eligibility", "GET", undefined],
      ["returns", "GET", undefined],
      ["preview", "POST", JSON.stringify(request)],
      ["evidence", "POST", "photo-bytes"],
      ["returns", "POST", JSON.stringify({ requestKey: "auth-forged", ...request })],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [kind, token] of Object.entries(portalTokens)) {
        const t = await token();
        for (const [route, method, body] of portalCalls) {
          const headers: Record<string, string> = { Origin: ORIGIN, "Content-Type": route === "evidence" ? "image/png" : "application/json" };
          if (t) headers.Authorization = `Bearer ${t}`;
          const req = new Request(`https://clause.test/api/portal/orders/${orderId}/${route}`, { method, headers, ...(body ? { body } : {}) });
          await attempt(`${kind} portal ${method} ${route}`, () => call(method === "GET" ? portal[route]!.loader : portal[route]!.action, req, { orderId }));
        }
      }
    }

    // Forged HMACs on every webhook route.
    const webhooks: Array<[string, string, () => Promise<unknown>, unknown]> = [
      ["/webhooks/app/uninstalled", "app/uninstalled", () => import("~/routes/webhooks.app.uninstalled"), { id: 1 }],
      ["/webhooks/app/scopes_update", "app/scopes_update", () => import("~/routes/webhooks.app.scopes_update"), { previous: [], current: ["read_orders"] }],
      ["/webhooks/returns", "returns/close", () => import("~/routes/webhooks.returns"), { admin_graphql_api_id: "gid://shopify/Return/1", status: "closed" }],
      ["/webhooks/refunds/create", "refunds/create", () => import("~/routes/webhooks.refunds.create"), { id: 1, order_id: Number(orderId) }],
      ["/webhooks/compliance", "shop/redact", () => import("~/routes/webhooks.compliance"), { shop_domain: s.shop }],
    ];
    for (const secret of ["not-the-secret", "", API_SECRET_KEY.slice(0, -1), API_SECRET_KEY.toUpperCase()]) {
      for (const [path, topic, load, payload] of webhooks) {
        const mod = (await load()) as RouteModule;
        const webhookId = randomUUID();
        await attempt(`forged webhook ${topic}`, async () => {
          const res = await call(mod.action, webhookRequest({ path, topic, shop: s.shop, payload, webhookId, secret }), {});
          await settleWebhookWork();
          if ((await d.webhookDelivery.count({ where: { webhookId } })) > 0) return new Response(null, { status: 299 });
          return res;
        });
      }
    }
    const afterForgeries = await snapshot();

    // Replays: the same webhook id again (even with another body) changes nothing.
    const scopes = (await import("~/routes/webhooks.app.scopes_update")) as unknown as RouteModule;
    const granted = ["read_orders", "read_returns", "write_returns"];
    const replayId = randomUUID();
    const first = await responseStatus(call(scopes.action, webhookRequest({ path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop: s.shop, payload: { previous: [], current: granted }, webhookId: replayId }), {}));
    await settleWebhookWork();
    expect(first).toBe(200);
    const afterFirst = await snapshot();
    for (let i = 0; i < 20; i++) {
      const current = i % 2 ? granted : ["read_orders"];
      tried++;
      await responseStatus(call(scopes.action, webhookRequest({ path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop: s.shop, payload: { previous: granted, current }, webhookId: replayId }), {}));
      await settleWebhookWork();
      if ((await snapshot()) !== afterFirst) accepted.push(`replayed webhook ${replayId} (#${i + 2}) changed the shop`);
    }
    expect(await d.webhookDelivery.count({ where: { webhookId: replayId } })).toBe(1);

    // Controls: the same requests with valid credentials are served, so the refusals above are the tokens'.
    const valid = (await getJwt(s.store, API_KEY, API_SECRET_KEY)).token;
    expect(await responseStatus(call(casePage.loader, documentRequest(`/app/returns/${opened.id}`, valid), { id: opened.id }))).toBe(200);
    expect(await responseStatus(call(casePage.loader, bearer(`/app/returns/${opened.id}`, valid), { id: opened.id }))).toBe(200);
    const shopper = (await getJwt(s.store, API_KEY, API_SECRET_KEY, { dest: s.shop, sub: customer })).token;
    const eligible = new Request(`https://clause.test/api/portal/orders/${orderId}/eligibility`, { headers: { Origin: ORIGIN, Authorization: `Bearer ${shopper}` } });
    expect(await responseStatus(call(portal.eligibility!.loader, eligible, { orderId }))).toBe(200);

    if (afterForgeries !== before) accepted.push("the shop changed under forged credentials");
    recordFigures("authentication", dbProvider, { auth_tried: tried, auth_accepted: accepted.length });
    expect(accepted).toEqual([]);
  });
});
