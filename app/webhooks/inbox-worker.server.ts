// Runs stored webhook deliveries after their answer has gone, and sweeps up any that a crash
// or a failure left pending.
import db from "~/db.server";
import { pendingDeliveryIds, processDelivery } from "~/models/webhook-inbox.server";
import { TOPICS } from "./topics.server";

const inFlight = new Set<Promise<unknown>>();

function runDelivery(webhookId: string) {
  const promise = processDelivery(db, webhookId, async (tx, delivery) => {
    const spec = TOPICS[delivery.topic];
    if (spec) await spec.work(tx, delivery);
  })
    .catch((error) => console.error(`webhook ${webhookId} failed; the sweep will retry it`, error))
    .finally(() => inFlight.delete(promise));
  inFlight.add(promise);
  return promise;
}

// Acknowledging comes first: Shopify times out slow acks, and in a burst each delivery's work
// would otherwise share the event loop and the database with the acks still arriving. So work
// waits until deliveries have stopped arriving for QUIET_MS (at most MAX_DELAY_MS), then runs at
// most MAX_CONCURRENT_WORK at a time. A waiting delivery is already stored: a crash loses
// nothing (the sweep runs it).
const MAX_CONCURRENT_WORK = 2;
const QUIET_MS = 20;
const MAX_DELAY_MS = 2_000;
const queue: string[] = [];
let lastArrival = 0;
let firstWaiting = 0;
let timer: NodeJS.Timeout | undefined;

function drainWhenQuiet() {
  if (timer) return;
  const now = Date.now();
  const wait = Math.min(lastArrival + QUIET_MS, firstWaiting + MAX_DELAY_MS) - now;
  if (wait > 0) {
    timer = setTimeout(() => {
      timer = undefined;
      drainWhenQuiet();
    }, wait);
    return;
  }
  drain();
}

function drain() {
  // In flight counts the sweep's work too: the limit is on all delivery work at once.
  while (inFlight.size < MAX_CONCURRENT_WORK && queue.length) void runDelivery(queue.shift()!).finally(() => setImmediate(drain));
}

/** Starts a delivery's work without holding up the answer to Shopify. */
export function scheduleDelivery(webhookId: string): void {
  lastArrival = Date.now();
  if (!queue.length) firstWaiting = lastArrival;
  queue.push(webhookId);
  drainWhenQuiet();
}

/** Waits until the scheduled work has finished (tests, graceful shutdown). */
export async function settleWebhookWork(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (inFlight.size || queue.length) {
    if (inFlight.size) await Promise.all([...inFlight]);
    else if (!timer) drain();
    else await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

/** Processes deliveries received before `olderThanMs` ago and still pending. */
export async function sweepPendingDeliveries(olderThanMs = 10_000): Promise<number> {
  const ids = await pendingDeliveryIds(db, { receivedBefore: new Date(Date.now() - olderThanMs) });
  for (const id of ids) await runDelivery(id);
  return ids.length;
}

let sweeper: NodeJS.Timeout | undefined;
export function startWebhookSweeper(everyMs = 30_000): void {
  if (sweeper) return;
  void sweepPendingDeliveries().catch((e) => console.error("webhook sweep failed", e));
  sweeper = setInterval(() => void sweepPendingDeliveries().catch((e) => console.error("webhook sweep failed", e)), everyMs);
  sweeper.unref();
}
