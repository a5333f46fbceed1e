// `npm run bench`: every benchmark, one after another (benchmarks, not timed tests). Each stage
// is its own process writing artifacts/bench-<name>.json; a stage that fails is reported and the
// others still run. Then the figures are merged into artifacts/bench.json under the issue's key
// names (units in the names), with the machine they ran on and the goals, and printed as a
// table. Exit code 0 even when goals are missed; non-zero only when a stage failed.
//   node scripts/bench.mjs [--only name,name]     names: policy simulation queue webhooks admin portal extensions
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "./db/database-url.mjs";

const artifacts = path.join(projectRoot, "artifacts");
const bin = path.join(projectRoot, "node_modules", ".bin");

/** Top-level numbers of a benchmark's JSON (its figures; explanations sit in nested objects). */
const topLevelNumbers = (json, skip = []) => Object.fromEntries(Object.entries(json).filter(([k, v]) => typeof v === "number" && Number.isFinite(v) && !skip.includes(k)));

const stages = [
  {
    name: "policy",
    title: "policy decisions",
    command: ["tsx", "bench/policy.bench.ts"],
    artifact: "bench-policy.json",
    figures: (j) => ({ policy_decisions_per_s: j.decisionsPerSecond, policy_vs_json_parse_ratio: j.ratioDecideToJsonParse, policy_validate_and_decide_per_s: j.validateAndDecidePerSecond }),
  },
  { name: "simulation", title: "policy simulation, 100,000 orders", command: ["tsx", "bench/simulation.bench.ts"], artifact: "bench-simulation.json", figures: (j) => topLevelNumbers(j) },
  { name: "queue", title: "return queue page, 10,000 cases", command: ["tsx", "bench/queue-page.bench.ts"], artifact: "bench-queue-page.json", figures: (j) => topLevelNumbers(j) },
  { name: "webhooks", title: "webhook ack, burst of 1,000", command: ["tsx", "bench/webhook-ack.bench.ts"], artifact: "bench-webhook-ack.json", figures: (j) => topLevelNumbers(j) },
  { name: "admin", title: "Admin API per return lifecycle", command: ["tsx", "bench/admin-lifecycle.bench.ts"], artifact: "bench-admin-lifecycle.json", figures: (j) => topLevelNumbers(j) },
  {
    name: "portal",
    title: "shopper portal latency",
    command: ["node", "bench/portal-latency.mjs"],
    artifact: "bench-portal.json",
    optional: "bench/portal-latency.mjs",
    figures: (j) => topLevelNumbers(j, ["seconds"]),
    goals: (j, figures) => {
      // Its goals are maxima by key; a goal for portal_p95_ms also holds for portal_p95_ms_<database>.
      const goals = {};
      for (const [key, goal] of Object.entries(j.goals ?? {})) {
        const text = typeof goal === "number" ? `≤ ${goal}` : String(goal);
        for (const k of Object.keys(figures)) if (k === key || k.startsWith(`${key}_`)) goals[k] = text;
      }
      return goals;
    },
  },
  {
    name: "extensions",
    title: "UI extension bundles",
    command: ["node", "bench/extension-bundle.mjs"],
    artifact: "bench-extension-bundle.json",
    figures: (j) => {
      const sizes = Object.entries(j.extensions ?? {}).map(([handle, e]) => [`extension_bundle_kb_${handle}`, e.kb]);
      return { ...(sizes.length ? { extension_bundle_kb: Math.max(...sizes.map(([, kb]) => kb)) } : {}), ...Object.fromEntries(sizes) };
    },
    goals: (j, figures) => Object.fromEntries(Object.keys(figures).map((k) => [k, `≤ ${j.goalKb ?? 32}`])),
  },
];

/** The issue's keys, in its order; each appears in bench.json (null when its stage gave none). */
const GOALS = {
  policy_decisions_per_s: "≥ 50000",
  policy_vs_json_parse_ratio: "≤ 2",
  simulation_100k_orders_s: "≤ 5",
  admin_requests_per_lifecycle: "≤ 10 (1 read + 1 write per step, 5 steps)",
  admin_reads_per_step_max: "≤ 1",
  admin_writes_per_step_max: "≤ 1",
  admin_max_query_cost: "≤ 100",
  webhook_ack_p99_ms: "≤ 100",
  queue_page_p95_ms: "≤ 150",
  extension_bundle_kb: "≤ 32",
};
const ISSUE_KEYS = ["policy_decisions_per_s", "policy_vs_json_parse_ratio", "simulation_100k_orders_s", "admin_requests_per_lifecycle", "admin_max_query_cost", "webhook_ack_p99_ms", "queue_page_p95_ms", "extension_bundle_kb"];

/** "≤ 150 …" / "≥ 50000 …": met, missed, or null when there is no goal or no value. */
function verdict(value, goal) {
  const m = /^\s*(≤|≥|<=|>=)\s*(-?[\d.]+)/.exec(goal ?? "");
  if (!m || typeof value !== "number") return null;
  const bound = Number(m[2]);
  return m[1] === "≤" || m[1] === "<=" ? value <= bound : value >= bound;
}

const only = (() => {
  const i = process.argv.indexOf("--only");
  return i >= 0 ? new Set(process.argv[i + 1].split(",")) : null;
})();

const loadBefore = os.loadavg();
const started = Date.now();
mkdirSync(artifacts, { recursive: true });
const results = [];
for (const stage of stages) {
  if (only && !only.has(stage.name)) continue;
  const artifact = path.join(artifacts, stage.artifact);
  if (stage.optional && !existsSync(path.join(projectRoot, stage.optional))) {
    console.log(`\n━━ bench: ${stage.title} — skipped (${stage.optional} does not exist)`);
    results.push({ stage, status: "skipped", seconds: 0 });
    continue;
  }
  console.log(`\n━━ bench: ${stage.title}`);
  rmSync(artifact, { force: true }); // only this run's figures are merged
  const t = Date.now();
  const [cmd, ...args] = stage.command;
  const run = spawnSync(path.join(bin, cmd), args, {
    cwd: projectRoot,
    stdio: "inherit",
    // node_modules/.bin first: its node is the project's Node 24, whatever ran this script.
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, SHOPIFY_CLI_NO_ANALYTICS: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  const seconds = Math.round((Date.now() - t) / 100) / 10;
  const status = run.status === 0 ? "ok" : "failed";
  const exit = run.status ?? run.signal ?? run.error?.message;
  if (status === "failed") console.error(`✗ ${stage.title} failed (exit ${exit}) after ${seconds} s; going on with the next stage`);
  results.push({ stage, status, exit, seconds, json: existsSync(artifact) ? JSON.parse(readFileSync(artifact, "utf8")) : null });
}

// ── Merge.
const figures = Object.fromEntries(ISSUE_KEYS.map((k) => [k, null]));
const goals = { ...GOALS };
for (const r of results) {
  if (!r.json) continue;
  const f = r.stage.figures(r.json);
  Object.assign(figures, f);
  Object.assign(goals, r.stage.goals?.(r.json, f) ?? {});
}
const cpus = os.cpus();
const report = {
  ...figures,
  machine: {
    cpus: cpus.length,
    model: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
    loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  goals: Object.fromEntries(Object.entries(goals).filter(([k]) => k in figures)),
  stages: results.map((r) => ({ name: r.stage.name, status: r.status, ...(r.status === "failed" ? { exit: r.exit } : {}), seconds: r.seconds, artifact: r.json ? `artifacts/${r.stage.artifact}` : null })),
  totalSeconds: Math.round((Date.now() - started) / 100) / 10,
};
writeFileSync(path.join(artifacts, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);

// ── The table: the issue's keys and every figure with a goal; then the other figures.
const table = (keys) => {
  const rows = [["key", "value", "goal", ""]];
  for (const key of keys) {
    const value = figures[key];
    const v = verdict(value, goals[key]);
    rows.push([key, value === null ? "—" : value.toLocaleString("en-US"), goals[key] ?? "", value === null ? "no figure" : v === null ? "" : v ? "met" : "MISSED"]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, n) => {
    console.log(r.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd());
    if (n === 0) console.log(widths.map((w) => "─".repeat(w)).join("  ").trimEnd());
  });
};
const keys = [...ISSUE_KEYS, ...Object.keys(figures).filter((k) => !ISSUE_KEYS.includes(k))];
const withGoal = keys.filter((k) => ISSUE_KEYS.includes(k) || goals[k]);
console.log(`\n━━ bench: results (${report.machine.cpus} × ${report.machine.model}, node ${report.machine.node}, load ${report.machine.loadAverageBefore.join(" ")})`);
table(withGoal);
console.log("\nmore figures:");
table(keys.filter((k) => !withGoal.includes(k)));
console.log("");
for (const r of results) console.log(`${r.status === "ok" ? "✓" : r.status === "skipped" ? "–" : "✗"} ${r.stage.title}: ${r.status}${r.status === "failed" ? ` (exit ${r.exit})` : ""}, ${r.seconds} s`);
const missed = keys.filter((k) => verdict(figures[k], goals[k]) === false);
console.log(`\n${missed.length ? `goals missed: ${missed.join(", ")}` : "every goal with a figure is met"}`);
console.log(`wrote artifacts/bench.json in ${report.totalSeconds} s`);
if (results.some((r) => r.status === "failed")) process.exitCode = 1;
