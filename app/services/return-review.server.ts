// Approving and declining a REQUESTED return. Whether Shopify emails the shopper is always the
// caller's explicit choice (`notifyCustomer` has no default here). A decline maps the policy
// engine's reason to Shopify's three (FINAL_SALE, RETURN_PERIOD_ENDED, OTHER) and its note —
// which Shopify sends to the shopper — cites the clause that decided.
//
// Retry safety: both are state transitions. After a failure whose answer was lost, the service
// reads the return before re-sending: already OPEN (approve) or DECLINED (decline) means the
// first attempt landed, and that state is returned rather than an INVALID_STATE refusal.
import { ReturnApproveRequestMutation } from "~/graphql/ReturnApproveRequestMutation";
import { ReturnDeclineRequestMutation } from "~/graphql/ReturnDeclineRequestMutation";
import { adminClient, requirePayload, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import type { ReturnStatus } from "./order-snapshot.server";
import { getReturn, reverseFulfillmentOrder, type RawRfo, type ReverseFulfillmentOrderLine } from "./return-state.server";

export type DeclineReason = "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER";

/** Shopify's decline reason for a policy-engine line code (FINAL_SALE, RETURN_WINDOW_EXPIRED, …). */
export function declineReasonFor(code: string): DeclineReason {
  if (code === "FINAL_SALE") return "FINAL_SALE";
  if (code === "RETURN_WINDOW_EXPIRED" || code === "DEFECT_REPORT_WINDOW_EXPIRED") return "RETURN_PERIOD_ENDED";
  return "OTHER";
}

export const MAX_DECLINE_NOTE = 500;

/**
 * The decline note: the explanation, then the clause it rests on. Trimmed to Shopify's 500
 * characters by shortening the explanation, never the citation.
 */
export function declineNote(explanation: string, clause: { id: string; title?: string | null }): string {
  const citation = clause.title ? `(Policy: ${clause.title}, clause ${clause.id})` : `(Policy clause ${clause.id})`;
  const room = MAX_DECLINE_NOTE - citation.length - 1;
  const text = explanation.trim();
  const body = text.length <= room ? text : `${text.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
  return body ? `${body} ${citation}` : citation;
}

export type ApprovedReturn = {
  id: string;
  name: string;
  status: ReturnStatus;
  reverseFulfillmentOrders: Array<{ id: string; lineItems: ReverseFulfillmentOrderLine[] }>;
  recovered: boolean;
};

type UserErrors = Array<{ field: string[] | null; message: string; code: string | null }>;

export async function approveReturn(api: AdminApi, input: { returnId: string; notifyCustomer: boolean }): Promise<ApprovedReturn> {
  const client = adminClient(api);
  const result = await client.mutate<
    { returnApproveRequest: { return: { id: string; name: string; status: ReturnStatus; reverseFulfillmentOrders: { nodes: RawRfo[] } } | null; userErrors: UserErrors } | null },
    ApprovedReturn
  >(
    ReturnApproveRequestMutation,
    { input: { id: input.returnId, notifyCustomer: input.notifyCustomer } },
    {
      reconcile: async () => {
        const state = await getReturn(client, input.returnId);
        if (!state || (state.status !== "OPEN" && state.status !== "CLOSED")) return null;
        return { id: state.id, name: state.name, status: state.status, reverseFulfillmentOrders: state.reverseFulfillmentOrders, recovered: true };
      },
    },
  );
  if (result.reconciled) return result.reconciled;
  const ret = requirePayload("returnApproveRequest", result.answered.returnApproveRequest).return;
  if (!ret) throw new ShopifyGraphqlError("returnApproveRequest answered neither a return nor userErrors", []);
  return { id: ret.id, name: ret.name, status: ret.status, reverseFulfillmentOrders: ret.reverseFulfillmentOrders.nodes.map(reverseFulfillmentOrder), recovered: false };
}

export type DeclineInput = {
  returnId: string;
  reason: DeclineReason;
  /** One sentence for the shopper: why. */
  explanation: string;
  /** The clause that decided (`exclusion.final-sale`, `window.return`, …) and its heading. */
  clause: { id: string; title?: string | null };
  notifyCustomer: boolean;
};

export type DeclinedReturn = { id: string; name: string; status: ReturnStatus; decline: { reason: string; note: string | null } | null; recovered: boolean };

export async function declineReturn(api: AdminApi, input: DeclineInput): Promise<DeclinedReturn> {
  const client = adminClient(api);
  const note = declineNote(input.explanation, input.clause);
  const result = await client.mutate<
    { returnDeclineRequest: { return: { id: string; name: string; status: ReturnStatus; decline: { reason: string; note: string | null } | null } | null; userErrors: UserErrors } | null },
    DeclinedReturn
  >(
    ReturnDeclineRequestMutation,
    { input: { id: input.returnId, declineReason: input.reason, declineNote: note, notifyCustomer: input.notifyCustomer } },
    {
      reconcile: async () => {
        const state = await getReturn(client, input.returnId);
        if (!state || state.status !== "DECLINED") return null;
        return { id: state.id, name: state.name, status: state.status, decline: state.decline, recovered: true };
      },
    },
  );
  if (result.reconciled) return result.reconciled;
  const ret = requirePayload("returnDeclineRequest", result.answered.returnDeclineRequest).return;
  if (!ret) throw new ShopifyGraphqlError("returnDeclineRequest answered neither a return nor userErrors", []);
  return { ...ret, recovered: false };
}
