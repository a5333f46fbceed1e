// Liveness and readiness: answers 200 only when a database round-trip succeeds.
import db from "~/db.server";
import { databaseProvider } from "../../scripts/db/database-url.mjs";

export async function loader() {
  const started = performance.now();
  const provider = databaseProvider(process.env.DATABASE_URL);
  try {
    await db.$queryRaw`SELECT 1`;
    const roundTripMs = Math.round((performance.now() - started) * 100) / 100;
    return Response.json(
      { status: "ok", database: { provider, roundTripMs } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("healthz: database round-trip failed", error);
    return Response.json(
      { status: "error", database: { provider, error: "database unreachable" } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
