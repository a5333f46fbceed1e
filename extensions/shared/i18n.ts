// Every string the shopper reads comes from the extension's locale files (locales/*.json, the
// English one is the default) through Shopify's i18n; money and dates are formatted by Shopify
// in the customer's locale. `MessageKey` is the set of keys of en.default.json, so a key that
// does not exist fails the typecheck.
import type en from "../clause-returns/locales/en.default.json";
import { host } from "./host";
import type { Money } from "./portal-types";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;

export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return String(host().i18n.translate(key, values));
}

/** "$12.50", "12,50 €": an amount in its own currency. */
export function formatMoney(money: Money): string {
  return host().i18n.formatCurrency(Number(money.amount), { currency: money.currencyCode });
}

/** A day, in the customer's locale ("Nov 23, 2026"). */
export function formatDay(iso: string): string {
  return host().i18n.formatDate(new Date(iso), { year: "numeric", month: "short", day: "numeric" });
}

/** 85 → "85%" (or "85 %", as the locale writes it). */
export function formatPercent(percent: number): string {
  return host().i18n.formatNumber(percent / 100, { style: "percent", maximumFractionDigits: 2 });
}
