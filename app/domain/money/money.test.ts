import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyBasisPoints,
  applyPercent,
  formatAmount,
  formatBasisPoints,
  isDecimalAmount,
  minorUnits,
  parseAmount,
  parseDecimal,
  percentToBasisPoints,
  rescale,
} from "./index";

describe("currency minor units", () => {
  it("knows the usual two-decimal currencies", () => {
    for (const c of ["USD", "EUR", "GBP", "CAD", "AUD"]) expect(minorUnits(c)).toBe(2);
  });
  it("knows zero- and three-decimal currencies", () => {
    expect(minorUnits("JPY")).toBe(0);
    expect(minorUnits("KRW")).toBe(0);
    expect(minorUnits("KWD")).toBe(3);
    expect(minorUnits("BHD")).toBe(3);
  });
  it("defaults to 2 for unknown codes and is case-insensitive", () => {
    expect(minorUnits("XYZ")).toBe(2);
    expect(minorUnits("jpy")).toBe(0);
  });
});

describe("parsing decimal strings into minor units", () => {
  it("parses Shopify amounts exactly", () => {
    expect(parseAmount("19.99", "USD")).toBe(1999n);
    expect(parseAmount("20.0", "USD")).toBe(2000n);
    expect(parseAmount("7", "USD")).toBe(700n);
    expect(parseAmount("1500.0", "JPY")).toBe(1500n);
    expect(parseAmount("1.25", "KWD")).toBe(1250n);
    expect(parseAmount("0.001", "KWD")).toBe(1n);
    expect(parseAmount("-3.50", "EUR")).toBe(-350n);
  });
  it("rounds extra digits half up (away from zero)", () => {
    expect(parseDecimal("0.125", 2)).toBe(13n);
    expect(parseDecimal("0.124", 2)).toBe(12n);
    expect(parseDecimal("1500.5", 0)).toBe(1501n);
    expect(parseDecimal("-0.125", 2)).toBe(-13n);
  });
  it("handles amounts beyond 2^53 without losing digits", () => {
    expect(parseAmount("123456789012345678.91", "USD")).toBe(12345678901234567891n);
  });
  it("rejects anything that is not a plain decimal", () => {
    for (const bad of ["", "-", "1.", ".5", "1e3", "1,000.00", " 1.00", "1.00 ", "abc", "0x10", "1.2.3"]) {
      expect(() => parseAmount(bad, "USD")).toThrow();
      expect(isDecimalAmount(bad)).toBe(false);
    }
  });
});

describe("formatting minor units", () => {
  it("writes exactly the currency's digits", () => {
    expect(formatAmount(1999n, "USD")).toBe("19.99");
    expect(formatAmount(5n, "USD")).toBe("0.05");
    expect(formatAmount(0n, "USD")).toBe("0.00");
    expect(formatAmount(1500n, "JPY")).toBe("1500");
    expect(formatAmount(1250n, "KWD")).toBe("1.250");
    expect(formatAmount(-350n, "EUR")).toBe("-3.50");
  });
  it("round-trips any integer amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.constantFrom("USD", "JPY", "KWD"), (minor, currency) => {
        expect(parseAmount(formatAmount(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe("percentages", () => {
  it("converts percentages with up to two decimals to basis points", () => {
    expect(percentToBasisPoints(85)).toBe(8500);
    expect(percentToBasisPoints(87.5)).toBe(8750);
    expect(percentToBasisPoints(12.34)).toBe(1234);
    expect(() => percentToBasisPoints(12.345)).toThrow();
    expect(() => percentToBasisPoints(Number.NaN)).toThrow();
  });
  it("formats basis points without trailing zeros", () => {
    expect(formatBasisPoints(8500)).toBe("85");
    expect(formatBasisPoints(8750)).toBe("87.5");
    expect(formatBasisPoints(1205)).toBe("12.05");
    expect(formatBasisPoints(0)).toBe("0");
  });
  it("applies a percentage with round-half-up on the total", () => {
    // 84.98 = 99.98 × 0.85 = 84.983 → 84.98
    expect(applyPercent(9998n, 85)).toBe(8498n);
    // 0.05 × 0.5 = 0.025 → 0.03 (half up)
    expect(applyPercent(5n, 50)).toBe(3n);
    // 0.01 × 0.85 = 0.0085 → 0.01
    expect(applyPercent(1n, 85)).toBe(1n);
    // 0.01 × 0.45 = 0.0045 → 0.00
    expect(applyPercent(1n, 45)).toBe(0n);
    // JPY: 1,499 × 0.85 = 1,274.15 → 1,274
    expect(applyPercent(1499n, 85)).toBe(1274n);
    // KWD: 1.235 × 0.85 = 1.04975 → 1.050
    expect(applyPercent(1235n, 85)).toBe(1050n);
    expect(applyBasisPoints(-5n, 5000)).toBe(-3n);
  });
  it("never exceeds the amount and is never negative for 0–100%", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 10_000 }), (minor, bp) => {
        const r = applyBasisPoints(minor, bp);
        expect(r >= 0n && r <= minor).toBe(true);
        // within half a minor unit of the exact value: |r·10000 − minor·bp| ≤ 5000
        const diff = r * 10_000n - minor * BigInt(bp);
        expect(diff <= 5000n && diff > -5000n).toBe(true);
      }),
    );
  });
  it("rescales between digit counts", () => {
    expect(rescale(1999n, 2, 3)).toBe(19990n);
    expect(rescale(1995n, 3, 2)).toBe(200n);
    expect(rescale(1994n, 3, 2)).toBe(199n);
  });
});
