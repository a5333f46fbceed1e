// Test databases: one migrated template per run, then a fresh copy per vitest worker.
//   SQLite:     a template file, copied per worker.
//   PostgreSQL: a template database, cloned per worker with CREATE DATABASE … TEMPLATE.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../scripts/db/migrate.mjs";

export type TestDbProvider = "sqlite" | "postgres";

/** Where the test PostgreSQL server is; CI starts the machine's local one. */
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const runId = `${process.pid}`;
const tmpDir = path.join(os.tmpdir(), "clause-test-db");
const templateSqlite = path.join(tmpDir, `template-${runId}.sqlite`);
const templatePgName = `clause_test_template_${runId}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** Builds the migrated template; returns what workers need to clone it. */
export async function createTemplate(provider: TestDbProvider): Promise<string> {
  if (provider === "sqlite") {
    mkdirSync(tmpDir, { recursive: true });
    rmSync(templateSqlite, { force: true });
    await migrate(`file:${templateSqlite}`, { quiet: true });
    return templateSqlite;
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${templatePgName} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${templatePgName}`);
  await migrate(withDatabase(postgresAdminUrl, templatePgName), { quiet: true });
  return templatePgName;
}

export async function dropTemplate(provider: TestDbProvider, template: string) {
  if (provider === "sqlite") rmSync(template, { force: true });
  else await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}

/** A fresh database for one worker, cloned from the template; returns its DATABASE_URL. */
export async function createWorkerDatabase(provider: TestDbProvider, template: string, workerId: string) {
  if (provider === "sqlite") {
    const file = path.join(path.dirname(template), `${path.basename(template, ".sqlite")}-w${workerId}.sqlite`);
    copyFileSync(template, file);
    return { url: `file:${file}`, drop: async () => rmSync(file, { force: true }) };
  }
  const name = `${template}_w${workerId}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return { url: withDatabase(postgresAdminUrl, name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
