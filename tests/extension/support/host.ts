// The `shopify` global of a customer-account extension, for tests: the offline preview's
// stand-in (app/demo/shopper-host.ts) translating from the extension's real en.default.json
// (a missing key fails the test), with spies on the session token and navigation.
import { vi } from "vitest";
import en from "../../../extensions/clause-returns/locales/en.default.json";
import { createShopperHost, type Messages } from "~/demo/shopper-host";

export const TEST_TOKEN = "test-session-token";
export const ORDER_ID = "1209";

export function installHost(options: { locale?: string; messages?: Messages; orderGid?: string } = {}) {
  const missing: string[] = [];
  const sessionToken = vi.fn(async () => TEST_TOKEN);
  const navigate = vi.fn((_url: string) => {});
  const host = createShopperHost({
    locale: options.locale ?? "en-US",
    messages: options.messages ?? en,
    orderGid: options.orderGid ?? `gid://shopify/Order/${ORDER_ID}`,
    orderName: "#1029",
    sessionToken,
    navigate,
    onMissingTranslation: (key) => missing.push(key),
  });
  (globalThis as unknown as { shopify: unknown }).shopify = host;
  return { host, sessionToken, navigate, missing };
}

export function removeHost() {
  delete (globalThis as unknown as { shopify?: unknown }).shopify;
}
