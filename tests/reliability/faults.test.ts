// Faults: 200 return cases through their whole lifecycle (open → approve, some with a label →
// received → inspected → refunded → closed; some declined) while the Admin API stand-in answers
// 20 % of requests with THROTTLED, a 5xx or a timeout — half of the 5xx/timeouts after the change
// landed. The services use the production retry logic with one retry per call (production has
// four), so whole actions do fail now and then; the shopper or agent then does what they would
// (submit again with the same request key, reload and act again, settle a refund in flight).
// 10 shops × 20 orders, each shop on its own stand-in with its own fault seed (another run:
// CLAUSE_FAULTS_SEED=n). At the end every case is compared with Shopify's records.
import { expect, it } from "vitest";
import { getPreset } from "~/domain/policy";
import { savePolicyVersion } from "~/models/policy-version.server";
import type { Db } from "~/db.server";
import { AdminApiStandIn } from "../standin/admin-api-standin";
import { standInGraphql } from "../standin/graphql-client";
import { seededRandom } from "../standin/prng";
import { addOrder, addProduct, type ProductSpec } from "../standin/seed";
import { db } from "../helpers/case-scene";
import { describeDb, dbProvider } from "../setup/describe-db";
import { auditCases } from "./faults-audit";
import { countCalls, faultsClient, runCase, scriptFor, type CaseRun } from "./faults-lifecycle";
import { recordFigures } from "./figures";

const SHOPS = 10;
const ORDERS_PER_SHOP = 20;
const DAY = 86_400_000;
const SEED = Number(process.env.CLAUSE_FAULTS_SEED ?? 2026);
const purifier: ProductSpec = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };

/**
 * One shop: its own stand-in (seeded faults; a clock moved by the client's waits and a minute
 * between cases, so the rate-limit bucket refills without anyone waiting) and 20 delivered
 * orders. Its cases run one after another, so a shop's run replays the same from its seed.
 */
async function shopLane(d: Db, s: number, tag: string, runs: CaseRun[]) {
  let clock = Date.now();
  const standIn = new AdminApiStandIn({ now: () => clock });
  const shop = `faults-${s}-${tag}.myshopify.com`;
  standIn.addShop(shop);
  await savePolicyVersion(d, shop, getPreset("purtly"), { actor: "test", presetId: "purtly" });
  const records = standIn.store(shop);
  const product = addProduct(records, purifier);
  const delivered = Date.now() - 3 * DAY;
  const lane: CaseRun[] = [];
  for (let o = 0; o < ORDERS_PER_SHOP; o++) {
    const index = s * ORDERS_PER_SHOP + o;
    const order = addOrder(records, {
      createdAt: delivered - 4 * DAY,
      customer: { email: `shopper-${index}@example.com`, firstName: "Ava", lastName: "Garcia" },
      lines: [{ product, quantity: 1 }],
      shipping: "9.99",
      fulfillments: [{ createdAt: delivered - 2 * DAY, deliveredAt: delivered }],
    });
    lane.push({ index, shop, orderId: order.id, lineItemId: order.lineItems[0]!.id, script: scriptFor(index), outcome: null });
  }
  runs.push(...lane);
  const options = { sleep: async (ms: number) => void (clock += ms), random: seededRandom(SEED * 31 + s), timeoutMs: 200 };
  // A timeout is the client giving up after 200 ms; the stand-in would hang for a second.
  standIn.faults = { rate: 0.2, kinds: ["THROTTLED", "5xx", "timeout"], afterCommitRate: 0.5, seed: SEED + s, hangMs: 1_000 };
  try {
    for (const run of lane) {
      await runCase(d, faultsClient(standInGraphql(standIn, shop), options), run);
      clock += 60_000; // the shop's returns come in over time, not all in one second
    }
  } finally {
    standIn.faults = null;
  }
  return { shop, standIn };
}

describeDb(`faults (${dbProvider})`, () => {
  it("every case reaches its final state with Shopify in step under 20 % faults", { timeout: 240_000 }, async () => {
    const d = await db();
    const tag = Math.random().toString(36).slice(2, 8);
    const runs: CaseRun[] = [];
    const perCall: number[] = [];
    const uncount = countCalls(perCall);
    const started = Date.now();
    const lanes = await Promise.all(Array.from({ length: SHOPS }, (_, s) => shopLane(d, s, tag, runs))).finally(uncount);
    const lifecycleMs = Date.now() - started;
    runs.sort((a, b) => a.index - b.index);

    const stores = new Map(lanes.map((l) => [l.shop, l.standIn.store(l.shop)]));
    const audit = await auditCases(d, (shop) => stores.get(shop)!, runs);
    const ledger = lanes.flatMap((l) => l.standIn.ledger.entries);
    const injected = ledger.filter((e) => e.fault !== undefined);
    const figures = {
      cases: runs.length,
      cases_right_final_state: audit.right,
      lost_requests: audit.lost,
      duplicate_shopify_changes: audit.duplicates,
      admin_api_requests: ledger.length,
      faults_injected: injected.length,
      faults_after_commit: injected.filter((e) => e.fault!.afterCommit).length,
      throttled_by_rate_limit: ledger.filter((e) => !e.fault && e.errorCodes?.includes("THROTTLED")).length,
      calls: perCall.length,
      retries_per_call_mean: Number((perCall.reduce((a, b) => a + b, 0) / perCall.length).toFixed(2)),
      retries_per_call_max: Math.max(...perCall),
      actions_failed_then_retried: runs.reduce((n, r) => n + (r.outcome?.actionRetries ?? 0), 0),
      lifecycle_seconds: Number((lifecycleMs / 1000).toFixed(1)),
    };
    recordFigures("faults", dbProvider, figures);

    expect(audit.problems).toEqual([]);
    expect(figures.cases_right_final_state).toBe(runs.length);
    expect(figures.lost_requests).toBe(0);
    expect(figures.duplicate_shopify_changes).toBe(0);
    // The faults really struck, also after changes landed, and whole actions failed and were retried.
    expect(figures.faults_injected / figures.admin_api_requests).toBeGreaterThan(0.15);
    expect(figures.faults_after_commit).toBeGreaterThan(0);
    expect(figures.actions_failed_then_retried).toBeGreaterThan(0);
    // One retry after a failure plus at most 8 waits for the rate-limit bucket, per call.
    expect(figures.retries_per_call_max).toBeLessThanOrEqual(1 + 8);
  });
});
