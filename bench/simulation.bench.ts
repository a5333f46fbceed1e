/**
 * Policy simulation over 100,000 stored orders (a script, not a test): `npm run bench:simulation`.
 *
 * One shop in the Admin API stand-in holds 100,000 orders (the demo seed's Purtly mix: 1–4
 * lines, split and canceled fulfillments, in-transit and unfulfilled orders, earlier returns in
 * every status) placed over the last 150 days. A stricter draft of Purtly's policy is simulated
 * against the preset in force through the same code as the Simulate page: startSimulation stores
 * the run (the page's action), then the simulation runner counts the orders, pages through them
 * with SimulationOrdersPage via unauthenticated.admin (the shopify-api client, Admin API = the
 * stand-in), simulates each page and checkpoints it in SQLite, until DONE.
 * Differences from the app, on purpose and printed:
 *   - maxOrders 100,000 (the app reads at most MAX_SIMULATED_ORDERS, the most recent 5,000);
 *   - the stand-in's rate limit is refilled before every request (Shopify's leaky bucket
 *     would make this a wait of hours; the wait a real run would face is computed from the
 *     ledger's actual costs and reported beside the time);
 *   - the stand-in answers `orders` pages from an index (bench/support/indexed-orders.ts);
 *   - a full GC runs every 1,000 pages: a finished transaction's SQLite connection is closed
 *     only by its finaliser (app/sqlite-adapter.server.ts), and rare GCs in a large heap would
 *     let ~16,700 checkpoints exhaust the descriptor limit. The GCs' time (a heap mostly of the stand-in's
 *     orders) is reported and left out of the figure.
 * Time is split into the stand-in's share (inside its fetch) and Clause's (the rest).
 *   tsx bench/simulation.bench.ts [--orders N] [--profile]
 * --profile writes artifacts/bench-simulation.cpuprofile and prints self time by area.
 * Goal: ≤ 5 s for 100,000 orders on 2 cores. Writes artifacts/bench-simulation.json.
 */
import path from "node:path";
import type { Policy } from "../app/domain/policy";
import { finishBench, fullGc, openFileDescriptors, prepareBench } from "./support/bench-env";
import { msSince, printTable, projectRoot, round, writeFigures } from "./support/figures";
import { printProfile, startProfile } from "./support/profile";

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ORDERS = Number(argValue("--orders") ?? 100_000);
const PROFILE = process.argv.includes("--profile");
const DAYS = 180;
const GOAL_S = 5;

const database = await prepareBench("simulation");
const { setAbstractFetchFunc } = await import("@shopify/shopify-api/runtime");
const { standIn, installShop, shopDomain } = await import("../tests/helpers/shopify-test-app");
const { seedShop } = await import("../tests/standin/seed");
const { checkIndexedOrders, useIndexedOrders } = await import("./support/indexed-orders");
const { parsePolicy, presets } = await import("../app/domain/policy");
const { savePolicyVersion } = await import("../app/models/policy-version.server");
const { createSimulationRunner, startSimulation, MAX_SIMULATED_ORDERS } = await import("../app/services/policy-simulation.server");
const { simulationOrdersSearch, simulationPageSizes, simulationPageCost } = await import("../app/services/simulation-orders.server");
const { unauthenticated } = await import("../app/shopify.server");
const db = (await import("../app/db.server")).default;

// ── Seed: 100,000 orders written straight into the stand-in's store (no mutations, no webhooks).
const store = "bench-simulation";
const shop = shopDomain(store);
const asOf = new Date();
let started = performance.now();
const seeded = seedShop(standIn, shop, "purtly", { now: asOf.getTime(), ordersPerShop: ORDERS, seed: 9 });
const seedMs = msSince(started);
fullGc();
const heapMb = round(process.memoryUsage().heapUsed / 2 ** 20, 0);
await installShop(store);
await savePolicyVersion(db, shop, presets.purtly, { actor: "bench", presetId: "purtly" });
console.log(`seeded ${seeded.orders.toLocaleString("en-US")} orders (${seeded.returns.toLocaleString("en-US")} earlier returns) in ${round(seedMs / 1000)} s; heap ${heapMb} MB`);

// ── The stand-in's orders index, checked against its own resolver on sample pages.
useIndexedOrders();
const sizes = simulationPageSizes();
const search = simulationOrdersSearch(asOf, DAYS);
checkIndexedOrders(standIn.store(shop), { first: sizes.orders, query: search, sortKey: "CREATED_AT", reverse: true });

// ── Admin API calls: refill the bucket (see above) and time the stand-in's share.
let standInMs = 0;
setAbstractFetchFunc((async (input: RequestInfo | URL, init?: RequestInit) => {
  standIn.throttle.setAvailable(shop, standIn.throttle.maximumAvailable);
  const t = performance.now();
  try {
    return await standIn.fetch(input, init);
  } finally {
    standInMs += msSince(t);
  }
}) as typeof fetch);

/** Purtly with OPENED 85 → 80 %, a 45-day window and its purifiers excluded (as in the simulation tests). */
function stricterPurtly(): Policy {
  const p = structuredClone(presets.purtly) as Policy;
  p.name = "Purtly — stricter";
  p.returnWindow.days = 45;
  p.conditions.OPENED = { accepted: true, refundPercent: 80 };
  p.exclusions.push({ id: "purifiers", title: "Purifiers", match: [{ by: "productType", values: ["Air Purifier"] }], code: "EXCLUDED", reason: "Purifiers can't be returned once shipped.", appliesTo: ["RETURN"] });
  return parsePolicy(p);
}

// ── The run, as the Simulate page starts it and the runner carries it out.
const { id: runId } = await startSimulation(db, shop, { draft: stricterPurtly(), days: DAYS, actor: "bench" }, { now: asOf });
let pages = 0;
let fullReads = 0;
// Each checkpoint is a SQLite transaction whose connection only a full GC closes
// (app/sqlite-adapter.server.ts); with a 300 MB heap those are rare, and ~16,700 checkpoints
// would exhaust a 20,000-descriptor limit. So: a full GC every 1,000 pages, timed and reported.
const GC_EVERY_PAGES = 1_000;
let forcedGcMs = 0;
let peakFds = openFileDescriptors() ?? 0;
const runner = createSimulationRunner({
  db,
  adminFor: async (forShop) => (await unauthenticated.admin(forShop)).admin.graphql,
  maxOrders: ORDERS,
  onPage: async (p) => {
    pages += 1;
    fullReads += p.fullReads;
    if (pages % GC_EVERY_PAGES === 0) {
      peakFds = Math.max(peakFds, openFileDescriptors() ?? 0);
      forcedGcMs += fullGc();
    }
    // A real Admin API call waits on the network, which lets the event loop run its timers and
    // finalisers (the connections'); the in-process stand-in never yields.
    await new Promise((resolve) => setImmediate(resolve));
  },
});
const ledgerStart = standIn.ledger.length;
const profile = PROFILE ? await startProfile() : null;
started = performance.now();
await runner.drain(shop);
const runMs = msSince(started);
const profiled = profile ? await profile.stop(path.join(projectRoot, "artifacts", "bench-simulation.cpuprofile")) : null;

const run = await db.simulationRun.findFirstOrThrow({ where: { shop, id: runId } });
if (run.status !== "DONE") throw new Error(`the run ended ${run.status}: ${run.error}`);
if (run.processed !== ORDERS) throw new Error(`the run processed ${run.processed} orders, not ${ORDERS}`);
const result = JSON.parse(run.resultJson!) as { orders: number; lines: { total: number; evaluated: number; changed: number } };

// ── What the Admin API was asked, from the stand-in's ledger.
const calls = standIn.ledger.entries.slice(ledgerStart);
const byOperation = new Map<string, number>();
for (const e of calls) byOperation.set(e.operationName ?? "?", (byOperation.get(e.operationName ?? "?") ?? 0) + 1);
const failed = calls.filter((e) => !e.ok).length;
const actualPoints = calls.reduce((s, e) => s + (e.cost?.actual ?? 0), 0);
const pageCalls = calls.filter((e) => e.operationName === "SimulationOrdersPage");
const maxRequested = Math.max(...calls.map((e) => e.cost?.requested ?? 0));
// A bucket of 2,000 points drained at the actual cost and refilled at 100 (standard) or 1,000
// (Shopify Plus) points per second: the least time Shopify would make the run wait.
const throttleFloorS = (restoreRate: number) => round(Math.max(0, actualPoints - standIn.throttle.maximumAvailable) / restoreRate, 0);

// The forced GCs mark a heap that is mostly the stand-in's 100,000 orders (Shopify's memory, not
// Clause's): their time is reported, not counted.
const runS = (runMs - forcedGcMs) / 1000;
const figures = {
  simulation_100k_orders_s: round(runS * (100_000 / ORDERS), 2),
  simulation_orders_per_s: round(ORDERS / runS, 0),
  simulation_admin_pages: pageCalls.length,
};
const details = {
  orders: ORDERS,
  extrapolatedTo100k: ORDERS !== 100_000,
  days: DAYS,
  pageSizes: sizes,
  requestedCostPerPage: simulationPageCost(sizes),
  maxRequestedCost: maxRequested,
  runnerPages: pages,
  fullReads,
  adminRequests: calls.length,
  adminRequestsFailed: failed,
  adminRequestsByOperation: Object.fromEntries(byOperation),
  actualCostPoints: actualPoints,
  meanActualCostPerPage: round(pageCalls.reduce((s, e) => s + (e.cost?.actual ?? 0), 0) / Math.max(1, pageCalls.length), 1),
  throttleFloorStandardS: throttleFloorS(100),
  throttleFloorPlusS: throttleFloorS(1000),
  runS: round(runS, 2),
  wallS: round(runMs / 1000, 2),
  standInS: round(standInMs / 1000, 2),
  clauseS: round((runMs - standInMs - forcedGcMs) / 1000, 2),
  msPerPage: round((runS * 1000) / Math.max(1, pages), 3),
  standInMsPerRequest: round(standInMs / Math.max(1, calls.length), 3),
  seedS: round(seedMs / 1000, 2),
  heapAfterSeedMb: heapMb,
  peakOpenFileDescriptors: peakFds,
  forcedGcEveryPages: GC_EVERY_PAGES,
  forcedGcS: round(forcedGcMs / 1000, 2),
  result: { orders: result.orders, lines: result.lines },
  appCapOrders: MAX_SIMULATED_ORDERS,
  profiled: PROFILE,
  goal: `≤ ${GOAL_S} s for 100,000 orders`,
  ...(profiled ? { profile: profiled } : {}),
};

printTable([
  ["simulation", "value"],
  ["orders simulated", ORDERS],
  ["run (count + pages + checkpoints)", `${round(runS, 2)} s`],
  ["  inside the stand-in", `${details.standInS} s`],
  ["  Clause (client, engine, SQLite)", `${details.clauseS} s`],
  ["forced full GCs (not counted)", `${details.forcedGcS} s`],
  ["orders/s", figures.simulation_orders_per_s],
  ["Admin API pages (SimulationOrdersPage)", pageCalls.length],
  ["orders re-read in full", fullReads],
  ["Admin API requests", calls.length],
  ["ms per page", details.msPerPage],
  ["requested cost per page", `${details.requestedCostPerPage} (max seen ${maxRequested})`],
  ["actual points, all requests", actualPoints],
  ["Shopify's throttle alone, 100 pt/s", `${details.throttleFloorStandardS} s`],
  ["Shopify's throttle alone, 1000 pt/s (Plus)", `${details.throttleFloorPlusS} s`],
  ["simulation_100k_orders_s", `${figures.simulation_100k_orders_s} (goal ≤ ${GOAL_S})`],
]);
if (profiled) printProfile(profiled);
console.log(`\nwrote ${path.relative(projectRoot, writeFigures("simulation", figures, details))}`);
await finishBench(database);
