// Prisma CLI configuration for the PostgreSQL schema (generated from prisma/schema.prisma).
// Used to generate its client and to write its migration SQL with `migrate diff`, which needs
// no connection; migrations are applied by node-pg-migrate (docs/decisions/0002-…).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
