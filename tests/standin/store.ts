// The stand-in's in-memory data: one ShopStore per shop, holding records shaped like Shopify's
// resources (amounts in integer minor units of the shop currency, times in epoch ms). Records
// are plain data; what Shopify derives (refundable quantities, returnable quantities, refundable
// amounts) is computed in semantics.ts, and GraphQL shapes are built in views.ts.
import type { GidType, IdAllocator } from "./ids";

export type ReturnStatus = "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";
export type DeclineReason = "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER";
export type DispositionType = "RESTOCKED" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "MISSING";
export type TransactionKind = "SALE" | "CAPTURE" | "AUTHORIZATION" | "REFUND" | "VOID" | "CHANGE" | "EMV_AUTHORIZATION" | "SUGGESTED_REFUND";
export type TransactionStatus = "SUCCESS" | "PENDING" | "FAILURE" | "ERROR" | "AWAITING_RESPONSE" | "UNKNOWN";
export type ShopPolicyType =
  | "CONTACT_INFORMATION"
  | "LEGAL_NOTICE"
  | "PRIVACY_POLICY"
  | "REFUND_POLICY"
  | "SHIPPING_POLICY"
  | "SUBSCRIPTION_POLICY"
  | "TERMS_OF_SALE"
  | "TERMS_OF_SERVICE";

export type ShopRecord = {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  email: string;
};

export type LocationRecord = { id: string; name: string; isActive: boolean };

export type ProductRecord = {
  id: string;
  title: string;
  handle: string;
  tags: string[];
  productType: string;
  vendor: string;
  priceMinor: number;
  isGiftCard: boolean;
  /** A subscription plan the product is sold on, if any (its orders' lines carry it). */
  sellingPlan: { name: string; sellingPlanId: string } | null;
};

export type CustomerRecord = { id: string; email: string; firstName: string; lastName: string };

export type LineItemRecord = {
  id: string;
  orderId: string;
  name: string;
  sku: string | null;
  productId: string | null;
  quantity: number;
  originalUnitPriceMinor: number;
  /** After line and order discounts: what was paid per unit. */
  discountedUnitPriceMinor: number;
  isGiftCard: boolean;
  customAttributes: Array<{ key: string; value: string | null }>;
  sellingPlan: { name: string; sellingPlanId: string | null } | null;
  requiresShipping: boolean;
};

export type ShippingLineRecord = { id: string; title: string; priceMinor: number };

export type FulfillmentLineItemRecord = { id: string; fulfillmentId: string; lineItemId: string; quantity: number };

export type FulfillmentRecord = {
  id: string;
  orderId: string;
  name: string;
  createdAt: number;
  inTransitAt: number | null;
  estimatedDeliveryAt: number | null;
  deliveredAt: number | null;
  displayStatus: "DELIVERED" | "IN_TRANSIT" | "FULFILLED" | "CANCELED" | "OUT_FOR_DELIVERY" | "ATTEMPTED_DELIVERY" | "FAILURE";
  status: "SUCCESS" | "CANCELLED";
  lineItems: FulfillmentLineItemRecord[];
};

export type TransactionRecord = {
  id: string;
  orderId: string;
  kind: TransactionKind;
  status: TransactionStatus;
  gateway: string;
  amountMinor: number;
  parentId: string | null;
  createdAt: number;
  refundId: string | null;
};

export type OrderRecord = {
  id: string;
  name: string;
  createdAt: number;
  processedAt: number;
  currencyCode: string;
  customerId: string | null;
  email: string | null;
  tags: string[];
  note: string | null;
  lineItems: LineItemRecord[];
  shippingLines: ShippingLineRecord[];
  fulfillments: FulfillmentRecord[];
  transactions: TransactionRecord[];
  returnIds: string[];
  refundIds: string[];
};

export type ReturnLineItemRecord = {
  id: string;
  returnId: string;
  fulfillmentLineItemId: string;
  quantity: number;
  processedQuantity: number;
  customerNote: string | null;
  returnReasonDefinitionId: string | null;
  restockingFee: { id: string; percentage: number } | null;
};

export type ReturnRecord = {
  id: string;
  orderId: string;
  name: string;
  status: ReturnStatus;
  createdAt: number;
  requestApprovedAt: number | null;
  closedAt: number | null;
  decline: { reason: DeclineReason; note: string | null } | null;
  lines: ReturnLineItemRecord[];
  shippingFee: { id: string; amountMinor: number } | null;
  reverseFulfillmentOrderIds: string[];
  refundIds: string[];
};

export type DispositionRecord = { id: string; type: DispositionType; quantity: number; locationId: string | null; createdAt: number };

export type RfoLineItemRecord = {
  id: string;
  rfoId: string;
  fulfillmentLineItemId: string;
  returnLineItemId: string;
  totalQuantity: number;
  dispositions: DispositionRecord[];
};

export type ReverseDeliveryRecord = {
  id: string;
  rfoId: string;
  createdAt: number;
  lines: Array<{ id: string; rfoLineItemId: string; quantity: number }>;
  tracking: { number: string | null; url: string | null; carrierName: string | null } | null;
  label: { fileUrl: string; createdAt: number } | null;
};

export type RfoRecord = {
  id: string;
  orderId: string;
  returnId: string;
  status: "OPEN" | "CLOSED" | "CANCELED";
  lineItems: RfoLineItemRecord[];
  deliveries: ReverseDeliveryRecord[];
};

export type RefundRecord = {
  id: string;
  orderId: string;
  returnId: string | null;
  note: string | null;
  createdAt: number;
  lineItems: Array<{ id: string; lineItemId: string; quantity: number; restockType: string; locationId: string | null; subtotalMinor: number }>;
  shipping: { id: string; shippingLineId: string | null; amountMinor: number } | null;
  transactionIds: string[];
  totalMinor: number;
};

export type ShopPolicyRecord = { id: string; type: ShopPolicyType; title: string; body: string; createdAt: number; updatedAt: number; url: string };

/** Whether a mutation asked Shopify to email the customer (tests check the services set it on purpose). */
export type NotificationRecord = { at: number; mutation: string; resourceId: string; notifyCustomer: boolean };

export type ReturnReasonDefinitionRecord = { id: string; handle: string; name: string; deleted: boolean };

/** Everything one shop holds, with indexes by id for the nested resources. */
export class ShopStore {
  readonly products = new Map<string, ProductRecord>();
  readonly customers = new Map<string, CustomerRecord>();
  readonly orders = new Map<string, OrderRecord>();
  readonly returns = new Map<string, ReturnRecord>();
  readonly reverseFulfillmentOrders = new Map<string, RfoRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly policies = new Map<ShopPolicyType, ShopPolicyRecord>();
  readonly locations: LocationRecord[] = [];
  readonly notifications: NotificationRecord[] = [];
  /** refundCreate results by idempotency key: the input's fingerprint and the payload answered. */
  readonly idempotency = new Map<string, { fingerprint: string; payload: unknown }>();

  readonly lineItems = new Map<string, LineItemRecord>();
  readonly fulfillments = new Map<string, FulfillmentRecord>();
  readonly fulfillmentLineItems = new Map<string, FulfillmentLineItemRecord>();
  readonly transactions = new Map<string, TransactionRecord>();
  readonly returnLineItems = new Map<string, ReturnLineItemRecord>();
  readonly rfoLineItems = new Map<string, RfoLineItemRecord>();

  constructor(
    readonly shop: ShopRecord,
    private readonly ids: IdAllocator,
  ) {}

  id(type: GidType): string {
    return this.ids.allocate(type);
  }

  /** Registers an order and indexes its line items, fulfillments and transactions. */
  addOrder(order: OrderRecord): OrderRecord {
    this.orders.set(order.id, order);
    for (const line of order.lineItems) this.lineItems.set(line.id, line);
    for (const f of order.fulfillments) this.indexFulfillment(f);
    for (const t of order.transactions) this.transactions.set(t.id, t);
    return order;
  }

  indexFulfillment(fulfillment: FulfillmentRecord): void {
    this.fulfillments.set(fulfillment.id, fulfillment);
    for (const fli of fulfillment.lineItems) this.fulfillmentLineItems.set(fli.id, fli);
  }

  addTransaction(order: OrderRecord, transaction: TransactionRecord): void {
    order.transactions.push(transaction);
    this.transactions.set(transaction.id, transaction);
  }

  addReturn(order: OrderRecord, ret: ReturnRecord): void {
    order.returnIds.push(ret.id);
    this.returns.set(ret.id, ret);
    for (const line of ret.lines) this.returnLineItems.set(line.id, line);
  }

  addReverseFulfillmentOrder(ret: ReturnRecord, rfo: RfoRecord): void {
    ret.reverseFulfillmentOrderIds.push(rfo.id);
    this.reverseFulfillmentOrders.set(rfo.id, rfo);
    for (const line of rfo.lineItems) this.rfoLineItems.set(line.id, line);
  }

  addRefund(order: OrderRecord, refund: RefundRecord): void {
    order.refundIds.push(refund.id);
    this.refunds.set(refund.id, refund);
    if (refund.returnId) this.returns.get(refund.returnId)?.refundIds.push(refund.id);
  }

  orderOfLineItem(lineItemId: string): OrderRecord | undefined {
    const line = this.lineItems.get(lineItemId);
    return line ? this.orders.get(line.orderId) : undefined;
  }

  primaryLocation(): LocationRecord {
    const location = this.locations[0];
    if (!location) throw new Error(`${this.shop.myshopifyDomain} has no location`);
    return location;
  }
}

/** Shopify's standard return reasons (the handles of `ReturnReasonDefinition`). */
export const STANDARD_RETURN_REASONS: ReadonlyArray<{ handle: string; name: string }> = [
  { handle: "color", name: "Color" },
  { handle: "defective", name: "Damaged or defective" },
  { handle: "not-as-described", name: "Item not as described" },
  { handle: "other", name: "Other" },
  { handle: "size-too-large", name: "Size was too large" },
  { handle: "size-too-small", name: "Size was too small" },
  { handle: "style", name: "Style" },
  { handle: "unwanted", name: "Changed my mind" },
  { handle: "wrong-item", name: "Received the wrong item" },
];
