/**
 * The return queue's loader with 10,000 cases (a script, not a test): `npm run bench:queue`.
 *
 * One shop holds 10,000 cases and another 2,000 (so every query must keep to its shop), spread
 * as a live queue is: statuses from REQUESTED to CLOSED, SLA timers overdue, due today and later
 * (none on finished cases), created over 120 days, shoppers' names and emails, RMAs on approved
 * cases, the JSON snapshots a real case stores (policy, decision, order, request). They are
 * inserted with createMany; the queue only reads ReturnCase, so no lines, notes or audit rows.
 * The real route loader (/app/returns: authenticate.admin with a signed id_token, filters from
 * the URL, listCases, row shaping) is called 200 times, round-robin over five views:
 *   default (SLA order) · status filter · overdue (the home page's link) · search by an email
 *   fragment (a different one each time) · page 5 through the cursor (SLA and newest sorts).
 * Signing the request is not timed; the loader is. listCases alone is timed too, to split the
 * authentication from the database. Every returned row is checked to belong to the shop.
 * SQLite's query plan of every statement each view sends is kept with the figures (printed with
 * --explain, or when the goal is missed).
 *   tsx bench/queue-page.bench.ts [--calls N] [--explain]
 * Goal: p95 ≤ 150 ms. Writes artifacts/bench-queue-page.json.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Prisma } from "@prisma/client";
import { finishBench, prepareBench } from "./support/bench-env";
import { distribution, printTable, projectRoot, round, writeFigures, type Distribution } from "./support/figures";
import { queryPlans, type QueryPlan } from "./support/query-plans";

const callsArg = process.argv.indexOf("--calls");
const CALLS = callsArg >= 0 ? Number(process.argv[callsArg + 1]) : 200;
const GOAL_P95_MS = 150;
const DAY = 86_400_000;

const database = await prepareBench("queue-page");
const { adminDocumentRequest, installShop, shopDomain } = await import("../tests/helpers/shopify-test-app");
const { seededRandom, randomInt, pick } = await import("../tests/standin/prng");
const { decide, orderSchema, presets, returnRequestSchema } = await import("../app/domain/policy");
const { savePolicyVersion } = await import("../app/models/policy-version.server");
const { listCases } = await import("../app/models/case-queue.server");
const { searchTextOf } = await import("../app/models/return-case.server");
const { parseQueueFilters, OPEN_STATUSES } = await import("../app/lib/queue-filters");
const { loader } = await import("../app/routes/app.returns._index");
const db = (await import("../app/db.server")).default;

// ── The JSON a real case carries (sizes matter: the rows are read from disk).
const fixture = (name: string) => readFileSync(path.join(projectRoot, "tests/fixtures/policy", name), "utf8");
const orderJson = JSON.stringify(JSON.parse(fixture("five-line-order.json")));
const requestJson = JSON.stringify(JSON.parse(fixture("five-line-request.json")));
const now = new Date();
const decisionJson = JSON.stringify(decide(presets.purtly, orderSchema.parse(JSON.parse(orderJson)), returnRequestSchema.parse(JSON.parse(requestJson)), now));

const FIRST = ["Ava", "Noah", "Mia", "Liam", "Sofia", "Ethan", "Yuki", "Haruto", "Isla", "Mateo", "Chloe", "Kenji", "Grace", "Leo", "Aiko", "Omar", "Zara", "Lucas", "Nina", "Tariq"];
const LAST = ["Garcia", "Smith", "Tanaka", "Nguyen", "Brown", "Sato", "Miller", "Lopez", "Kim", "Walker", "Haddad", "Okafor", "Rossi", "Silva", "Novak"];
// Weights of a working queue: most cases waiting on the shopper or an agent, a tail of finished ones.
const STATUS_MIX: Array<[string, number]> = [
  ["REQUESTED", 30],
  ["APPROVED", 18],
  ["IN_TRANSIT", 12],
  ["RECEIVED", 8],
  ["INSPECTED", 5],
  ["REFUNDED", 10],
  ["DECLINED", 5],
  ["CLOSED", 12],
];
const CLAIMS: Array<[string, number]> = [
  ["RETURN", 80],
  ["DEFECTIVE", 8],
  ["DAMAGED_IN_TRANSIT", 6],
  ["WRONG_ITEM", 4],
  ["MISSING_ITEM", 2],
];

function weighted(random: () => number, mix: Array<[string, number]>): string {
  let roll = random() * mix.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of mix) if ((roll -= w) < 0) return value;
  return mix[mix.length - 1]![0];
}

async function insertCases(shop: string, count: number, policy: { id: string; version: number; json: string }, seed: number) {
  const random = seededRandom(seed);
  const open = new Set<string>(OPEN_STATUSES);
  let rma = 1001;
  const rows: Prisma.ReturnCaseCreateManyInput[] = [];
  for (let i = 0; i < count; i++) {
    const status = weighted(random, STATUS_MIX);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const customerEmail = `${first}.${last}.${randomInt(random, 1, 3000)}@example.com`.toLowerCase();
    const customerName = `${first} ${last}`;
    const orderName = `#${10_001 + i}`;
    const rmaNumber = status === "REQUESTED" || random() < 0.05 ? null : `RMA-${rma++}`;
    const createdAt = new Date(now.getTime() - random() * 120 * DAY);
    // Open cases run a timer (a tenth have none yet): a third overdue, the rest due within 10 days.
    const slaDueAt = open.has(status) && random() < 0.9 ? new Date(now.getTime() + (random() < 0.33 ? -random() * 5 * DAY : random() * 10 * DAY)) : null;
    rows.push({
      shop,
      rmaNumber,
      shopifyReturnId: `gid://shopify/Return/${seed * 1_000_000 + i}`,
      orderId: `gid://shopify/Order/${seed * 1_000_000 + i}`,
      orderName,
      customerId: `gid://shopify/Customer/${seed * 1_000_000 + randomInt(random, 1, 3000)}`,
      customerEmail,
      customerName,
      claimType: weighted(random, CLAIMS),
      status,
      urgent: random() < 0.05,
      escalated: random() < 0.03,
      policyId: policy.id,
      policyVersion: policy.version,
      policyJson: policy.json,
      decisionJson,
      orderJson,
      requestJson,
      fullyEligible: random() < 0.7,
      currency: "USD",
      refundEstimate: `${randomInt(random, 5, 400)}.${String(randomInt(random, 0, 99)).padStart(2, "0")}`,
      searchText: searchTextOf({ orderName, rmaNumber, customerEmail, customerName }),
      createdAt,
      updatedAt: createdAt,
      approvedAt: status === "REQUESTED" ? null : new Date(createdAt.getTime() + DAY),
      slaDueAt,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.returnCase.createMany({ data: rows.slice(i, i + 500) });
  return rows;
}

// ── Two shops, each with its policy in force (its calendar gives the queue's time zone).
const storeA = "bench-queue";
const storeB = "bench-queue-other";
const shopA = shopDomain(storeA);
const shopB = shopDomain(storeB);
await installShop(storeA);
await installShop(storeB);
const policyA = await savePolicyVersion(db, shopA, presets.purtly, { actor: "bench", presetId: "purtly" });
const policyB = await savePolicyVersion(db, shopB, presets.pura, { actor: "bench", presetId: "pura" });
let t = performance.now();
const rowsA = await insertCases(shopA, 10_000, { id: policyA.id, version: policyA.version, json: JSON.stringify(presets.purtly) }, 7);
await insertCases(shopB, 2_000, { id: policyB.id, version: policyB.version, json: JSON.stringify(presets.pura) }, 8);
console.log(`inserted 12,000 cases in ${round((performance.now() - t) / 1000)} s`);
const idsA = new Set((await db.returnCase.findMany({ where: { shop: shopA }, select: { id: true } })).map((r) => r.id));

// ── The views. Page 5's cursors come from walking pages 1–4 (not timed).
async function cursorOfPage(n: number, search: string): Promise<string> {
  let after = "";
  for (let page = 1; page < n; page++) {
    const data = await loader({ request: await adminDocumentRequest(storeA, `/app/returns?${search}${after ? `&after=${after}` : ""}`), params: {}, context: {} });
    if (!data.nextCursor) throw new Error(`the queue ended before page ${n}`);
    after = data.nextCursor;
  }
  return after;
}
const page5Sla = await cursorOfPage(5, "sort=sla");
const page5Newest = await cursorOfPage(5, "sort=newest");
const emails = [...new Set(rowsA.map((r) => r.customerEmail!))];
const fragment = (i: number) => {
  // "garcia.1234": a surname and the start of the number, as an agent types a remembered email.
  const [local] = emails[(i * 7919) % emails.length]!.split("@");
  return local!.split(".").slice(1).join(".").slice(0, -1);
};
const open = OPEN_STATUSES.join(",");
const views: Array<{ name: string; query: (i: number) => string }> = [
  { name: "default (SLA order)", query: () => "" },
  { name: "status filter", query: (i) => (i % 2 ? "status=REQUESTED" : "status=APPROVED,IN_TRANSIT&claimType=RETURN") },
  { name: "overdue", query: () => `status=${open}&overdue=true` },
  { name: "search email fragment", query: (i) => `q=${encodeURIComponent(fragment(i))}` },
  { name: "page 5 via cursor", query: (i) => (i % 2 ? `sort=sla&after=${page5Sla}` : `sort=newest&after=${page5Newest}`) },
];

// ── Warm-up, then the timed calls: round-robin, so load on the machine falls on every view alike.
const call = async (view: (typeof views)[number], i: number) => {
  const request = await adminDocumentRequest(storeA, `/app/returns${view.query(i) ? `?${view.query(i)}` : ""}`);
  const start = performance.now();
  const data = await loader({ request, params: {}, context: {} });
  const ms = performance.now() - start;
  for (const row of data.rows) if (!idsA.has(row.id)) throw new Error(`${view.name}: the queue showed case ${row.id}, which is not ${shopA}'s`);
  return { ms, rows: data.rows.length };
};
for (let i = 0; i < 10; i++) await call(views[i % views.length]!, i);

const samples = new Map<string, number[]>(views.map((v) => [v.name, []]));
const rowsSeen = new Map<string, number>(views.map((v) => [v.name, 0]));
const all: number[] = [];
for (let i = 0; i < CALLS; i++) {
  const view = views[i % views.length]!;
  const { ms, rows } = await call(view, Math.floor(i / views.length));
  samples.get(view.name)!.push(ms);
  rowsSeen.set(view.name, rowsSeen.get(view.name)! + rows);
  all.push(ms);
}

// ── listCases alone (the database's share), same views.
const dbOnly: number[] = [];
for (let i = 0; i < CALLS; i++) {
  const view = views[i % views.length]!;
  const parsed = parseQueueFilters(new URLSearchParams(view.query(Math.floor(i / views.length))));
  if (!parsed.ok) throw new Error(parsed.error);
  t = performance.now();
  await listCases(db, shopA, parsed.filters, new Date());
  dbOnly.push(performance.now() - t);
}

const overall = distribution(all);
const perView: Record<string, Distribution & { meanRows: number }> = {};
for (const v of views) perView[v.name] = { ...distribution(samples.get(v.name)!), meanRows: round(rowsSeen.get(v.name)! / samples.get(v.name)!.length, 1) };
const listCasesOnly = distribution(dbOnly);

// ── Query plans, per view (one call each on a logging client).
const plans: Record<string, QueryPlan[]> = {};
for (const view of views) {
  const parsed = parseQueueFilters(new URLSearchParams(view.query(0)));
  if (parsed.ok) plans[view.name] = await queryPlans(database.url, (logged) => listCases(logged, shopA, parsed.filters, new Date()));
}

printTable([
  ["view", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "rows"],
  ...views.map((v) => {
    const d = perView[v.name]!;
    return [v.name, d.n, d.p50, d.p95, d.p99, d.max, d.meanRows];
  }),
  ["all views (loader)", overall.n, overall.p50, overall.p95, overall.p99, overall.max, ""],
  ["all views (listCases only)", listCasesOnly.n, listCasesOnly.p50, listCasesOnly.p95, listCasesOnly.p99, listCasesOnly.max, ""],
]);
console.log(`queue_page_p95_ms = ${overall.p95} (goal ≤ ${GOAL_P95_MS})`);
if (process.argv.includes("--explain") || overall.p95 > GOAL_P95_MS) {
  for (const [view, list] of Object.entries(plans)) {
    console.log(`\n${view}:`);
    for (const p of list) console.log(`  ${p.sql.replace(/`main`\./g, "").slice(0, 160)}…\n    ${p.plan.join("\n    ")}`);
  }
}

const out = writeFigures(
  "queue-page",
  { queue_page_p50_ms: overall.p50, queue_page_p95_ms: overall.p95, queue_page_p99_ms: overall.p99 },
  { cases: { shop: 10_000, otherShop: 2_000 }, calls: CALLS, perView, listCasesOnly, statusMix: Object.fromEntries(STATUS_MIX), queryPlans: plans, goal: `p95 ≤ ${GOAL_P95_MS} ms` },
);
console.log(`wrote ${path.relative(projectRoot, out)}`);
await finishBench(database);
