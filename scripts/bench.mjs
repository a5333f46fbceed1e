// `npm run bench`: every benchmark, one after another (benchmarks, not timed tests).
// Figures are printed and written under artifacts/.
import { run } from "./db/run.mjs";

const benches = [["policy decisions", ["bench/policy.bench.ts"]]];
for (const [name, args] of benches) {
  console.log(`\n━━ bench: ${name}`);
  run("tsx", args);
}
