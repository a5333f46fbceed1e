// One path for every webhook route: verify the HMAC (authenticate.webhook answers 401 on a
// forged one), run the topic's handler exactly once per webhook id, acknowledge with 200.
import type { Prisma } from "@prisma/client";
import db from "~/db.server";
import { authenticate } from "~/shopify.server";
import { processWebhookOnce } from "~/models/webhook-delivery.server";

type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;
export type TopicHandler = (tx: Prisma.TransactionClient, webhook: WebhookContext) => Promise<void>;

export async function handleWebhook(request: Request, handlers: Record<string, TopicHandler>) {
  const webhook = await authenticate.webhook(request);
  const handler = handlers[webhook.topic];
  if (!handler) {
    // Subscribed in shopify.app.toml but not handled here: acknowledge so Shopify stops retrying.
    console.warn(`webhook ${webhook.topic} for ${webhook.shop} has no handler; acknowledged`);
    return new Response(null, { status: 200 });
  }
  await processWebhookOnce(
    db,
    { webhookId: webhook.webhookId, shop: webhook.shop, topic: webhook.topic },
    (tx) => handler(tx, webhook),
  );
  return new Response(null, { status: 200 });
}

/** A handler whose only work is the delivery record (the topic's processing comes later). */
export const recordOnly: TopicHandler = async () => {};
