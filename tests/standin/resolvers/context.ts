// What every resolver receives as graphql-js `contextValue`: the shop's store, the stand-in's
// clock, and the webhook outbox mutations write events to.
import type { ShopStore } from "../store";

export const WEBHOOK_TOPICS = ["returns/request", "returns/approve", "returns/decline", "returns/process", "returns/close", "refunds/create"] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

export type ResolverContext = {
  store: ShopStore;
  now(): number;
  emit(topic: WebhookTopic, payload: Record<string, unknown>): void;
};

export type ReturnUserError = { field: string[] | null; message: string; code: string | null };
export type UserError = { field: string[] | null; message: string };

export function userError(field: Array<string | number> | null, message: string, code: string | null = null): ReturnUserError {
  return { field: field ? field.map(String) : null, message, code };
}
