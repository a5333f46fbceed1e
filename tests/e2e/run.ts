// Runs the e2e flows (every tests/e2e/flows/*.flow.ts module's `flows`) against a running demo:
//   E2E_BASE_URL=http://localhost:3000 DATABASE_URL=file:… tsx tests/e2e/run.ts [flow-name …]
// `npm run e2e` (scripts/e2e.mjs) starts a fresh demo and runs this. Arguments keep only the
// flows whose name contains one of them. Exit code 1 when a flow failed.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { closeDemoDb } from "./demo-data";
import { runFlows, type Flow } from "./driver";

const flowsDir = path.join(import.meta.dirname, "flows");

async function discover(): Promise<Flow[]> {
  const flows: Flow[] = [];
  for (const file of readdirSync(flowsDir).filter((f) => f.endsWith(".flow.ts")).sort()) {
    const mod = (await import(pathToFileURL(path.join(flowsDir, file)).href)) as { flows?: Flow[] };
    if (!Array.isArray(mod.flows)) throw new Error(`tests/e2e/flows/${file} must export \`flows\` (an array of defineFlow(...))`);
    flows.push(...mod.flows);
  }
  const seen = new Set<string>();
  for (const f of flows) {
    if (seen.has(f.name)) throw new Error(`two e2e flows are named "${f.name}"`);
    seen.add(f.name);
  }
  return flows;
}

const baseUrl = process.env.E2E_BASE_URL;
if (!baseUrl) {
  console.error("E2E_BASE_URL is not set: run `npm run e2e`, or point it at a running demo.");
  process.exit(2);
}
const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const all = await discover();
const selected = filters.length ? all.filter((f) => filters.some((x) => f.name.includes(x))) : all;
if (!selected.length) {
  console.error(`No e2e flow matches ${filters.join(", ")} (flows: ${all.map((f) => f.name).join(", ")}).`);
  process.exit(2);
}
try {
  const report = await runFlows(selected, { baseUrl });
  // scripts/e2e.mjs prints the summary itself, after the server has stopped.
  if (!process.env.E2E_ORCHESTRATED) console.log(`e2e: ${report.passed} passed, ${report.failed} failed`);
  process.exitCode = report.failed ? 1 : 0;
} finally {
  await closeDemoDb();
}
