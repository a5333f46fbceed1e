// returnRequest: asks Shopify for a return on the shopper's behalf, with the decision's restocking
// fee per line and the return shipping fee. Shopify creates it REQUESTED.
//
// Retry safety. returnRequest has no idempotency key in Shopify, and a request whose answer was
// lost (timeout, network error, 5xx) may have created the return. So the service knows which
// returns the order had before (`existingReturnIds` — pass the ids from the decision's order
// snapshot, or it reads them first), and before re-sending after such a failure it re-reads the
// order's returns: a return that is not among the earlier ones and holds exactly the requested
// fulfillment line items and quantities is this request's, and is returned instead of creating a
// second one. Passing the snapshot's ids also makes a whole retried job safe: its return is not
// among them, so it is found rather than duplicated.
import { ReturnRequestMutation } from "~/graphql/ReturnRequestMutation";
import { adminClient, requirePayload, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import type { Money } from "./admin-types";
import type { ReturnStatus } from "./order-snapshot.server";
import { listOrderReturns, returnLine, type ReturnLine } from "./return-state.server";

/**
 * Restocking fees are percentages on a 0–100 scale: `{ percentage: 15 }` is a 15 % fee. Shopify
 * documents RestockingFeeInput.percentage only as "the value of the fee as a percentage";
 * public returns apps send 10 for 10 % and read 100 as the whole price, and the stand-in's
 * returnCalculate computes amount × percentage / 100 to match.
 */
export const RESTOCKING_FEE_SCALE = 100;

export type ReturnRequestLine = {
  fulfillmentLineItemId: string;
  quantity: number;
  /** 0–100; null or absent: no restocking fee. */
  restockingFeePercent?: number | null;
  /** Shown to the merchant with the line (at most 300 characters). */
  customerNote?: string | null;
  returnReasonDefinitionId?: string | null;
};

export type ReturnRequestInput = { orderId: string; lines: ReturnRequestLine[]; returnShippingFee?: Money | null };

export type RequestedReturn = {
  id: string;
  name: string;
  status: ReturnStatus;
  lines: ReturnLine[];
  /** True when a lost answer was recovered by finding the return the first attempt created. */
  recovered: boolean;
};

/** The restocking fee for a line refunded at `refundPercent` of its price (the policy engine's refundPercent). */
export function restockingFeeFromRefundPercent(refundPercent: number): number {
  return Math.round((RESTOCKING_FEE_SCALE - refundPercent) * 100) / 100;
}

function sameLines(lines: readonly ReturnLine[], wanted: readonly ReturnRequestLine[]): boolean {
  const sum = (entries: Array<[string | null, number]>) => {
    const m = new Map<string, number>();
    for (const [id, q] of entries) if (id) m.set(id, (m.get(id) ?? 0) + q);
    return m;
  };
  const have = sum(lines.map((l) => [l.fulfillmentLineItemId, l.quantity]));
  const want = sum(wanted.map((l) => [l.fulfillmentLineItemId, l.quantity]));
  if (have.size !== want.size) return false;
  for (const [id, q] of want) if (have.get(id) !== q) return false;
  return true;
}

export function returnRequestVariables(input: ReturnRequestInput) {
  for (const line of input.lines) {
    const p = line.restockingFeePercent;
    if (p !== undefined && p !== null && (!(p >= 0) || p > RESTOCKING_FEE_SCALE)) throw new RangeError(`Restocking fee ${p} is not a percentage between 0 and ${RESTOCKING_FEE_SCALE}`);
  }
  return {
    input: {
      orderId: input.orderId,
      returnLineItems: input.lines.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemId,
        quantity: l.quantity,
        ...(l.restockingFeePercent ? { restockingFee: { percentage: l.restockingFeePercent } } : {}),
        ...(l.customerNote ? { customerNote: l.customerNote } : {}),
        ...(l.returnReasonDefinitionId ? { returnReasonDefinitionId: l.returnReasonDefinitionId } : {}),
      })),
      ...(input.returnShippingFee ? { returnShippingFee: { amount: { amount: input.returnShippingFee.amount, currencyCode: input.returnShippingFee.currencyCode } } } : {}),
    },
  };
}

type Payload = {
  returnRequest: {
    return: { id: string; name: string; status: ReturnStatus; returnLineItems: { nodes: Parameters<typeof returnLine>[0][] } } | null;
    userErrors: Array<{ field: string[] | null; message: string; code: string | null }>;
  } | null;
};

export async function requestReturn(api: AdminApi, input: ReturnRequestInput, options: { existingReturnIds?: readonly string[] } = {}): Promise<RequestedReturn> {
  const client = adminClient(api);
  const variables = returnRequestVariables(input);
  const before = new Set(options.existingReturnIds ?? (await listOrderReturns(client, input.orderId)).map((r) => r.id));
  const result = await client.mutate<Payload, RequestedReturn>(ReturnRequestMutation, variables, {
    reconcile: async () => {
      const mine = (await listOrderReturns(client, input.orderId)).find((r) => !before.has(r.id) && sameLines(r.lines, input.lines));
      return mine ? { id: mine.id, name: mine.name, status: mine.status, lines: mine.lines, recovered: true } : null;
    },
  });
  if (result.reconciled) return result.reconciled;
  const created = requirePayload("returnRequest", result.answered.returnRequest).return;
  if (!created) throw new ShopifyGraphqlError("returnRequest answered neither a return nor userErrors", []);
  return { id: created.id, name: created.name, status: created.status, lines: created.returnLineItems.nodes.map(returnLine), recovered: false };
}
