// `npm run e2e`: the offline demo in a real browser. Builds the app (as `npm run demo` does),
// starts the demo on a fresh SQLite database (data/e2e.sqlite) and a free port, waits for
// /healthz, runs the flows in tests/e2e/flows with headless Chromium (tests/e2e/run.ts, under
// tsx), and always stops the server. Screenshots: artifacts/screenshots/<flow>-<nn>-<step>.png;
// report: artifacts/e2e.json; server output: artifacts/e2e-server.log. Each screenshot is also an
// axe-core check (artifacts/axe.json) and the web-vitals flow measures LCP/CLS of every admin
// page (artifacts/web-vitals.json): serious/critical violations and missed goals fail the flow.
//   npm run e2e                      build, then every flow
//   npm run e2e -- --no-build purtly  reuse build/, only flows whose name contains "purtly"
// Chromium: CHROMIUM_PATH, default /usr/bin/chromium (never downloaded by Playwright).
// Ends with "e2e: N passed, N failed" (flows); exits 1 when a flow or the setup failed.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, closeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "./db/database-url.mjs";
import { migrate, useWriteAheadLog } from "./db/migrate.mjs";
import { run } from "./db/run.mjs";
import { freePort, stopServer, waitForHealth } from "./server-process.mjs";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const artifacts = path.join(projectRoot, "artifacts");
export const e2eReportFile = path.join(artifacts, "e2e.json");
const serverLog = path.join(artifacts, "e2e-server.log");
const dbFile = path.join(projectRoot, "data", "e2e.sqlite");
const evidenceDir = path.join(projectRoot, "data", "e2e-evidence");

/** The Chromium the e2e would launch, or null when it is not installed. */
export function chromiumPath() {
  const candidate = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return existsSync(candidate) ? candidate : null;
}


const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function tail(file, lines = 40) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}



/**
 * Runs the e2e; resolves to { ok, passed, failed, timings }. `build: false` reuses build/
 * (the caller just built it). Never leaves the server running.
 */
export async function runE2e({ build = true, filters = [] } = {}) {
  const timings = [];
  const timed = async (name, work) => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings.push([name, Date.now() - started]);
    }
  };
  const started = Date.now();
  rmSync(e2eReportFile, { force: true });
  mkdirSync(artifacts, { recursive: true });

  const chromium = chromiumPath();
  if (!chromium) {
    console.error(`e2e: Chromium not found at ${process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
    return { ok: false, passed: 0, failed: 1, timings, setupFailed: true };
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "development",
    CLAUSE_DEMO: "1",
    // The demo's own credentials: it signs its session tokens with this secret.
    SHOPIFY_API_KEY: "clause-demo-api-key",
    SHOPIFY_API_SECRET: "clause-demo-api-secret",
    SHOPIFY_APP_URL: baseUrl,
    DATABASE_URL: `file:${dbFile}`,
    CLAUSE_EVIDENCE_DIR: evidenceDir,
    PORT: String(port),
    CHROMIUM_PATH: chromium,
  };

  let server = null;
  const onSignal = (signal) => {
    void stopServer(server).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (build) {
      console.log("e2e: building the app…");
      await timed("build", () => run("remix", ["vite:build"], { NODE_ENV: "development" }, { quiet: true }));
    } else if (!existsSync(path.join(projectRoot, "build", "server", "index.js"))) {
      throw new Error("--no-build, but there is no build/ (run without it once)");
    }
    console.log(`e2e: fresh database ${path.relative(projectRoot, dbFile)}…`);
    await timed("database", async () => {
      for (const file of [dbFile, `${dbFile}-journal`, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(file, { force: true });
      rmSync(evidenceDir, { recursive: true, force: true });
      await migrate(env.DATABASE_URL, { quiet: true });
      await useWriteAheadLog(env.DATABASE_URL);
      run("tsx", ["scripts/demo-seed.ts"], env, { quiet: true });
    });

    console.log(`e2e: starting the demo on ${baseUrl}…`);
    await timed("server start", async () => {
      const log = openSync(serverLog, "w");
      server = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "server.mjs")], { cwd: projectRoot, env, stdio: ["ignore", log, log] });
      closeSync(log);
      await waitForHealth(`${baseUrl}/healthz`, server);
    });
    for (const line of tail(serverLog, 200).split("\n")) if (line.startsWith("Demo:")) console.log(`e2e: ${line}`);

    const code = await timed("flows", async () => {
      const runner = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "tests", "e2e", "run.ts"), ...filters], {
        cwd: projectRoot,
        env: { ...env, E2E_BASE_URL: baseUrl, E2E_ORCHESTRATED: "1" },
        stdio: "inherit",
      });
      const [exitCode, signal] = await once(runner, "exit");
      return exitCode ?? (signal ? 1 : 0);
    });
    if (code !== 0 && !existsSync(e2eReportFile)) throw new Error(`the flow runner exited with ${code} before reporting`);
  } catch (error) {
    console.error(`e2e: setup FAILED — ${error instanceof Error ? error.message : String(error)}`);
    console.error(`── last lines of ${path.relative(projectRoot, serverLog)}:\n${tail(serverLog)}`);
  } finally {
    await timed("server stop", () => stopServer(server));
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  let report = null;
  try {
    report = JSON.parse(readFileSync(e2eReportFile, "utf8"));
  } catch {
    // setup failed before the flows reported
  }
  timings.push(["total", Date.now() - started]);
  console.log(`e2e timings: ${timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(" · ")}`);
  if (report?.failed === 0) console.log(`e2e: screenshots in ${path.relative(projectRoot, path.join(artifacts, "screenshots"))}/`);
  else if (report) console.log(`e2e: server output in ${path.relative(projectRoot, serverLog)}`);
  const passed = report?.passed ?? 0;
  const failed = report ? report.failed : 1;
  return { ok: Boolean(report) && failed === 0, passed, failed, timings, setupFailed: !report };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const result = await runE2e({ build: !args.includes("--no-build"), filters: args.filter((a) => !a.startsWith("-")) });
  console.log(`e2e: ${result.passed} passed, ${result.failed} failed${result.setupFailed ? " (setup failed)" : ""}`);
  process.exit(result.ok ? 0 : 1);
}
