// Shopper-portal latency under load: the eligibility preview (GET /api/portal/orders/:id/eligibility)
// at 200 requests/s against the running app with the Shopify stand-in (the built app served by
// server.mjs in demo mode), on SQLite and on PostgreSQL, next to a trivial route in the same run
// (/demo/app-bridge.js: a static script through Remix; /healthz would query the database).
// Per database: a fresh migrated database, the demo server on a free port, the demo's own
// customer-account tokens for orders its customers placed (/demo/shopper-token, as the shopper
// preview gets them), a check that every target answers 200 with the expected JSON, then
// bench/portal-load.mjs (autocannon, a second process) drives the bare route, the eligibility GET
// and the preview POST in turn, each after a warm-up. The server is always stopped, the database
// dropped. Writes artifacts/bench-portal.json and prints a table. Goals: p95 ≤ 50 ms, p95 ratio
// portal/bare ≤ 2.
//   node bench/portal-latency.mjs [options]
//   --no-build            reuse build/ as it is (default: build when missing or older than app/)
//   --seconds N           measured seconds of the eligibility GET (default 15; the others get a third)
//   --only sqlite|postgres
//   --phases a,b          only these of bare, portal, preview (with --cpu-prof: profile one of them)
//   --burst               autocannon's plain overallRate (bursts at the top of each second; see portal-load.mjs)
//   --cpu-prof            the server's CPU profile in artifacts/bench-portal-profile/ (where the time goes)
//   --standin-throttle    keep the stand-in's per-shop rate limit (Shopify's leaky bucket, 100 points/s);
//                         lifted by default: at 200 req/s it, not the app, would decide the latency
import { spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate, useWriteAheadLog } from "../scripts/db/migrate.mjs";
import { run } from "../scripts/db/run.mjs";
import { freePort, stopServer, waitForHealth } from "../scripts/server-process.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = path.join(root, "artifacts");
const outFile = path.join(artifacts, "bench-portal.json");
/** The server's output, per database. */
const serverLogOf = (provider) => path.join(artifacts, `bench-portal-server-${provider}.log`);
const RATE = 200;
const CONNECTIONS = 20;
const GOAL_P95_MS = 50;
const GOAL_RATIO = 2;
/** Warm-up seconds before each phase's measurement (the bare route and the preview need little). */
const WARMUP = { bare: 1, portal: 2, preview: 1 };
/** Orders (each with its customer's token) the load cycles through. */
const MAX_TARGETS = 10;
const postgresAdminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(option("--seconds") ?? 15);
// The bare route's latencies barely spread and the preview is an extra: a third of the time each.
const shortSeconds = Math.max(3, Math.round(seconds / 3));
const only = option("--only");
if (!(seconds > 0) || (only && !["sqlite", "postgres"].includes(only))) {
  console.error("usage: node bench/portal-latency.mjs [--no-build] [--seconds N] [--only sqlite|postgres] [--phases bare,portal,preview] [--burst] [--cpu-prof] [--standin-throttle]");
  process.exit(2);
}
const log = (line) => console.log(`bench portal: ${line}`);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds as scripts/e2e.mjs does, unless build/ is newer than everything it is built from. */
function ensureBuild() {
  const built = path.join(root, "build", "server", "index.js");
  const sources = Math.max(newestMtime(path.join(root, "app")), ...["vite.config.ts", "tsconfig.json"].map((f) => statSync(path.join(root, f)).mtimeMs));
  if (flag("--no-build")) {
    if (!existsSync(built)) throw new Error("--no-build, but there is no build/");
    return "reused (--no-build)";
  }
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return "up to date";
  log("building the app (build/ is missing or older than app/)…");
  run("remix", ["vite:build"], { NODE_ENV: "development" }, { quiet: true });
  return "rebuilt";
}


function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh migrated database; resolves to { url, drop }. */
async function freshDatabase(provider) {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "clause-bench-portal-"));
    const url = `file:${path.join(dir, "bench.sqlite")}`;
    await migrate(url, { quiet: true });
    await useWriteAheadLog(url); // as the demo runs it
    return { url, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `clause_bench_portal_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "clause-bench-portal-"));
  const drop = async () => {
    rmSync(dir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await migrate(withDatabase(postgresAdminUrl, name), { quiet: true });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: withDatabase(postgresAdminUrl, name), dir, drop };
}



async function getJson(url, init) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // reported below
  }
  return { status: response.status, body, text };
}

/**
 * What the customer-account extension's fetch sends besides its token: a browser's User-Agent
 * (the Shopify library answers a bot's, Node's fetch included, with 410) and the Origin of
 * Shopify's extension CDN (the answers then carry CORS headers, as in production).
 */
const BROWSER = {
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  Origin: "https://extensions.shopifycdn.com",
};

/**
 * Orders whose customer can sign in, from the demo's own shopper index, spread over the shops,
 * each with its customer's token and a preview request built from the eligibility answer.
 * Every target is checked: 200 and the expected JSON, for the eligibility GET and the preview POST.
 */
async function portalTargets(baseUrl) {
  const index = await getJson(`${baseUrl}/demo/shopper?format=json`);
  if (index.status !== 200 || !Array.isArray(index.body?.orders)) throw new Error(`/demo/shopper?format=json answered ${index.status}: ${index.text.slice(0, 200)}`);
  const byShop = new Map();
  for (const o of index.body.orders) byShop.set(o.shop, [...(byShop.get(o.shop) ?? []), o]);
  // Round-robin over the shops, so each shop's data and offline session take part.
  const picked = [];
  for (let i = 0; picked.length < MAX_TARGETS && [...byShop.values()].some((list) => list.length > i); i++) {
    for (const list of byShop.values()) if (list[i] && picked.length < MAX_TARGETS) picked.push(list[i]);
  }
  const targets = [];
  for (const order of picked) {
    const minted = await getJson(`${baseUrl}/demo/shopper-token?${new URLSearchParams({ shop: order.shop, order: order.orderId })}`);
    if (minted.status !== 200 || typeof minted.body?.token !== "string") throw new Error(`no token for ${order.shop} order ${order.orderId}: ${minted.status} ${minted.text.slice(0, 200)}`);
    const headers = { ...BROWSER, Authorization: `Bearer ${minted.body.token}`, Accept: "application/json" };
    const eligibilityPath = `/api/portal/orders/${order.orderId}/eligibility`;
    const eligibility = await getJson(`${baseUrl}${eligibilityPath}`, { headers });
    const view = eligibility.body;
    if (eligibility.status !== 200 || !Array.isArray(view?.lines) || view.order?.id !== `gid://shopify/Order/${order.orderId}` || !Array.isArray(view.claimTypes)) {
      throw new Error(`eligibility of ${order.shop} order ${order.orderId} answered ${eligibility.status}: ${eligibility.text.slice(0, 300)}`);
    }
    const target = { shop: order.shop, orderId: order.orderId, eligibility: { method: "GET", path: eligibilityPath, headers } };
    // The preview of returning the first returnable line, as the extension asks for it.
    const line = view.lines.find((l) => l.returnable && l.returnableQuantity > 0);
    if (line) {
      const reasonId = Array.isArray(view.reasons) && view.reasons[0]?.id;
      const body = JSON.stringify({ type: "RETURN", lines: [{ lineItemId: line.lineItemId, quantity: 1, condition: "UNOPENED", ...(reasonId ? { reasonId } : {}) }] });
      const previewPath = `/api/portal/orders/${order.orderId}/preview`;
      const previewHeaders = { ...headers, "Content-Type": "application/json" };
      const preview = await getJson(`${baseUrl}${previewPath}`, { method: "POST", headers: previewHeaders, body });
      if (preview.status !== 200 || typeof preview.body !== "object" || preview.body === null || "error" in preview.body) {
        throw new Error(`preview of ${order.shop} order ${order.orderId} answered ${preview.status}: ${preview.text.slice(0, 300)}`);
      }
      target.preview = { method: "POST", path: previewPath, headers: previewHeaders, body };
    }
    targets.push(target);
  }
  if (!targets.length) throw new Error("the demo's shopper index lists no orders");
  return targets;
}

/** The trivial route: a static script through Remix (no database, no Shopify). */
const BARE = { method: "GET", path: "/demo/app-bridge.js", headers: { "User-Agent": BROWSER["User-Agent"] } };

async function checkBare(baseUrl) {
  const response = await fetch(`${baseUrl}${BARE.path}`, { headers: BARE.headers });
  const text = await response.text();
  if (response.status !== 200 || !text.length) throw new Error(`${BARE.path} answered ${response.status}`);
}

/** The load generator while it runs, to stop it with the server. */
let loadProcess = null;
/** Set on Ctrl-C/SIGTERM: what fails then is the stop, not worth reporting. */
let stopping = false;

/** Runs bench/portal-load.mjs in its own process; resolves to its JSON. */
async function runLoad(plan) {
  const child = (loadProcess = spawn(process.execPath, [path.join(root, "bench", "portal-load.mjs"), JSON.stringify(plan)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] }));
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const [code] = await once(child, "exit");
  loadProcess = null;
  if (code !== 0) throw new Error(`bench/portal-load.mjs exited with ${code}`);
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

function tail(file, lines = 30) {
  try {
    // Without the Shopify library's line per authenticated request.
    const all = readFileSync(file, "utf8").trimEnd().split("\n");
    return all.filter((line) => !line.includes("Authenticating customer account request")).slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}

/** One database: fresh database, server, targets, load; always stops the server and drops the database. */
async function benchOn(provider) {
  const started = Date.now();
  const serverLog = serverLogOf(provider);
  const port = await freePort();
  const db = await freshDatabase(provider);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "development",
    CLAUSE_DEMO: "1",
    // The demo's own credentials: its tokens are signed with this secret.
    SHOPIFY_API_KEY: "clause-demo-api-key",
    SHOPIFY_API_SECRET: "clause-demo-api-secret",
    SHOPIFY_APP_URL: `http://localhost:${port}`,
    DATABASE_URL: db.url,
    CLAUSE_EVIDENCE_DIR: path.join(db.dir, "evidence"),
    PORT: String(port),
    ...(flag("--standin-throttle") ? {} : { CLAUSE_DEMO_STANDIN_THROTTLE: "off" }),
  };
  let server = null;
  // Ctrl-C or a kill mid-run: stop the server and drop the database before leaving.
  const onSignal = (signal) => {
    stopping = true;
    loadProcess?.kill("SIGTERM");
    void stopServer(server)
      .then(() => db.drop())
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    run("tsx", ["scripts/demo-seed.ts"], env, { quiet: true });
    const logFd = openSync(serverLog, "w");
    const profile = flag("--cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(artifacts, "bench-portal-profile")}`] : [];
    server = spawn(process.execPath, [...profile, "--import", "tsx", path.join(root, "server.mjs")], { cwd: root, env, stdio: ["ignore", logFd, logFd] });
    closeSync(logFd);
    await waitForHealth(`${baseUrl}/healthz`, server);
    const ready = Date.now();
    const targets = await portalTargets(baseUrl);
    await checkBare(baseUrl);
    log(`${provider}: server up in ${((ready - started) / 1000).toFixed(1)} s; ${targets.length} orders in ${new Set(targets.map((t) => t.shop)).size} shops (${targets.filter((t) => t.preview).length} with a preview), checked`);
    const phases = [
      { name: "bare", warmupSeconds: WARMUP.bare, seconds: shortSeconds, targets: [BARE] },
      { name: "portal", warmupSeconds: WARMUP.portal, seconds, targets: targets.map((t) => t.eligibility) },
    ];
    const previews = targets.filter((t) => t.preview).map((t) => t.preview);
    if (previews.length) phases.push({ name: "preview", warmupSeconds: WARMUP.preview, seconds: shortSeconds, targets: previews });
    const wanted = option("--phases")?.split(",") ?? phases.map((p) => p.name);
    const load = await runLoad({ baseUrl, serverPid: server.pid, rate: RATE, connections: CONNECTIONS, paced: !flag("--burst"), phases: phases.filter((p) => wanted.includes(p.name)) });
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) during the load`);
    return { ...load, targets: targets.length, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    if (!stopping) console.error(`── last lines of ${path.relative(root, serverLog)}:\n${tail(serverLog)}`);
    throw error;
  } finally {
    await stopServer(server);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await db.drop();
  }
}

async function postgresReachable() {
  try {
    await adminQuery("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

const started = Date.now();
const loadavgBefore = os.loadavg();
mkdirSync(artifacts, { recursive: true });
const build = ensureBuild();
const providers = ["sqlite", "postgres"].filter((p) => !only || p === only);
const results = {};
const notes = [];
for (const provider of providers) {
  if (provider === "postgres" && !(await postgresReachable())) {
    notes.push(`PostgreSQL at ${postgresAdminUrl.replace(/\/\/[^@]*@/, "//")} unreachable: no _postgres figures`);
    log(notes.at(-1));
    continue;
  }
  results[provider] = await benchOn(provider);
}

const figures = {};
for (const [provider, r] of Object.entries(results)) {
  const { bare, portal, preview } = r.phases;
  if (portal) {
    figures[`portal_p50_ms_${provider}`] = portal.p50;
    figures[`portal_p95_ms_${provider}`] = portal.p95;
    figures[`portal_p99_ms_${provider}`] = portal.p99;
  }
  if (portal && bare) figures[`portal_vs_bare_route_ratio_${provider}`] = bare.p95 > 0 ? Math.round((portal.p95 / bare.p95) * 100) / 100 : null;
  if (bare) {
    figures[`bare_route_p50_ms_${provider}`] = bare.p50;
    figures[`bare_route_p95_ms_${provider}`] = bare.p95;
    figures[`bare_route_p99_ms_${provider}`] = bare.p99;
  }
  if (preview) {
    figures[`portal_preview_p50_ms_${provider}`] = preview.p50;
    figures[`portal_preview_p95_ms_${provider}`] = preview.p95;
    figures[`portal_preview_p99_ms_${provider}`] = preview.p99;
  }
  for (const [phase, p] of Object.entries(r.phases)) {
    const prefix = { bare: "bare_route", portal: "portal", preview: "portal_preview" }[phase];
    figures[`${prefix}_achieved_rps_${provider}`] = p.achievedRate;
    figures[`${prefix}_non2xx_${provider}`] = p.non2xx;
    figures[`${prefix}_errors_${provider}`] = p.errors;
    figures[`${prefix}_server_cpu_ms_per_request_${provider}`] = p.serverCpuMsPerRequest;
    figures[`${prefix}_server_cpu_utilisation_${provider}`] = p.serverCpuUtilisation;
  }
}
// A phase that fell short of the rate says why: the server saturated, or the machine starved it.
for (const [provider, r] of Object.entries(results)) {
  for (const [phase, p] of Object.entries(r.phases)) {
    if (p.achievedRate >= 0.95 * RATE) continue;
    const why =
      p.serverCpuUtilisation === null ? "" : p.serverCpuUtilisation >= 0.9 ? `: the server saturated (${p.serverCpuMsPerRequest} ms of CPU a request)` : `, with CPU to spare (${p.serverCpuUtilisation} of a core): the machine was busy, the latencies are not the app's`;
    notes.push(`${phase} (${provider}) kept up with ${p.achievedRate} of ${RATE} req/s${why}`);
  }
}
const ratios = Object.keys(results).map((p) => figures[`portal_vs_bare_route_ratio_${p}`]).filter((x) => typeof x === "number");
figures.portal_vs_bare_route_ratio = ratios.length ? Math.max(...ratios) : null;

const report = {
  generatedAt: new Date().toISOString(),
  conditions: {
    rate: RATE,
    connections: CONNECTIONS,
    pacing: flag("--burst") ? "autocannon overallRate (bursts)" : "paced (one connection per autocannon, staggered)",
    measuredSeconds: { bare: shortSeconds, portal: seconds, preview: shortSeconds },
    warmupSeconds: WARMUP,
    bareRoute: BARE.path,
    portalRoute: "GET /api/portal/orders/:id/eligibility",
    previewRoute: "POST /api/portal/orders/:id/preview",
    standInThrottle: flag("--standin-throttle") ? "Shopify's (leaky bucket per shop)" : "lifted",
    build,
    cpus: os.cpus().length,
    // 1-minute load average before and after: far above `cpus`, the figures are not worth much.
    loadavg1: [loadavgBefore[0], os.loadavg()[0]].map((x) => Math.round(x * 100) / 100),
    node: process.version,
  },
  goals: { portal_p95_ms: GOAL_P95_MS, portal_vs_bare_route_ratio: GOAL_RATIO },
  notes,
  ...figures,
  phases: Object.fromEntries(Object.entries(results).map(([p, r]) => [p, r.phases])),
  seconds: Math.round((Date.now() - started) / 100) / 10,
};
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);

const cell = (v, width = 9) => String(v ?? "–").padStart(width);
console.log(`\n${RATE} req/s, ${CONNECTIONS} connections, ${report.conditions.pacing}; ${seconds} s measured; stand-in throttle ${report.conditions.standInThrottle}`);
console.log(`${"".padEnd(22)}${cell("p50 ms")}${cell("p95 ms")}${cell("p99 ms")}${cell("max ms")}${cell("req/s")}${cell("non-2xx")}${cell("errors")}${cell("cpu ms/req", 11)}${cell("cpu use", 8)}`);
for (const [provider, r] of Object.entries(results)) {
  for (const [phase, p] of Object.entries(r.phases)) {
    console.log(`${`${phase} (${provider})`.padEnd(22)}${cell(p.p50)}${cell(p.p95)}${cell(p.p99)}${cell(p.max)}${cell(p.achievedRate)}${cell(p.non2xx)}${cell(p.errors)}${cell(p.serverCpuMsPerRequest, 11)}${cell(p.serverCpuUtilisation, 8)}`);
  }
}
console.log("");
for (const [key, value] of Object.entries(figures)) if (/^portal_(preview_)?p\d+_ms_|^portal_vs_bare/.test(key)) console.log(`${key} = ${value}`);
const misses = [];
const measured = Object.keys(results).filter((p) => figures[`portal_p95_ms_${p}`] != null);
for (const provider of measured) {
  if (figures[`portal_p95_ms_${provider}`] > GOAL_P95_MS) misses.push(`portal_p95_ms_${provider} ${figures[`portal_p95_ms_${provider}`]} > ${GOAL_P95_MS}`);
}
if (figures.portal_vs_bare_route_ratio > GOAL_RATIO) misses.push(`portal_vs_bare_route_ratio ${figures.portal_vs_bare_route_ratio} > ${GOAL_RATIO}`);
for (const note of notes) console.log(`note: ${note}`);
if (!Object.keys(results).length) {
  console.log("nothing measured");
  process.exitCode = 1;
} else if (!measured.length) console.log("goals: the eligibility GET was not measured (--phases)");
else console.log(misses.length ? `goals missed: ${misses.join("; ")}` : "goals met (p95 ≤ 50 ms, ratio ≤ 2)");
console.log(`wrote ${path.relative(root, outFile)} in ${report.seconds} s`);
