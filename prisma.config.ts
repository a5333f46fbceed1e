// Prisma CLI configuration. Prisma must never download engine binaries (their host is not
// reachable from our machines), so the CLI runs its JS/wasm engine through a driver adapter.
// The CLI's migrations run on SQLite only; PostgreSQL migrations go through node-pg-migrate
// (see docs/decisions/0002-prisma-js-engine-and-postgres-migrations.md).
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { sqliteUrl } from "./scripts/db/database-url.mjs";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaLibSQL({ url: sqliteUrl(process.env.DATABASE_URL) });
  },
});
