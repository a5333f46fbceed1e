// The PostgreSQL schema is derived from the SQLite one, and every schema change has a
// migration for both databases.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom, postgresSchemaPath, sqliteSchemaPath } from "./generate.mjs";
import { projectRoot } from "./database-url.mjs";

describe("database schemas and migrations", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma", () => {
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8")));
  });

  it("prisma/schema.prisma has no change without a migration (npm run db:new-migration)", () => {
    const snapshot = path.join(projectRoot, "prisma", "migrations", "schema-at-last-migration.prisma");
    expect(readFileSync(snapshot, "utf8")).toBe(readFileSync(sqliteSchemaPath, "utf8"));
  });

  it("has the same migrations for SQLite and PostgreSQL", () => {
    const sqlite = readdirSync(path.join(projectRoot, "prisma", "migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const postgres = readdirSync(path.join(projectRoot, "prisma", "postgres", "migrations")).map((f) => f.replace(/\.sql$/, ""));
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });
});
