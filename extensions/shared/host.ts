// The part of Shopify's extension API (the `shopify` global every customer-account target
// receives) that Clause uses, read in one place so components, tests and the offline preview
// agree on its shape. Targets differ in how they name the order: the order action menu item
// gets `orderId`; the order-status block and the order page get the `order` signal.
import type { I18n, Localization, NavigateFunction, Order, SessionToken, SubscribableSignalLike } from "@shopify/ui-extensions/customer-account";

export type Host = {
  i18n: Pick<I18n, "translate" | "formatCurrency" | "formatDate" | "formatNumber">;
  localization?: Pick<Localization, "language">;
  navigation: { navigate: NavigateFunction };
  sessionToken: SessionToken;
  /** customer-account.order.action.menu-item.render */
  orderId?: string;
  /** customer-account.order-status.block.render, customer-account.order.page.render */
  order?: SubscribableSignalLike<Pick<Order, "id" | "name"> | undefined>;
};

export function host(): Host {
  const api = (globalThis as unknown as { shopify?: Host }).shopify;
  if (!api) throw new Error("Clause's extension runs only inside Shopify customer accounts (no `shopify` global).");
  return api;
}

/** The order's numeric id ("gid://shopify/Order/5001" → "5001"), as the portal API's paths take it; null when the target has none. */
export function numericOrderId(api: Host = host()): string | null {
  const gid = api.orderId ?? api.order?.value?.id;
  const match = gid ? /(\d+)\/?$/.exec(gid) : null;
  return match ? (match[1] as string) : null;
}
