// `npm test`: everything a change must pass, in the order a failure is cheapest to find.
//   typecheck → lint → vitest (unit, db-sqlite, db-postgres, graphql) → shopify app build
// Ends with one summary line, "tests: N passed, N failed".
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./db/database-url.mjs";
import { run } from "./db/run.mjs";

const steps = [
  ["typecheck", () => run("tsc", ["--noEmit"])],
  ["lint", () => run("eslint", ["--max-warnings", "0", "."])],
  [
    "vitest: unit, db-sqlite, db-postgres, graphql",
    () =>
      run("vitest", ["run", "--reporter=default", "--reporter=json", "--outputFile.json=artifacts/vitest.json"], {
        // Keep Shopify's per-request INFO logs out of the test output.
        CLAUSE_LOG_LEVEL: "warning",
      }),
  ],
  ["shopify app build", () => run("shopify", ["app", "build"], { CI: "1" })],
];

let failed = null;
for (const [name, step] of steps) {
  console.log(`\n━━ ${name}`);
  const started = Date.now();
  try {
    step();
    console.log(`━━ ${name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    console.error(`━━ ${name}: FAILED — ${error.message}`);
    failed = name;
    break;
  }
}

let passed = 0;
let failedTests = 0;
try {
  const report = JSON.parse(readFileSync(path.join(projectRoot, "artifacts", "vitest.json"), "utf8"));
  passed = report.numPassedTests;
  failedTests = report.numFailedTests;
} catch {
  // vitest did not run (an earlier step failed)
}
console.log(`\n${failed ? `npm test FAILED at: ${failed}` : "npm test: all steps passed"}`);
// A failing step other than vitest (typecheck, lint, build) counts as one failure.
const stepFailures = failed && !failed.startsWith("vitest") ? 1 : 0;
console.log(`tests: ${passed} passed, ${failedTests + stepFailures} failed`);
process.exit(failed ? 1 : 0);
