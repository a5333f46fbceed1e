// Building blocks for stand-in data: products, and orders with their fulfillments, payments
// and earlier returns, written straight into a shop's store (no mutations run, no webhooks are
// queued). The demo seed uses them; so do tests that need one particular order.
import { parseMinor } from "../money";
import type {
  FulfillmentRecord,
  LineItemRecord,
  OrderRecord,
  ProductRecord,
  RefundRecord,
  ReturnRecord,
  ReturnStatus,
  ShopStore,
  TransactionRecord,
} from "../store";

export type ProductSpec = {
  title: string;
  productType: string;
  vendor: string;
  tags?: string[];
  /** Decimal in the shop currency's major unit ("49.99", "4800"). */
  price: string;
  isGiftCard?: boolean;
  /** A subscription plan the product is sold on. */
  sellingPlan?: string;
};

const DAY = 86_400_000;

function minor(store: ShopStore, amount: string): number {
  const value = parseMinor(amount, store.shop.currencyCode);
  if (value === null) throw new Error(`not an amount: ${amount}`);
  return value;
}

function handleOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function addProduct(store: ShopStore, spec: ProductSpec): ProductRecord {
  const product: ProductRecord = {
    id: store.id("Product"),
    title: spec.title,
    handle: handleOf(spec.title),
    tags: [...(spec.tags ?? [])],
    productType: spec.productType,
    vendor: spec.vendor,
    priceMinor: minor(store, spec.price),
    isGiftCard: spec.isGiftCard ?? false,
    sellingPlan: spec.sellingPlan ? { name: spec.sellingPlan, sellingPlanId: store.id("SellingPlan") } : null,
  };
  store.products.set(product.id, product);
  return product;
}

export type OrderLineSpec = {
  product: ProductRecord | null;
  quantity: number;
  /** Title when there is no product (deleted product). */
  name?: string;
  /** Unit price before discounts (default: the product's price). */
  price?: string;
  /** Discount per unit, as a percentage of the price (0–100). */
  discountPercent?: number;
  customAttributes?: Array<{ key: string; value: string | null }>;
  /** Bought on the product's subscription plan. */
  subscription?: boolean;
};

export type FulfillmentSpec = {
  createdAt: number;
  deliveredAt?: number | null;
  inTransitAt?: number | null;
  displayStatus?: FulfillmentRecord["displayStatus"];
  canceled?: boolean;
  /** Which order lines (by index) and how many of each; default: every line in full. */
  lines?: Array<{ line: number; quantity: number }>;
};

export type EarlierReturnSpec = {
  status: ReturnStatus;
  createdAt: number;
  /** Fulfillment (by index) and its line (by index within it), with the quantity returned. */
  lines: Array<{ fulfillment: number; line: number; quantity: number }>;
  restockingFeePercent?: number;
  declineReason?: "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER";
};

export type OrderSpec = {
  createdAt: number;
  name?: string;
  customer?: { email: string; firstName: string; lastName: string } | null;
  lines: OrderLineSpec[];
  /** Shipping charged, a decimal; "0" or omitted for free shipping. */
  shipping?: string;
  fulfillments?: FulfillmentSpec[];
  gateway?: string;
  /** Paid in full with one SALE (default), or in two captures. */
  payments?: "single" | "split";
  returns?: EarlierReturnSpec[];
  tags?: string[];
};

function customerId(store: ShopStore, customer: NonNullable<OrderSpec["customer"]>): string {
  for (const c of store.customers.values()) if (c.email === customer.email) return c.id;
  const id = store.id("Customer");
  store.customers.set(id, { id, ...customer });
  return id;
}

export function addOrder(store: ShopStore, spec: OrderSpec): OrderRecord {
  const currency = store.shop.currencyCode;
  const orderId = store.id("Order");
  const number = store.orders.size + 1001;
  const lines: LineItemRecord[] = spec.lines.map((l) => {
    const price = l.price !== undefined ? minor(store, l.price) : (l.product?.priceMinor ?? 0);
    const discounted = Math.round(price * (1 - (l.discountPercent ?? 0) / 100));
    const plan = l.subscription && l.product?.sellingPlan ? l.product.sellingPlan : null;
    return {
      id: store.id("LineItem"),
      orderId,
      name: l.name ?? l.product?.title ?? "Custom item",
      sku: l.product ? `SKU-${l.product.handle.slice(0, 12).toUpperCase()}` : null,
      productId: l.product?.id ?? null,
      quantity: l.quantity,
      originalUnitPriceMinor: price,
      discountedUnitPriceMinor: discounted,
      isGiftCard: l.product?.isGiftCard ?? false,
      customAttributes: [...(l.customAttributes ?? [])],
      sellingPlan: plan ? { name: plan.name, sellingPlanId: plan.sellingPlanId } : null,
      requiresShipping: true,
    };
  });
  const shippingMinor = spec.shipping ? minor(store, spec.shipping) : 0;
  const order: OrderRecord = {
    id: orderId,
    name: spec.name ?? `#${number}`,
    createdAt: spec.createdAt,
    processedAt: spec.createdAt,
    currencyCode: currency,
    customerId: spec.customer ? customerId(store, spec.customer) : null,
    email: spec.customer?.email ?? null,
    tags: [...(spec.tags ?? [])],
    note: null,
    lineItems: lines,
    shippingLines: shippingMinor > 0 || spec.shipping !== undefined ? [{ id: store.id("ShippingLine"), title: shippingMinor > 0 ? "Standard" : "Free shipping", priceMinor: shippingMinor }] : [],
    fulfillments: [],
    transactions: [],
    returnIds: [],
    refundIds: [],
  };
  order.fulfillments = (spec.fulfillments ?? []).map((f, index) => {
    const fulfillmentId = store.id("Fulfillment");
    const which = f.lines ?? lines.map((_, i) => ({ line: i, quantity: lines[i]!.quantity }));
    const delivered = f.deliveredAt ?? null;
    return {
      id: fulfillmentId,
      orderId,
      name: `${order.name}-F${index + 1}`,
      createdAt: f.createdAt,
      inTransitAt: f.inTransitAt ?? (delivered !== null || f.displayStatus === "IN_TRANSIT" ? f.createdAt + DAY : null),
      estimatedDeliveryAt: delivered === null && !f.canceled ? f.createdAt + 5 * DAY : null,
      deliveredAt: delivered,
      displayStatus: f.canceled ? "CANCELED" : (f.displayStatus ?? (delivered !== null ? "DELIVERED" : "IN_TRANSIT")),
      status: f.canceled ? "CANCELLED" : "SUCCESS",
      lineItems: which.map((w) => {
        const line = lines[w.line];
        if (!line) throw new Error(`fulfillment names line ${w.line}, which the order does not have`);
        return { id: store.id("FulfillmentLineItem"), fulfillmentId, lineItemId: line.id, quantity: w.quantity };
      }),
    };
  });
  const total = lines.reduce((sum, l) => sum + l.discountedUnitPriceMinor * l.quantity, 0) + shippingMinor;
  const gateway = spec.gateway ?? "shopify_payments";
  const amounts = spec.payments === "split" && total > 1 ? [Math.floor(total / 2), total - Math.floor(total / 2)] : [total];
  for (const amount of amounts) {
    if (amount <= 0) continue;
    const t: TransactionRecord = {
      id: store.id("OrderTransaction"),
      orderId,
      kind: spec.payments === "split" ? "CAPTURE" : "SALE",
      status: "SUCCESS",
      gateway,
      amountMinor: amount,
      parentId: null,
      createdAt: spec.createdAt,
      refundId: null,
    };
    order.transactions.push(t);
  }
  store.addOrder(order);
  for (const r of spec.returns ?? []) addEarlierReturn(store, order, r);
  return order;
}

/** A return that happened before the app looked: in any status, processed and refunded when CLOSED. */
export function addEarlierReturn(store: ShopStore, order: OrderRecord, spec: EarlierReturnSpec): ReturnRecord {
  const ret: ReturnRecord = {
    id: store.id("Return"),
    orderId: order.id,
    name: `${order.name}-R${order.returnIds.length + 1}`,
    status: spec.status,
    createdAt: spec.createdAt,
    requestApprovedAt: spec.status === "OPEN" || spec.status === "CLOSED" ? spec.createdAt + DAY : null,
    closedAt: spec.status === "CLOSED" ? spec.createdAt + 6 * DAY : null,
    decline: spec.status === "DECLINED" ? { reason: spec.declineReason ?? "OTHER", note: "Declined under the store's return policy." } : null,
    lines: [],
    shippingFee: null,
    reverseFulfillmentOrderIds: [],
    refundIds: [],
  };
  ret.lines = spec.lines.map((l) => {
    const fli = order.fulfillments[l.fulfillment]?.lineItems[l.line];
    if (!fli) throw new Error(`earlier return names fulfillment ${l.fulfillment} line ${l.line}, which ${order.name} does not have`);
    return {
      id: store.id("ReturnLineItem"),
      returnId: ret.id,
      fulfillmentLineItemId: fli.id,
      quantity: l.quantity,
      processedQuantity: spec.status === "CLOSED" ? l.quantity : 0,
      customerNote: null,
      returnReasonDefinitionId: null,
      restockingFee: spec.restockingFeePercent ? { id: store.id("RestockingFee"), percentage: spec.restockingFeePercent } : null,
    };
  });
  store.addReturn(order, ret);
  if (spec.status === "OPEN" || spec.status === "CLOSED") {
    const rfoId = store.id("ReverseFulfillmentOrder");
    store.addReverseFulfillmentOrder(ret, {
      id: rfoId,
      orderId: order.id,
      returnId: ret.id,
      status: spec.status === "CLOSED" ? "CLOSED" : "OPEN",
      deliveries: [],
      lineItems: ret.lines.map((line) => ({
        id: store.id("ReverseFulfillmentOrderLineItem"),
        rfoId,
        fulfillmentLineItemId: line.fulfillmentLineItemId,
        returnLineItemId: line.id,
        totalQuantity: line.quantity,
        dispositions:
          spec.status === "CLOSED"
            ? [{ id: store.id("ReverseFulfillmentOrderDisposition"), type: "RESTOCKED" as const, quantity: line.quantity, locationId: store.primaryLocation().id, createdAt: spec.createdAt + 5 * DAY }]
            : [],
      })),
    });
  }
  if (spec.status === "CLOSED") refundEarlierReturn(store, order, ret, spec.createdAt + 6 * DAY);
  return ret;
}

function refundEarlierReturn(store: ShopStore, order: OrderRecord, ret: ReturnRecord, at: number): void {
  const refundId = store.id("Refund");
  const lineItems = ret.lines.map((l) => {
    const fli = store.fulfillmentLineItems.get(l.fulfillmentLineItemId)!;
    const item = store.lineItems.get(fli.lineItemId)!;
    const gross = item.discountedUnitPriceMinor * l.quantity;
    const fee = l.restockingFee ? Math.round((gross * l.restockingFee.percentage) / 100) : 0;
    return { id: store.id("RefundLineItem"), lineItemId: item.id, quantity: l.quantity, restockType: "RETURN", locationId: store.primaryLocation().id, subtotalMinor: gross - fee };
  });
  let remaining = lineItems.reduce((sum, l) => sum + l.subtotalMinor, 0);
  const transactionIds: string[] = [];
  for (const payment of order.transactions.filter((t) => (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS")) {
    if (remaining <= 0) break;
    const amount = Math.min(remaining, payment.amountMinor);
    const t: TransactionRecord = { id: store.id("OrderTransaction"), orderId: order.id, kind: "REFUND", status: "SUCCESS", gateway: payment.gateway, amountMinor: amount, parentId: payment.id, createdAt: at, refundId };
    store.addTransaction(order, t);
    transactionIds.push(t.id);
    remaining -= amount;
  }
  const refund: RefundRecord = {
    id: refundId,
    orderId: order.id,
    returnId: ret.id,
    note: "Refund for an earlier return",
    createdAt: at,
    lineItems,
    shipping: null,
    transactionIds,
    totalMinor: transactionIds.reduce((sum, id) => sum + (store.transactions.get(id)?.amountMinor ?? 0), 0),
  };
  store.addRefund(order, refund);
}
