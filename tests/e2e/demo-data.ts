// What the e2e flows check the pages against: the demo's own database (DATABASE_URL of the
// running demo), read directly.
import { createDb, type Db } from "~/db.server";
import { DEMO_SHOPS } from "~/demo/demo-shops";

let db: Db | undefined;

export function demoDb(): Db {
  db ??= createDb(process.env.DATABASE_URL);
  return db;
}

export async function closeDemoDb(): Promise<void> {
  await db?.$disconnect();
  db = undefined;
}

export function demoShop(preset: (typeof DEMO_SHOPS)[number]["preset"]) {
  const found = DEMO_SHOPS.find((s) => s.preset === preset);
  if (!found) throw new Error(`no demo shop runs the ${preset} preset`);
  return found;
}

/** The return cases seeded into a demo shop, oldest first. */
export function demoCases(shop: string) {
  return demoDb().returnCase.findMany({ where: { shop }, orderBy: { createdAt: "asc" }, select: { id: true, orderName: true, status: true, claimType: true, rmaNumber: true } });
}
