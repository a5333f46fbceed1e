/**
 * Token normalization for exclusion matching: case-insensitive, with spaces,
 * hyphens and underscores treated alike ("Final Sale" = "final-sale" =
 * "FINAL_SALE"). Runs of separators collapse and edge separators are dropped,
 * so "final -  sale " matches too. Written as a char loop (no regex) because it
 * runs on every product tag of every requested line.
 */
const memo = new Map<string, string>();
const MAX_MEMO = 20_000;

export function normalizeToken(raw: string): string {
  const cached = memo.get(raw);
  if (cached !== undefined) return cached;
  const lower = raw.toLowerCase();
  let out = "";
  let pendingSeparator = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32 || c === 45 || c === 95 || c === 9) {
      pendingSeparator = out.length > 0;
      continue;
    }
    if (pendingSeparator) {
      out += "-";
      pendingSeparator = false;
    }
    out += lower[i];
  }
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(raw, out);
  return out;
}
