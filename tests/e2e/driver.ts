// The e2e harness: flows are lists of named steps run in a real Chromium (playwright-core) against
// the running offline demo. Each flow gets its own browser context (fresh cookies and storage)
// and page; a step gets that `page`, `screenshot(name)` (full page, to
// artifacts/screenshots/<flow>-<nn>-<name>.png) and `skip(reason)`. A flow fails on a step that
// throws, and on any console error or uncaught page error seen during a step; its remaining
// steps are then not run. Failed requests (network errors, HTTP 4xx/5xx) are collected and
// reported with the flow. Write a flow with `defineFlow` in tests/e2e/flows/*.flow.ts.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const artifactsDir = path.join(projectRoot, "artifacts");
export const screenshotsDir = path.join(artifactsDir, "screenshots");
export const reportFile = path.join(artifactsDir, "e2e.json");

export type StepContext = {
  page: Page;
  /** The app's origin, e.g. http://localhost:41234. */
  baseUrl: string;
  flow: string;
  /** Full-page screenshot to artifacts/screenshots/<flow>-<nn>-<name>.png (name: the step's, by default). */
  screenshot(name?: string): Promise<string>;
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

export type StepResult = { name: string; status: "passed" | "failed" | "skipped" | "not run"; ms: number; screenshots: string[]; notes: string[]; error?: string };
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

async function runFlow(browser: Browser, flow: Flow, baseUrl: string, log: (line: string) => void): Promise<FlowResult> {
  const started = Date.now();
  const context = await browser.newContext({ userAgent: desktopUserAgent(browser.version()), viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
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
  // Console and page errors up to here were charged to a step already.
  let checkedErrors = 0;
  for (const [index, current] of flow.steps.entries()) {
    const label = `${flow.name} ${String(index + 1).padStart(2, "0")} ${current.name}`;
    if (failed) {
      results.push({ name: current.name, status: "not run", ms: 0, screenshots: [], notes: [] });
      log(`  -  ${label}: not run`);
      continue;
    }
    const result: StepResult = { name: current.name, status: "passed", ms: 0, screenshots: [], notes: [] };
    const screenshot = async (name?: string) => {
      shots += 1;
      const file = path.join(screenshotsDir, `${flow.name}-${String(shots).padStart(2, "0")}-${slug(name ?? current.name)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      result.screenshots.push(rel(file));
      return file;
    };
    const ctx: StepContext = {
      page,
      baseUrl,
      flow: flow.name,
      screenshot,
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
    } catch (error) {
      if (error instanceof StepSkipped) {
        result.status = "skipped";
        result.notes.push(`skipped: ${error.message}`);
      } else {
        result.status = "failed";
        result.error = error instanceof Error ? error.message : String(error);
        failed = true;
        try {
          await screenshot(`failed-${current.name}`);
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
  if (!failed) {
    await page.waitForLoadState("networkidle").catch(() => {});
    const late = errors.slice(checkedErrors);
    if (late.length) {
      failed = true;
      const last = results.findLast((r) => r.status === "passed");
      const error = `${late.length} console/page error(s) after the step ended: ${late.join(" | ")}`;
      if (last) Object.assign(last, { status: "failed", error });
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
  const browser = await launchChromium({ executablePath: opts.executablePath });
  const results: FlowResult[] = [];
  try {
    log(`e2e: Chromium ${browser.version()}, ${flows.length} flow(s) against ${opts.baseUrl}`);
    for (const flow of flows) {
      log(`▸ ${flow.name}${flow.description ? ` — ${flow.description}` : ""}`);
      results.push(await runFlow(browser, flow, opts.baseUrl, log));
    }
  } finally {
    await browser.close();
  }
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
