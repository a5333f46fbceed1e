// "The app" of the crash check: a separate process (node --import tsx) the test kills with
// SIGKILL. It reaches the database the test's worker uses (DATABASE_URL) and Shopify through
// the test's stand-in, served over HTTP at CRASH_STANDIN_URL: every Admin API request, the
// services' and the Shopify library's (unauthenticated.admin), goes there with this process's
// pid, so the test can kill it at any request. Commands arrive over IPC (see protocol.ts).
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { API_VERSION } from "~/api-version";
import db from "~/db.server";
import { getCase } from "~/models/return-case.server";
import { createAdminClient, type AdminGraphql } from "~/services/admin-client";
import { bootReconciliation } from "~/services/case-reconcile.server";
import { refundCase, settleRefund } from "~/services/case-refund.server";
import { approveCase, attachLabel } from "~/services/case-review.server";
import "~/shopify.server";
import { labelFor, type Command, type Reply, type Step } from "./protocol";

const base = process.env.CRASH_STANDIN_URL!;

/** https://<shop>/admin/… → <stand-in server>/<shop>/admin/…, tagged with this process. */
const forward = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set("x-crash-worker", String(process.pid));
  return fetch(`${base}/${url.hostname}${url.pathname}${url.search}`, { method: request.method, headers, body: await request.text(), signal: request.signal });
}) as typeof fetch;
setAbstractFetchFunc(forward);

const apiFor = (shop: string) => {
  const graphql: AdminGraphql = (query, options) =>
    forward(`https://${shop}/admin/api/${API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": `test-token-${shop}` },
      body: JSON.stringify({ query, variables: options?.variables ?? {} }),
      ...(options?.signal ? { signal: options.signal } : {}),
    });
  return createAdminClient(graphql);
};

/** One agent step, from the case as the page shows it. */
async function step(kind: Step, shop: string, caseId: string) {
  const c = await getCase(db, shop, caseId);
  const ref = { shop, caseId, actor: "agent", expectedVersion: c.version, notifyCustomer: false };
  if (kind === "refund") return refundCase(db, apiFor(shop), ref);
  return approveCase(db, apiFor(shop), { ...ref, label: kind === "approveLabel" ? labelFor(caseId) : null });
}

/** The agent after the restart: opens the page (which settles a pending refund) and redoes what the case still needs. */
async function retry(kind: Step, shop: string, caseId: string) {
  const api = apiFor(shop);
  let c = await getCase(db, shop, caseId);
  if (c.refundClaimKey && c.status === "INSPECTED") c = await settleRefund(db, api, { shop, caseId, actor: "agent" });
  const ref = { shop, caseId, actor: "agent", expectedVersion: c.version, notifyCustomer: false };
  if (kind === "refund") return c.status === "INSPECTED" && !c.refundClaimKey ? refundCase(db, api, ref) : c;
  if (c.status === "REQUESTED") return approveCase(db, api, { ...ref, label: kind === "approveLabel" ? labelFor(caseId) : null });
  if (kind === "approveLabel" && c.status === "APPROVED" && !c.reverseDeliveryId) return attachLabel(db, api, { ...ref, ...labelFor(caseId) });
  return c;
}

async function run(command: Command): Promise<unknown> {
  switch (command.kind) {
    case "step":
      return (await step(command.step, command.shop, command.caseId)).status;
    case "retry":
      return (await retry(command.step, command.shop, command.caseId)).status;
    case "boot":
      return bootReconciliation(new Date(command.now));
  }
}

process.on("message", (command: Command) => {
  void run(command).then(
    (result) => process.send!({ id: command.id, ok: true, result } satisfies Reply),
    (error: unknown) => process.send!({ id: command.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies Reply),
  );
});
process.send!({ ready: true });
