// Figures a reliability check measured, written to artifacts/reliability/<check>.<provider>.json
// for scripts/test-reliability.mjs to print (one "figure: <name> = <value>" line each).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const figuresDir = path.resolve(import.meta.dirname, "..", "..", "artifacts", "reliability");

export function recordFigures(check: string, provider: string, figures: Record<string, number>) {
  mkdirSync(figuresDir, { recursive: true });
  writeFileSync(path.join(figuresDir, `${check}.${provider}.json`), `${JSON.stringify({ check, provider, figures }, null, 2)}\n`);
}
