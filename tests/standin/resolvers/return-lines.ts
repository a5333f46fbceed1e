// Checks shared by returnCalculate and returnRequest: the fulfillment line items belong to the
// order, quantities are positive and within what is returnable, restocking fees are 0–100
// percent (see RESTOCKING_FEE_SCALE), notes fit, reasons exist, and the return shipping fee is
// in the order's currency.
import { parseMinor } from "../money";
import { returnableQuantity } from "../semantics";
import type { FulfillmentLineItemRecord, OrderRecord, ShopStore } from "../store";
import { viewReturnReasonDefinition } from "../views";
import { userError, type ReturnUserError } from "./context";

/**
 * `RestockingFeeInput.percentage` is a percentage on a 0–100 scale: 15 means 15 %. Shopify
 * documents the field only as "the value of the fee as a percentage"; public returns apps send
 * `{ percentage: 10 }` for a 10 % fee and read 100 as the whole price, so the stand-in computes
 * the fee as amount × percentage / 100 and refuses values outside 0–100.
 */
export const RESTOCKING_FEE_SCALE = 100;

export type ReturnLineInput = {
  fulfillmentLineItemId: string;
  quantity: number;
  restockingFee?: { percentage: number } | null;
  customerNote?: string | null;
  returnReasonDefinitionId?: string | null;
};

export type ResolvedReturnLine = {
  fli: FulfillmentLineItemRecord;
  quantity: number;
  restockingFeePercentage: number | null;
  customerNote: string | null;
  returnReasonDefinitionId: string | null;
};

export function resolveReturnLines(
  store: ShopStore,
  order: OrderRecord,
  lines: readonly ReturnLineInput[],
  prefix: string[],
): { lines: ResolvedReturnLine[]; errors: ReturnUserError[] } {
  const errors: ReturnUserError[] = [];
  const resolved: ResolvedReturnLine[] = [];
  if (lines.length === 0) {
    errors.push(userError([...prefix, "returnLineItems"], "Return must have at least one return line item.", "BLANK"));
    return { lines: resolved, errors };
  }
  const asked = new Map<string, number>();
  lines.forEach((line, i) => {
    const at = [...prefix, "returnLineItems", String(i)];
    const fli = store.fulfillmentLineItems.get(line.fulfillmentLineItemId);
    const owner = fli ? store.fulfillments.get(fli.fulfillmentId) : undefined;
    if (!fli || owner?.orderId !== order.id) {
      errors.push(userError([...at, "fulfillmentLineItemId"], "Fulfillment line item does not exist.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      errors.push(userError([...at, "quantity"], "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const total = (asked.get(fli.id) ?? 0) + line.quantity;
    asked.set(fli.id, total);
    const returnable = returnableQuantity(store, fli);
    if (total > returnable) {
      errors.push(userError([...at, "quantity"], `Quantity is not available for return: ${returnable} of this item can be returned.`, "INVALID"));
      return;
    }
    const percentage = line.restockingFee?.percentage ?? null;
    if (percentage !== null && (!Number.isFinite(percentage) || percentage < 0 || percentage > RESTOCKING_FEE_SCALE)) {
      errors.push(userError([...at, "restockingFee", "percentage"], "Restocking fee percentage must be between 0 and 100.", "INVALID"));
      return;
    }
    if ((line.customerNote ?? "").length > 300) {
      errors.push(userError([...at, "customerNote"], "Customer note is too long (maximum is 300 characters).", "TOO_LONG"));
      return;
    }
    const reasonId = line.returnReasonDefinitionId ?? null;
    if (reasonId !== null && !viewReturnReasonDefinition(reasonId)) {
      errors.push(userError([...at, "returnReasonDefinitionId"], "Return reason definition does not exist.", "NOT_FOUND"));
      return;
    }
    resolved.push({ fli, quantity: line.quantity, restockingFeePercentage: percentage, customerNote: line.customerNote ?? null, returnReasonDefinitionId: reasonId });
  });
  return { lines: resolved, errors };
}

export function resolveReturnShippingFee(
  order: OrderRecord,
  fee: { amount: { amount: unknown; currencyCode: string } } | null | undefined,
  prefix: string[],
): { amountMinor: number | null; error: ReturnUserError | null } {
  if (!fee) return { amountMinor: null, error: null };
  if (fee.amount.currencyCode !== order.currencyCode) {
    return { amountMinor: null, error: userError([...prefix, "returnShippingFee", "amount", "currencyCode"], `Currency must be the order's currency (${order.currencyCode}).`, "INVALID") };
  }
  const minor = parseMinor(fee.amount.amount, order.currencyCode);
  if (minor === null || minor < 0) {
    return { amountMinor: null, error: userError([...prefix, "returnShippingFee", "amount", "amount"], "Return shipping fee must be a non-negative amount.", "INVALID") };
  }
  return { amountMinor: minor, error: null };
}
