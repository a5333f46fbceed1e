/**
 * Exact money arithmetic in integer minor units (BigInt). Never floating point:
 * amounts enter as decimal strings (Shopify `MoneyV2.amount`), are held as
 * `bigint` minor units, and leave as decimal strings with exactly the
 * currency's number of digits.
 */
import { minorUnits } from "./currency";

export class MoneyError extends Error {
  override readonly name = "MoneyError";
}

const ZERO = 0n;
const TEN_THOUSAND = 10_000n;
const POW10: readonly bigint[] = [1n, 10n, 100n, 1_000n, 10_000n, 100_000n, 1_000_000n];

function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/**
 * Parses a plain decimal string ("12", "12.5", "-0.125", "+3.00") into an
 * integer number of `scale`-digit minor units. Digits beyond `scale` are
 * rounded half up (half away from zero), so "0.125" at scale 2 is 13.
 * Exponents, thousands separators, spaces and empty parts ("1.", ".5") are
 * rejected: the Admin API never sends them, and accepting them would hide bad data.
 */
export function parseDecimal(text: string, scale: number): bigint {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0) {
    const c = text.charCodeAt(0);
    if (c === 45 /* - */) {
      negative = true;
      i = 1;
    } else if (c === 43 /* + */) {
      i = 1;
    }
  }
  const intStart = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const intEnd = i;
  if (intEnd === intStart) throw new MoneyError(`Not a decimal amount: ${JSON.stringify(text)}`);
  let fracStart = i;
  let fracEnd = i;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */) throw new MoneyError(`Not a decimal amount: ${JSON.stringify(text)}`);
    i++;
    fracStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    fracEnd = i;
    if (fracEnd === fracStart || i !== n) throw new MoneyError(`Not a decimal amount: ${JSON.stringify(text)}`);
  }
  const fracLen = fracEnd - fracStart;
  let digits: string;
  let roundUp = false;
  if (fracLen <= scale) {
    digits = text.slice(intStart, intEnd) + text.slice(fracStart, fracEnd) + "0".repeat(scale - fracLen);
  } else {
    digits = text.slice(intStart, intEnd) + text.slice(fracStart, fracStart + scale);
    roundUp = text.charCodeAt(fracStart + scale) >= 53; /* '5' */
  }
  // Short amounts fit a double exactly; BigInt(number) is cheaper than BigInt(string).
  let value = digits.length <= 15 ? BigInt(Number(digits)) : BigInt(digits);
  if (roundUp) value += 1n;
  return negative ? -value : value;
}

/** Parses a decimal amount of `currencyCode` into integer minor units. */
export function parseAmount(amount: string, currencyCode: string): bigint {
  return parseDecimal(amount, minorUnits(currencyCode));
}

/** Formats integer minor units as a decimal string with exactly `scale` fraction digits. */
export function formatDecimal(minor: bigint, scale: number): string {
  const negative = minor < ZERO;
  const abs = negative ? -minor : minor;
  let s = abs.toString();
  if (scale > 0) {
    if (s.length <= scale) s = "0".repeat(scale - s.length + 1) + s;
    s = s.slice(0, s.length - scale) + "." + s.slice(s.length - scale);
  }
  return negative ? "-" + s : s;
}

/** Formats integer minor units of `currencyCode` as a decimal string ("12.50", "1500", "1.250"). */
export function formatAmount(minor: bigint, currencyCode: string): string {
  return formatDecimal(minor, minorUnits(currencyCode));
}

/**
 * Converts a percentage (0–100, at most two decimals, e.g. 85 or 87.5) to integer
 * basis points (hundredths of a percent). Percentages are configuration, not
 * money: they are validated once here so that all later arithmetic is integral.
 */
export function percentToBasisPoints(percent: number): number {
  if (!Number.isFinite(percent)) throw new MoneyError(`Not a percentage: ${percent}`);
  const bp = Math.round(percent * 100);
  if (Math.abs(bp - percent * 100) > 1e-6) {
    throw new MoneyError(`A percentage may have at most two decimals: ${percent}`);
  }
  return bp;
}

/** True when `percent` is a number with at most two decimals (representable in basis points). */
export function isBasisPointPercent(percent: number): boolean {
  return Number.isFinite(percent) && Math.abs(Math.round(percent * 100) - percent * 100) <= 1e-6;
}

/** "85", "87.5", "12.25" (no trailing zeros) from basis points. */
export function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = Math.abs(bp % 100);
  if (frac === 0) return String(whole);
  return `${bp < 0 && whole === 0 ? "-" : ""}${whole}.${frac % 10 === 0 ? String(frac / 10) : String(frac).padStart(2, "0")}`;
}

/**
 * `minor × bp / 10 000`, rounded half up (half away from zero) to a whole minor
 * unit. This is how a line's refund is computed from its gross amount: the
 * rounding happens once, on the line total, not per unit.
 */
export function applyBasisPoints(minor: bigint, bp: number | bigint): bigint {
  const product = minor * (typeof bp === "bigint" ? bp : BigInt(bp));
  const negative = product < ZERO;
  const abs = negative ? -product : product;
  let q = abs / TEN_THOUSAND;
  const r = abs - q * TEN_THOUSAND;
  if (r * 2n >= TEN_THOUSAND) q += 1n;
  return negative ? -q : q;
}

/** Percentage of an amount (percent with at most two decimals), rounded half up. */
export function applyPercent(minor: bigint, percent: number): bigint {
  return applyBasisPoints(minor, percentToBasisPoints(percent));
}

/** Converts minor units from one scale to another (e.g. 2 → 3 digits), rounding half up when digits are dropped. */
export function rescale(minor: bigint, fromScale: number, toScale: number): bigint {
  if (toScale === fromScale) return minor;
  if (toScale > fromScale) return minor * pow10(toScale - fromScale);
  const d = pow10(fromScale - toScale);
  const negative = minor < ZERO;
  const abs = negative ? -minor : minor;
  let q = abs / d;
  if ((abs - q * d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/** The larger of two amounts. */
export function maxMinor(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** The smaller of two amounts. */
export function minMinor(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Syntax check for a decimal amount string ("19.99", "-3", "1500.0") without parsing it. */
export function isDecimalAmount(text: string): boolean {
  const n = text.length;
  let i = 0;
  if (n > 0 && (text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43)) i = 1;
  const intStart = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === intStart) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 46) return false;
  i++;
  const fracStart = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i > fracStart && i === n;
}
