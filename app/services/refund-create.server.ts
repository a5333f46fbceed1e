// refundCreate for money going back outside a return (an item that never arrived, a goodwill
// partial refund). Every call carries an idempotency key (@idempotent, required from 2026-04):
// Shopify answers a repeated key with the first refund and creates nothing, so retries — the
// client's own after a lost answer, or a whole job's — are safe as long as the caller keeps the
// key for the decision (e.g. derived from the case id).
import { RefundCreateMutation } from "~/graphql/RefundCreateMutation";
import { adminClient, requirePayload, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import type { Money, MoneyBag } from "./admin-types";
import type { SnapshotTransaction } from "./order-snapshot.server";
import { allocateRefund } from "./return-process.server";

export type RefundRestockType = "NO_RESTOCK" | "CANCEL" | "RETURN";

export type CreateRefundInput = {
  orderId: string;
  /** Same key, same refund: keep it with the decision that asked for the refund. */
  idempotencyKey: string;
  lineItems?: Array<{ lineItemId: string; quantity: number; restockType?: RefundRestockType; locationId?: string | null }>;
  shipping?: { full: true } | { amount: Money } | null;
  /** The money: the amount, spread over the order's payments (transactions from the snapshot). */
  amount: Money;
  transactions: readonly SnapshotTransaction[];
  allowOverRefunding?: boolean;
  note?: string | null;
  /** Whether Shopify emails the customer: the caller's explicit choice. */
  notify: boolean;
};

export type CreatedRefund = {
  id: string;
  createdAt: string | null;
  total: Money;
  transactions: Array<{ id: string; kind: string; status: string; gateway: string | null; amount: Money }>;
};

type Raw = {
  refundCreate: {
    refund: {
      id: string;
      createdAt: string | null;
      totalRefundedSet: MoneyBag;
      transactions: { nodes: Array<{ id: string; kind: string; status: string; gateway: string | null; amountSet: MoneyBag }> };
    } | null;
    userErrors: Array<{ field: string[] | null; message: string }>;
  } | null;
};

export async function createRefund(api: AdminApi, input: CreateRefundInput): Promise<CreatedRefund> {
  if (!input.idempotencyKey.trim()) throw new RangeError("refundCreate needs a non-blank idempotency key");
  const transfers = allocateRefund(input.transactions, input.amount);
  const variables = {
    idempotencyKey: input.idempotencyKey,
    input: {
      orderId: input.orderId,
      notify: input.notify,
      ...(input.note ? { note: input.note } : {}),
      ...(input.allowOverRefunding ? { allowOverRefunding: true } : {}),
      ...(input.lineItems?.length
        ? { refundLineItems: input.lineItems.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity, restockType: l.restockType ?? "NO_RESTOCK", ...(l.locationId ? { locationId: l.locationId } : {}) })) }
        : {}),
      ...(input.shipping ? { shipping: "full" in input.shipping ? { fullRefund: true } : { amount: input.shipping.amount.amount } } : {}),
      transactions: transfers.map((t) => {
        if (!t.gateway) throw new RangeError(`Payment ${t.parentId} has no gateway to refund through`);
        return { orderId: input.orderId, parentId: t.parentId, gateway: t.gateway, kind: "REFUND", amount: t.amount.amount };
      }),
    },
  };
  // No reconcile: re-sending with the same key is itself the check Shopify makes.
  const result = await adminClient(api).mutate<Raw>(RefundCreateMutation, variables);
  const refund = requirePayload("refundCreate", result.answered?.refundCreate).refund;
  if (!refund) throw new ShopifyGraphqlError("refundCreate answered neither a refund nor userErrors", []);
  return {
    id: refund.id,
    createdAt: refund.createdAt,
    total: refund.totalRefundedSet.shopMoney,
    transactions: refund.transactions.nodes.map((t) => ({ id: t.id, kind: t.kind, status: t.status, gateway: t.gateway, amount: t.amountSet.shopMoney })),
  };
}
