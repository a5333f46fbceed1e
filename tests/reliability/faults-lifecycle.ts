// The faults check's actors: one return case driven through its scripted lifecycle by the real
// services, and what a shopper or agent does when an action fails because Shopify could not be
// reached (ShopifyUnavailableError / ShopifyThrottledError after the client's own retries):
// try the same action again, a bounded number of times, from the state the page would show.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "~/db.server";
import type { InspectionForm } from "~/domain/cases";
import { getCase } from "~/models/return-case.server";
import { AdminClient, createAdminClient, ShopifyThrottledError, ShopifyUnavailableError, type AdminClientOptions, type AdminGraphql } from "~/services/admin-client";
import { approveCase, attachLabel, declineCase } from "~/services/case-review.server";
import { inspectCase, markReceived } from "~/services/case-handling.server";
import { openCase } from "~/services/case-intake.server";
import { closeCase, refundCase, settleRefund, STALE_CLAIM_MS } from "~/services/case-refund.server";

export type Script = { end: "CLOSED" | "REFUNDED" | "DECLINED" | "DECLINED_CLOSED"; label: boolean };
export type CaseRun = {
  index: number;
  shop: string;
  orderId: string;
  lineItemId: string;
  script: Script;
  outcome: { actionRetries: number; error: string | null } | null;
};

/** A mix of endings: most refunded and closed, some left refunded, some declined (and closed); every third approval with a label. */
export function scriptFor(index: number): Script {
  const end = index % 10 === 3 ? "DECLINED" : index % 10 === 7 ? "DECLINED_CLOSED" : index % 5 === 1 ? "REFUNDED" : "CLOSED";
  return { end, label: index % 3 === 0 };
}

export const requestKeyOf = (run: CaseRun) => `faults-${run.index}`;
export const labelOf = (run: CaseRun) => ({ fileUrl: `https://labels.example/faults-${run.index}.pdf`, trackingNumber: `1ZFAULTS${run.index}` });

const currentCall = new AsyncLocalStorage<{ resends: number }>();

/**
 * Counts, for every query/mutate call of any AdminClient (the services derive clients of their
 * own), how many times it re-sent: throttle waits and retries. A reconcile read inside a mutation
 * is a call of its own. Returns the undo.
 */
export function countCalls(perCall: number[]): () => void {
  const proto = AdminClient.prototype as unknown as Record<"query" | "mutate", (...args: unknown[]) => Promise<unknown>>;
  const originals = { query: proto.query, mutate: proto.mutate };
  for (const name of ["query", "mutate"] as const) {
    proto[name] = async function (this: AdminClient, ...args: unknown[]) {
      const call = { resends: 0 };
      try {
        return await currentCall.run(call, () => originals[name].apply(this, args));
      } finally {
        perCall.push(call.resends);
      }
    };
  }
  return () => Object.assign(proto, originals);
}

/** The client a case's actions use: production retry logic, one retry per call (see the test's header). */
export function faultsClient(graphql: AdminGraphql, options: AdminClientOptions): AdminClient {
  return createAdminClient(graphql, {
    ...options,
    maxRetries: 1,
    onEvent: (e) => {
      const call = currentCall.getStore();
      if (call && e.type !== "reconciled") call.resends += 1;
    },
  });
}

const TRIES = 5;
const ACTOR = "agent@faults";
const transient = (e: unknown) => e instanceof ShopifyUnavailableError || e instanceof ShopifyThrottledError;

async function retrying(run: CaseRun, step: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!transient(error) || attempt >= TRIES) throw error;
      run.outcome!.actionRetries += 1;
    }
  }
}

/** Runs the case's script; a step that still fails after TRIES is recorded and ends the run. */
export async function runCase(d: Db, api: AdminClient, run: CaseRun) {
  run.outcome = { actionRetries: 0, error: null };
  const { shop } = run;
  try {
    let caseId = "";
    await retrying(run, async () => {
      const request = { type: "RETURN" as const, lines: [{ lineItemId: run.lineItemId, quantity: 1, condition: "OPENED" as const, reason: "", evidence: [] }] };
      caseId = (await openCase(d, api, { shop, orderId: run.orderId, request, requestKey: requestKeyOf(run), actor: "customer" })).id;
    });
    const fresh = () => getCase(d, shop, caseId);
    const ref = (version: number) => ({ shop, caseId, expectedVersion: version, actor: ACTOR });

    if (run.script.end === "DECLINED" || run.script.end === "DECLINED_CLOSED") {
      await retrying(run, async () => {
        const c = await fresh();
        if (c.status === "REQUESTED") await declineCase(d, api, { ...ref(c.version), reason: "OTHER", clauseId: "window.return", explanation: "Not eligible.", notifyCustomer: false });
      });
      if (run.script.end === "DECLINED_CLOSED") await close(run, d, api, fresh, ref);
      return;
    }

    const label = run.script.label ? labelOf(run) : null;
    await retrying(run, async () => {
      const c = await fresh();
      if (c.status === "REQUESTED") await approveCase(d, api, { ...ref(c.version), notifyCustomer: false, label });
    });
    // The approval stands even when its label did not make it; the agent attaches it again.
    if (label) {
      await retrying(run, async () => {
        const c = await fresh();
        if (!c.reverseDeliveryId) await attachLabel(d, api, { ...ref(c.version), ...label, notifyCustomer: false });
      });
    }
    await markReceived(d, ref((await fresh()).version));
    const form: InspectionForm = { lines: [{ lineItemId: run.lineItemId, condition: "OPENED", disposition: "RESTOCK" }] };
    await inspectCase(d, { ...ref((await fresh()).version), form });
    await retrying(run, async () => {
      let c = await fresh();
      // A refund whose outcome was lost: come back once the claim is stale and let the app settle it.
      if (c.refundClaimKey && c.status === "INSPECTED") c = await settleRefund(d, api, { shop, caseId, actor: ACTOR, now: new Date(Date.now() + STALE_CLAIM_MS + 1_000) });
      if (c.status === "INSPECTED" && !c.refundClaimKey) await refundCase(d, api, { ...ref(c.version), notifyCustomer: false });
    });
    if (run.script.end === "CLOSED") await close(run, d, api, fresh, ref);
  } catch (error) {
    run.outcome.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

async function close(run: CaseRun, d: Db, api: AdminClient, fresh: () => ReturnType<typeof getCase>, ref: (v: number) => { shop: string; caseId: string; expectedVersion: number; actor: string }) {
  await retrying(run, async () => {
    const c = await fresh();
    if (c.status !== "CLOSED") await closeCase(d, api, ref(c.version));
  });
}
