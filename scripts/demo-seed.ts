// Seeds the demo database (run by scripts/demo.mjs with the demo environment).
import { createDb } from "~/db.server";
import { seedDemoSessions } from "~/demo/seed-sessions.server";

const db = createDb();
await seedDemoSessions(db);
await db.$disconnect();
