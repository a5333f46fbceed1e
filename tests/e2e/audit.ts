// Page-quality checks the e2e harness runs in the browser (tests/e2e/driver.ts wires them in):
//   accessibility  axe-core on every state a flow screenshots; violations of impact serious or
//                  critical fail the flow (report: artifacts/axe.json).
//   web vitals     LCP and CLS of a document load, read from PerformanceObservers installed in
//                  every document before its own scripts run (report: artifacts/web-vitals.json).
// Offline there is no Shopify admin around the app (the demo's App Bridge stand-in draws the
// navigation in the page itself): the app is the top document, so both run in the main frame.
import os from "node:os";
import axe, { type AxeResults, type RunOptions, type ElementContext } from "axe-core";
import type { Page } from "playwright-core";

export const VITALS_GOALS = { lcp_ms: 1000, cls: 0.05 } as const;
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/**
 * What axe is not asked to judge, each with why. Only markup Clause does not render itself
 * belongs here (Polaris internals, the demo's stand-in for Shopify admin's chrome).
 */
export const AXE_EXCLUSIONS: ReadonlyArray<{ selector: string; why: string }> = [];

// Plain JavaScript (not a serialised TS function: tsx's name helpers do not exist in the page).
// Runs in every document of the context, before the page's scripts. LCP: the last
// largest-contentful-paint entry; its startTime is relative to the document's navigation start.
// CLS: layout shifts without recent input, grouped into session windows (gaps under 1 s, at
// most 5 s long) as the Web Vitals definition does; the largest window's sum.
export const VITALS_INIT_SCRIPT = `(() => {
  if (window.__clauseVitals) return;
  const state = { lcp: null, lcpElement: "", shifts: [] };
  window.__clauseVitals = state;
  const describe = (node) => {
    if (!node || !node.tagName) return "";
    const cls = typeof node.className === "string" && node.className ? "." + node.className.trim().split(/\\s+/).slice(0, 2).join(".") : "";
    return node.tagName.toLowerCase() + cls;
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.lcp = entry.startTime;
        state.lcpElement = describe(entry.element);
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        state.shifts.push({ value: entry.value, time: entry.startTime, sources: (entry.sources || []).map((s) => describe(s.node)).filter(Boolean) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch (error) {
    state.error = String(error);
  }
})();`;

type Shift = { value: number; time: number; sources: string[] };
export type VitalsReading = { lcp_ms: number | null; cls: number; lcpElement: string; shiftSources: string[]; navigationType: string; url: string };

/** The largest session window of layout shifts (the CLS of the Web Vitals definition). */
export function cumulativeLayoutShift(shifts: readonly Shift[]): number {
  let worst = 0;
  let windowSum = 0;
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const s of [...shifts].sort((a, b) => a.time - b.time)) {
    if (s.time - last >= 1000 || s.time - windowStart >= 5000) {
      windowSum = 0;
      windowStart = s.time;
    }
    windowSum += s.value;
    last = s.time;
    worst = Math.max(worst, windowSum);
  }
  return worst;
}

/** LCP and CLS of the page's current document, as observed so far. */
export async function readVitals(page: Page): Promise<VitalsReading> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { __clauseVitals?: { lcp: number | null; lcpElement: string; shifts: Shift[]; error?: string } };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { state: w.__clauseVitals ?? null, navigationType: nav?.type ?? "unknown", url: location.href };
  });
  if (!raw.state) throw new Error("the web-vitals observers are not installed in this document");
  if (raw.state.error) throw new Error(`the web-vitals observers failed: ${raw.state.error}`);
  const { shifts } = raw.state;
  return {
    lcp_ms: raw.state.lcp === null ? null : Math.round(raw.state.lcp),
    cls: Number(cumulativeLayoutShift(shifts).toFixed(4)),
    lcpElement: raw.state.lcpElement,
    shiftSources: [...new Set(shifts.flatMap((s) => s.sources))],
    navigationType: raw.navigationType,
    url: raw.url,
  };
}

/** Where the reading misses the goals (empty when it meets them). */
export function vitalsProblems(page: string, v: VitalsReading): string[] {
  const problems: string[] = [];
  if (v.lcp_ms === null) problems.push(`${page}: no largest-contentful-paint was recorded`);
  else if (v.lcp_ms > VITALS_GOALS.lcp_ms) problems.push(`${page}: LCP ${v.lcp_ms} ms > ${VITALS_GOALS.lcp_ms} ms (element ${v.lcpElement || "?"})`);
  if (v.cls > VITALS_GOALS.cls) problems.push(`${page}: CLS ${v.cls} > ${VITALS_GOALS.cls} (shifted: ${v.shiftSources.join(", ") || "?"})`);
  return problems;
}

/** The machine the readings were taken on: they mean little without it. */
export function machineInfo(browserVersion: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
  };
}

export type AxeViolation = { id: string; impact: string; help: string; helpUrl: string; nodes: Array<{ target: string; summary: string }> };

/** Runs axe-core on the page (every frame gets the script); returns the violations of every impact. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  // Child frames too, should a page have any (axe asks each for its part); one that is going away is skipped.
  for (const frame of page.frames().filter((f) => f !== page.mainFrame())) await frame.evaluate(axe.source).catch(() => {});
  const exclude = AXE_EXCLUSIONS.map((e) => e.selector);
  const violations = await page.evaluate(async (excluded) => {
    const runner = (window as unknown as { axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> } }).axe;
    const result = await runner.run(excluded.length ? { exclude: excluded } : document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      helpUrl: v.helpUrl,
      // A target inside shadow roots is a list of selectors, host first.
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : String(t))).join(" | "), summary: (n.failureSummary ?? "").replace(/\s+/g, " ").trim() })),
    }));
  }, exclude);
  return violations;
}

export const failingViolations = (violations: readonly AxeViolation[]) => violations.filter((v) => FAILING_IMPACTS.has(v.impact));

/** One line per failing violation, for the step's log. */
export function describeViolation(v: AxeViolation): string {
  const targets = v.nodes.slice(0, 4).map((n) => n.target);
  return `axe ${v.impact} ${v.id}: ${v.help} — ${targets.join(", ")}${v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length} more)` : ""}`;
}

export const axeVersion = axe.version;
