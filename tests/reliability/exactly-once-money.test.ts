// Exactly-once money: 50 concurrent refund actions on one inspected case (through the case page's
// action), a few concurrent refunds on each of several more, then every webhook Shopify (the
// stand-in) owes for all of it delivered 1,000+ times, duplicated and shuffled, to the app's real
// webhook routes. Each case must end with exactly one refund in Shopify and a status matching
// its Shopify return, and the deliveries must change no case.
import { expect, it } from "vitest";
import type { InspectionForm } from "~/domain/cases";
import type { CaseActionResult } from "~/lib/case-action-schema";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { seededRandom } from "../standin/prng";
import type { ProductSpec } from "../standin/seed";
import { recordFigures } from "./figures";

const CASES = 8;
const DELIVERIES = 1_000;
const purifier: ProductSpec = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
type Scene = Awaited<ReturnType<typeof caseScene>>;
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

const casePage = async () => (await import("~/routes/app.returns.$id")) as unknown as { loader: Handler; action: Handler };

async function version(s: Scene, caseId: string) {
  const data = (await (await casePage()).loader({ request: await adminDocumentRequest(s.store, `/app/returns/${caseId}`), params: { id: caseId }, context: {} })) as { case: { version: number } };
  return data.case.version;
}

async function act(s: Scene, caseId: string, fields: Record<string, string>) {
  const request = await adminFetchRequest(s.store, `/app/returns/${caseId}`, { method: "POST", body: new URLSearchParams(fields) });
  const res = (await (await casePage()).action({ request, params: { id: caseId }, context: {} })) as Response;
  return { status: res.status, body: (await res.json()) as CaseActionResult };
}

async function step(s: Scene, caseId: string, fields: Record<string, string>) {
  const res = await act(s, caseId, { expectedVersion: String(await version(s, caseId)), ...fields });
  if (!res.body.ok) throw new Error(`${fields.intent} failed: ${res.status} ${res.body.error}`);
}

/** Shopify's return status a case in `status` must sit beside. */
const shopifyStatusFor = (status: string) => ({ REQUESTED: "REQUESTED", DECLINED: "DECLINED", CLOSED: "CLOSED" })[status] ?? "OPEN";

describeDb(`exactly-once money (${dbProvider})`, () => {
  it("one refund per case under concurrent clicks and duplicated, shuffled webhooks", { timeout: 300_000 }, async () => {
    const d = await db();
    const scenes: Array<{ s: Scene; caseId: string; returnId: string }> = [];
    for (let i = 0; i < CASES; i++) {
      const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }], store: `money-${i}-${Math.random().toString(36).slice(2, 8)}` });
      const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
      await step(s, opened.id, { intent: "approve", notifyCustomer: "false" });
      await step(s, opened.id, { intent: "markReceived" });
      const form: InspectionForm = { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK" }] };
      await step(s, opened.id, { intent: "inspect", inspection: JSON.stringify(form) });
      scenes.push({ s, caseId: opened.id, returnId: opened.shopifyReturnId! });
    }

    // 50 refund clicks at once on the first case; 5 at once on each of the others.
    let refundActions = 0;
    let refundWins = 0;
    await Promise.all(
      scenes.map(async ({ s, caseId }, i) => {
        const v = String(await version(s, caseId));
        const clicks = i === 0 ? 50 : 5;
        refundActions += clicks;
        const answers = await Promise.all(Array.from({ length: clicks }, () => act(s, caseId, { intent: "refund", expectedVersion: v, notifyCustomer: "false" })));
        refundWins += answers.filter((a) => a.body.ok).length;
        for (const a of answers) if (!a.body.ok) expect(a.status).toBe(409);
      }),
    );
    // Half the cases are then closed, so the webhooks cover every return state Clause reaches.
    for (const { s, caseId } of scenes.filter((_, i) => i % 2 === 1)) await step(s, caseId, { intent: "close" });
    const casesBefore = JSON.stringify(await d.returnCase.findMany({ where: { id: { in: scenes.map((c) => c.caseId) } }, orderBy: { id: "asc" } }));

    // Every webhook owed, duplicated up to 1,000+ requests in all and shuffled.
    const pending = scenes.reduce((n, { s }) => n + standIn.webhooks.pending({ shop: s.shop }).length, 0);
    expect(pending).toBeGreaterThan(0);
    const duplicate = Math.ceil(DELIVERIES / pending) - 1;
    const routes: Record<string, () => Promise<{ action: Handler }>> = {
      "/webhooks/returns": async () => (await import("~/routes/webhooks.returns")) as unknown as { action: Handler },
      "/webhooks/refunds/create": async () => (await import("~/routes/webhooks.refunds.create")) as unknown as { action: Handler },
    };
    let requests = 0;
    let failedEvents = 0;
    for (const [i, { s }] of scenes.entries()) {
      const report = await standIn.webhooks.deliver({
        shop: s.shop,
        secret: "testApiSecretKey",
        duplicate,
        shuffle: true,
        random: seededRandom(100 + i),
        target: async (request) => {
          const route = routes[new URL(request.url).pathname];
          if (!route) return new Response(null, { status: 404 });
          return (await (await route()).action({ request, params: {}, context: {} })) as Response;
        },
      });
      requests += report.requests;
      failedEvents += report.failed.length;
    }
    await settleWebhookWork();
    // Each event stored and processed once, however often it arrived.
    const stored = await d.webhookDelivery.findMany({ where: { shop: { in: scenes.map(({ s }) => s.shop) } } });
    const casesAfter = JSON.stringify(await d.returnCase.findMany({ where: { id: { in: scenes.map((c) => c.caseId) } }, orderBy: { id: "asc" } }));

    // What Shopify holds against what each case says.
    const refundCounts: number[] = [];
    let inconsistent = 0;
    for (const { s, caseId, returnId } of scenes) {
      const refunds = [...standIn.store(s.shop).refunds.values()].length;
      refundCounts.push(refunds);
      const row = await d.returnCase.findUniqueOrThrow({ where: { id: caseId } });
      const ret = await s.shopifyReturn(returnId);
      const ids = JSON.parse(row.shopifyRefundIds ?? "[]") as string[];
      if (ret.status !== shopifyStatusFor(row.status) || ret.refunds.nodes.length !== 1 || ids.length !== 1 || ids[0] !== ret.refunds.nodes[0]!.id || !["REFUNDED", "CLOSED"].includes(row.status)) inconsistent++;
    }
    if (casesAfter !== casesBefore) inconsistent += 1;

    recordFigures("exactly-once-money", dbProvider, {
      refund_actions: refundActions,
      refund_actions_won: refundWins,
      webhook_events: pending,
      webhook_deliveries: requests,
      refunds_per_case_max: Math.max(...refundCounts),
      refunds_per_case_min: Math.min(...refundCounts),
      inconsistent_cases: inconsistent,
    });
    expect(requests).toBeGreaterThanOrEqual(DELIVERIES);
    expect(failedEvents).toBe(0);
    expect(stored).toHaveLength(pending);
    expect(stored.every((w) => w.processedAt !== null)).toBe(true);
    expect(refundWins).toBe(CASES);
    expect(refundCounts).toEqual(scenes.map(() => 1));
    expect(casesAfter).toBe(casesBefore);
    expect(inconsistent).toBe(0);
  });
});
