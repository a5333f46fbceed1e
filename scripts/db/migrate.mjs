// Applies the committed migrations to the database DATABASE_URL names (SQLite by default).
//   SQLite:     `prisma migrate deploy` through the libsql driver adapter (no engine download).
//   PostgreSQL: node-pg-migrate runs prisma/postgres/migrations/*.sql, because Prisma's wasm
//               schema engine cannot migrate PostgreSQL (prisma/orm#27403). See ADR 0002.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { runner } from "node-pg-migrate";
import { isPostgresUrl, projectRoot, sqliteUrl } from "./database-url.mjs";
import { run } from "./run.mjs";

export const postgresMigrationsDir = path.join(projectRoot, "prisma", "postgres", "migrations");

/** @param {string | undefined} databaseUrl */
export async function migrate(databaseUrl = process.env.DATABASE_URL, { quiet = false } = {}) {
  if (isPostgresUrl(databaseUrl)) {
    await runner({
      databaseUrl,
      dir: postgresMigrationsDir,
      migrationsTable: "clause_migrations",
      direction: "up",
      checkOrder: true,
      singleTransaction: true,
      log: quiet ? () => {} : (msg) => console.log(msg),
    });
    return;
  }
  const url = sqliteUrl(databaseUrl);
  mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  run("prisma", ["migrate", "deploy"], { DATABASE_URL: url }, { quiet });
}

/**
 * Write-ahead logging for a long-lived SQLite file that a running app shares with other readers
 * and writers (the demo: page loads, the webhook worker, the e2e's checks): readers never block the
 * writer. Kept in the file. Not for the test template, which is copied file by file.
 * @param {string | undefined} databaseUrl
 */
export async function useWriteAheadLog(databaseUrl) {
  if (isPostgresUrl(databaseUrl)) return;
  const client = createClient({ url: sqliteUrl(databaseUrl) });
  try {
    await client.execute("PRAGMA journal_mode=WAL");
  } finally {
    client.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await migrate();
}
