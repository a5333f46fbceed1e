// Crashes: the app process is killed (SIGKILL) at every Admin API request of approve, approve
// with a label, and refund — before Shopify executes the request, after it executed but before
// the answer, and right after the answer — then a new process starts, runs the app's boot
// reconciliation, Shopify's webhooks arrive (duplicated, shuffled), and the agent redoes what
// the case still needs. Every case must end with its step done once: no double or lost refund,
// no double approval or label, and the case where its Shopify return is.
// The app processes are real (crash/crash-worker.ts); Shopify is the stand-in in this process,
// served to them over HTTP (crash/standin-http.ts), which also strikes the kills.
import { expect, it } from "vitest";
import type { InspectionForm } from "~/domain/cases";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { seededRandom } from "../standin/prng";
import type { ProductSpec } from "../standin/seed";
import { startAppProcess, type AppProcess } from "./crash/app-process";
import type { Step } from "./crash/protocol";
import { KILL_MODES, serveStandIn, type KillMode } from "./crash/standin-http";
import { useWriteAheadLog } from "../../scripts/db/migrate.mjs";
import { recordFigures } from "./figures";

const purifier: ProductSpec = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
const STEPS: Step[] = ["approve", "approveLabel", "refund"];
type Recovery = "first" | "after" | "none";
const CASES_PER_POINT = 2;
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Scene = { shop: string; caseId: string; returnId: string; step: Step };

/** A case ready for `step`: requested, or (for a refund) approved, received and inspected. */
async function prepare(step: Step): Promise<Scene> {
  const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
  const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
  if (step === "refund") {
    const { approveCase } = await import("~/services/case-review.server");
    const { markReceived, inspectCase } = await import("~/services/case-handling.server");
    const ref = { shop: s.shop, caseId: opened.id, actor: "agent" };
    const approved = await approveCase(await db(), s.api, { ...ref, expectedVersion: opened.version, notifyCustomer: false });
    const received = await markReceived(await db(), { ...ref, expectedVersion: approved.version });
    // Restocking adds the locations read: one more request to kill at.
    const form: InspectionForm = { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK" }] };
    await inspectCase(await db(), { ...ref, expectedVersion: received.version, form });
  }
  return { shop: s.shop, caseId: opened.id, returnId: opened.shopifyReturnId!, step };
}

const routes: Record<string, () => Promise<{ action: Handler }>> = {
  "/webhooks/returns": async () => (await import("~/routes/webhooks.returns")) as unknown as { action: Handler },
  "/webhooks/refunds/create": async () => (await import("~/routes/webhooks.refunds.create")) as unknown as { action: Handler },
};

/** What Shopify owes the app for this shop, each event sent twice, shuffled. */
async function deliverWebhooks(shop: string, seed: number): Promise<void> {
  const report = await standIn.webhooks.deliver({
    shop,
    secret: "testApiSecretKey",
    duplicate: 1,
    shuffle: true,
    random: seededRandom(seed),
    target: async (request) => {
      const route = routes[new URL(request.url).pathname];
      return route ? ((await (await route()).action({ request, params: {}, context: {} })) as Response) : new Response(null, { status: 404 });
    },
  });
  await settleWebhookWork();
  expect(report.failed).toEqual([]);
}

const shopifyStatusFor = (status: string) => ({ REQUESTED: "REQUESTED", DECLINED: "DECLINED", CLOSED: "CLOSED" })[status] ?? "OPEN";
const DONE: Record<Step, string> = { approve: "APPROVED", approveLabel: "APPROVED", refund: "REFUNDED" };

/** The case beside its Shopify return: whether the case knows everything Shopify did. */
async function compare(c: Scene) {
  const store = standIn.store(c.shop);
  const ret = store.returns.get(c.returnId)!;
  const deliveries = ret.reverseFulfillmentOrderIds.flatMap((id) => store.reverseFulfillmentOrders.get(id)?.deliveries ?? []);
  const row = await (await db()).returnCase.findUniqueOrThrow({ where: { id: c.caseId } });
  const refundIds = JSON.parse(row.shopifyRefundIds ?? "[]") as string[];
  const inStep =
    shopifyStatusFor(row.status) === ret.status &&
    JSON.stringify(refundIds) === JSON.stringify(ret.refundIds) &&
    // A refunded case keeps its claim key (the refund's idempotency key); an inspected one must not.
    (row.status !== "INSPECTED" || row.refundClaimKey === null) &&
    row.reverseDeliveryId === (deliveries[0]?.id ?? null);
  return { store, ret, deliveries, row, inStep };
}

/** After recovery: the step done exactly once, and the case where its return is. */
async function verdict(c: Scene) {
  const { store, ret, deliveries, row, inStep } = await compare(c);
  const approvals = store.notifications.filter((n) => n.mutation === "returnApproveRequest" && n.resourceId === c.returnId).length;
  const recordedApprovals = await (await db()).caseAuditEntry.count({ where: { caseId: c.caseId, action: "approve" } });
  return {
    doubleRefund: ret.refundIds.length > 1,
    // Refunded in Shopify but not in Clause, or an inspected case left unrefunded.
    lostRefund: (ret.refundIds.length > 0 && !["REFUNDED", "CLOSED"].includes(row.status)) || (c.step === "refund" && row.status !== "REFUNDED"),
    doubleApproval: approvals > 1 || recordedApprovals > 1,
    doubleLabel: deliveries.length > 1,
    consistent: inStep && row.status === DONE[c.step] && deliveries.length === (c.step === "approveLabel" ? 1 : 0),
    row,
  };
}

describeDb(`crashes (${dbProvider})`, () => {

  it("SIGKILL at every Admin API request of approve, approve + label and refund: recovered with no double or lost refund", { timeout: 300_000 }, async () => {
    const started = Date.now();
    // Several app processes share the SQLite file, as the demo's do: readers must not block the
    // writer. scripts/test-reliability.mjs runs this check alone, so no other check opens it after.
    await useWriteAheadLog(process.env.DATABASE_URL);
    const server = await serveStandIn(standIn);
    const { STALE_CLAIM_MS } = await import("~/services/case-refund.server");
    const processes: AppProcess[] = [];
    const spawn = () => {
      const p = startAppProcess(server.url);
      processes.push(p);
      return p;
    };
    // A spare process boots while the current one works, so a restart does not wait for tsx.
    let app = spawn();
    let spare = spawn();
    const verdicts: Array<Awaited<ReturnType<typeof verdict>> & { what: string }> = [];
    const problems: string[] = [];
    let kills = 0;
    let killPoints = 0;
    const behindAfterBoot: string[] = [];
    let reconciledChanges = 0;
    try {
      await app.ready;
      // Clean runs: how many Admin API requests each step makes, i.e. where it can be killed.
      const points: Array<{ step: Step; n: number; mode: KillMode }> = [];
      for (const step of STEPS) {
        const c = await prepare(step);
        const before = server.requestsOf(app.pid).length;
        await app.send({ kind: "step", step, shop: c.shop, caseId: c.caseId });
        const ops = server.requestsOf(app.pid).slice(before);
        verdicts.push({ ...(await verdict(c)), what: `${step} clean (${ops.join(", ")})` });
        for (let n = 1; n <= ops.length; n++) for (const mode of KILL_MODES) points.push({ step, n, mode });
      }
      killPoints = points.length;
      // Every step talks to Shopify at least once, and each request is a kill point in every mode.
      for (const step of STEPS) expect(points.filter((p) => p.step === step).length).toBeGreaterThanOrEqual(KILL_MODES.length);

      // Each kill point twice: recovered by the boot reconciliation alone (Shopify's webhooks
      // delayed past the agent's retry), and with the webhooks arriving before or after it.
      const plan = points.flatMap((p, i) => [{ ...p, recovery: "none" as Recovery }, { ...p, recovery: (i % 2 ? "first" : "after") as Recovery }]);
      for (const [i, k] of plan.entries()) {
        const what = `${k.step} #${k.n} ${k.mode} (webhooks ${k.recovery})`;
        const c = await prepare(k.step);
        const victim = app;
        const armed = server.arm(victim.pid, k.n, k.mode, victim.kill);
        const outcome = await victim.send({ kind: "step", step: k.step, shop: c.shop, caseId: c.caseId }).then(
          () => "finished",
          (e: Error) => (/ended \(SIGKILL\)/.test(e.message) ? "killed" : `failed: ${e.message}`),
        );
        // After the answer the step may finish before the kill lands; the process dies all the same.
        if (outcome !== "killed" && !(k.mode === "after-answer" && outcome === "finished")) problems.push(`${what}: ${outcome}`);
        if (!armed.fired) victim.kill(); // the step made fewer requests than its clean run: reported above
        if ((await victim.exited) === "SIGKILL") kills++;
        server.disarm();

        // The restart: the spare becomes the app; a new spare boots meanwhile.
        app = spare;
        spare = spawn();
        await app.ready;
        const webhooks = k.recovery === "none" ? async () => {} : () => deliverWebhooks(c.shop, i);
        if (k.recovery === "first") await webhooks();
        // Boot reconciliation, at a time when any claim the dead process held is stale.
        const report = (await app.send({ kind: "boot", now: Date.now() + STALE_CLAIM_MS + 1000 })) as { changed: number };
        reconciledChanges += report.changed;
        await webhooks();
        // Before any agent acts, the restarted app alone must know all Shopify did.
        if (!(await compare(c)).inStep) behindAfterBoot.push(what);
        await app.send({ kind: "retry", step: k.step, shop: c.shop, caseId: c.caseId }).catch((e: Error) => problems.push(`${what} retry: ${e.message}`));
        await webhooks();
        verdicts.push({ ...(await verdict(c)), what });
      }
    } finally {
      for (const p of processes) p.kill();
      await Promise.all(processes.map((p) => p.exited));
      await server.close();
    }

    const count = (pick: (v: (typeof verdicts)[number]) => boolean) => verdicts.filter(pick).length;
    const figures = {
      kill_points: killPoints,
      kills,
      cases: verdicts.length,
      double_refunds: count((v) => v.doubleRefund),
      lost_refunds: count((v) => v.lostRefund),
      double_approvals: count((v) => v.doubleApproval),
      double_labels: count((v) => v.doubleLabel),
      inconsistent_cases: count((v) => !v.consistent),
      behind_shopify_after_boot: behindAfterBoot.length,
      reconciled_by_boot: reconciledChanges,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    recordFigures("crashes", dbProvider, figures);
    const bad = verdicts.filter((v) => !v.consistent || v.doubleRefund || v.lostRefund || v.doubleApproval || v.doubleLabel);
    expect(bad.map((v) => `${v.what}: ${v.row.status} claim=${v.row.refundClaimKey} label=${v.row.reverseDeliveryId}`)).toEqual([]);
    expect(problems).toEqual([]);
    expect(behindAfterBoot).toEqual([]);
    expect(figures.kills).toBe(figures.kill_points * CASES_PER_POINT);
    expect(figures.reconciled_by_boot).toBeGreaterThan(0);
    expect(figures.double_refunds).toBe(0);
    expect(figures.lost_refunds).toBe(0);
    expect(figures.double_approvals).toBe(0);
    expect(figures.inconsistent_cases).toBe(0);
  });
});
