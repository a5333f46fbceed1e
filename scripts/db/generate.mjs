// postinstall: derive the PostgreSQL schema from the canonical SQLite one and generate a Prisma
// client for each. A generated client is tied to its provider, so the app holds two and
// app/db.server.ts picks one from DATABASE_URL at start.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot, sqliteUrl } from "./database-url.mjs";
import { run } from "./run.mjs";

export const sqliteSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(projectRoot, "prisma", "postgres", "schema.prisma");

/** The PostgreSQL schema text for a given SQLite schema text. */
export function postgresSchemaFrom(sqliteSchema) {
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/db/generate.mjs: do not edit.\n";
  return (
    header +
    sqliteSchema
      .replace(/^\/\/ Canonical schema[^\n]*\n(\/\/[^\n]*\n)*/m, "")
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace(
        /engineType = "client"/,
        'engineType = "client"\n  output     = "../../node_modules/.prisma/postgres-client"',
      )
  );
}

export function writePostgresSchema() {
  const text = postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8"));
  mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePostgresSchema();
  // The CLI reads the schema's generator (engineType = "client") only when the datasource URL
  // resolves; without one it falls back to downloading a native query engine.
  run("prisma", ["generate", "--schema", sqliteSchemaPath], {
    DATABASE_URL: sqliteUrl(process.env.DATABASE_URL),
  });
  run("prisma", ["generate", "--schema", postgresSchemaPath], {
    DATABASE_URL: "postgresql://localhost/clause_generate",
  });
}
