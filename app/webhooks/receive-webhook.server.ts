// The one path for every webhook route: verify the HMAC (authenticate.webhook answers 401 to a
// forged one), check the payload, store the delivery once per webhook id, answer 200 at once,
// and run the topic's work after the answer.
import db from "~/db.server";
import { authenticate } from "~/shopify.server";
import { createDeliveryBatcher } from "./delivery-batcher.server";
import { scheduleDelivery } from "./inbox-worker.server";
import { TOPICS } from "./topics.server";

const inbox = createDeliveryBatcher(() => db);

export async function receiveWebhook(request: Request, routeTopics: readonly string[]): Promise<Response> {
  const webhook = await authenticate.webhook(request);
  const spec = routeTopics.includes(webhook.topic) ? TOPICS[webhook.topic] : undefined;
  if (!spec) {
    // Not a topic this route subscribes to: acknowledge so Shopify stops retrying, keep nothing.
    console.warn(`webhook ${webhook.topic} for ${webhook.shop} is not handled by ${new URL(request.url).pathname}`);
    return new Response(null, { status: 200 });
  }
  const parsed = spec.payload.safeParse(webhook.payload);
  if (!parsed.success) {
    return new Response(`Invalid ${webhook.topic} payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "payload"} ${i.message}`).join("; ")}`, { status: 400 });
  }
  const outcome = await inbox.receive({
    webhookId: webhook.webhookId,
    shop: webhook.shop,
    topic: webhook.topic,
    apiVersion: webhook.apiVersion,
    payload: webhook.payload,
  });
  if (outcome === "new") scheduleDelivery(webhook.webhookId);
  return new Response(null, { status: 200 });
}
