// `npm run demo`: the real app, offline. Applies migrations, builds, installs the demo shops,
// then serves on http://localhost:3000 (PORT to change) and prints the URLs to open.
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./db/database-url.mjs";
import { migrate, useWriteAheadLog } from "./db/migrate.mjs";
import { run } from "./db/run.mjs";

const port = Number(process.env.PORT || 3000);
const demoEnv = {
  NODE_ENV: "development",
  CLAUSE_DEMO: "1",
  // Demo credentials: the demo signs its own session tokens with this secret.
  SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY ?? "clause-demo-api-key",
  SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET ?? "clause-demo-api-secret",
  SHOPIFY_APP_URL: `http://localhost:${port}`,
  DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(projectRoot, "data", "demo.sqlite")}`,
  PORT: String(port),
};
if (process.env.NODE_ENV === "production") {
  console.error("npm run demo refuses to run with NODE_ENV=production.");
  process.exit(1);
}
Object.assign(process.env, demoEnv);

console.log("Clause demo: applying migrations…");
await migrate(demoEnv.DATABASE_URL, { quiet: true });
await useWriteAheadLog(demoEnv.DATABASE_URL);
console.log("Clause demo: building…");
run("remix", ["vite:build"], {}, { quiet: true });
console.log("Clause demo: installing the demo shops…");
run("tsx", ["scripts/demo-seed.ts"], demoEnv);

// tsx loads the TypeScript stand-in that replaces Shopify's network edge in the demo.
const server = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "server.mjs")], {
  cwd: projectRoot,
  env: process.env,
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (String(chunk).includes("listening")) {
    console.log(`\n  Open the demo:   http://localhost:${port}/demo`);
    console.log(`  Health check:    http://localhost:${port}/healthz\n`);
  }
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.kill(signal));
