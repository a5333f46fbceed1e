/**
 * Admin API requests per return lifecycle (a script, not a test): `npm run bench:admin`.
 *
 * A Purtly purifier (199.99, shipping 9.99) delivered three days ago is returned opened, through
 * the real routes with Shopify = the stand-in:
 *   request  the shopper's submit (POST /api/portal/orders/:id/returns, a signed
 *            customer-account token)
 *   approve, receive, inspect, refund   the case page's action (/app/returns/:id), as an agent
 *            posts it (a signed session token; the version read from the database, so the
 *            page's own loads are not counted)
 * For each step the stand-in's ledger gives the requests it received: reads (queries) and writes
 * (mutations), told apart by the operation's type in the app's documents (app/graphql), and the
 * cost the stand-in computed for each before running it (requested; Shopify's limit is 1000).
 *   admin_requests_per_lifecycle  every request of the five steps
 *   admin_reads_per_step_max / admin_writes_per_step_max   goal ≤ 1 each
 *   admin_max_query_cost          the highest requested cost of any request (goal ≤ 100)
 * Writes artifacts/bench-admin-lifecycle.json.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { finishBench, prepareBench } from "./support/bench-env";
import { printTable, projectRoot, writeFigures } from "./support/figures";

const GOALS = { readsPerStep: 1, writesPerStep: 1, maxQueryCost: 100 };

const database = await prepareBench("admin-lifecycle");
const { API_KEY, API_SECRET_KEY, getJwt } = await import("@shopify/shopify-api/test-helpers");
const { adminFetchRequest, shopDomain, standIn } = await import("../tests/helpers/shopify-test-app");
const { caseScene } = await import("../tests/helpers/case-scene");
const portalReturns = await import("../app/routes/api.portal.orders.$orderId.returns");
const casePage = await import("../app/routes/app.returns.$id");
const db = (await import("../app/db.server")).default;

/** Operation name → query or mutation, from every document the app sends. */
async function operationKinds(): Promise<Map<string, "query" | "mutation">> {
  const kinds = new Map<string, "query" | "mutation">();
  const dir = path.join(projectRoot, "app", "graphql");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const text of Object.values(mod)) {
      if (typeof text !== "string") continue;
      for (const def of parse(text).definitions) {
        if (def.kind === Kind.OPERATION_DEFINITION && def.name && def.operation !== "subscription") kinds.set(def.name.value, (def as OperationDefinitionNode).operation as "query" | "mutation");
      }
    }
  }
  return kinds;
}
const kinds = await operationKinds();

// ── The scene: the shop on Purtly's policy with one delivered order.
const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }], store: "bench-lifecycle" });
const shop = shopDomain(s.store);
const lineItemId = s.lineId(0);

type Step = { name: string; run: () => Promise<{ caseId?: string; ok: boolean; detail: string }> };
let caseId = "";

async function pageAction(fields: Record<string, string>) {
  const row = await db.returnCase.findFirstOrThrow({ where: { shop, id: caseId }, select: { version: true } });
  const request = await adminFetchRequest(s.store, `/app/returns/${caseId}`, { method: "POST", body: new URLSearchParams({ expectedVersion: String(row.version), ...fields }) });
  const res = await casePage.action({ request, params: { id: caseId }, context: {} });
  const body = (await res.json()) as { ok: boolean; message?: string; error?: string };
  return { ok: res.status === 200 && body.ok, detail: body.message ?? `${res.status} ${body.error}` };
}

const steps: Step[] = [
  {
    name: "request",
    run: async () => {
      const { token } = await getJwt(s.store, API_KEY, API_SECRET_KEY, { dest: shop, sub: s.order.customerId! });
      const orderId = s.order.id.split("/").pop()!;
      const request = new Request(`https://clause.test/api/portal/orders/${orderId}/returns`, {
        method: "POST",
        headers: { Origin: "https://extensions.shopifycdn.com", Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ requestKey: "bench-lifecycle-1", type: "RETURN", lines: [{ lineItemId, quantity: 1, condition: "OPENED", reason: "Too loud at night" }] }),
      });
      const res = await portalReturns.action({ request, params: { orderId }, context: {} });
      const body = (await res.json()) as { caseId?: string; rma?: string };
      return { caseId: body.caseId, ok: res.status === 201 && !!body.caseId, detail: `${res.status} case ${body.caseId}` };
    },
  },
  { name: "approve", run: () => pageAction({ intent: "approve", notifyCustomer: "true" }) },
  { name: "receive", run: () => pageAction({ intent: "markReceived" }) },
  { name: "inspect", run: () => pageAction({ intent: "inspect", inspection: JSON.stringify({ lines: [{ lineItemId, condition: "OPENED", disposition: "RESTOCK" }] }) }) },
  { name: "refund", run: () => pageAction({ intent: "refund", notifyCustomer: "true" }) },
];

type Call = { operation: string; kind: "query" | "mutation" | "unknown"; requested: number | null; actual: number | null; ok: boolean };
const perStep: Array<{ step: string; detail: string; calls: Call[]; reads: number; writes: number }> = [];
for (const step of steps) {
  const before = standIn.ledger.forShop(shop).length;
  const outcome = await step.run();
  if (!outcome.ok) throw new Error(`${step.name} failed: ${outcome.detail}`);
  if (outcome.caseId) caseId = outcome.caseId;
  const calls: Call[] = standIn.ledger
    .forShop(shop)
    .slice(before)
    .map((e) => ({ operation: e.operationName ?? "?", kind: kinds.get(e.operationName ?? "") ?? "unknown", requested: e.cost?.requested ?? null, actual: e.cost?.actual ?? null, ok: e.ok }));
  perStep.push({ step: step.name, detail: outcome.detail, calls, reads: calls.filter((c) => c.kind === "query").length, writes: calls.filter((c) => c.kind === "mutation").length });
}
const final = await db.returnCase.findFirstOrThrow({ where: { shop, id: caseId }, select: { status: true, refundAmount: true } });
if (final.status !== "REFUNDED") throw new Error(`the case ended ${final.status}, not REFUNDED`);

const everything = perStep.flatMap((p) => p.calls);
const unknown = everything.filter((c) => c.kind === "unknown");
const figures = {
  admin_requests_per_lifecycle: everything.length,
  admin_reads_per_step_max: Math.max(...perStep.map((p) => p.reads)),
  admin_writes_per_step_max: Math.max(...perStep.map((p) => p.writes)),
  admin_max_query_cost: Math.max(0, ...everything.map((c) => c.requested ?? 0)),
};

printTable([
  ["step", "reads", "writes", "max cost", "operations (requested cost)"],
  ...perStep.map((p) => [
    p.step,
    p.reads,
    p.writes,
    Math.max(0, ...p.calls.map((c) => c.requested ?? 0)),
    p.calls.map((c) => `${c.operation}${c.kind === "mutation" ? "*" : ""} (${c.requested ?? "—"})${c.ok ? "" : " FAILED"}`).join(", ") || "—",
  ]),
  ["lifecycle", everything.filter((c) => c.kind === "query").length, everything.filter((c) => c.kind === "mutation").length, figures.admin_max_query_cost, `${everything.length} requests`],
]);
console.log("* a mutation (write)");
console.log(`final case: ${final.status}, refunded ${final.refundAmount}`);
for (const [key, value] of Object.entries(figures)) console.log(`${key} = ${value}`);
if (unknown.length) console.warn(`operations not found in app/graphql (counted as neither read nor write): ${unknown.map((c) => c.operation).join(", ")}`);

const out = writeFigures("admin-lifecycle", figures, {
  preset: "purtly",
  steps: perStep,
  refunded: final.refundAmount,
  goals: { readsPerStepMax: `≤ ${GOALS.readsPerStep}`, writesPerStepMax: `≤ ${GOALS.writesPerStep}`, maxQueryCost: `≤ ${GOALS.maxQueryCost}` },
});
console.log(`wrote ${path.relative(projectRoot, out)}`);
await finishBench(database);
