// Exactly-once webhook handling. Shopify delivers at least once and may retry a delivery, so
// each X-Shopify-Webhook-Id is recorded in the same transaction as the work it caused: a retry
// finds the row and changes nothing, and a crash before commit leaves no row, so the retry
// does the work.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

export type WebhookMeta = { webhookId: string; shop: string; topic: string };
export type WebhookOutcome = "processed" | "duplicate";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function processWebhookOnce(
  db: Db,
  meta: WebhookMeta,
  work: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<WebhookOutcome> {
  const seen = await db.webhookDelivery.findUnique({ where: { webhookId: meta.webhookId } });
  if (seen) return "duplicate";
  try {
    await db.$transaction(async (tx) => {
      await tx.webhookDelivery.create({ data: meta });
      await work(tx);
    });
    return "processed";
  } catch (error) {
    // A concurrent delivery of the same id committed first: its work stands, ours rolled back.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
