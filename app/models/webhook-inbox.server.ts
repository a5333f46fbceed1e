// The webhook inbox (see the WebhookDelivery model): store on arrival, process once after.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "./prisma-errors.server";

export type InboxDelivery = {
  webhookId: string;
  shop: string;
  topic: string;
  apiVersion: string;
  payload: unknown;
};

/** Stores a delivery; "duplicate" when Shopify already delivered this webhook id. */
export async function receiveDelivery(db: Db, delivery: InboxDelivery): Promise<"new" | "duplicate"> {
  try {
    await db.webhookDelivery.create({
      data: { ...delivery, payload: JSON.stringify(delivery.payload ?? null) },
    });
    return "new";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/**
 * Stores several deliveries in one transaction (a group commit): each answered "new", or
 * "duplicate" when its id is already stored or appears earlier in the batch. Throws when another
 * writer stored one of the ids meanwhile; the caller then stores them one by one.
 */
export async function receiveDeliveries(db: Db, deliveries: readonly InboxDelivery[]): Promise<Array<"new" | "duplicate">> {
  return db.$transaction(async (tx) => {
    const ids = [...new Set(deliveries.map((d) => d.webhookId))];
    const stored = new Set((await tx.webhookDelivery.findMany({ where: { webhookId: { in: ids } }, select: { webhookId: true } })).map((r) => r.webhookId));
    const outcomes = deliveries.map((d) => {
      if (stored.has(d.webhookId)) return "duplicate" as const;
      stored.add(d.webhookId);
      return "new" as const;
    });
    const fresh = deliveries.filter((_, i) => outcomes[i] === "new");
    if (fresh.length) await tx.webhookDelivery.createMany({ data: fresh.map((d) => ({ ...d, payload: JSON.stringify(d.payload ?? null) })) });
    return outcomes;
  });
}

export type DeliveryWork = (tx: Prisma.TransactionClient, delivery: InboxDelivery) => Promise<void>;

/**
 * Runs a stored delivery's work exactly once: the claim (processedAt set, payload cleared) and
 * the work commit together, so a failure leaves the delivery pending for a later attempt.
 */
export async function processDelivery(db: Db, webhookId: string, work: DeliveryWork): Promise<"processed" | "skipped"> {
  const row = await db.webhookDelivery.findUnique({ where: { webhookId } });
  if (!row || row.processedAt) return "skipped";
  const delivery: InboxDelivery = {
    webhookId: row.webhookId,
    shop: row.shop,
    topic: row.topic,
    apiVersion: row.apiVersion ?? "",
    payload: row.payload ? JSON.parse(row.payload) : null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const claim = await tx.webhookDelivery.updateMany({
        where: { webhookId, processedAt: null },
        data: { processedAt: new Date(), payload: null, attempts: { increment: 1 }, lastError: null },
      });
      if (claim.count === 0) return "skipped"; // another worker got there first
      await work(tx, delivery);
      return "processed";
    });
  } catch (error) {
    await db.webhookDelivery.updateMany({
      where: { webhookId, processedAt: null },
      data: { attempts: { increment: 1 }, lastError: String((error as Error)?.message ?? error).slice(0, 500) },
    });
    throw error;
  }
}

/** Deliveries still waiting, oldest first (for the sweep after a crash or a failed attempt). */
export async function pendingDeliveryIds(db: Db, { receivedBefore, limit = 100 }: { receivedBefore: Date; limit?: number }) {
  const rows = await db.webhookDelivery.findMany({
    where: { processedAt: null, receivedAt: { lt: receivedBefore }, attempts: { lt: 10 } },
    orderBy: { receivedAt: "asc" },
    take: limit,
    select: { webhookId: true },
  });
  return rows.map((r) => r.webhookId);
}
