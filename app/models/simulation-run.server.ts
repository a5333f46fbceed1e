// Policy simulation runs (see the SimulationRun model). Every read and write names the shop: a
// run id alone never reaches another shop's run.
import type { SimulationRun } from "@prisma/client";
import type { Db } from "~/db.server";

export const RUN_STATUSES = ["QUEUED", "RUNNING", "DONE", "FAILED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type SimulationRunRow = SimulationRun;

export class SimulationRunNotFoundError extends Error {
  override name = "SimulationRunNotFoundError";
  constructor() {
    super("This simulation was not found in your store.");
  }
}

export async function createSimulationRun(
  db: Db,
  shop: string,
  data: { draftJson: string; baseVersion: number; baseJson: string; days: number; asOf: Date; createdBy: string },
): Promise<SimulationRun> {
  return db.simulationRun.create({ data: { shop, ...data, status: "QUEUED" } });
}

/** The run, or null when the shop has no run with this id. */
export async function findSimulationRun(db: Db, shop: string, id: string): Promise<SimulationRun | null> {
  return db.simulationRun.findFirst({ where: { shop, id } });
}

export async function getSimulationRun(db: Db, shop: string, id: string): Promise<SimulationRun> {
  const run = await findSimulationRun(db, shop, id);
  if (!run) throw new SimulationRunNotFoundError();
  return run;
}

export type SimulationRunSummary = Pick<SimulationRun, "id" | "status" | "days" | "processed" | "total" | "baseVersion" | "createdBy" | "createdAt" | "finishedAt" | "error">;

/** The shop's latest runs, newest first (without their JSON). */
export async function listSimulationRuns(db: Db, shop: string, take = 20): Promise<SimulationRunSummary[]> {
  return db.simulationRun.findMany({
    where: { shop },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, status: true, days: true, processed: true, total: true, baseVersion: true, createdBy: true, createdAt: true, finishedAt: true, error: true },
  });
}

/** Runs waiting or running in the shop. */
export async function countActiveSimulationRuns(db: Db, shop: string): Promise<number> {
  return db.simulationRun.count({ where: { shop, status: { in: ["QUEUED", "RUNNING"] } } });
}

/**
 * Claims the shop's oldest QUEUED run (→ RUNNING, one more attempt), unless a run of the shop is
 * already RUNNING and was touched since `busySince` (another process is on it). Null: nothing to do.
 */
export async function claimNextSimulationRun(db: Db, shop: string, now: Date, busySince: Date): Promise<SimulationRun | null> {
  const busy = await db.simulationRun.count({ where: { shop, status: "RUNNING", updatedAt: { gte: busySince } } });
  if (busy > 0) return null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const next = await db.simulationRun.findFirst({ where: { shop, status: "QUEUED" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    if (!next) return null;
    const claimed = await db.simulationRun.updateMany({
      where: { id: next.id, shop, status: "QUEUED" },
      data: { status: "RUNNING", attempts: { increment: 1 }, startedAt: next.startedAt ?? now },
    });
    if (claimed.count === 1) return { ...next, status: "RUNNING", attempts: next.attempts + 1, startedAt: next.startedAt ?? now };
  }
  return null;
}

/** Progress after a page: only while the run is still RUNNING (false: it is no longer ours to write). */
export async function checkpointSimulationRun(db: Db, shop: string, id: string, data: { processed: number; total: number | null; cursor: string | null; resultJson: string }): Promise<boolean> {
  const updated = await db.simulationRun.updateMany({ where: { id, shop, status: "RUNNING" }, data });
  return updated.count === 1;
}

export async function finishSimulationRun(db: Db, shop: string, id: string, data: { processed: number; total: number; resultJson: string }, now: Date): Promise<boolean> {
  const updated = await db.simulationRun.updateMany({ where: { id, shop, status: "RUNNING" }, data: { ...data, status: "DONE", cursor: null, finishedAt: now, error: null } });
  return updated.count === 1;
}

export async function failSimulationRun(db: Db, shop: string, id: string, error: string, now: Date): Promise<boolean> {
  const updated = await db.simulationRun.updateMany({
    where: { id, shop, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: error.slice(0, 1000), finishedAt: now, cursor: null },
  });
  return updated.count === 1;
}

/**
 * Runs a crash left behind: RUNNING but untouched since `staleBefore`, or QUEUED since then and
 * never picked up. Across shops (the sweep's own look-up); each is then handled within its shop.
 */
export async function staleSimulationRuns(db: Db, staleBefore: Date, take = 100): Promise<Array<Pick<SimulationRun, "id" | "shop" | "status" | "attempts">>> {
  return db.simulationRun.findMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, updatedAt: { lt: staleBefore } },
    orderBy: { updatedAt: "asc" },
    take,
    select: { id: true, shop: true, status: true, attempts: true },
  });
}

/** An interrupted RUNNING run goes back to QUEUED, keeping its progress (processed, cursor, result so far). */
export async function requeueSimulationRun(db: Db, shop: string, id: string, staleBefore: Date): Promise<boolean> {
  const updated = await db.simulationRun.updateMany({ where: { id, shop, status: "RUNNING", updatedAt: { lt: staleBefore } }, data: { status: "QUEUED" } });
  return updated.count === 1;
}
