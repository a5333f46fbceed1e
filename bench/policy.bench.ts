/**
 * Policy engine benchmark (a script, not a test): `npm run bench:policy`.
 *
 * Measures decide() on a 5-line order (tests/fixtures/policy/five-line-order.json)
 * and JSON.parse of the same order text, in the same process, on one core.
 * To keep caches honest the run cycles through a pool of order variants with
 * different delivery instants (spread over ~8 months, across both DST changes),
 * prices and request times, and through all five presets.
 *
 * Prints a table and the JSON figures; writes artifacts/bench-policy.json.
 * Goal: ≥ 50,000 decisions/s and decide/JSON.parse time ratio ≤ 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PRESET_IDS, decide, orderSchema, presets, returnRequestSchema, type OrderSnapshot, type Policy, type ReturnRequest } from "../app/domain/policy/index";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const orderText = readFileSync(path.join(root, "tests/fixtures/policy/five-line-order.json"), "utf8");
const requestText = readFileSync(path.join(root, "tests/fixtures/policy/five-line-request.json"), "utf8");
const baseOrder = JSON.parse(orderText) as {
  fulfillments: { createdAt: string; deliveredAt: string | null }[];
  lineItems: { nodes: { discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { amount: string } } }[] };
};

const POOL = 1024;
const DAY = 86_400_000;
const texts: string[] = [];
const orders: OrderSnapshot[] = [];
const nows: Date[] = [];
const policies: Policy[] = [];
const request: ReturnRequest = returnRequestSchema.parse(JSON.parse(requestText));
const base = Date.parse("2026-01-05T15:00:00Z");
for (let i = 0; i < POOL; i++) {
  const o = structuredClone(baseOrder);
  // Deliveries spread over 240 days at varying times of day; request 0–45 days later.
  const delivered = base + (i % 240) * DAY + ((i * 7919) % DAY);
  o.fulfillments.forEach((f, k) => {
    f.createdAt = new Date(delivered - (3 + k) * DAY).toISOString();
    if (f.deliveredAt !== null) f.deliveredAt = new Date(delivered).toISOString();
  });
  o.lineItems.nodes.forEach((li, k) => {
    li.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount = `${10 + ((i * 31 + k * 17) % 190)}.${String((i * 13 + k) % 100).padStart(2, "0")}`;
  });
  const text = JSON.stringify(o);
  texts.push(text);
  orders.push(orderSchema.parse(JSON.parse(text)));
  nows.push(new Date(delivered + ((i * 104_729) % (45 * DAY))));
  policies.push(presets[PRESET_IDS[i % PRESET_IDS.length] as (typeof PRESET_IDS)[number]]);
}

let sink = 0;

function measure(label: string, fn: (i: number) => void, seconds = 1): number {
  // Returns operations per second for the best of 5 rounds after warm-up.
  for (let i = 0; i < 20_000; i++) fn(i % POOL);
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    let ops = 0;
    const start = process.hrtime.bigint();
    const limit = BigInt(Math.round(seconds * 1e9));
    let elapsed = 0n;
    while (elapsed < limit) {
      for (let k = 0; k < 1000; k++) fn((ops + k) % POOL);
      ops += 1000;
      elapsed = process.hrtime.bigint() - start;
    }
    rounds.push(ops / (Number(elapsed) / 1e9));
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[2] as number;
  void label;
  return median;
}

const decideOps = measure("decide", (i) => {
  const d = decide(policies[i] as Policy, orders[i] as OrderSnapshot, request, nows[i] as Date);
  sink += d.lines.length;
});
const parseOps = measure("JSON.parse", (i) => {
  const o = JSON.parse(texts[i] as string) as { lineItems: { nodes: unknown[] } };
  sink += o.lineItems.nodes.length;
});
const validateAndDecideOps = measure("orderSchema.parse + decide", (i) => {
  const o = orderSchema.parse(JSON.parse(texts[i] as string));
  const d = decide(policies[i] as Policy, o, request, nows[i] as Date);
  sink += d.lines.length;
});

const nsDecide = 1e9 / decideOps;
const nsParse = 1e9 / parseOps;
const figures = {
  benchmark: "policy.decide",
  orderLines: request.lines.length,
  orderBytes: Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length),
  poolSize: POOL,
  decisionsPerSecond: Math.round(decideOps),
  jsonParsePerSecond: Math.round(parseOps),
  nsPerDecision: Math.round(nsDecide),
  nsPerJsonParse: Math.round(nsParse),
  ratioDecideToJsonParse: Number((nsDecide / nsParse).toFixed(3)),
  validateAndDecidePerSecond: Math.round(validateAndDecideOps),
  goals: { decisionsPerSecond: 50_000, maxRatio: 2 },
  meetsGoals: decideOps >= 50_000 && nsDecide / nsParse <= 2,
  environment: { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length },
  measuredAt: new Date().toISOString(),
};

const rows: [string, string, string][] = [
  ["decide() — 5-line order", `${figures.decisionsPerSecond.toLocaleString("en-US")}/s`, `${figures.nsPerDecision.toLocaleString("en-US")} ns`],
  ["JSON.parse — same order", `${figures.jsonParsePerSecond.toLocaleString("en-US")}/s`, `${figures.nsPerJsonParse.toLocaleString("en-US")} ns`],
  ["orderSchema.parse + decide()", `${figures.validateAndDecidePerSecond.toLocaleString("en-US")}/s`, `${Math.round(1e9 / validateAndDecideOps).toLocaleString("en-US")} ns`],
  ["ratio decide / JSON.parse", figures.ratioDecideToJsonParse.toFixed(2), "goal ≤ 2"],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${"operation".padEnd(w0)}  ${"throughput".padStart(w1)}  per op`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
console.log(JSON.stringify(figures, null, 2));

const out = path.join(root, "artifacts", "bench-policy.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(figures, null, 2) + "\n");
if (sink === -1) console.log(sink);
