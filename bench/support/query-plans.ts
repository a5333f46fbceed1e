// SQLite's plan for every statement some database work sends: the work runs once on a second
// Prisma client that logs its queries (same database), then each distinct statement is asked
// EXPLAIN QUERY PLAN with the parameters it was sent with. A "SCAN" of a big table, or a
// "USE TEMP B-TREE FOR ORDER BY" over it, is what makes a page slow as the table grows.
import { createClient } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";
import type { Db } from "../../app/db.server";

export type QueryPlan = { sql: string; plan: string[] };

export async function queryPlans(url: string, work: (db: Db) => Promise<unknown>): Promise<QueryPlan[]> {
  const logging = new PrismaClient({ adapter: new PrismaLibSQL({ url }), log: [{ emit: "event", level: "query" }] });
  const sent: Array<{ sql: string; params: string }> = [];
  logging.$on("query", (e) => {
    if (/^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(e.query)) sent.push({ sql: e.query, params: e.params });
  });
  try {
    await work(logging as unknown as Db);
  } finally {
    await logging.$disconnect();
  }
  const sqlite = createClient({ url });
  const plans: QueryPlan[] = [];
  try {
    for (const { sql, params } of sent) {
      if (plans.some((p) => p.sql === sql)) continue;
      const rows = await sqlite.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: JSON.parse(params) as Array<string | number | null> });
      plans.push({ sql, plan: rows.rows.map((r) => String(r.detail)) });
    }
  } finally {
    sqlite.close();
  }
  return plans;
}
