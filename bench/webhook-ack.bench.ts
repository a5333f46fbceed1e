/**
 * Webhook acknowledgement under a burst (a script, not a test): `npm run bench:webhooks`.
 *
 * 1,000 distinct deliveries — returns/request, approve, decline, process, close, cancel, reopen
 * and refunds/create, with payloads as the stand-in sends them for a seeded shop's returns and
 * refunds — plus 100 duplicates (a delivery sent again with the same webhook id, as Shopify's
 * retries are, some while the first is still in flight), shuffled and fired at the real route
 * actions (/webhooks/returns, /webhooks/refunds/create) in-process, 50 at a time. Each request
 * is signed like Shopify's (HMAC-SHA256 of the body; built before the burst, not timed); the
 * ack time is from calling the action to holding its Response: verify the HMAC, check the
 * payload, store the delivery in the inbox, 200. The work each new delivery schedules after its
 * answer runs in the same process meanwhile, as it would in the app.
 * Afterwards the inbox must hold each distinct delivery exactly once, and every answer be 200.
 * Before the burst, 100 other deliveries are sent one at a time: the ack's cost without a queue.
 *   tsx bench/webhook-ack.bench.ts [--deliveries N] [--concurrency N] [--profile]
 * --profile writes artifacts/bench-webhook-ack.cpuprofile and prints self time by area.
 * Goal: p99 ≤ 100 ms. Writes artifacts/bench-webhook-ack.json.
 */
import path from "node:path";
import { finishBench, openFileDescriptors, prepareBench } from "./support/bench-env";
import { distribution, printTable, projectRoot, round, writeFigures } from "./support/figures";
import { printProfile, startProfile } from "./support/profile";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DELIVERIES = arg("--deliveries", 1_000);
const CONCURRENCY = arg("--concurrency", 50);
const PROFILE = process.argv.includes("--profile");
const DUPLICATE_SHARE = 0.1;
const GOAL_P99_MS = 100;

const database = await prepareBench("webhook-ack");
const { standIn, installShop, shopDomain } = await import("../tests/helpers/shopify-test-app");
const { webhookRequest } = await import("../tests/helpers/webhook-request");
const { seedShop } = await import("../tests/standin/seed");
const { seededRandom, pick, shuffled } = await import("../tests/standin/prng");
const { refundPayload, returnPayload } = await import("../tests/standin/resolvers/webhook-payloads");
const { settleWebhookWork } = await import("../app/webhooks/inbox-worker.server");
const returnsRoute = await import("../app/routes/webhooks.returns");
const refundsRoute = await import("../app/routes/webhooks.refunds.create");
const db = (await import("../app/db.server")).default;

// ── A shop whose returns and refunds the payloads describe.
const store = "bench-webhooks";
const shop = shopDomain(store);
seedShop(standIn, shop, "purtly", { now: Date.now(), ordersPerShop: 400, seed: 11 });
await installShop(store);
const records = standIn.store(shop);
const returns = [...records.returns.values()];
const refunds = [...records.refunds.values()];

// Roughly how often each topic arrives for a shop taking returns.
const TOPIC_MIX: Array<[string, number]> = [
  ["returns/request", 25],
  ["returns/approve", 20],
  ["returns/decline", 5],
  ["returns/process", 10],
  ["returns/close", 10],
  ["returns/cancel", 3],
  ["returns/reopen", 2],
  ["refunds/create", 25],
];
const random = seededRandom(2026);
const topicOf = () => {
  let roll = random() * 100;
  for (const [topic, w] of TOPIC_MIX) if ((roll -= w) < 0) return topic;
  return "returns/request";
};

type Delivery = { webhookId: string; topic: string; path: string; payload: Record<string, unknown> };
const delivery = (n: number): Delivery => {
  const topic = topicOf();
  const webhookId = `b3e7c0de-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  if (topic === "refunds/create") return { webhookId, topic, path: "/webhooks/refunds/create", payload: refundPayload(records, pick(random, refunds)) };
  return { webhookId, topic, path: "/webhooks/returns", payload: returnPayload(records, pick(random, returns)) };
};
const send = (d: Delivery) => webhookRequest({ path: d.path, topic: d.topic, shop, payload: d.payload, webhookId: d.webhookId });
const actionOf = (d: Delivery) => (d.path === "/webhooks/returns" ? returnsRoute.action : refundsRoute.action);

async function ack(d: Delivery, request: Request): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  let status: number;
  try {
    status = (await actionOf(d)({ request, params: {}, context: {} })).status;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    status = thrown.status;
  }
  return { ms: performance.now() - start, status };
}

// ── Warm-up (not counted): 20 deliveries one by one, their work finished.
for (let i = 0; i < 20; i++) {
  const d = delivery(900_000 + i);
  await ack(d, send(d));
}
await settleWebhookWork();

// ── One at a time (not in the burst's figures): the ack's own cost, each delivery's work
// finished before the next arrives. Under the burst, the rest of an ack's time is waiting.
const sequential: number[] = [];
let sequentialNot200 = 0;
for (let i = 0; i < 100; i++) {
  const d = delivery(800_000 + i);
  const { ms, status } = await ack(d, send(d));
  sequential.push(ms);
  if (status !== 200) sequentialNot200 += 1;
  await settleWebhookWork();
}
const alone = distribution(sequential);

// ── The burst: distinct deliveries shuffled, each duplicate inserted somewhere after its first
// copy (a retry; when close behind it, both are in flight at once).
const distinct = Array.from({ length: DELIVERIES }, (_, i) => delivery(i));
const duplicates = Array.from({ length: Math.round(DELIVERIES * DUPLICATE_SHARE) }, () => pick(random, distinct));
const order = shuffled(random, distinct).map((d) => ({ d, duplicate: false }));
for (const d of duplicates) {
  const at = order.findIndex((x) => x.d.webhookId === d.webhookId);
  order.splice(at + 1 + Math.floor(random() * (order.length - at)), 0, { d, duplicate: true });
}
const burst = order.map((x) => ({ ...x, request: send(x.d) }));

const times: number[] = [];
const timesFirst: number[] = [];
const timesDuplicate: number[] = [];
const statuses = new Map<number, number>();
let next = 0;
const profile = PROFILE ? await startProfile() : null;
const burstStart = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < burst.length) {
      const item = burst[next++]!;
      const { ms, status } = await ack(item.d, item.request);
      times.push(ms);
      (item.duplicate ? timesDuplicate : timesFirst).push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
const burstMs = performance.now() - burstStart;
const settleStart = performance.now();
await settleWebhookWork();
const settleMs = performance.now() - settleStart;
const profiled = profile ? await profile.stop(path.join(projectRoot, "artifacts", "bench-webhook-ack.cpuprofile")) : null;
if (profiled) printProfile(profiled);

// ── Each distinct delivery once in the inbox; every answer 200.
const ids = new Set(distinct.map((d) => d.webhookId));
const inbox = (await db.webhookDelivery.findMany({ where: { shop }, select: { webhookId: true, processedAt: true } })).filter((r) => ids.has(r.webhookId));
const copies = new Map<string, number>();
for (const r of inbox) copies.set(r.webhookId, (copies.get(r.webhookId) ?? 0) + 1);
const storedTwice = [...copies.values()].filter((n) => n !== 1).length;
const processed = inbox.filter((r) => r.processedAt !== null).length;
const stored = [...copies.keys()];
const problems = [
  ...(stored.length !== ids.size ? [`the inbox holds ${stored.length} of the ${ids.size} distinct deliveries`] : []),
  ...(storedTwice ? [`${storedTwice} deliveries are stored more than once`] : []),
  ...(sequentialNot200 ? [`${sequentialNot200} one-at-a-time deliveries were not answered 200`] : []),
  ...([...statuses.keys()].some((s) => s !== 200) ? [`answers other than 200: ${JSON.stringify(Object.fromEntries(statuses))}`] : []),
];

const all = distribution(times);
const first = distribution(timesFirst);
const dup = distribution(timesDuplicate);
printTable([
  ["deliveries", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"],
  ["first sightings", first.n, first.p50, first.p95, first.p99, first.max],
  ["duplicates", dup.n, dup.p50, dup.p95, dup.p99, dup.max],
  ["all", all.n, all.p50, all.p95, all.p99, all.max],
  ["one at a time (before)", alone.n, alone.p50, alone.p95, alone.p99, alone.max],
]);
console.log(
  `burst of ${burst.length} at concurrency ${CONCURRENCY}: ${round(burstMs)} ms (${round((burst.length / burstMs) * 1000, 0)} deliveries/s); ` +
    `scheduled work settled ${round(settleMs)} ms later; inbox: ${stored.length} distinct stored once, ${processed} processed`,
);
console.log(`webhook_ack_p99_ms = ${all.p99} (goal ≤ ${GOAL_P99_MS})`);

const out = writeFigures(
  "webhook-ack",
  {
    webhook_ack_p50_ms: all.p50,
    webhook_ack_p95_ms: all.p95,
    webhook_ack_p99_ms: all.p99,
    webhook_ack_one_at_a_time_p50_ms: alone.p50,
    webhook_burst_deliveries_per_s: round((burst.length / burstMs) * 1000, 0),
  },
  {
    distinct: DELIVERIES,
    duplicates: duplicates.length,
    concurrency: CONCURRENCY,
    topics: Object.fromEntries(TOPIC_MIX),
    oneAtATime: alone,
    firstSightings: first,
    duplicateDeliveries: dup,
    burstMs: round(burstMs),
    settleAfterBurstMs: round(settleMs),
    inbox: { distinctStored: stored.length, storedMoreThanOnce: storedTwice, processed },
    statuses: Object.fromEntries(statuses),
    openFileDescriptors: openFileDescriptors(),
    profiled: PROFILE,
    goal: `p99 ≤ ${GOAL_P99_MS} ms`,
    ...(profiled ? { profile: profiled } : {}),
  },
);
console.log(`wrote ${path.relative(projectRoot, out)}`);
await finishBench(database);
if (problems.length) {
  console.error(`\nwebhook burst check FAILED:\n  ${problems.join("\n  ")}`);
  process.exitCode = 1;
}
