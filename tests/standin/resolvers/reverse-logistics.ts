// Reverse fulfillment orders: a return label and tracking for items on their way back
// (reverseDeliveryCreateWithShipping), and what became of them once inspected
// (reverseFulfillmentOrderDispose, also used by returnProcess's `dispositions`).
import type { DispositionType, RfoLineItemRecord, RfoRecord, ShopStore } from "../store";
import { viewReverseDelivery, viewRfoLineItem } from "../views";
import { userError, type ResolverContext, type ReturnUserError } from "./context";

export type DispositionInput = { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: DispositionType; locationId?: string | null };

type PlannedDisposition = { line: RfoLineItemRecord; input: DispositionInput };

function disposed(line: RfoLineItemRecord): number {
  return line.dispositions.reduce((sum, d) => sum + d.quantity, 0);
}

/**
 * Checks dispositions without applying them. `allowedRfoIds` limits them to one return's
 * reverse fulfillment orders (returnProcess); `prefix` is the userError field path.
 */
export function planDispositions(
  store: ShopStore,
  inputs: readonly DispositionInput[],
  prefix: string[],
  allowedRfoIds: readonly string[] | null,
): { planned: PlannedDisposition[]; errors: ReturnUserError[] } {
  const errors: ReturnUserError[] = [];
  const planned: PlannedDisposition[] = [];
  const pending = new Map<string, number>();
  inputs.forEach((input, i) => {
    const at = [...prefix, String(i)];
    const line = store.rfoLineItems.get(input.reverseFulfillmentOrderLineItemId);
    if (!line || (allowedRfoIds && !allowedRfoIds.includes(line.rfoId))) {
      errors.push(userError([...at, "reverseFulfillmentOrderLineItemId"], "Reverse fulfillment order line item does not exist.", "NOT_FOUND"));
      return;
    }
    const rfo = store.reverseFulfillmentOrders.get(line.rfoId);
    if (!rfo || rfo.status !== "OPEN") {
      errors.push(userError([...at, "reverseFulfillmentOrderLineItemId"], "The reverse fulfillment order is not open.", "INVALID_STATE"));
      return;
    }
    if (!Number.isInteger(input.quantity) || input.quantity <= 0) {
      errors.push(userError([...at, "quantity"], "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const total = disposed(line) + (pending.get(line.id) ?? 0) + input.quantity;
    if (total > line.totalQuantity) {
      errors.push(userError([...at, "quantity"], `Quantity exceeds what is left to dispose (${line.totalQuantity - disposed(line) - (pending.get(line.id) ?? 0)}).`, "INVALID"));
      return;
    }
    if (input.dispositionType === "RESTOCKED" && !input.locationId) {
      errors.push(userError([...at, "locationId"], "A location is required to restock items.", "BLANK"));
      return;
    }
    if (input.locationId && !store.locations.some((l) => l.id === input.locationId)) {
      errors.push(userError([...at, "locationId"], "Location does not exist.", "NOT_FOUND"));
      return;
    }
    pending.set(line.id, (pending.get(line.id) ?? 0) + input.quantity);
    planned.push({ line, input });
  });
  return { planned, errors };
}

export function applyDispositions(store: ShopStore, planned: readonly PlannedDisposition[], now: number): RfoLineItemRecord[] {
  const touched: RfoLineItemRecord[] = [];
  for (const { line, input } of planned) {
    line.dispositions.push({ id: store.id("ReverseFulfillmentOrderDisposition"), type: input.dispositionType, quantity: input.quantity, locationId: input.locationId ?? null, createdAt: now });
    if (!touched.includes(line)) touched.push(line);
  }
  for (const line of touched) {
    const rfo = store.reverseFulfillmentOrders.get(line.rfoId);
    if (rfo && rfo.lineItems.every((l) => disposed(l) >= l.totalQuantity)) rfo.status = "CLOSED";
  }
  return touched;
}

export function reverseFulfillmentOrderDispose({ dispositionInputs }: { dispositionInputs: DispositionInput[] }, ctx: ResolverContext) {
  const { planned, errors } = planDispositions(ctx.store, dispositionInputs, ["dispositionInputs"], null);
  if (errors.length) return { reverseFulfillmentOrderLineItems: null, userErrors: errors };
  const touched = applyDispositions(ctx.store, planned, ctx.now());
  return { reverseFulfillmentOrderLineItems: touched.map((l) => viewRfoLineItem(ctx.store, l)), userErrors: [] };
}

function delivered(rfo: RfoRecord, lineId: string): number {
  let total = 0;
  for (const d of rfo.deliveries) for (const l of d.lines) if (l.rfoLineItemId === lineId) total += l.quantity;
  return total;
}

export function reverseDeliveryCreateWithShipping(
  args: {
    reverseFulfillmentOrderId: string;
    reverseDeliveryLineItems: Array<{ reverseFulfillmentOrderLineItemId: string; quantity: number }>;
    trackingInput?: { number?: string | null; url?: string | null } | null;
    labelInput?: { fileUrl: string } | null;
    notifyCustomer?: boolean | null;
  },
  ctx: ResolverContext,
) {
  const store = ctx.store;
  const failed = (...userErrors: ReturnUserError[]) => ({ reverseDelivery: null, userErrors });
  const rfo = store.reverseFulfillmentOrders.get(args.reverseFulfillmentOrderId);
  if (!rfo) return failed(userError(["reverseFulfillmentOrderId"], "Reverse fulfillment order does not exist.", "NOT_FOUND"));
  const ret = store.returns.get(rfo.returnId);
  if (!ret || ret.status !== "OPEN" || rfo.status !== "OPEN") {
    return failed(userError(["reverseFulfillmentOrderId"], `A reverse delivery needs an open return (the return is ${ret?.status ?? "missing"}).`, "INVALID_STATE"));
  }
  if (args.reverseDeliveryLineItems.length === 0) return failed(userError(["reverseDeliveryLineItems"], "Reverse delivery must have at least one line item.", "BLANK"));
  const errors: ReturnUserError[] = [];
  const pending = new Map<string, number>();
  args.reverseDeliveryLineItems.forEach((input, i) => {
    const at = ["reverseDeliveryLineItems", String(i)];
    const line = rfo.lineItems.find((l) => l.id === input.reverseFulfillmentOrderLineItemId);
    if (!line) return errors.push(userError([...at, "reverseFulfillmentOrderLineItemId"], "Reverse fulfillment order line item does not exist.", "NOT_FOUND"));
    if (!Number.isInteger(input.quantity) || input.quantity <= 0) return errors.push(userError([...at, "quantity"], "Quantity must be greater than 0.", "GREATER_THAN"));
    const total = delivered(rfo, line.id) + (pending.get(line.id) ?? 0) + input.quantity;
    if (total > line.totalQuantity) return errors.push(userError([...at, "quantity"], "Quantity exceeds the line item's quantity still to deliver.", "INVALID"));
    pending.set(line.id, (pending.get(line.id) ?? 0) + input.quantity);
    return undefined;
  });
  if (errors.length) return failed(...errors);
  const tracking = args.trackingInput && (args.trackingInput.number || args.trackingInput.url) ? { number: args.trackingInput.number ?? null, url: args.trackingInput.url ?? null, carrierName: null } : null;
  const delivery = {
    id: store.id("ReverseDelivery"),
    rfoId: rfo.id,
    createdAt: ctx.now(),
    lines: args.reverseDeliveryLineItems.map((l) => ({ id: store.id("ReverseDeliveryLineItem"), rfoLineItemId: l.reverseFulfillmentOrderLineItemId, quantity: l.quantity })),
    tracking,
    label: args.labelInput ? { fileUrl: args.labelInput.fileUrl, createdAt: ctx.now() } : null,
  };
  rfo.deliveries.push(delivery);
  store.notifications.push({ at: ctx.now(), mutation: "reverseDeliveryCreateWithShipping", resourceId: delivery.id, notifyCustomer: args.notifyCustomer ?? true });
  return { reverseDelivery: viewReverseDelivery(store, rfo, delivery), userErrors: [] };
}
