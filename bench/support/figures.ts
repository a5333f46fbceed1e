// Small helpers the benchmarks share: percentiles of measured times, a plain-text table, and the
// artifacts/bench-<name>.json each one writes (scripts/bench.mjs merges them into bench.json).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Nearest-rank percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export type Distribution = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function distribution(samples: readonly number[]): Distribution {
  const mean = samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length);
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
    mean: round(mean),
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Milliseconds since `start` (performance.now()). */
export const msSince = (start: number) => performance.now() - start;

/** Prints rows as aligned columns; the first row is the header. */
export function printTable(rows: ReadonlyArray<ReadonlyArray<string | number>>): void {
  const text = rows.map((r) => r.map((c) => (typeof c === "number" ? c.toLocaleString("en-US") : c)));
  const widths = text[0]!.map((_, i) => Math.max(...text.map((r) => (r[i] ?? "").length)));
  text.forEach((r, n) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
    if (n === 0) console.log(widths.map((w) => "─".repeat(w)).join("  "));
  });
}

/** Where and on what it ran: a figure means little without the machine and its load. */
export function environment() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    loadAverage: os.loadavg().map((x) => round(x)),
  };
}

/**
 * Writes artifacts/bench-<name>.json: the figures (numbers, units in the key names) at
 * the top level, then what explains them under `details`.
 */
export function writeFigures(name: string, figures: Record<string, number>, details: Record<string, unknown>): string {
  const out = path.join(projectRoot, "artifacts", `bench-${name}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...figures, details: { ...details, environment: environment(), measuredAt: new Date().toISOString() } }, null, 2)}\n`);
  return out;
}
