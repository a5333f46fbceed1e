// /app/policy/simulate/:runId: one run of this shop as JSON (status, progress, result so far),
// what the simulation page polls every second while the run is going. Another shop's run, or an
// unknown id, is a bare 404.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { isRecordId } from "~/lib/record-id";
import { findSimulationRun } from "~/models/simulation-run.server";
import { authenticate } from "~/shopify.server";
import { runView } from "~/components/simulation/view-model";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const run = isRecordId(params.runId) ? await findSimulationRun(db, session.shop, params.runId) : null;
  if (!run) throw new Response("This simulation was not found in your store.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return json(runView(run), { headers: { "Cache-Control": "no-store" } });
}
