/**
 * ISO 4217 minor units (number of digits after the decimal separator).
 *
 * Only currencies whose minor unit differs from 2 are listed; everything else
 * (USD, EUR, GBP, CAD, AUD, …) uses the default of 2. Shopify's `MoneyV2.amount`
 * is a decimal string in the currency's major unit, so these digits decide how an
 * amount such as "1500" or "12.345" is turned into integer minor units.
 */
const NON_DEFAULT_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  // Zero-decimal currencies.
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // Three-decimal currencies.
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // Four-decimal units of account.
  CLF: 4,
  UYW: 4,
});

/** Digits used when a currency is not in the table. */
export const DEFAULT_MINOR_UNITS = 2;

/** Explicit table for the common currencies plus every non-default one (documentation and tests). */
export const CURRENCY_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  MXN: 2,
  BRL: 2,
  INR: 2,
  CNY: 2,
  HKD: 2,
  SGD: 2,
  ...NON_DEFAULT_MINOR_UNITS,
});

/** Number of minor-unit digits for an ISO 4217 code (case-insensitive); 2 when unknown. */
export function minorUnits(currencyCode: string): number {
  const exact = NON_DEFAULT_MINOR_UNITS[currencyCode];
  if (exact !== undefined) return exact;
  const upper = currencyCode.toUpperCase();
  if (upper === currencyCode) return DEFAULT_MINOR_UNITS;
  return NON_DEFAULT_MINOR_UNITS[upper] ?? DEFAULT_MINOR_UNITS;
}

/** A syntactically valid ISO 4217 alphabetic code (three ASCII capitals). */
export function isCurrencyCode(value: string): boolean {
  if (value.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = value.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}
