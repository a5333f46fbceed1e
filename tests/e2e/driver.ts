// The e2e harness: flows are lists of named steps run in a real Chromium (playwright-core) against
// the running offline demo. Each flow gets its own browser context (fresh cookies and storage)
// and page; a step gets that `page`, `screenshot(name)` (full page, to
// artifacts/screenshots/<flow>-<nn>-<name>.png) and `skip(reason)`. A flow fails on a step that
// throws, and on any console error or uncaught page error seen during a step; its remaining
// steps are then not run. Failed requests (network errors, HTTP 4xx/5xx) are collected and
// reported with the flow. Write a flow with `defineFlow` in tests/e2e/flows/*.flow.ts.
// Page quality (tests/e2e/audit.ts): every screenshot is also an axe-core check, and
// `vitals(name)` records LCP/CLS of the current document; a serious/critical accessibility
// violation or a missed web-vitals goal fails the step and the flow, but the flow's later steps
// still run (the page works; it is how it serves people that failed).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  AXE_EXCLUSIONS,
  axeVersion,
  describeViolation,
  failingViolations,
  machineInfo,
  readVitals,
  runAxe,
  VITALS_GOALS,
  VITALS_INIT_SCRIPT,
  vitalsProblems,
  type AxeViolation,
  type VitalsReading,
} from "./audit";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const artifactsDir = path.join(projectRoot, "artifacts");
export const screenshotsDir = path.join(artifactsDir, "screenshots");
export const reportFile = path.join(artifactsDir, "e2e.json");
export const axeReportFile = path.join(artifactsDir, "axe.json");
export const vitalsReportFile = path.join(artifactsDir, "web-vitals.json");

export type StepContext = {
  page: Page;
  /** The app's origin, e.g. http://localhost:41234. */
  baseUrl: string;
  flow: string;
  /** Full-page screenshot to artifacts/screenshots/<flow>-<nn>-<name>.png (name: the step's, by default), then axe-core on that state. */
  screenshot(name?: string): Promise<string>;
  /**
   * LCP and CLS of the current document (load it with page.goto first: a client-side navigation
   * is not a new document), under `page` in artifacts/web-vitals.json; missing a goal fails the step.
   */
  vitals(page: string): Promise<VitalsReading>;
  /** Ends the step as skipped, with the reason printed; the flow carries on. */
  skip(reason: string): never;
  /** A line printed under the step. */
  note(text: string): void;
  /** Values the steps of one flow hand on to each other. */
  state: Map<string, unknown>;
};

export type Step = { name: string; run: (ctx: StepContext) => Promise<void> };
export type Flow = { name: string; description?: string; steps: Step[] };

export function defineFlow(name: string, steps: Step[], description?: string): Flow {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`e2e flow name "${name}": use lower-case letters, digits and hyphens`);
  return { name, description, steps };
}

export function step(name: string, run: Step["run"]): Step {
  return { name, run };
}

class StepSkipped extends Error {
  override name = "StepSkipped";
}

export type StepResult = {
  name: string;
  status: "passed" | "failed" | "skipped" | "not run";
  ms: number;
  screenshots: string[];
  notes: string[];
  error?: string;
  /** Accessibility violations and missed web-vitals goals: they fail the step, not the rest of the flow. */
  problems: string[];
};
export type FlowResult = {
  name: string;
  status: "passed" | "failed";
  ms: number;
  steps: StepResult[];
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
};
export type E2eReport = { passed: number; failed: number; baseUrl: string; startedAt: string; ms: number; flows: FlowResult[] };
type AxeCheck = { flow: string; step: string; screenshot: string; url: string; ms: number; violations: AxeViolation[] };
/** What the audits of one run found, across flows. */
type AuditLog = { axe: AxeCheck[]; vitals: Record<string, VitalsReading & { flow: string }> };

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "step";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rel = (file: string) => path.relative(projectRoot, file);

export type LaunchOptions = { executablePath?: string };

/** Chromium as the e2e uses it: headless, from the system (never a Playwright download). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** A normal desktop Chrome user agent: Shopify's library answers headless ones with 410 (bot). */
export function desktopUserAgent(browserVersion: string): string {
  const major = browserVersion.split(".")[0] || "130";
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

async function runFlow(browser: Browser, flow: Flow, baseUrl: string, log: (line: string) => void, audit: AuditLog): Promise<FlowResult> {
  const started = Date.now();
  const context = await browser.newContext({ userAgent: desktopUserAgent(browser.version()), viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
  await context.addInitScript(VITALS_INIT_SCRIPT);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  /** Both kinds, in the order they happened. */
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location();
    const text = `${message.text()}${where.url ? ` (${where.url}${where.lineNumber ? `:${where.lineNumber}` : ""})` : ""}`;
    consoleErrors.push(text);
    errors.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => {
    pageErrors.push(error.stack ?? error.message);
    errors.push(`uncaught: ${error.message}`);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // A navigation that replaces a page aborts that page's pending requests: not a fault.
    if (reason === "net::ERR_ABORTED") return;
    failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });

  const state = new Map<string, unknown>();
  let shots = 0;
  const results: StepResult[] = [];
  let failed = false;
  // A step that threw stops the flow; one with only audit problems does not.
  let stopped = false;
  // Accessibility violations already printed in this flow (rule and element), so a page seen in
  // several states lists each once.
  const printed = new Set<string>();
  // Console and page errors up to here were charged to a step already.
  let checkedErrors = 0;
  for (const [index, current] of flow.steps.entries()) {
    const label = `${flow.name} ${String(index + 1).padStart(2, "0")} ${current.name}`;
    if (stopped) {
      results.push({ name: current.name, status: "not run", ms: 0, screenshots: [], notes: [], problems: [] });
      log(`  -  ${label}: not run`);
      continue;
    }
    const result: StepResult = { name: current.name, status: "passed", ms: 0, screenshots: [], notes: [], problems: [] };
    const capture = async (name: string) => {
      shots += 1;
      const file = path.join(screenshotsDir, `${flow.name}-${String(shots).padStart(2, "0")}-${slug(name)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      result.screenshots.push(rel(file));
      return file;
    };
    const screenshot = async (name?: string) => {
      const file = await capture(name ?? current.name);
      const axeStarted = Date.now();
      const violations = await runAxe(page);
      audit.axe.push({ flow: flow.name, step: current.name, screenshot: rel(file), url: page.url(), ms: Date.now() - axeStarted, violations });
      for (const v of failingViolations(violations)) {
        result.problems.push(`${v.id} (${v.impact}) at ${new URL(page.url()).pathname}`);
        const fresh = v.nodes.filter((n) => !printed.has(`${v.id} ${n.target}`));
        for (const n of fresh) printed.add(`${v.id} ${n.target}`);
        result.notes.push(fresh.length ? describeViolation({ ...v, nodes: fresh }) : `axe ${v.impact} ${v.id}: as above`);
      }
      return file;
    };
    const vitals = async (name: string) => {
      await settled(page);
      const reading = await readVitals(page);
      audit.vitals[name] = { ...reading, flow: flow.name };
      result.notes.push(`web vitals ${name}: LCP ${reading.lcp_ms ?? "none"} ms, CLS ${reading.cls} (${reading.navigationType} load)`);
      result.problems.push(...vitalsProblems(name, reading));
      return reading;
    };
    const ctx: StepContext = {
      page,
      baseUrl,
      flow: flow.name,
      screenshot,
      vitals,
      state,
      note: (text) => result.notes.push(text),
      skip: (reason) => {
        throw new StepSkipped(reason);
      },
    };
    const stepStarted = Date.now();
    try {
      await current.run(ctx);
      const seen = errors.slice(checkedErrors);
      if (seen.length) throw new Error(`${seen.length} console/page error(s): ${seen.join(" | ")}`);
      if (result.problems.length) {
        result.status = "failed";
        result.error = `${result.problems.length} accessibility/web-vitals problem(s): ${result.problems.join("; ")}`;
        failed = true;
      }
    } catch (error) {
      if (error instanceof StepSkipped) {
        result.status = "skipped";
        result.notes.push(`skipped: ${error.message}`);
      } else {
        result.status = "failed";
        result.error = error instanceof Error ? error.message : String(error);
        failed = true;
        stopped = true;
        try {
          await capture(`failed-${current.name}`);
        } catch {
          // the page may be gone
        }
      }
    }
    checkedErrors = errors.length;
    result.ms = Date.now() - stepStarted;
    results.push(result);
    const mark = result.status === "passed" ? "ok" : result.status === "skipped" ? "SKIPPED" : "FAILED";
    log(`  ${result.status === "failed" ? "✗" : result.status === "skipped" ? "~" : "✓"}  ${label}: ${mark} (${seconds(result.ms)})${result.screenshots.length ? ` → ${result.screenshots.join(", ")}` : ""}`);
    for (const n of result.notes) log(`       ${n}`);
    if (result.error) log(`       ${result.error.split("\n").join("\n       ")}`);
  }
  // Errors logged after the last step's own check (a late render, a failing fetch) fail the flow too.
  if (!stopped) {
    await page.waitForLoadState("networkidle").catch(() => {});
    const late = errors.slice(checkedErrors);
    if (late.length) {
      failed = true;
      const last = results.findLast((r) => r.status === "passed" || r.status === "failed");
      const error = `${late.length} console/page error(s) after the step ended: ${late.join(" | ")}`;
      if (last) Object.assign(last, { status: "failed", error: last.error ? `${last.error}; ${error}` : error });
      log(`  ✗  ${flow.name}: ${error}`);
    }
  }
  await context.close();
  if (failedRequests.length) {
    log(`     ${flow.name}: ${failedRequests.length} failed request(s):`);
    for (const r of failedRequests) log(`       ${r}`);
  }
  return { name: flow.name, status: failed ? "failed" : "passed", ms: Date.now() - started, steps: results, consoleErrors, pageErrors, failedRequests };
}

/** Runs the flows one after another in one browser; writes artifacts/e2e.json and returns the report. */
export async function runFlows(flows: Flow[], opts: { baseUrl: string; log?: (line: string) => void; executablePath?: string }): Promise<E2eReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  mkdirSync(screenshotsDir, { recursive: true });
  // Screenshots of these flows from an earlier run would be mistaken for this run's.
  const names = new Set(flows.map((f) => f.name));
  for (const file of readdirSync(screenshotsDir)) {
    const flow = file.replace(/-\d{2,}-.*\.png$/, "");
    if (names.has(flow)) rmSync(path.join(screenshotsDir, file), { force: true });
  }
  // Audit reports of an earlier run would be mistaken for this run's.
  for (const file of [axeReportFile, vitalsReportFile]) rmSync(file, { force: true });
  const browser = await launchChromium({ executablePath: opts.executablePath });
  const browserVersion = browser.version();
  const results: FlowResult[] = [];
  const audit: AuditLog = { axe: [], vitals: {} };
  try {
    log(`e2e: Chromium ${browserVersion}, ${flows.length} flow(s) against ${opts.baseUrl}`);
    for (const flow of flows) {
      log(`▸ ${flow.name}${flow.description ? ` — ${flow.description}` : ""}`);
      results.push(await runFlow(browser, flow, opts.baseUrl, log, audit));
    }
  } finally {
    await browser.close();
  }
  writeAuditReports(audit, browserVersion, log);
  const report: E2eReport = {
    passed: results.filter((r) => r.status === "passed").length,
    failed: results.filter((r) => r.status === "failed").length,
    baseUrl: opts.baseUrl,
    startedAt: new Date(started).toISOString(),
    ms: Date.now() - started,
    flows: results,
  };
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

function writeAuditReports(audit: AuditLog, browserVersion: string, log: (line: string) => void): void {
  mkdirSync(artifactsDir, { recursive: true });
  const failing = audit.axe.flatMap((c) => failingViolations(c.violations).map((v) => ({ ...v, flow: c.flow, step: c.step, url: new URL(c.url).pathname })));
  const byRule: Record<string, number> = {};
  for (const v of failing) byRule[v.id] = (byRule[v.id] ?? 0) + v.nodes.length;
  writeFileSync(
    axeReportFile,
    `${JSON.stringify({ axeVersion, checks: audit.axe.length, failingImpacts: ["serious", "critical"], failing: failing.length, byRule, exclusions: AXE_EXCLUSIONS, pages: audit.axe }, null, 2)}\n`,
  );
  const axeMs = audit.axe.reduce((sum, c) => sum + c.ms, 0);
  log(`e2e: axe-core ${axeVersion}: ${audit.axe.length} page states checked (${seconds(axeMs)}), ${failing.length} serious/critical violation(s) → ${rel(axeReportFile)}`);
  const pages = Object.entries(audit.vitals);
  if (!pages.length) return;
  const report = {
    goals: VITALS_GOALS,
    method: "one document load per page in a fresh browser context (tests/e2e/flows/web-vitals.flow.ts); LCP: last largest-contentful-paint entry from navigation start; CLS: largest session window of layout shifts without recent input, up to network idle",
    machine: machineInfo(browserVersion),
    measuredAt: new Date().toISOString(),
    pages: Object.fromEntries(pages.map(([name, v]) => [name, { lcp_ms: v.lcp_ms, cls: v.cls, lcpElement: v.lcpElement, shiftSources: v.shiftSources, url: new URL(v.url).pathname }])),
  };
  writeFileSync(vitalsReportFile, `${JSON.stringify(report, null, 2)}\n`);
  for (const [name, v] of pages) {
    const ok = vitalsProblems(name, v).length === 0;
    log(`e2e: web vitals ${name.padEnd(18)} LCP ${String(v.lcp_ms ?? "-").padStart(5)} ms  CLS ${v.cls.toFixed(3)}  ${ok ? "ok" : "MISSES THE GOAL"}`);
  }
  log(`e2e: web vitals goals LCP ≤ ${VITALS_GOALS.lcp_ms} ms, CLS ≤ ${VITALS_GOALS.cls} → ${rel(vitalsReportFile)}`);
}

// ── Helpers for flows ────────────────────────────────────────────────────────────────────────

/** Fails with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Waits until `text` is visible on the page (first match). */
export async function expectText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ state: "visible", timeout });
  } catch {
    throw new Error(`expected the page (${page.url()}) to show ${JSON.stringify(String(text))}`);
  }
}

/** Which of `texts` the page's visible text does not contain. */
export async function missingTexts(page: Page, texts: readonly string[]): Promise<string[]> {
  const body = await page.locator("body").innerText();
  return texts.filter((t) => !body.includes(t));
}

/** Remix has hydrated and the page's requests have settled. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle");
}

/** An /app path with the embedded-admin query the current page was opened with (shop, host, id_token). */
export function embeddedUrl(page: Page, pathname: string): string {
  const current = new URL(page.url());
  const next = new URL(pathname, current.origin);
  for (const key of ["embedded", "shop", "host", "id_token", "locale"]) {
    const value = current.searchParams.get(key);
    if (value !== null && !next.searchParams.has(key)) next.searchParams.set(key, value);
  }
  return next.toString();
}
