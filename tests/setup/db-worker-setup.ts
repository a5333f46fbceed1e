// Before any test file of a worker imports the app: point DATABASE_URL at this worker's own
// fresh database (cloned once per worker from the migrated template).
import { afterAll, inject } from "vitest";
import { createWorkerDatabase, type TestDbProvider } from "./test-databases";

const provider = process.env.CLAUSE_TEST_DB as TestDbProvider;
const template = inject("dbTemplate");
const workerId = process.env.VITEST_POOL_ID ?? "1";
const readyKey = `CLAUSE_TEST_DB_READY_${provider}`;

if (template && !process.env[readyKey]) {
  const { url } = await createWorkerDatabase(provider, template, workerId);
  process.env.DATABASE_URL = url;
  process.env[readyKey] = url;
} else if (template) {
  process.env.DATABASE_URL = process.env[readyKey];
}

afterAll(async () => {
  // Each file imports the app afresh; close its connections so the database can be dropped.
  const db = globalThis.__clauseDb;
  globalThis.__clauseDb = undefined;
  await db?.$disconnect();
});
