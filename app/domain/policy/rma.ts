/** RMA numbering: "RMA-1042" from the policy's prefix, minimum digits and a sequence number. */
import type { Policy } from "./schema";

export type RmaFormat = Pick<Policy["rma"], "prefix" | "minDigits">;

/** Formats sequence `sequence` (a whole number ≥ 0) as an RMA number, e.g. formatRma({ prefix: "RMA-", minDigits: 4 }, 42) → "RMA-0042". */
export function formatRma(rma: RmaFormat, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new RangeError(`An RMA sequence must be a whole number ≥ 0: ${sequence}`);
  return rma.prefix + String(sequence).padStart(rma.minDigits, "0");
}

/** Parses an RMA number of this format back to its sequence; null when it does not match. */
export function parseRma(rma: RmaFormat, text: string): number | null {
  if (!text.startsWith(rma.prefix)) return null;
  const digits = text.slice(rma.prefix.length);
  if (digits.length < rma.minDigits || !/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  return formatRma(rma, n) === text ? n : null;
}
