// Policy simulation: run a draft policy against the shop's recent orders, beside the version in
// force (app/domain/policy/simulate.ts decides; this file stores, schedules and pages).
//
//   startSimulation  validates the draft (policySchema) and the period, copies the version in
//                    force, stores a QUEUED run and returns its id. Nothing is read from Shopify
//                    while the merchant waits.
//   runner           in-process, after the response: per shop one run at a time, oldest first.
//                    It counts the orders (ordersCount), then pages through them newest first
//                    (SimulationOrdersPage), simulates each page and stores after it the orders
//                    done, the result so far and the cursor of the next page; DONE with the
//                    result, or FAILED with the reason.
//   sweep            RESUMES interrupted runs: a RUNNING run not touched for `staleMs` (its
//                    process died) goes back to QUEUED with its progress and is run on from the
//                    page after its last checkpoint — the merge of page results is exact, so the
//                    result equals an uninterrupted run. After MAX_ATTEMPTS interruptions it is
//                    FAILED instead (a run that keeps killing its process must not loop). QUEUED
//                    runs nobody picked up are scheduled again. The sweep runs when the
//                    simulation page is first used in a process and then every minute.
import type { SimulationRun } from "@prisma/client";
import appDb, { type Db } from "~/db.server";
import { parsePolicy, policySchema, type Policy } from "~/domain/policy";
import { emptySimulationResult, mergeSimulationResults, simulateOrders, type SimulationResult } from "~/domain/policy/simulate";
import {
  checkpointSimulationRun,
  claimNextSimulationRun,
  countActiveSimulationRuns,
  createSimulationRun,
  failSimulationRun,
  finishSimulationRun,
  requeueSimulationRun,
  staleSimulationRuns,
} from "~/models/simulation-run.server";
import { requireActivePolicy } from "~/models/policy-version.server";
import { unauthenticated } from "~/shopify.server";
import { ShopifyGraphqlError, ShopifyThrottledError, ShopifyUnavailableError, type AdminApi, type AdminGraphql } from "./admin-client";
import {
  countSimulationOrders,
  readSimulationOrdersPage,
  simulationOrdersSearch,
  simulationPageSizes,
  type SimulationPageSizes,
} from "./simulation-orders.server";

export const SIMULATION_DAYS = { min: 1, max: 365, default: 90 } as const;
/** Runs a shop may have waiting or running at once. */
export const MAX_ACTIVE_RUNS = 3;
/** Orders a run reads at most (the most recent ones). */
export const MAX_SIMULATED_ORDERS = 5_000;
/** Interruptions a run survives before the sweep gives up on it. */
export const MAX_ATTEMPTS = 3;

/** Bad input: a 400 with a message per field ("days", "draft.conditions.OPENED.refundPercent"). */
export class SimulationInputError extends Error {
  override name = "SimulationInputError";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(message);
  }
}

/** The shop already has MAX_ACTIVE_RUNS waiting or running. */
export class SimulationBusyError extends Error {
  override name = "SimulationBusyError";
  constructor() {
    super(`${MAX_ACTIVE_RUNS} simulations are already waiting or running. Wait for one to finish, then try again.`);
  }
}

export type SimulationInput = { draft: Policy; days: number };

/** Validates the draft (JSON text or an object) and the period; throws SimulationInputError listing every problem. */
export function parseSimulationInput(input: { draft: unknown; days: unknown }): SimulationInput {
  const fieldErrors: Record<string, string> = {};
  let days: number = SIMULATION_DAYS.default;
  const rawDays = typeof input.days === "string" ? input.days.trim() : input.days;
  if (rawDays !== undefined && rawDays !== null && rawDays !== "") {
    const n = typeof rawDays === "number" ? rawDays : /^\d+$/.test(String(rawDays)) ? Number(rawDays) : Number.NaN;
    if (!Number.isInteger(n) || n < SIMULATION_DAYS.min || n > SIMULATION_DAYS.max) fieldErrors.days = `Enter a whole number of days from ${SIMULATION_DAYS.min} to ${SIMULATION_DAYS.max}.`;
    else days = n;
  }
  let draftInput: unknown = input.draft;
  if (typeof draftInput === "string") {
    try {
      draftInput = draftInput.trim() === "" ? undefined : JSON.parse(draftInput);
    } catch (error) {
      fieldErrors.draft = `The draft is not valid JSON: ${(error as Error).message}`;
      draftInput = null;
    }
  }
  let draft: Policy | null = null;
  if (draftInput === undefined) fieldErrors.draft = "Choose the draft policy to simulate.";
  else if (!fieldErrors.draft) {
    const parsed = policySchema.safeParse(draftInput);
    if (parsed.success) draft = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const key = ["draft", ...issue.path].join(".");
        fieldErrors[key] ??= issue.message;
      }
    }
  }
  const problems = Object.entries(fieldErrors);
  if (problems.length > 0 || draft === null) {
    const message = problems.length === 1 ? `${problems[0]![0]}: ${problems[0]![1]}` : `The simulation could not start: ${problems.length} fields need attention.`;
    throw new SimulationInputError(message, fieldErrors);
  }
  return { draft, days };
}

/**
 * Stores a QUEUED run of `draft` against the version in force; schedule it with the runner after
 * answering. Throws SimulationInputError (nothing stored), NoPolicyError, SimulationBusyError.
 */
export async function startSimulation(db: Db, shop: string, input: { draft: unknown; days?: unknown; actor: string }, options: { now?: Date } = {}): Promise<{ id: string }> {
  const { draft, days } = parseSimulationInput({ draft: input.draft, days: input.days });
  const base = await requireActivePolicy(db, shop);
  if ((await countActiveSimulationRuns(db, shop)) >= MAX_ACTIVE_RUNS) throw new SimulationBusyError();
  const run = await createSimulationRun(db, shop, {
    draftJson: JSON.stringify(draft),
    baseVersion: base.version,
    baseJson: JSON.stringify(base.policy),
    days,
    asOf: options.now ?? new Date(),
    createdBy: input.actor,
  });
  return { id: run.id };
}

/** The stored result (or the result so far) of a run; null before its first page. */
export function runResult(run: Pick<SimulationRun, "resultJson">): SimulationResult | null {
  return run.resultJson ? (JSON.parse(run.resultJson) as SimulationResult) : null;
}

/** What the merchant reads when a run fails. */
export function failureMessage(error: unknown): string {
  if (error instanceof ShopifyThrottledError || error instanceof ShopifyUnavailableError) return "Shopify could not be reached for long enough to read the orders. Run the simulation again in a moment.";
  if (error instanceof ShopifyGraphqlError) return `Shopify refused to list the orders: ${error.message}`;
  if (error instanceof Error && error.name === "SessionNotFoundError") return "Clause has no access to this store's orders right now (reinstall or reopen the app), so nothing was simulated.";
  return `The simulation stopped: ${error instanceof Error ? error.message : String(error)}`;
}

export type SimulationRunnerOptions = {
  db: Db;
  /** The Admin API of a shop (unauthenticated.admin in the app; the stand-in in tests). */
  adminFor: (shop: string) => Promise<AdminApi>;
  pageSizes?: Partial<SimulationPageSizes>;
  maxOrders?: number;
  /** A RUNNING run untouched this long was interrupted (default 5 minutes). */
  staleMs?: number;
  now?: () => Date;
  /** Called after each stored page (tests watch progress with it). */
  onPage?: (progress: { runId: string; shop: string; processed: number; total: number | null; fullReads: number }) => void | Promise<void>;
  /** Aborted: stop between pages and leave the run as a crash would (RUNNING, last checkpoint). */
  signal?: AbortSignal;
};

export type SimulationRunner = {
  /** Starts the shop's waiting runs after the current answer has gone (setImmediate). */
  schedule(shop: string): void;
  /** Runs the shop's waiting runs now, one at a time; resolves when none is left. */
  drain(shop: string): Promise<void>;
  /** Waits until every scheduled run has finished (tests, graceful shutdown). */
  settle(): Promise<void>;
  /** Resumes interrupted runs and schedules forgotten ones; returns how many it handled. */
  sweep(): Promise<number>;
  /** Sweeps now and then every `everyMs` (not under NODE_ENV=test); idempotent. */
  startSweeper(everyMs?: number): void;
  stopSweeper(): void;
};

class RunStopped extends Error {}

export function createSimulationRunner(options: SimulationRunnerOptions): SimulationRunner {
  const { db } = options;
  const sizes = simulationPageSizes(options.pageSizes);
  const maxOrders = options.maxOrders ?? MAX_SIMULATED_ORDERS;
  const staleMs = options.staleMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  const draining = new Map<string, Promise<void>>();
  const wanted = new Set<string>();
  const scheduled = new Set<Promise<void>>();
  let sweeper: NodeJS.Timeout | undefined;

  async function runOne(run: SimulationRun): Promise<void> {
    const { shop, id } = run;
    try {
      const current = parsePolicy(JSON.parse(run.baseJson));
      const draft = parsePolicy(JSON.parse(run.draftJson));
      const api = await options.adminFor(shop);
      const search = simulationOrdersSearch(run.asOf, run.days);
      let result: SimulationResult = runResult(run) ?? emptySimulationResult();
      let processed = run.processed;
      let cursor = run.cursor;
      let total = run.total;
      if (total === null) {
        const counted = await countSimulationOrders(api, search, maxOrders);
        total = Math.min(counted.count, maxOrders);
        if (!(await checkpointSimulationRun(db, shop, id, { processed, total, cursor, resultJson: JSON.stringify(result) }))) return;
      }
      // A run resumed after its last page (crash before DONE) has nothing left to read.
      let more = processed === 0 || cursor !== null;
      while (more && processed < maxOrders) {
        if (options.signal?.aborted) throw new RunStopped();
        const page = await readSimulationOrdersPage(api, { search, after: cursor, sizes, first: maxOrders - processed });
        const orders = page.orders.slice(0, maxOrders - processed);
        result = mergeSimulationResults(result, simulateOrders(current, draft, orders, run.asOf));
        processed += orders.length;
        cursor = page.endCursor;
        more = page.hasNextPage && page.endCursor !== null;
        // Orders deleted or created in the period since the count keep the bar honest.
        if (processed > total || !more) total = Math.max(total, processed);
        if (!more) cursor = null;
        if (!(await checkpointSimulationRun(db, shop, id, { processed, total, cursor, resultJson: JSON.stringify(result) }))) return;
        await options.onPage?.({ runId: id, shop, processed, total, fullReads: page.fullReads });
      }
      await finishSimulationRun(db, shop, id, { processed, total: processed, resultJson: JSON.stringify(result) }, now());
    } catch (error) {
      if (error instanceof RunStopped) return;
      if (error instanceof Response) {
        await failSimulationRun(db, shop, id, "Clause has no access to this store's orders right now (reinstall or reopen the app), so nothing was simulated.", now());
        return;
      }
      console.error(`policy simulation ${id} (${shop}) failed`, error);
      await failSimulationRun(db, shop, id, failureMessage(error), now());
    }
  }

  function drain(shop: string): Promise<void> {
    wanted.add(shop);
    const running = draining.get(shop);
    if (running) return running;
    const work = (async () => {
      while (wanted.has(shop)) {
        wanted.delete(shop);
        for (;;) {
          if (options.signal?.aborted) return;
          const run = await claimNextSimulationRun(db, shop, now(), new Date(now().getTime() - staleMs));
          if (!run) break;
          await runOne(run);
        }
      }
    })()
      .catch((error) => console.error(`policy simulations of ${shop} could not be run`, error))
      .finally(() => draining.delete(shop));
    draining.set(shop, work);
    return work;
  }

  function schedule(shop: string): void {
    const started = new Promise<void>((resolve) => setImmediate(() => void drain(shop).then(resolve)));
    scheduled.add(started);
    void started.finally(() => scheduled.delete(started));
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (scheduled.size || draining.size) await Promise.all([...scheduled, ...draining.values()]);
  }

  async function sweep(): Promise<number> {
    const staleBefore = new Date(now().getTime() - staleMs);
    const stale = await staleSimulationRuns(db, staleBefore);
    const shops = new Set<string>();
    for (const run of stale) {
      if (run.status === "RUNNING") {
        if (draining.has(run.shop)) continue; // ours, and alive: a slow page, not a crash
        if (run.attempts >= MAX_ATTEMPTS) {
          await failSimulationRun(db, run.shop, run.id, `The simulation was interrupted ${run.attempts} times and was stopped. Run it again, perhaps over fewer days.`, now());
          continue;
        }
        if (!(await requeueSimulationRun(db, run.shop, run.id, staleBefore))) continue;
      }
      shops.add(run.shop);
    }
    for (const shop of shops) schedule(shop);
    return stale.length;
  }

  return {
    schedule,
    drain,
    settle,
    sweep,
    startSweeper(everyMs = 60_000) {
      if (sweeper || process.env.NODE_ENV === "test") return;
      const tick = () => void sweep().catch((e) => console.error("policy simulation sweep failed", e));
      tick();
      sweeper = setInterval(tick, everyMs);
      sweeper.unref();
    },
    stopSweeper() {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
    },
  };
}

declare global {
  // One runner per process, kept across dev-server reloads (its per-shop queue must be unique).
  var __clauseSimulationRunner: SimulationRunner | undefined;
}

/** The app's runner: Shopify through unauthenticated.admin (the shop's offline session). */
export async function appSimulationRunner(): Promise<SimulationRunner> {
  globalThis.__clauseSimulationRunner ??= createSimulationRunner({
    db: appDb,
    adminFor: async (shop) => (await unauthenticated.admin(shop)).admin.graphql as AdminGraphql,
  });
  return globalThis.__clauseSimulationRunner;
}

/**
 * A draft handed over in the URL (`?draft=<base64 JSON>`, from the policy editor): its JSON, or
 * why it could not be read. Standard or URL-safe base64 of UTF-8 JSON; validated only when run.
 */
export function decodeDraftParam(param: string): { ok: true; json: unknown } | { ok: false; error: string } {
  if (param.length > 200_000) return { ok: false, error: "The draft in the link is too long." };
  const normalized = param.trim().replace(/-/g, "+").replace(/_/g, "/").replace(/\s/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return { ok: false, error: "The draft in the link is not base64." };
  try {
    return { ok: true, json: JSON.parse(Buffer.from(normalized, "base64").toString("utf8")) as unknown };
  } catch {
    return { ok: false, error: "The draft in the link is not valid JSON." };
  }
}

/** For app/entry.server.tsx, beside startWebhookSweeper: resume interrupted runs at process start. */
export function startSimulationSweeper(): void {
  void appSimulationRunner().then((runner) => runner.startSweeper());
}
