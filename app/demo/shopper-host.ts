// A stand-in for the `shopify` global Shopify gives a customer-account extension, enough for
// Clause's targets: i18n over the extension's own locale files (nested keys, `{{name}}`
// placeholders), money, dates and numbers through Intl in the customer's locale, the session
// token, navigation, and the order id the way each target receives it. Used by the offline
// shopper preview and by the extension's tests (tests/extension).
import type { Host } from "../../extensions/shared/host";

export type Messages = { [key: string]: string | Messages };

/** Shopify's `i18n.translate`: a dotted key of the locale file, placeholders `{{name}}` replaced. */
export function createTranslator(messages: Messages, onMissing: (key: string) => void = () => {}) {
  return (key: string, values: Record<string, unknown> = {}): string => {
    let node: string | Messages | undefined = messages;
    for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
    if (typeof node !== "string") {
      onMissing(key);
      return key;
    }
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

export type ShopperHostOptions = {
  /** The customer's locale, e.g. "en", "fr-CA". */
  locale: string;
  messages: Messages;
  /** gid://shopify/Order/<id> */
  orderGid: string;
  orderName?: string;
  sessionToken: () => Promise<string>;
  navigate?: (url: string) => void;
  onMissingTranslation?: (key: string) => void;
};

export type ShopperHost = Host & { orderId: string };

export function createShopperHost(options: ShopperHostOptions): ShopperHost {
  const translate = createTranslator(options.messages, options.onMissingTranslation);
  const signal = <T>(value: T) => ({ value, subscribe: () => () => {} });
  const language = signal({ isoCode: options.locale });
  const host = {
    i18n: {
      translate: ((key: string, values?: Record<string, unknown>) => translate(key, values)) as Host["i18n"]["translate"],
      formatCurrency: (n: number | bigint, o: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(options.locale, { style: "currency", ...o }).format(n),
      formatNumber: (n: number | bigint, o: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(options.locale, o).format(n),
      formatDate: (d: Date, o: Intl.DateTimeFormatOptions = {}) => new Intl.DateTimeFormat(options.locale, o).format(d),
    },
    localization: { language },
    navigation: { navigate: (url: string) => options.navigate?.(url) },
    sessionToken: { get: options.sessionToken },
    orderId: options.orderGid,
    order: signal({ id: options.orderGid, name: options.orderName ?? "" }),
  };
  return host as unknown as ShopperHost;
}
