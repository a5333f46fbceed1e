// Webhooks the stand-in owes the app. Mutations that change a return or create a refund queue
// an event (returns/request|approve|decline|process|close, refunds/create); `deliver` sends the
// pending ones as Shopify does: POST with the JSON body, X-Shopify-Hmac-Sha256 (base64
// HMAC-SHA256 of the raw body with the app's secret), X-Shopify-Topic, -Shop-Domain,
// -API-Version, -Webhook-Id (stable per event, reused by every retry and duplicate),
// -Event-Id and -Triggered-At. Delivery is at least once: a non-2xx answer or a thrown error is
// retried (bounded), and tests can ask for duplicates and a shuffled order.
import { createHmac } from "node:crypto";
import { seededRandom, shuffled, type Random } from "./prng";
import type { WebhookTopic } from "./resolvers/context";

export type WebhookEvent = {
  webhookId: string;
  eventId: string;
  topic: WebhookTopic;
  shop: string;
  apiVersion: string;
  payload: Record<string, unknown>;
  triggeredAt: number;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
};

export type WebhookTarget = (request: Request) => Promise<Response>;

export type DeliverOptions = {
  target: WebhookTarget;
  /** The app's API secret (SHOPIFY_API_SECRET): the HMAC key. */
  secret: string;
  /** Extra copies of each event sent after it was first sent (same webhook id). */
  duplicate?: number;
  /** Send in a shuffled order (seeded by `random`). */
  shuffle?: boolean;
  random?: Random;
  /** Attempts per send before the event is left pending (default 3). */
  maxAttempts?: number;
  /** Only this shop's / these topics' events. */
  shop?: string;
  topics?: readonly WebhookTopic[];
  /** Where the app listens; paths follow shopify.app.toml. */
  baseUrl?: string;
  path?: (topic: WebhookTopic) => string;
};

export type DeliveryReport = { delivered: WebhookEvent[]; failed: WebhookEvent[]; requests: number };

const defaultPath = (topic: WebhookTopic) => (topic.startsWith("returns/") ? "/webhooks/returns" : `/webhooks/${topic}`);

function uuidFrom(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`;
}

export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export class WebhookOutbox {
  readonly events: WebhookEvent[] = [];
  private counter = 0;

  constructor(
    private readonly now: () => number,
    private readonly apiVersion: string,
  ) {}

  enqueue(shop: string, topic: WebhookTopic, payload: Record<string, unknown>): WebhookEvent {
    this.counter += 1;
    const event: WebhookEvent = {
      webhookId: uuidFrom(0xc1a05e, this.counter),
      eventId: uuidFrom(0xe7e47, this.counter),
      topic,
      shop,
      apiVersion: this.apiVersion,
      payload,
      triggeredAt: this.now(),
      attempts: 0,
      delivered: false,
      lastStatus: null,
    };
    this.events.push(event);
    return event;
  }

  pending(filter: { shop?: string; topics?: readonly WebhookTopic[] } = {}): WebhookEvent[] {
    return this.events.filter((e) => !e.delivered && (!filter.shop || e.shop === filter.shop) && (!filter.topics || filter.topics.includes(e.topic)));
  }

  /** The request Shopify would send for an event. */
  request(event: WebhookEvent, options: Pick<DeliverOptions, "secret" | "baseUrl" | "path">): Request {
    const body = JSON.stringify(event.payload);
    const url = `${options.baseUrl ?? "https://clause.test"}${(options.path ?? defaultPath)(event.topic)}`;
    return new Request(url, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Topic": event.topic,
        "X-Shopify-Hmac-Sha256": webhookHmac(body, options.secret),
        "X-Shopify-Shop-Domain": event.shop,
        "X-Shopify-API-Version": event.apiVersion,
        "X-Shopify-Webhook-Id": event.webhookId,
        "X-Shopify-Event-Id": event.eventId,
        "X-Shopify-Triggered-At": new Date(event.triggeredAt).toISOString(),
      },
    });
  }

  /** Sends the pending events (each at least once while the target answers 2xx within the attempts). */
  async deliver(options: DeliverOptions): Promise<DeliveryReport> {
    const events = this.pending({ shop: options.shop, topics: options.topics });
    const copies = Math.max(0, options.duplicate ?? 0);
    const sends = events.flatMap((e) => Array.from({ length: 1 + copies }, () => e));
    const order = options.shuffle ? shuffled(options.random ?? seededRandom(7), sends) : sends;
    const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    let requests = 0;
    for (const event of order) {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        requests += 1;
        event.attempts += 1;
        let status = 0;
        try {
          const response = await options.target(this.request(event, options));
          status = response.status;
        } catch {
          status = 0;
        }
        event.lastStatus = status;
        if (status >= 200 && status < 300) {
          event.delivered = true;
          break;
        }
      }
    }
    return { delivered: events.filter((e) => e.delivered), failed: events.filter((e) => !e.delivered), requests };
  }

  clear(): void {
    this.events.length = 0;
  }
}
