// What the simulation page and its polling route send to the browser about a run.
import type { SimulationRun } from "@prisma/client";
import type { SimulationResult } from "~/domain/policy/simulate";

export type RunView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  days: number;
  asOf: string;
  processed: number;
  total: number | null;
  baseVersion: number;
  draftName: string;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** Final when DONE; the result so far while RUNNING; null before the first page. */
  result: SimulationResult | null;
  /** The draft as simulated (to load it into the form again). */
  draft: unknown;
};

export type RunListItem = Pick<RunView, "id" | "status" | "days" | "processed" | "total" | "baseVersion" | "createdBy" | "createdAt" | "finishedAt" | "error">;

export function isActiveStatus(status: string): boolean {
  return status === "QUEUED" || status === "RUNNING";
}

function policyName(json: string): string {
  try {
    const parsed = JSON.parse(json) as { name?: unknown };
    return typeof parsed.name === "string" ? parsed.name : "Draft";
  } catch {
    return "Draft";
  }
}

/** The browser needs the examples shown, not the pool they were picked from. */
function withoutPool(result: SimulationResult): SimulationResult {
  return { ...result, examplePool: [] };
}

export function runView(row: SimulationRun): RunView {
  return {
    id: row.id,
    status: row.status as RunView["status"],
    days: row.days,
    asOf: row.asOf.toISOString(),
    processed: row.processed,
    total: row.total,
    baseVersion: row.baseVersion,
    draftName: policyName(row.draftJson),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    result: row.resultJson ? withoutPool(JSON.parse(row.resultJson) as SimulationResult) : null,
    draft: JSON.parse(row.draftJson) as unknown,
  };
}

export function runListItem(row: Pick<SimulationRun, "id" | "status" | "days" | "processed" | "total" | "baseVersion" | "createdBy" | "createdAt" | "finishedAt" | "error">): RunListItem {
  return {
    id: row.id,
    status: row.status as RunView["status"],
    days: row.days,
    processed: row.processed,
    total: row.total,
    baseVersion: row.baseVersion,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** Percent done (0–100) for the progress bar. */
export function progressPercent(run: Pick<RunView, "status" | "processed" | "total">): number {
  if (run.status === "DONE") return 100;
  if (!run.total) return 0;
  return Math.max(0, Math.min(100, Math.floor((run.processed / run.total) * 100)));
}

/** The answer of the page's action (starting a run). */
export type SimulationActionResult =
  | { ok: true; runId: string; message: string }
  | { ok: false; status: number; error: string; code: string; fieldErrors?: Record<string, string> };
