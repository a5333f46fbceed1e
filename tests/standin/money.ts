// Money inside the stand-in: integer minor units of the shop currency. Amounts leave as Shopify
// formats `Decimal` ("10.0", "19.99", "1500.0" — at least one fractional digit, no trailing
// zeros beyond it) and enter as decimal strings (or numbers) in the currency's major unit.
// Deliberately independent of app/domain/money: the stand-in must not inherit the app's bugs.

const ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);

export function currencyDigits(currencyCode: string): number {
  if (ZERO_DECIMAL.has(currencyCode)) return 0;
  if (THREE_DECIMAL.has(currencyCode)) return 3;
  return 2;
}

/** Minor units → Shopify's Decimal output. */
export function formatMinor(minor: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit);
  let frac = digits === 0 ? "" : String(abs % unit).padStart(digits, "0").replace(/0+$/, "");
  if (frac === "") frac = "0";
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

/**
 * A Decimal input ("12", "12.5", 12.5) → minor units, rounded half away from zero at the
 * currency's digits. Returns null for anything that is not a plain decimal.
 */
export function parseMinor(value: unknown, currencyCode: string): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : typeof value === "string" ? value.trim() : "";
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const digits = currencyDigits(currencyCode);
  const sign = match[1] === "-" ? -1 : 1;
  const whole = Number(match[2]);
  const fracText = match[3] ?? "";
  const kept = Number((fracText + "0".repeat(digits)).slice(0, digits) || "0");
  const roundUp = fracText.length > digits && Number(fracText[digits]) >= 5 ? 1 : 0;
  return sign * (whole * 10 ** digits + kept + roundUp);
}

/** `percentage` of `minor`, rounded half up to a minor unit (percentages are 0–100). */
export function percentOf(minor: number, percentage: number): number {
  return Math.round((minor * percentage) / 100);
}

/** A MoneyBag in the shop currency (the stand-in's orders have no separate presentment currency). */
export function moneyBag(minor: number, currencyCode: string) {
  const money = moneyV2(minor, currencyCode);
  return { shopMoney: money, presentmentMoney: money };
}

export function moneyV2(minor: number, currencyCode: string) {
  return { amount: formatMinor(minor, currencyCode), currencyCode };
}
