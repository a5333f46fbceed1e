// returnProcess: confirms the returned items (with their dispositions) and refunds the decided
// amount through financialTransfer.issueRefund, spread over the order's payments, and the
// original shipping when the policy says so; returnClose then marks the return done.
//
// Retry safety: returnProcess has no idempotency key. The service reads the return first
// (processed quantities, refunds); after a failure whose answer was lost it reads it again,
// and processed quantities grown by what was asked mean the first attempt landed — its new
// refund is returned instead of processing (and refunding) twice. Shopify itself refuses to
// process more than is unprocessed, which backs this up for whole-line processing.
// returnClose is a state transition: an already CLOSED return after a lost answer is success.
import { ReturnCloseMutation } from "~/graphql/ReturnCloseMutation";
import { ReturnProcessMutation } from "~/graphql/ReturnProcessMutation";
import { formatAmount, parseAmount } from "~/domain/money/money";
import { adminClient, requirePayload, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import type { Money, MoneyBag } from "./admin-types";
import type { ReturnStatus, SnapshotTransaction } from "./order-snapshot.server";
import { getReturn, type ReturnLine, type ReturnState } from "./return-state.server";
import type { DispositionType } from "./reverse-logistics.server";

type UserErrors = Array<{ field: string[] | null; message: string; code: string | null }>;

export type RefundTransaction = { parentId: string; gateway: string | null; amount: Money };

/**
 * Spreads a refund over the order's successful sales/captures, each up to what it can still give
 * back (its amount less its successful refunds), in order. Throws when the order cannot refund
 * that much: a refund is never sent for more than was paid.
 */
export function allocateRefund(transactions: readonly SnapshotTransaction[], amount: Money): RefundTransaction[] {
  const currency = amount.currencyCode;
  let left = parseAmount(amount.amount, currency);
  if (left < 0n) throw new RangeError(`Refund amount ${amount.amount} is negative`);
  const refunded = new Map<string, bigint>();
  for (const t of transactions) {
    if (t.kind === "REFUND" && t.status === "SUCCESS" && t.parentTransaction) {
      refunded.set(t.parentTransaction.id, (refunded.get(t.parentTransaction.id) ?? 0n) + parseAmount(t.amountSet.shopMoney.amount, currency));
    }
  }
  const out: RefundTransaction[] = [];
  for (const t of transactions) {
    if (left === 0n) break;
    if ((t.kind !== "SALE" && t.kind !== "CAPTURE") || t.status !== "SUCCESS") continue;
    if (t.amountSet.shopMoney.currencyCode !== currency) throw new RangeError(`Payment ${t.id} is in ${t.amountSet.shopMoney.currencyCode}, the refund in ${currency}`);
    const available = parseAmount(t.amountSet.shopMoney.amount, currency) - (refunded.get(t.id) ?? 0n);
    if (available <= 0n) continue;
    const take = available < left ? available : left;
    out.push({ parentId: t.id, gateway: t.gateway, amount: { amount: formatAmount(take, currency), currencyCode: currency } });
    left -= take;
  }
  if (left > 0n) throw new RangeError(`The order's payments cannot refund ${amount.amount} ${currency} (${formatAmount(left, currency)} short)`);
  return out;
}

export type ProcessReturnInput = {
  returnId: string;
  lines: Array<{
    returnLineItemId: string;
    quantity: number;
    dispositions?: Array<{ reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: DispositionType; locationId?: string | null }>;
  }>;
  /** The decided refund, and the order's transactions (from the snapshot) to pay it back through. Null: process without refunding. */
  refund: { amount: Money; transactions: readonly SnapshotTransaction[]; allowOverRefunding?: boolean } | null;
  /** Original shipping to refund, as the policy says: all of it, an amount, or none. */
  refundShipping: { full: true } | { amount: Money } | null;
  note?: string | null;
  notifyCustomer: boolean;
};

export type ProcessedReturn = { returnId: string; status: ReturnStatus; lines: ReturnLine[]; refunds: Array<{ id: string; total: Money }>; recovered: boolean };

function processVariables(input: ProcessReturnInput) {
  const transfers = input.refund && parseAmount(input.refund.amount.amount, input.refund.amount.currencyCode) > 0n ? allocateRefund(input.refund.transactions, input.refund.amount) : [];
  return {
    input: {
      returnId: input.returnId,
      returnLineItems: input.lines.map((l) => ({
        id: l.returnLineItemId,
        quantity: l.quantity,
        ...(l.dispositions?.length
          ? { dispositions: l.dispositions.map((d) => ({ reverseFulfillmentOrderLineItemId: d.reverseFulfillmentOrderLineItemId, quantity: d.quantity, dispositionType: d.dispositionType, ...(d.locationId ? { locationId: d.locationId } : {}) })) }
          : {}),
      })),
      ...(transfers.length
        ? {
            financialTransfer: {
              issueRefund: {
                orderTransactions: transfers.map((t) => ({ parentId: t.parentId, transactionAmount: t.amount })),
                allowOverRefunding: input.refund?.allowOverRefunding ?? false,
              },
            },
          }
        : {}),
      ...(input.refundShipping ? { refundShipping: "full" in input.refundShipping ? { fullRefund: true } : { shippingRefundAmount: input.refundShipping.amount } } : {}),
      ...(input.note ? { note: input.note } : {}),
      notifyCustomer: input.notifyCustomer,
    },
  };
}

async function requireReturn(api: AdminApi, id: string): Promise<ReturnState> {
  const state = await getReturn(api, id);
  if (!state) throw new ShopifyGraphqlError(`Return ${id} does not exist`, []);
  return state;
}

/** `before`: the return as the caller just read it, so it is not read a second time. */
export async function processReturn(api: AdminApi, input: ProcessReturnInput, options: { before?: ReturnState } = {}): Promise<ProcessedReturn> {
  const client = adminClient(api);
  const variables = processVariables(input);
  const before = options.before ?? (await requireReturn(client, input.returnId));
  const processedBefore = new Map(before.lines.map((l) => [l.id, l.processedQuantity]));
  const refundsBefore = new Set(before.refunds.map((r) => r.id));
  const asked = new Map<string, number>();
  for (const l of input.lines) asked.set(l.returnLineItemId, (asked.get(l.returnLineItemId) ?? 0) + l.quantity);
  const outcome = (state: ReturnState, recovered: boolean): ProcessedReturn => ({
    returnId: state.id,
    status: state.status,
    lines: state.lines,
    refunds: state.refunds.filter((r) => !refundsBefore.has(r.id)),
    recovered,
  });

  const result = await client.mutate<
    { returnProcess: { return: { id: string; status: ReturnStatus; refunds: { nodes: Array<{ id: string; totalRefundedSet: MoneyBag }> } } | null; userErrors: UserErrors } | null },
    ProcessedReturn
  >(ReturnProcessMutation, variables, {
    reconcile: async () => {
      const now = await requireReturn(client, input.returnId);
      const landed = [...asked].every(([id, qty]) => (now.lines.find((l) => l.id === id)?.processedQuantity ?? 0) >= (processedBefore.get(id) ?? 0) + qty);
      return landed ? outcome(now, true) : null;
    },
  });
  if (result.reconciled) return result.reconciled;
  const ret = requirePayload("returnProcess", result.answered.returnProcess).return;
  if (!ret) throw new ShopifyGraphqlError("returnProcess answered neither a return nor userErrors", []);
  // The lines as they now stand follow from what was read before and what Shopify accepted.
  const lines = before.lines.map((l) => {
    const done = asked.get(l.id) ?? 0;
    return { ...l, processedQuantity: l.processedQuantity + done, unprocessedQuantity: l.unprocessedQuantity - done };
  });
  return {
    returnId: ret.id,
    status: ret.status,
    lines,
    refunds: ret.refunds.nodes.filter((r) => !refundsBefore.has(r.id)).map((r) => ({ id: r.id, total: r.totalRefundedSet.shopMoney })),
    recovered: false,
  };
}

export type ClosedReturn = { id: string; status: ReturnStatus; closedAt: string | null; recovered: boolean };

export async function closeReturn(api: AdminApi, input: { returnId: string }): Promise<ClosedReturn> {
  const client = adminClient(api);
  const result = await client.mutate<{ returnClose: { return: { id: string; status: ReturnStatus; closedAt: string | null } | null; userErrors: UserErrors } | null }, ClosedReturn>(
    ReturnCloseMutation,
    { id: input.returnId },
    {
      reconcile: async () => {
        const state = await getReturn(client, input.returnId);
        return state?.status === "CLOSED" ? { id: state.id, status: state.status, closedAt: state.closedAt, recovered: true } : null;
      },
    },
  );
  if (result.reconciled) return result.reconciled;
  const ret = requirePayload("returnClose", result.answered.returnClose).return;
  if (!ret) throw new ShopifyGraphqlError("returnClose answered neither a return nor userErrors", []);
  return { ...ret, recovered: false };
}
