// Tenant isolation: two shops, two customers each. Every admin route that takes an id is tried
// from shop A with shop B's ids, and every portal endpoint is tried by customer A1 on A2's and
// B1's orders. Each attempt must answer 403/404 with a body naming nothing of the other tenant,
// and shop B's cases and Shopify data must be unchanged afterwards.
import { readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, shopDomain, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { addOrder, addProduct, type ProductSpec } from "../standin/seed";
import { demoDefectPhoto } from "../standin/demo-cases";
import { useTempEvidenceDir } from "../helpers/temp-evidence-dir";
import { recordFigures } from "./figures";

const DAY = 86_400_000;
const ORIGIN = "https://extensions.shopifycdn.com";
const purifier: ProductSpec = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
const numericId = (gid: string) => gid.split("/").pop()!;

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type RouteModule = { loader?: Handler; action?: Handler };

async function invoke(handler: Handler | undefined, request: Request, params: Record<string, string>): Promise<Response> {
  if (!handler) throw new Error(`no handler for ${request.method} ${request.url}`);
  try {
    const res = await handler({ request, params, context: {} });
    return res instanceof Response ? res : new Response(JSON.stringify(res), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A shop with customer 1's order (a case opened on it, with a photo) and customer 2's order. */
async function tenant(tag: string, extraCases: number) {
  const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier, quantity: 3 }], store: `iso-${tag}-${randomUUID().slice(0, 8)}` });
  const records = standIn.store(s.shop);
  const now = Date.now();
  const second = addOrder(records, {
    createdAt: now - 7 * DAY,
    customer: { email: `second-${s.store}@example.com`, firstName: "Noor", lastName: `Haddad${tag}` },
    lines: [{ product: addProduct(records, purifier), quantity: 1 }],
    fulfillments: [{ createdAt: now - 5 * DAY, deliveredAt: now - 3 * DAY }],
  });
  const { saveEvidence } = await import("~/models/evidence-store.server");
  const stored = await saveEvidence(s.shop, demoDefectPhoto());
  const cases = [];
  for (let i = 0; i <= extraCases; i++) {
    cases.push(
      await s.open(
        { type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", reason: `Broken ${tag}${i}` }] },
        { evidence: [{ lineItemId: s.lineId(0), kind: "photo", contentType: stored.contentType, byteSize: stored.byteSize, storageKey: stored.storageKey }], requestKey: `iso-${tag}-${i}` },
      ),
    );
  }
  const d = await db();
  const evidence = await d.caseEvidence.findMany({ where: { case: { shop: s.shop } } });
  const { createSimulationRun } = await import("~/models/simulation-run.server");
  const run = await createSimulationRun(d, s.shop, { draftJson: "{}", baseVersion: 1, baseJson: "{}", days: 30, asOf: new Date(), createdBy: "test" });
  const token = async (customerId: string | null) =>
    (await getJwt(s.store, API_KEY, API_SECRET_KEY, { dest: shopDomain(s.store), sub: customerId ?? undefined })).token;
  return { ...s, second, cases, evidence, run, token };
}

useTempEvidenceDir("reliability-isolation");

describeDb(`tenant isolation (${dbProvider})`, () => {
  it("no route answers one tenant with another tenant's data", { timeout: 300_000 }, async () => {
    const a = await tenant("a", 0);
    const b = await tenant("b", 2);
    const d = await db();

    // What shop B (and shopper A2) own and shop A's admin / shopper A1 must never see.
    const ownOfA = new Set<string>([a.order.name, a.second.name, ...a.cases.map((c) => c.rmaNumber ?? ""), a.order.email ?? "", a.order.customerId ?? ""]);
    const secretsOf = (...values: Array<string | null | undefined>) => values.filter((v): v is string => !!v && !ownOfA.has(v));
    const bSecrets = secretsOf(
      b.shop, b.store, b.order.id, b.second.id, b.order.name, b.second.name, b.order.email, b.second.email, b.order.customerId, b.second.customerId,
      `shopper-${b.store}@example.com`, `second-${b.store}@example.com`, "Haddadb", "Brokenb",
      ...b.cases.flatMap((c) => [c.id, c.rmaNumber]), ...b.evidence.map((e) => e.id), b.run.id,
    );
    const a2Secrets = secretsOf(a.second.id, a.second.name, `second-${a.store}@example.com`, "Haddada");
    const bBefore = await d.returnCase.findMany({ where: { shop: b.shop }, orderBy: { id: "asc" } });
    const bOpsBefore = standIn.ledger.forShop(b.shop).length;

    let attempts = 0;
    const leaks: string[] = [];
    // `supplied`: the ids the attempt itself put in the URL; a 404 may echo those back (the caller
    // already holds them), but nothing else of the other tenant.
    async function attempt(label: string, res: Response, secrets: string[], supplied: string[] = []) {
      attempts++;
      const text = await res.text();
      const named = secrets.filter((v) => !supplied.includes(v) && text.includes(v));
      if (![403, 404].includes(res.status) || named.length) leaks.push(`${label}: ${res.status} ${named.join(",")} ${text.slice(0, 160)}`);
    }

    // The admin routes that take an id, from the route files themselves.
    const routesDir = path.resolve(import.meta.dirname, "..", "..", "app", "routes");
    const idRoutes = readdirSync(routesDir).filter((f) => f.startsWith("app.") && /\$/.test(f));
    expect(idRoutes.sort()).toEqual(["app.policy.simulate.$runId.tsx", "app.privacy.exports.$id.ts", "app.returns.$id.evidence.$evidenceId.ts", "app.returns.$id.tsx"]);
    const casePage = (await import("~/routes/app.returns.$id")) as RouteModule;
    const evidenceRoute = (await import("~/routes/app.returns.$id.evidence.$evidenceId")) as RouteModule;
    const runRoute = (await import("~/routes/app.policy.simulate.$runId")) as RouteModule;
    const simulatePage = (await import("~/routes/app.policy.simulate")) as RouteModule;

    const inspection = JSON.stringify({ lines: [{ lineItemId: b.lineId(0), condition: "OPENED", disposition: "RESTOCK" }] });
    const label = { fileUrl: "https://labels.example.com/l.pdf", trackingNumber: "1Z999AA10123456784", trackingUrl: "https://track.example.com/1Z" };
    const intents = (version: string): Array<Record<string, string>> => [
      { intent: "approve", expectedVersion: version, notifyCustomer: "true" },
      { intent: "approve", expectedVersion: version, notifyCustomer: "false", ...label },
      { intent: "decline", expectedVersion: version, reason: "RETURN_PERIOD_ENDED", clauseId: "window.standard", explanation: "Too late", notifyCustomer: "false" },
      { intent: "attachLabel", expectedVersion: version, notifyCustomer: "false", ...label },
      { intent: "markInTransit", expectedVersion: version, trackingNumber: label.trackingNumber },
      { intent: "markReceived", expectedVersion: version },
      { intent: "inspect", expectedVersion: version, inspection },
      { intent: "refund", expectedVersion: version, notifyCustomer: "true" },
      { intent: "escalate", expectedVersion: version, reason: "Needs a look" },
      { intent: "resolveEscalation", expectedVersion: version, note: "Decided" },
      { intent: "setUrgent", expectedVersion: version, urgent: "true" },
      { intent: "note", body: "peek" },
      { intent: "message", body: "hello from another shop" },
      { intent: "close", expectedVersion: version },
    ];

    for (const target of b.cases) {
      const row = bBefore.find((r) => r.id === target.id)!;
      await attempt(`case page ${target.id}`, await invoke(casePage.loader, await adminDocumentRequest(a.store, `/app/returns/${target.id}`), { id: target.id }), bSecrets, [target.id]);
      for (const version of [String(row.version), String(row.version + 1), "0", "999"]) {
        for (const fields of intents(version)) {
          const request = await adminFetchRequest(a.store, `/app/returns/${target.id}`, { method: "POST", body: new URLSearchParams(fields) });
          await attempt(`case action ${fields.intent} v${version}`, await invoke(casePage.action, request, { id: target.id }), bSecrets, [target.id]);
        }
      }
      for (const ev of b.evidence) {
        for (const [caseId, evidenceId] of [[target.id, ev.id], [a.cases[0]!.id, ev.id], [target.id, a.evidence[0]!.id]] as const) {
          const request = await adminDocumentRequest(a.store, `/app/returns/${caseId}/evidence/${evidenceId}`);
          await attempt(`evidence ${caseId}/${evidenceId}`, await invoke(evidenceRoute.loader, request, { id: caseId, evidenceId }), bSecrets, [caseId, evidenceId]);
        }
      }
    }
    for (let i = 0; i < 10; i++) {
      await attempt("simulation run", await invoke(runRoute.loader, await adminFetchRequest(a.store, `/app/policy/simulate/${b.run.id}`), { runId: b.run.id }), bSecrets, [b.run.id]);
      await attempt("simulation page ?run", await invoke(simulatePage.loader, await adminDocumentRequest(a.store, `/app/policy/simulate?run=${b.run.id}`), {}), bSecrets, [b.run.id]);
    }

    const exportRoute = (await import("~/routes/app.privacy.exports.$id")) as RouteModule;
    const bExport = await d.dataRequestExport.create({
      data: { shop: b.shop, webhookId: randomUUID(), customerId: b.order.customerId, customerEmail: b.order.email, caseCount: 1, exportJson: JSON.stringify({ email: b.order.email }) },
    });
    for (let i = 0; i < 10; i++) {
      await attempt("data request export", await invoke(exportRoute.loader, await adminFetchRequest(a.store, `/app/privacy/exports/${bExport.id}`), { id: bExport.id }), [...bSecrets, bExport.id], [bExport.id]);
    }

    // Controls: shop A's own case page and A1's own order are served, so the refusals are isolation's.
    expect((await invoke(casePage.loader, await adminDocumentRequest(a.store, `/app/returns/${a.cases[0]!.id}`), { id: a.cases[0]!.id })).status).toBe(200);

    // The portal: customer A1 on A2's order (same shop) and on B1's order (with A's token).
    const portal = {
      eligibility: (await import("~/routes/api.portal.orders.$orderId.eligibility")) as RouteModule,
      preview: (await import("~/routes/api.portal.orders.$orderId.preview")) as RouteModule,
      evidence: (await import("~/routes/api.portal.orders.$orderId.evidence")) as RouteModule,
      returns: (await import("~/routes/api.portal.orders.$orderId.returns")) as RouteModule,
    };
    const tokenA1 = await a.token(a.order.customerId);
    async function portalCall(route: keyof typeof portal, orderId: string, init: { method: string; json?: unknown; body?: Uint8Array; query?: string }) {
      const headers: Record<string, string> = { Origin: ORIGIN, Authorization: `Bearer ${tokenA1}` };
      if (init.json !== undefined) headers["Content-Type"] = "application/json";
      if (init.body) headers["Content-Type"] = "image/png";
      const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
      const request = new Request(`https://clause.test/api/portal/orders/${orderId}/${route}${init.query ?? ""}`, { method: init.method, headers, ...(body ? { body: body as BodyInit } : {}) });
      const mod = portal[route];
      return invoke(init.method === "GET" ? mod.loader : mod.action, request, { orderId });
    }
    expect((await portalCall("eligibility", numericId(a.order.id), { method: "GET" })).status).toBe(200);
    const victims = [
      { who: "A2", order: a.second, secrets: a2Secrets },
      { who: "B1", order: b.order, secrets: bSecrets },
      { who: "B2", order: b.second, secrets: bSecrets },
    ];
    for (let round = 0; round < 24; round++) {
      for (const v of victims) {
        const orderId = numericId(v.order.id);
        const lineItemId = v.order.lineItems[0]!.id;
        const type = ["RETURN", "DEFECTIVE", "EXCHANGE"][round % 3]!;
        const condition = ["UNOPENED", "OPENED", "DAMAGED"][round % 3]!;
        const request = { type, lines: [{ lineItemId, quantity: 1 + (round % 2), condition, reason: "peek" }] };
        const calls: Array<[keyof typeof portal, Parameters<typeof portalCall>[2]]> = [
          ["eligibility", { method: "GET" }],
          ["returns", { method: "GET" }],
          ["preview", { method: "POST", json: request }],
          ["evidence", { method: "POST", body: demoDefectPhoto(), query: `?lineItemId=${numericId(lineItemId)}` }],
          ["returns", { method: "POST", json: { requestKey: `iso-${round}-${randomUUID()}`, ...request } }],
        ];
        for (const [route, init] of calls) await attempt(`portal ${route} ${init.method} on ${v.who}`, await portalCall(route, orderId, init), v.secrets);
      }
    }

    // Nothing of B changed: its cases, and no Admin API call was made for B.
    const bAfter = await d.returnCase.findMany({ where: { shop: b.shop }, orderBy: { id: "asc" } });
    const changed = bAfter.filter((r, i) => JSON.stringify(r) !== JSON.stringify(bBefore[i])).length + Math.abs(bAfter.length - bBefore.length);
    const bOps = standIn.ledger.forShop(b.shop).length - bOpsBefore;
    const a2Cases = await d.returnCase.count({ where: { shop: a.shop, orderId: a.second.id } });
    const mutations = changed + bOps + a2Cases;
    if (mutations) leaks.push(`mutations: ${changed} B cases changed, ${bOps} Admin API calls for B, ${a2Cases} cases on A2's order`);

    recordFigures("tenant-isolation", dbProvider, { tenant_isolation_attempts: attempts, tenant_isolation_leaks: leaks.length });
    expect(attempts).toBeGreaterThanOrEqual(500);
    expect(leaks).toEqual([]);
  });
});
