// The policy simulation (/app/policy/simulate) on a real database, Shopify = the stand-in seeded
// with demo shops (60 orders each). Stored numbers are checked against the engine called
// directly on the same orders, read through a different path (getOrderSnapshot, one by one).
import { randomUUID } from "node:crypto";
import { afterAll, expect, it, vi } from "vitest";
import { parsePolicy, presets, type Policy, type PresetId } from "~/domain/policy";
import { simulateOrders, type SimulationResult } from "~/domain/policy/simulate";
import { createAdminClient, type AdminApi } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import type { SimulationRunnerOptions } from "~/services/policy-simulation.server";
import type { SimulationActionResult, RunView } from "~/components/simulation/view-model";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, installShop, shopDomain, standIn } from "../helpers/shopify-test-app";
import { db } from "../helpers/case-scene";
import { standInGraphql } from "../standin/graphql-client";
import { legacyId } from "../standin/ids";
import { seedShop } from "../standin/seed";

const DAY = 86_400_000;
const route = () => import("~/routes/app.policy.simulate");
const runRoute = () => import("~/routes/app.policy.simulate.$runId");
const service = () => import("~/services/policy-simulation.server");
const orders = () => import("~/services/simulation-orders.server");

/** Figures for the report, printed once at the end. */
const figures: string[] = [];
afterAll(() => {
  if (figures.length) console.log(`\n[policy-simulation ${dbProvider}]\n  ${figures.join("\n  ")}`);
});

/** A demo shop (seeded orders) with its preset in force. */
async function demoShop(preset: PresetId = "purtly") {
  const store = `sim-${preset}-${randomUUID().slice(0, 8)}`;
  const shop = shopDomain(store);
  seedShop(standIn, shop, preset, { now: Date.now() });
  await installShop(store);
  const { savePolicyVersion } = await import("~/models/policy-version.server");
  await savePolicyVersion(await db(), shop, presets[preset], { actor: "test", presetId: preset });
  return { store, shop, api: fastClient(shop), preset };
}

/** Throttle waits the test clients skipped (ms), per shop: the time a real run would have waited. */
const skippedWaits = new Map<string, number>();

/**
 * An Admin API client over the stand-in whose throttle waits pass at once: waiting refills the
 * shop's bucket (time passing), so tests do not sleep through Shopify's rate limit.
 */
function fastClient(shop: string): AdminApi {
  return createAdminClient(standInGraphql(standIn, shop), {
    sleep: async (ms) => {
      skippedWaits.set(shop, (skippedWaits.get(shop) ?? 0) + ms);
      standIn.throttle.setAvailable(shop, standIn.throttle.maximumAvailable);
    },
  });
}

function draftOf(base: Policy, edit: (p: Policy) => void): Policy {
  const copy = structuredClone(base) as Policy;
  edit(copy);
  return parsePolicy(copy);
}

/** Purtly with OPENED 85 → 80 %, a 45-day window and its purifiers excluded: every kind of change. */
const purtlyDraft = () =>
  draftOf(presets.purtly, (p) => {
    p.name = "Purtly — stricter";
    p.returnWindow.days = 45;
    p.conditions.OPENED = { accepted: true, refundPercent: 80 };
    p.exclusions.push({ id: "purifiers", title: "Purifiers", match: [{ by: "productType", values: ["Air Purifier"] }], code: "EXCLUDED", reason: "Purifiers can't be returned once shipped.", appliesTo: ["RETURN"] });
  });

async function act(store: string, fields: Record<string, string>) {
  const { action } = await route();
  const request = await adminFetchRequest(store, "/app/policy/simulate", { method: "POST", body: new URLSearchParams(fields) });
  const res = await action({ request, params: {}, context: {} });
  return { status: res.status, body: (await res.json()) as SimulationActionResult };
}

async function loadPage(store: string, search = "") {
  const { loader } = await route();
  return loader({ request: await adminDocumentRequest(store, `/app/policy/simulate${search}`), params: {}, context: {} });
}

async function pollRun(store: string, runId: string): Promise<Response> {
  const { loader } = await runRoute();
  const request = await adminFetchRequest(store, `/app/policy/simulate/${runId}`);
  return loader({ request, params: { runId }, context: {} }).catch((e: unknown) => {
    if (e instanceof Response) return e;
    throw e;
  });
}

const row = async (shop: string, id: string) => (await db()).simulationRun.findFirstOrThrow({ where: { shop, id } });
const resultOf = (r: { resultJson: string | null }) => JSON.parse(r.resultJson!) as SimulationResult;

/** The orders a run over `days` before `asOf` reads, newest first, each read in full by getOrderSnapshot. */
async function ordersInWindow(shop: string, api: AdminApi, asOf: Date, days: number) {
  const from = asOf.getTime() - days * DAY;
  const records = [...standIn.store(shop).orders.values()]
    .filter((o) => o.createdAt >= from && o.createdAt <= asOf.getTime())
    .sort((a, b) => b.createdAt - a.createdAt || legacyId(b.id) - legacyId(a.id));
  const snapshots = [];
  for (const r of records) snapshots.push((await getOrderSnapshot(api, r.id))!);
  return snapshots;
}

/** What the engine says directly, on the same orders, for a stored run. */
async function directResult(shop: string, api: AdminApi, run: { baseJson: string; draftJson: string; asOf: Date; days: number }) {
  const snapshots = await ordersInWindow(shop, api, run.asOf, run.days);
  return { count: snapshots.length, result: simulateOrders(parsePolicy(JSON.parse(run.baseJson)), parsePolicy(JSON.parse(run.draftJson)), snapshots, run.asOf) };
}

/** A runner over the stand-in (no waiting on throttles), for tests that watch or shape the run. */
async function testRunner(options: Partial<SimulationRunnerOptions> = {}) {
  const { createSimulationRunner } = await service();
  return createSimulationRunner({ db: await db(), adminFor: async (forShop) => fastClient(forShop), ...options });
}

describeDb(`policy simulation (${dbProvider})`, () => {
  it("a run started through the page's action is stored, run after the answer, and equals the engine on the same orders", async () => {
    const s = await demoShop("purtly");
    const draft = purtlyDraft();
    const calls = standIn.ledger.forShop(s.shop).length;
    const started = Date.now();
    const res = await act(s.store, { draft: JSON.stringify(draft), days: "90" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, message: "Simulation started" });
    const runId = (res.body as { runId: string }).runId;
    // Nothing was read from Shopify while the merchant waited: the run is QUEUED.
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    expect(await row(s.shop, runId)).toMatchObject({ status: "QUEUED", processed: 0, total: null, days: 90, baseVersion: 1, createdBy: "staff:12345", resultJson: null });

    await (await (await service()).appSimulationRunner()).settle();
    const elapsed = Date.now() - started;
    const runLedger = standIn.ledger.forShop(s.shop).length - calls;
    const done = await row(s.shop, runId);
    expect(done).toMatchObject({ status: "DONE", error: null, cursor: null, attempts: 1 });
    expect(JSON.parse(done.draftJson)).toEqual(draft);
    expect(JSON.parse(done.baseJson)).toEqual(presets.purtly);
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());

    const direct = await directResult(s.shop, s.api, done);
    expect(direct.count).toBeGreaterThan(20);
    expect(done.total).toBe(direct.count);
    expect(done.processed).toBe(direct.count);
    const stored = resultOf(done);
    expect(stored).toEqual(direct.result);
    // The draft changes something of every kind on Purtly's orders.
    const opened = stored.scenarios.find((x) => x.condition === "OPENED")!;
    expect(opened.refundChanged).toBeGreaterThan(0);
    expect(opened.transitions.some((t) => t.from === "OK" && t.to === "EXCLUDED")).toBe(true);
    expect(stored.scenarios.find((x) => x.condition === "UNOPENED")!.transitions.some((t) => t.from === "RETURN_WINDOW_EXPIRED" && t.to === "OK")).toBe(true);
    expect(stored.totals.find((t) => t.condition === "OPENED")!.lineRefunds.delta).toMatch(/^-\d+\.\d{2}$/);
    expect(stored.examples.length).toBeGreaterThan(0);
    expect(stored.examples[0]!.orderName).toMatch(/^#\d+$/);

    const attempts = standIn.ledger.forOperation("SimulationOrdersPage", s.shop);
    const pages = attempts.filter((e) => e.ok);
    const maxCost = Math.max(...pages.map((e) => e.cost!.requested));
    expect(maxCost).toBeLessThanOrEqual(1000);
    expect(standIn.ledger.forOperation("SimulationOrdersCount", s.shop).filter((e) => e.ok)).toHaveLength(1);
    const { DEFAULT_SIMULATION_PAGE_SIZES } = await orders();
    expect(pages).toHaveLength(Math.ceil(direct.count / DEFAULT_SIMULATION_PAGE_SIZES.orders));
    const runCalls = standIn.ledger.forShop(s.shop).slice(calls, calls + runLedger);
    const throttled = runCalls.filter((e) => e.errorCodes?.includes("THROTTLED")).length;
    figures.push(
      `default run through the route (real throttle waits), Purtly demo shop: ${direct.count} orders (90 days) in ${elapsed} ms = ${((direct.count / elapsed) * 1000).toFixed(1)} orders/s; ` +
        `${runCalls.length} Admin API requests (${pages.length} × SimulationOrdersPage, 1 × SimulationOrdersCount, ${runCalls.length - pages.length - 1 - throttled} full re-reads, ${throttled} THROTTLED answers waited out); ` +
        `max requested cost per page ${maxCost}, max actual ${Math.max(...pages.map((e) => e.cost!.actual))}`,
    );

    // The page shows the stored run (the latest by default) without calling Shopify.
    const before = standIn.ledger.forShop(s.shop).length;
    const page = await loadPage(s.store);
    expect(standIn.ledger.forShop(s.shop).length).toBe(before);
    expect(page.selected).toMatchObject({ id: runId, status: "DONE", processed: direct.count, total: direct.count, draftName: "Purtly — stricter", baseVersion: 1 });
    // The browser gets the examples shown, not the pool they were picked from.
    expect(page.selected!.result).toEqual({ ...direct.result, examplePool: [] });
    expect(page.runs.map((r) => r.id)).toEqual([runId]);
    expect(page.inForce).toMatchObject({ version: 1, name: presets.purtly.name });
    expect(page.presets.map((p) => p.id)).toContain("purtly");
    const polled = await pollRun(s.store, runId);
    expect(polled.status).toBe(200);
    expect(((await polled.json()) as RunView).result).toEqual({ ...direct.result, examplePool: [] });
  });

  it("progress goes from 0 to the total, page by page, and the polling route shows it while RUNNING", async () => {
    const s = await demoShop("purtly");
    const { startSimulation } = await service();
    const { id } = await startSimulation(await db(), s.shop, { draft: purtlyDraft(), days: 120, actor: "test" });
    expect(await row(s.shop, id)).toMatchObject({ status: "QUEUED", processed: 0 });
    const seen: Array<{ status: string; processed: number; total: number | null; polled: number }> = [];
    const runner = await testRunner({
      pageSizes: { orders: 5 },
      onPage: async ({ runId }) => {
        const r = await row(s.shop, runId);
        const polled = (await (await pollRun(s.store, runId)).json()) as RunView;
        seen.push({ status: r.status, processed: r.processed, total: r.total, polled: polled.processed });
      },
    });
    await runner.drain(s.shop);
    const done = await row(s.shop, id);
    expect(done.status).toBe("DONE");
    const total = done.total!;
    expect(seen.length).toBe(Math.ceil(total / 5));
    expect(seen.every((x) => x.status === "RUNNING" && x.total === total)).toBe(true);
    expect(seen.map((x) => x.processed)).toEqual(seen.map((_, i) => Math.min(total, (i + 1) * 5)));
    expect(seen.map((x) => x.polled)).toEqual(seen.map((x) => x.processed));
    expect(seen.at(-1)!.processed).toBe(total);
    expect(resultOf(done)).toEqual((await directResult(s.shop, s.api, done)).result);
  });

  it("smaller pages, and nested lists too small for the orders (re-read in full), give the same numbers", async () => {
    const s = await demoShop("purtly");
    const { startSimulation } = await service();
    const { simulationPageCost, simulationPageSizes } = await orders();
    const draft = purtlyDraft();
    const shapes = [{}, { orders: 4 }, { orders: 3, lineItems: 1, fulfillments: 1, fulfillmentLineItems: 1, returns: 1, returnLineItems: 1, shippingLines: 1 }];
    const results: SimulationResult[] = [];
    const reReads: number[] = [];
    for (const pageSizes of shapes) {
      const { id } = await startSimulation(await db(), s.shop, { draft, days: 150, actor: "test" }, { now: new Date(Date.now()) });
      let fullReads = 0;
      const mark = standIn.ledger.length;
      const waitsBefore = skippedWaits.get(s.shop) ?? 0;
      const started = performance.now();
      await (await testRunner({ pageSizes, onPage: (p) => void (fullReads += p.fullReads) })).drain(s.shop);
      const elapsed = performance.now() - started;
      const done = await row(s.shop, id);
      expect(done.status).toBe("DONE");
      const requests = standIn.ledger.entries.slice(mark).filter((e) => e.shop === s.shop);
      figures.push(
        `page sizes ${JSON.stringify(pageSizes)}: ${done.total} orders (150 days) in ${elapsed.toFixed(0)} ms of work = ${((done.total! / elapsed) * 1000).toFixed(0)} orders/s ` +
          `(+ ${(skippedWaits.get(s.shop) ?? 0) - waitsBefore} ms of throttle waits skipped); ${requests.filter((e) => e.ok).length} Admin API calls, ${fullReads} orders re-read in full, ` +
          `max requested cost ${Math.max(...requests.filter((e) => e.ok).map((e) => e.cost!.requested))}`,
      );
      results.push(resultOf(done));
      reReads.push(fullReads);
      const pages = standIn.ledger.entries.slice(mark).filter((e) => e.shop === s.shop && e.operationName === "SimulationOrdersPage" && e.ok);
      const sizes = simulationPageSizes(pageSizes);
      expect(pages.length).toBe(Math.ceil(done.total! / sizes.orders));
      // The service's cost formula is the stand-in's (Shopify's) requested cost for a full page.
      expect(pages[0]!.cost!.requested).toBe(simulationPageCost(sizes));
      expect(Math.max(...pages.map((e) => e.cost!.requested))).toBeLessThanOrEqual(1000);
    }
    // Orders over 150 days apart, asOf differs by milliseconds: the same orders in every run.
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(reReads[0]).toBe(0);
    expect(reReads[2]).toBeGreaterThan(0);
  });

  it("a bad draft or period is a 400 with field errors, and nothing is stored or read", async () => {
    const s = await demoShop("purtly");
    const calls = standIn.ledger.forShop(s.shop).length;
    const bad = structuredClone(presets.purtly) as unknown as { conditions: { OPENED: unknown }; returnWindow: { days: unknown } };
    bad.conditions.OPENED = { accepted: true, refundPercent: 150 };
    bad.returnWindow.days = -3;
    const res = await act(s.store, { draft: JSON.stringify(bad), days: "0" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const fieldErrors = (res.body as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(["days", "draft.conditions.OPENED.refundPercent", "draft.returnWindow.days"]);
    expect(fieldErrors.days).toMatch(/1 to 365/);

    const notJson = await act(s.store, { draft: "{ not json", days: "30" });
    expect(notJson.status).toBe(400);
    expect((notJson.body as { fieldErrors: Record<string, string> }).fieldErrors.draft).toMatch(/not valid JSON/);
    const missing = await act(s.store, { days: "30" });
    expect(missing.status).toBe(400);
    expect((missing.body as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ draft: "Choose the draft policy to simulate." });
    const tooLong = await act(s.store, { draft: JSON.stringify(presets.purtly), days: "366" });
    expect(tooLong.status).toBe(400);

    expect(await (await db()).simulationRun.count({ where: { shop: s.shop } })).toBe(0);
    await (await (await service()).appSimulationRunner()).settle();
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
  });

  it("another shop cannot read or list a run; an unknown id is a 404", async () => {
    const s = await demoShop("purtly");
    const other = await demoShop("pura");
    const { startSimulation } = await service();
    const { id } = await startSimulation(await db(), s.shop, { draft: purtlyDraft(), days: 30, actor: "owner@purtly" });
    await (await testRunner()).drain(s.shop);

    const foreign = await pollRun(other.store, id);
    expect(foreign.status).toBe(404);
    const text = await foreign.text();
    for (const secret of ["Purtly", "stricter", s.shop, "owner@purtly", "#10"]) expect(text).not.toContain(secret);
    const page = await loadPage(other.store, `?run=${id}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(page).toBeInstanceOf(Response);
    expect((page as Response).status).toBe(404);
    const own = await loadPage(other.store);
    expect(own.runs).toEqual([]);
    expect(own.selected).toBeNull();
    expect((await pollRun(s.store, "no-such-run")).status).toBe(404);
    expect((await pollRun(s.store, id)).status).toBe(200);

    // shop/redact takes the shop's runs with it, and only its own.
    const { eraseShop } = await import("~/models/shop.server");
    const { id: otherId } = await startSimulation(await db(), other.shop, { draft: presets.pura, days: 30, actor: "test" });
    await (await db()).$transaction((tx) => eraseShop(tx, s.shop, "none"));
    expect(await (await db()).simulationRun.count({ where: { shop: s.shop } })).toBe(0);
    expect(await (await db()).simulationRun.count({ where: { id: otherId } })).toBe(1);
  });

  it("a run interrupted mid-way is resumed by the sweep from its last page and ends with the same numbers", async () => {
    const s = await demoShop("purtly");
    const { startSimulation } = await service();
    const draft = purtlyDraft();
    const asOf = new Date();
    const { id: reference } = await startSimulation(await db(), s.shop, { draft, days: 150, actor: "test" }, { now: asOf });
    await (await testRunner({ pageSizes: { orders: 5 } })).drain(s.shop);
    const expected = resultOf(await row(s.shop, reference));

    const { id } = await startSimulation(await db(), s.shop, { draft, days: 150, actor: "test" }, { now: asOf });
    const crash = new AbortController();
    let pages = 0;
    await (
      await testRunner({
        pageSizes: { orders: 5 },
        signal: crash.signal,
        onPage: () => {
          if (++pages === 3) crash.abort();
        },
      })
    ).drain(s.shop);
    const interrupted = await row(s.shop, id);
    expect(interrupted).toMatchObject({ status: "RUNNING", processed: 15, attempts: 1 });
    expect(interrupted.cursor).not.toBeNull();

    // A fresh process: its sweep finds the run stale, puts it back in the queue and runs it on.
    const mark = standIn.ledger.length;
    const restarted = await testRunner({ pageSizes: { orders: 5 }, staleMs: 0 });
    expect(await restarted.sweep()).toBeGreaterThanOrEqual(1);
    await restarted.settle();
    const done = await row(s.shop, id);
    expect(done).toMatchObject({ status: "DONE", attempts: 2, processed: interrupted.total, total: interrupted.total });
    expect(resultOf(done)).toEqual(expected);
    const reread = standIn.ledger.entries.slice(mark).filter((e) => e.shop === s.shop && e.operationName === "SimulationOrdersPage" && e.ok);
    expect(reread).toHaveLength(Math.ceil((interrupted.total! - 15) / 5)); // only the pages not done before
    expect(standIn.ledger.entries.slice(mark).some((e) => e.shop === s.shop && e.operationName === "SimulationOrdersCount")).toBe(false);

    // A run interrupted too often is failed by the sweep instead.
    const { id: doomed } = await startSimulation(await db(), s.shop, { draft, days: 10, actor: "test" });
    // Touched a second ago: with staleMs 0 a row updated in the sweep's own millisecond is not yet stale.
    await (await db()).simulationRun.update({ where: { id: doomed }, data: { status: "RUNNING", attempts: 3, updatedAt: new Date(Date.now() - 1_000) } });
    await restarted.sweep();
    await restarted.settle();
    expect(await row(s.shop, doomed)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/interrupted 3 times/) });
  });

  it("runs of one shop go one at a time, oldest first; Shopify refusing the read fails the run with the reason", async () => {
    const s = await demoShop("purtly");
    const { startSimulation } = await service();
    const a = await startSimulation(await db(), s.shop, { draft: purtlyDraft(), days: 60, actor: "test" });
    const b = await startSimulation(await db(), s.shop, { draft: presets.purtly, days: 60, actor: "test" });
    const running: number[] = [];
    const runner = await testRunner({
      onPage: async () => void running.push(await (await db()).simulationRun.count({ where: { shop: s.shop, status: "RUNNING" } })),
    });
    runner.schedule(s.shop);
    runner.schedule(s.shop);
    await runner.settle();
    expect(running.length).toBeGreaterThan(2);
    expect(running.every((n) => n === 1)).toBe(true);
    const [ra, rb] = [await row(s.shop, a.id), await row(s.shop, b.id)];
    expect([ra.status, rb.status]).toEqual(["DONE", "DONE"]);
    expect(rb.startedAt!.getTime()).toBeGreaterThanOrEqual(ra.finishedAt!.getTime());
    // The same policy on both sides changes nothing.
    expect(resultOf(rb).lines.changed).toBe(0);

    const refused = await startSimulation(await db(), s.shop, { draft: presets.purtly, days: 60, actor: "test" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { createSimulationRunner } = await service();
    const denied = createSimulationRunner({
      db: await db(),
      adminFor: async () => async () => new Response(JSON.stringify({ errors: [{ message: "Access denied for ordersCount field.", extensions: { code: "ACCESS_DENIED" } }] }), { status: 200 }),
    });
    await denied.drain(s.shop);
    expect(await row(s.shop, refused.id)).toMatchObject({ status: "FAILED", error: "Shopify refused to list the orders: Access denied for ordersCount field." });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it("no policy in force is a 409; too many runs waiting is a 409; a JPY shop sums in whole yen", async () => {
    const store = `sim-none-${randomUUID().slice(0, 8)}`;
    await installShop(store);
    const none = await act(store, { draft: JSON.stringify(presets.pura), days: "30" });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ ok: false, code: "NOT_READY" });
    expect((await loadPage(store)).inForce).toBeNull();

    const s = await demoShop("clean-beauty");
    const { startSimulation, MAX_ACTIVE_RUNS } = await service();
    const draft = draftOf(presets["clean-beauty"], (p) => {
      p.returnWindow.days = 30;
      p.conditions.OPENED = { accepted: true, refundPercent: 85 };
    });
    const queued = [];
    for (let i = 0; i < MAX_ACTIVE_RUNS; i++) queued.push((await startSimulation(await db(), s.shop, { draft, days: 90, actor: "test" })).id);
    const busy = await act(s.store, { draft: JSON.stringify(draft), days: "90" });
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ ok: false, code: "BUSY" });
    await (await testRunner()).drain(s.shop);
    const done = await row(s.shop, queued[0]!);
    expect(done.status).toBe("DONE");
    const stored = resultOf(done);
    expect(stored).toEqual((await directResult(s.shop, s.api, done)).result);
    expect(stored.totals.map((t) => t.currency)).toEqual(["JPY", "JPY"]);
    for (const t of stored.totals) for (const v of [...Object.values(t.lineRefunds), ...Object.values(t.refundTotal)]) expect(v).toMatch(/^-?\d+$/);
    expect(stored.lines.changed).toBeGreaterThan(0);
  });

  it("?draft=<base64 JSON> from the policy editor opens the form on that draft", async () => {
    const s = await demoShop("purtly");
    const draft = purtlyDraft();
    const encoded = Buffer.from(JSON.stringify(draft), "utf8").toString("base64url");
    const page = await loadPage(s.store, `?draft=${encoded}`);
    expect(page.imported).toEqual({ ok: true, json: draft });
    expect((await loadPage(s.store, "?draft=%%%")).imported).toMatchObject({ ok: false });
  });
});
