// Webhook deliveries as Shopify sends them: JSON body, HMAC-SHA256 of the body with the app
// secret, and the X-Shopify-* headers authenticate.webhook reads.
import { randomUUID } from "node:crypto";
import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";
import { API_VERSION } from "~/api-version";

export function webhookRequest(opts: {
  path: string;
  topic: string; // e.g. "app/uninstalled"
  shop: string;
  payload: unknown;
  webhookId?: string;
  secret?: string;
}) {
  const body = JSON.stringify(opts.payload);
  return new Request(`https://clause.test${opts.path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": opts.topic,
      "X-Shopify-Shop-Domain": opts.shop,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": opts.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Hmac-Sha256": getHmac(body, opts.secret ?? API_SECRET_KEY),
    },
  });
}
