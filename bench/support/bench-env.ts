// What every database benchmark starts with, before it imports anything from the app: the
// environment the Shopify test helpers sign requests for (as vitest.config.ts sets it) and a
// fresh SQLite database of its own, migrated like the test template and in write-ahead-log mode
// like a running app's (scripts/demo.mjs). App modules read DATABASE_URL when first imported, so
// a benchmark imports them dynamically, after `prepareBench`; the Prisma client is the app's own.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { migrate, useWriteAheadLog } from "../../scripts/db/migrate.mjs";

const TEST_ENV = {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: "testApiKey",
  SHOPIFY_API_SECRET: "testApiSecretKey",
  SHOPIFY_APP_URL: "https://my-test-app.myshopify.io",
  // The Shopify libraries log every authenticated request at info: noise in a benchmark's output.
  CLAUSE_LOG_LEVEL: "warning",
  CLAUSE_EVIDENCE_DIR: path.join(os.tmpdir(), "clause-bench-evidence"),
} as const;

export type BenchDatabase = { url: string; file: string; remove: () => void };

/** Sets the environment and DATABASE_URL to a new, migrated SQLite file; `remove` deletes it. */
export async function prepareBench(name: string): Promise<BenchDatabase> {
  for (const [key, value] of Object.entries(TEST_ENV)) process.env[key] = value;
  const dir = path.join(os.tmpdir(), "clause-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.sqlite`);
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  };
  remove();
  process.once("exit", remove); // also when the benchmark fails
  const url = `file:${file}`;
  await migrate(url, { quiet: true });
  await useWriteAheadLog(url);
  process.env.DATABASE_URL = url;
  return { url, file, remove };
}

/** Closes the app's Prisma client (db.server keeps one per process) and deletes the database. */
export async function finishBench(database: BenchDatabase): Promise<void> {
  await globalThis.__clauseDb?.$disconnect();
  database.remove();
}

/** Open file descriptors of this process (Linux; null elsewhere): the SQLite leak's symptom. */
export function openFileDescriptors(): number | null {
  try {
    return readdirSync("/proc/self/fd").length;
  } catch {
    return null;
  }
}

let gc: (() => void) | undefined;

/** A full garbage collection now (to measure the heap a benchmark holds); returns the ms it took. */
export function fullGc(): number {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  const start = performance.now();
  gc();
  return performance.now() - start;
}
