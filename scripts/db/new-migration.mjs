// Writes a new migration for both databases from the change to prisma/schema.prisma since the
// last migration (kept as prisma/migrations/schema-at-last-migration.prisma):
//   npm run db:new-migration -- add_return_cases
// SQLite SQL goes to prisma/migrations/<ts>_<name>/migration.sql (applied by Prisma),
// PostgreSQL SQL to prisma/postgres/migrations/<ts>_<name>.sql (applied by node-pg-migrate).
// `migrate diff` between two datamodels needs no shadow database; for PostgreSQL the JS engine
// still opens a connection, so this command needs a reachable server (DEV_POSTGRES_URL).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "./database-url.mjs";
import { postgresSchemaFrom, sqliteSchemaPath, postgresSchemaPath, writePostgresSchema } from "./generate.mjs";
import { postgresMigrationsDir } from "./migrate.mjs";
import { run } from "./run.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const snapshotPath = path.join(projectRoot, "prisma", "migrations", "schema-at-last-migration.prisma");
const pgUrl = process.env.DEV_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = mkdtempSync(path.join(os.tmpdir(), "clause-migration-"));

writePostgresSchema();
const fromArgs = (snapshot) => (snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"]);
let sqliteFrom = null;
let pgFrom = null;
if (existsSync(snapshotPath)) {
  sqliteFrom = snapshotPath;
  pgFrom = path.join(tmp, "schema-at-last-migration.postgres.prisma");
  writeFileSync(pgFrom, postgresSchemaFrom(readFileSync(snapshotPath, "utf8")));
}
const diff = (config, from, to, url) =>
  run("prisma", ["migrate", "diff", "--config", config, ...fromArgs(from), "--to-schema-datamodel", to, "--script"], { DATABASE_URL: url }, { quiet: true });

const sqliteSql = diff("prisma.config.ts", sqliteFrom, sqliteSchemaPath, `file:${path.join(tmp, "diff.sqlite")}`);
if (/^-- This is an empty migration\.\s*$/m.test(sqliteSql)) {
  console.log("prisma/schema.prisma has not changed since the last migration: nothing to write.");
  process.exit(0);
}
const pgSql = diff("prisma/postgres/prisma.config.ts", pgFrom, postgresSchemaPath, pgUrl);

const sqliteDir = path.join(projectRoot, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(sqliteDir, { recursive: true });
writeFileSync(path.join(sqliteDir, "migration.sql"), sqliteSql);
mkdirSync(postgresMigrationsDir, { recursive: true });
writeFileSync(path.join(postgresMigrationsDir, `${stamp}_${name}.sql`), `-- Up Migration\n${pgSql}`);
copyFileSync(sqliteSchemaPath, snapshotPath);
console.log(`wrote ${path.relative(projectRoot, sqliteDir)} and prisma/postgres/migrations/${stamp}_${name}.sql`);
