// A return's states as Shopify moves them: returnRequest creates REQUESTED; only a REQUESTED
// return can be approved (→ OPEN, with a reverse fulfillment order for its items) or declined
// (→ DECLINED); only an OPEN return can be closed (→ CLOSED). A wrong transition answers
// ReturnUserError INVALID_STATE, an unknown id NOT_FOUND; nothing changes on a userError.
import type { ReturnRecord, ReturnStatus } from "../store";
import { viewReturn } from "../views";
import { userError, type ResolverContext, type ReturnUserError } from "./context";
import { resolveReturnLines, resolveReturnShippingFee, type ReturnLineInput } from "./return-lines";
import { returnPayload } from "./webhook-payloads";

type Payload = { return: unknown; userErrors: ReturnUserError[] };

const failed = (...userErrors: ReturnUserError[]): Payload => ({ return: null, userErrors });

function findReturn(ctx: ResolverContext, id: string, field: string[]): { ret: ReturnRecord } | { error: ReturnUserError } {
  const ret = ctx.store.returns.get(id);
  return ret ? { ret } : { error: userError(field, "Return does not exist.", "NOT_FOUND") };
}

function requireStatus(ret: ReturnRecord, wanted: ReturnStatus, action: string, field: string[]): ReturnUserError | null {
  if (ret.status === wanted) return null;
  return userError(field, `Return is not ${action}: its status is ${ret.status}; only a ${wanted} return can be ${action.replace(/able$/, "ed")}.`, "INVALID_STATE");
}

export function returnRequest(
  { input }: { input: { orderId: string; returnLineItems: ReturnLineInput[]; returnShippingFee?: { amount: { amount: unknown; currencyCode: string } } | null } },
  ctx: ResolverContext,
): Payload {
  const store = ctx.store;
  const order = store.orders.get(input.orderId);
  if (!order) return failed(userError(["input", "orderId"], "Order does not exist.", "NOT_FOUND"));
  const { lines, errors } = resolveReturnLines(store, order, input.returnLineItems, ["input"]);
  const fee = resolveReturnShippingFee(order, input.returnShippingFee, ["input"]);
  if (fee.error) errors.push(fee.error);
  if (errors.length) return failed(...errors);
  const ret: ReturnRecord = {
    id: store.id("Return"),
    orderId: order.id,
    name: `${order.name}-R${order.returnIds.length + 1}`,
    status: "REQUESTED",
    createdAt: ctx.now(),
    requestApprovedAt: null,
    closedAt: null,
    decline: null,
    lines: [],
    shippingFee: fee.amountMinor === null ? null : { id: store.id("ReturnShippingFee"), amountMinor: fee.amountMinor },
    reverseFulfillmentOrderIds: [],
    refundIds: [],
  };
  ret.lines = lines.map((line) => ({
    id: store.id("ReturnLineItem"),
    returnId: ret.id,
    fulfillmentLineItemId: line.fli.id,
    quantity: line.quantity,
    processedQuantity: 0,
    customerNote: line.customerNote,
    returnReasonDefinitionId: line.returnReasonDefinitionId,
    restockingFee: line.restockingFeePercentage === null ? null : { id: store.id("RestockingFee"), percentage: line.restockingFeePercentage },
  }));
  store.addReturn(order, ret);
  ctx.emit("returns/request", returnPayload(store, ret));
  return { return: viewReturn(store, ret), userErrors: [] };
}

export function returnApproveRequest({ input }: { input: { id: string; notifyCustomer?: boolean | null } }, ctx: ResolverContext): Payload {
  const store = ctx.store;
  const found = findReturn(ctx, input.id, ["input", "id"]);
  if ("error" in found) return failed(found.error);
  const { ret } = found;
  const wrong = requireStatus(ret, "REQUESTED", "approvable", ["input", "id"]);
  if (wrong) return failed(wrong);
  ret.status = "OPEN";
  ret.requestApprovedAt = ctx.now();
  const rfoId = store.id("ReverseFulfillmentOrder");
  store.addReverseFulfillmentOrder(ret, {
    id: rfoId,
    orderId: ret.orderId,
    returnId: ret.id,
    status: "OPEN",
    deliveries: [],
    lineItems: ret.lines.map((line) => ({
      id: store.id("ReverseFulfillmentOrderLineItem"),
      rfoId,
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      returnLineItemId: line.id,
      totalQuantity: line.quantity,
      dispositions: [],
    })),
  });
  store.notifications.push({ at: ctx.now(), mutation: "returnApproveRequest", resourceId: ret.id, notifyCustomer: input.notifyCustomer ?? false });
  ctx.emit("returns/approve", returnPayload(store, ret));
  return { return: viewReturn(store, ret), userErrors: [] };
}

export function returnDeclineRequest(
  { input }: { input: { id: string; declineReason: "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER"; declineNote?: string | null; notifyCustomer?: boolean | null } },
  ctx: ResolverContext,
): Payload {
  const store = ctx.store;
  const found = findReturn(ctx, input.id, ["input", "id"]);
  if ("error" in found) return failed(found.error);
  const { ret } = found;
  const wrong = requireStatus(ret, "REQUESTED", "declinable", ["input", "id"]);
  if (wrong) return failed(wrong);
  if ((input.declineNote ?? "").length > 500) return failed(userError(["input", "declineNote"], "Decline note is too long (maximum is 500 characters).", "TOO_LONG"));
  ret.status = "DECLINED";
  ret.decline = { reason: input.declineReason, note: input.declineNote ?? null };
  store.notifications.push({ at: ctx.now(), mutation: "returnDeclineRequest", resourceId: ret.id, notifyCustomer: input.notifyCustomer ?? false });
  ctx.emit("returns/decline", returnPayload(store, ret));
  return { return: viewReturn(store, ret), userErrors: [] };
}

export function returnClose({ id }: { id: string }, ctx: ResolverContext): Payload {
  const store = ctx.store;
  const found = findReturn(ctx, id, ["id"]);
  if ("error" in found) return failed(found.error);
  const { ret } = found;
  const wrong = requireStatus(ret, "OPEN", "closable", ["id"]);
  if (wrong) return failed(wrong);
  ret.status = "CLOSED";
  ret.closedAt = ctx.now();
  ctx.emit("returns/close", returnPayload(store, ret));
  return { return: viewReturn(store, ret), userErrors: [] };
}
