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

/** Starts a delivery's work without holding up the answer to Shopify. */
export function scheduleDelivery(webhookId: string): void {
  setImmediate(() => void runDelivery(webhookId));
}

/** Waits until the scheduled work has finished (tests, graceful shutdown). */
export async function settleWebhookWork(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (inFlight.size) await Promise.all([...inFlight]);
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
