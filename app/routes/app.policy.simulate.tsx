// /app/policy/simulate: run a draft policy over the shop's recent orders beside the version in
// force. The action only validates and stores the run (app/services/policy-simulation.server.ts);
// the runner reads Shopify after the answer, and the page polls /app/policy/simulate/:runId for
// progress. `?run=<id>` shows a stored run (default: the latest); `?draft=<base64 JSON>` opens
// the form on a draft handed over by the policy editor. The page itself is app/components/simulation/.
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { Banner, Page } from "@shopify/polaris";
import db from "~/db.server";
import { PRESET_IDS, presets } from "~/domain/policy";
import { actionFailure, busyAware, failureInit, readForm, unreadableForm } from "~/lib/action-errors.server";
import { actorOf } from "~/lib/actor.server";
import { isRecordId } from "~/lib/record-id";
import { activePolicy } from "~/models/policy-version.server";
import { findSimulationRun, listSimulationRuns } from "~/models/simulation-run.server";
import {
  MAX_SIMULATED_ORDERS,
  SIMULATION_DAYS,
  SimulationBusyError,
  SimulationInputError,
  appSimulationRunner,
  decodeDraftParam,
  startSimulation,
} from "~/services/policy-simulation.server";
import { authenticate } from "~/shopify.server";
import { SimulationPage } from "~/components/simulation/SimulationPage";
import { runListItem, runView, type SimulationActionResult } from "~/components/simulation/view-model";

const notFound = () => new Response("This simulation was not found in your store.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  (await appSimulationRunner()).startSweeper();
  const url = new URL(request.url);
  const runId = url.searchParams.get("run");
  const draftParam = url.searchParams.get("draft");
  const [inForce, runs] = await Promise.all([activePolicy(db, shop), listSimulationRuns(db, shop)]);
  const selectedId = runId ?? runs[0]?.id ?? null;
  const selected = isRecordId(selectedId) ? await findSimulationRun(db, shop, selectedId) : null;
  if (runId && !selected) throw notFound();
  return {
    inForce: inForce ? { version: inForce.version, name: inForce.policy.name, policy: inForce.policy } : null,
    presets: PRESET_IDS.map((id) => ({ id, name: presets[id].name, policy: presets[id] })),
    imported: draftParam ? decodeDraftParam(draftParam) : null,
    runs: runs.map(runListItem),
    selected: selected ? runView(selected) : null,
    limits: { ...SIMULATION_DAYS, maxOrders: MAX_SIMULATED_ORDERS },
    timeZone: inForce?.policy.timeZone ?? "UTC",
    // Without read_all_orders Shopify lists only the last 60 days of orders.
    allOrdersAccess: (session.scope ?? "").split(",").map((s) => s.trim()).includes("read_all_orders"),
  };
}

export type SimulationPageData = ReturnType<typeof useLoaderData<typeof loader>>;

export const action = ({ request }: ActionFunctionArgs) => busyAware(() => startRun(request));

async function startRun(request: Request) {
  const auth = await authenticate.admin(request);
  const shop = auth.session.shop;
  const form = await readForm(request);
  if (!form) return unreadableForm();
  try {
    const { id } = await startSimulation(db, shop, { draft: form.get("draft") ?? undefined, days: form.get("days") ?? undefined, actor: actorOf(auth) });
    (await appSimulationRunner()).schedule(shop);
    return json<SimulationActionResult>({ ok: true, runId: id, message: "Simulation started" });
  } catch (error) {
    if (error instanceof SimulationInputError) {
      return json<SimulationActionResult>({ ok: false, status: 400, error: error.message, code: "INVALID_INPUT", fieldErrors: error.fieldErrors }, { status: 400 });
    }
    if (error instanceof SimulationBusyError) return json<SimulationActionResult>({ ok: false, status: 409, error: error.message, code: "BUSY" }, { status: 409 });
    if (error instanceof Response) throw error;
    const failure = actionFailure(error);
    if (!failure) throw error;
    return json<SimulationActionResult>(failure, failureInit(failure));
  }
}

export default function PolicySimulateRoute() {
  const data = useLoaderData<typeof loader>();
  return <SimulationPage data={data} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page title="Simulation not found" backAction={{ content: "Simulations", url: "/app/policy/simulate" }}>
        <Banner tone="critical">This simulation does not exist in your store, or it was removed.</Banner>
      </Page>
    );
  }
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
