// The one Prisma client of the process. PostgreSQL when DATABASE_URL is a postgres URL,
// embedded SQLite otherwise; both through driver adapters, so no engine binary is needed.
import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, sqliteUrl } from "../scripts/db/database-url.mjs";
import { ReleasingLibSQL } from "./sqlite-adapter.server";

export type Db = PrismaClient;

export function createDb(url = process.env.DATABASE_URL): Db {
  if (isPostgresUrl(url)) {
    // A generated client is tied to its provider: the PostgreSQL one lives beside the default
    // client (scripts/db/generate.mjs) and has the same model API.
    const require = createRequire(import.meta.url);
    const { PrismaClient: PostgresClient } = require(".prisma/postgres-client") as {
      PrismaClient: new (options: { adapter: PrismaPg }) => Db;
    };
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  return new PrismaClient({ adapter: new ReleasingLibSQL({ url: sqliteUrl(url) }) });
}

declare global {
  // Kept across dev-server reloads so that each reload does not open another connection pool.
  var __clauseDb: Db | undefined;
}

const db: Db = globalThis.__clauseDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalThis.__clauseDb = db;

export default db;
