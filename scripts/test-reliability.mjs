// `npm run test:reliability`: the "Prove it holds" checks (vitest project `reliability`, files under
// tests/reliability/) on SQLite, then on PostgreSQL (skipped with a notice when the server cannot
// be reached outside CI, as the db projects do). Each check writes what it measured to
// artifacts/reliability/<check>.<database>.json; this prints one "figure: <name> = <value>" line
// per figure (PostgreSQL's as <name>@postgres), then "reliability: N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./db/database-url.mjs";

const figuresDir = path.join(projectRoot, "artifacts", "reliability");
// Figures of an earlier run must not be printed as this run's.
rmSync(figuresDir, { recursive: true, force: true });

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

// The crash check runs in a vitest run of its own: its app processes share its SQLite database
// file in write-ahead-log mode, which the other checks' (file-copied) databases must not inherit.
const CRASHES = "tests/reliability/crashes.test.ts";
const runs = [
  { name: "checks", args: ["--exclude", CRASHES] },
  { name: "crashes", args: [CRASHES] },
];

let passed = 0;
let failed = 0;
for (const database of ["sqlite", "postgres"]) {
  console.log(`\n━━ reliability checks on ${database}`);
  for (const run of runs) {
    const report = path.join(figuresDir, `vitest.${database}.${run.name}.json`);
    const result = spawnSync(
      path.join(projectRoot, "node_modules", ".bin", "vitest"),
      ["run", "--project", "reliability", ...run.args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
      {
        cwd: projectRoot,
        stdio: "inherit",
        // Bounded: the checks are sized to finish in a few minutes on 2 cores.
        timeout: 9 * 60_000,
        env: { ...process.env, CLAUSE_RELIABILITY_DB: database, CLAUSE_LOG_LEVEL: "warning", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      },
    );
    const vitest = readJson(report);
    passed += vitest?.numPassedTests ?? 0;
    failed += vitest?.numFailedTests ?? 0;
    // A run that stopped before reporting (crash, time limit) counts as one failure.
    if (result.status !== 0 && !vitest?.numFailedTests) failed += 1;
    if (result.status !== 0) console.error(`━━ ${database} (${run.name}): vitest exited with ${result.status ?? result.signal}`);
  }
}

// In the order; the SQLite run's figures under their bare names, PostgreSQL's as <name>@postgres.
const checks = ["tenant-isolation", "authentication", "exactly-once-money", "faults", "crashes", "bad-input", "privacy", "embedding"];
const order = (file) => {
  const i = checks.indexOf(file.split(".")[0]);
  return `${i < 0 ? checks.length : i}:${file.includes(".postgres.") ? 1 : 0}:${file}`;
};
console.log("\nReliability figures:");
const files = existsSync(figuresDir) ? readdirSync(figuresDir).filter((f) => !f.startsWith("vitest.") && f.endsWith(".json")) : [];
files.sort((a, b) => order(a).localeCompare(order(b)));
const entries = files.map((file) => readJson(path.join(figuresDir, file))).filter(Boolean);
// A name two checks both use (cases, seconds, …) is printed as <check>.<name>.
const checksOf = new Map();
for (const e of entries) for (const name of Object.keys(e.figures)) checksOf.set(name, new Set([...(checksOf.get(name) ?? []), e.check]));
for (const entry of entries) {
  const suffix = entry.provider === "sqlite" ? "" : `@${entry.provider}`;
  for (const [name, value] of Object.entries(entry.figures)) {
    const shown = checksOf.get(name).size > 1 ? `${entry.check}.${name}` : name;
    console.log(`figure: ${shown}${suffix} = ${value}`);
  }
}
if (!files.length) console.log("(no check recorded figures)");
console.log(`reliability: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
