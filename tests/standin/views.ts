// Records → values shaped like the Admin API's types, for graphql-js to execute over. Fields
// with arguments are functions (args) => value (graphql-js calls them with the field's
// arguments); abstract types carry `__typename`. A field a view leaves out is answered with a
// NOT_MODELLED_BY_STAND_IN error (see the field resolver in execute.ts), never a silent null.
import { byGid, connection, firstOf, type ConnectionArgs } from "./connection";
import { legacyId } from "./ids";
import { moneyBag, moneyV2, percentOf } from "./money";
import {
  displayFinancialStatus,
  displayFulfillmentStatus,
  fulfilledQuantity,
  receivedMinor,
  refundableMinor,
  refundableOnTransaction,
  refundableQuantity,
  refundedMinor,
  refundedQuantity,
  refundedQuantityOfReturnLine,
  returnableQuantity,
  shippingMinor,
  totalPriceMinor,
  unprocessedQuantity,
} from "./semantics";
import {
  STANDARD_RETURN_REASONS,
  type CustomerRecord,
  type DispositionRecord,
  type FulfillmentLineItemRecord,
  type FulfillmentRecord,
  type LineItemRecord,
  type LocationRecord,
  type OrderRecord,
  type ProductRecord,
  type RefundRecord,
  type ReturnLineItemRecord,
  type ReturnRecord,
  type ReverseDeliveryRecord,
  type RfoLineItemRecord,
  type RfoRecord,
  type ShopPolicyRecord,
  type ShopStore,
  type TransactionRecord,
} from "./store";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function returnReasonDefinitionId(handle: string): string {
  const index = STANDARD_RETURN_REASONS.findIndex((r) => r.handle === handle);
  if (index < 0) throw new Error(`unknown return reason ${handle}`);
  return `gid://shopify/ReturnReasonDefinition/${index + 1}`;
}

export function returnReasonDefinitions() {
  return STANDARD_RETURN_REASONS.map((r, i) => ({ id: `gid://shopify/ReturnReasonDefinition/${i + 1}`, handle: r.handle, name: r.name, deleted: false }));
}

export function viewReturnReasonDefinition(id: string | null) {
  return returnReasonDefinitions().find((r) => r.id === id) ?? null;
}

export function viewShop(store: ShopStore) {
  const s = store.shop;
  return {
    id: s.id,
    name: s.name,
    myshopifyDomain: s.myshopifyDomain,
    currencyCode: s.currencyCode,
    ianaTimezone: s.ianaTimezone,
    email: s.email,
    shopPolicies: () => [...store.policies.values()].map((p) => viewShopPolicy(p)),
  };
}

export function viewShopPolicy(policy: ShopPolicyRecord) {
  return {
    id: policy.id,
    type: policy.type,
    title: policy.title,
    body: policy.body,
    url: policy.url,
    createdAt: iso(policy.createdAt),
    updatedAt: iso(policy.updatedAt),
  };
}

export function viewLocation(location: LocationRecord) {
  return { id: location.id, name: location.name, isActive: location.isActive, legacyResourceId: String(legacyId(location.id)) };
}

export function viewProduct(store: ShopStore, product: ProductRecord) {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    tags: [...product.tags],
    productType: product.productType,
    vendor: product.vendor,
    isGiftCard: product.isGiftCard,
    legacyResourceId: String(legacyId(product.id)),
  };
}

export function viewCustomer(customer: CustomerRecord) {
  return {
    id: customer.id,
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`,
    defaultEmailAddress: { emailAddress: customer.email },
  };
}

export function viewOrder(store: ShopStore, order: OrderRecord) {
  const c = order.currencyCode;
  const customer = order.customerId ? store.customers.get(order.customerId) : undefined;
  return {
    __typename: "Order",
    id: order.id,
    legacyResourceId: String(legacyId(order.id)),
    name: order.name,
    createdAt: iso(order.createdAt),
    processedAt: iso(order.processedAt),
    updatedAt: iso(order.processedAt),
    currencyCode: c,
    presentmentCurrencyCode: c,
    email: order.email,
    note: order.note,
    tags: [...order.tags],
    test: false,
    closed: false,
    cancelledAt: null,
    customer: customer ? viewCustomer(customer) : null,
    displayFinancialStatus: displayFinancialStatus(order),
    displayFulfillmentStatus: displayFulfillmentStatus(store, order),
    refundable: refundableMinor(order) > 0,
    totalPriceSet: moneyBag(totalPriceMinor(order), c),
    totalShippingPriceSet: moneyBag(shippingMinor(order), c),
    totalReceivedSet: moneyBag(receivedMinor(order), c),
    totalRefundedSet: moneyBag(refundedMinor(order), c),
    netPaymentSet: moneyBag(receivedMinor(order) - refundedMinor(order), c),
    totalOutstandingSet: moneyBag(Math.max(0, totalPriceMinor(order) - receivedMinor(order)), c),
    lineItems: (args: ConnectionArgs) => connection(order.lineItems, args, byGid, (l) => viewLineItem(store, l)),
    shippingLines: (args: ConnectionArgs) =>
      connection(order.shippingLines, args, byGid, (s) => ({
        id: s.id,
        title: s.title,
        originalPriceSet: moneyBag(s.priceMinor, c),
        discountedPriceSet: moneyBag(s.priceMinor, c),
      })),
    fulfillments: (args: { first?: number | null }) => firstOf(order.fulfillments, args.first).map((f) => viewFulfillment(store, f)),
    transactions: (args: { first?: number | null }) => firstOf(order.transactions, args.first).map((t) => viewTransaction(store, order, t)),
    refunds: (args: { first?: number | null }) =>
      firstOf(order.refundIds, args.first).flatMap((id) => {
        const refund = store.refunds.get(id);
        return refund ? [viewRefund(store, refund)] : [];
      }),
    returns: (args: ConnectionArgs) =>
      connection(
        order.returnIds.flatMap((id) => store.returns.get(id) ?? []),
        args,
        byGid,
        (r) => viewReturn(store, r),
      ),
  };
}

export function viewLineItem(store: ShopStore, line: LineItemRecord) {
  const order = store.orders.get(line.orderId);
  const c = order?.currencyCode ?? store.shop.currencyCode;
  const product = line.productId ? store.products.get(line.productId) : undefined;
  const refunded = refundedQuantity(store, line);
  return {
    __typename: "LineItem",
    id: line.id,
    name: line.name,
    title: line.name,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: Math.max(0, line.quantity - refunded),
    refundableQuantity: refundableQuantity(store, line),
    unfulfilledQuantity: Math.max(0, line.quantity - fulfilledQuantity(store, line)),
    nonFulfillableQuantity: 0,
    isGiftCard: line.isGiftCard,
    requiresShipping: line.requiresShipping,
    restockable: !line.isGiftCard,
    customAttributes: line.customAttributes.map((a) => ({ key: a.key, value: a.value })),
    originalUnitPriceSet: moneyBag(line.originalUnitPriceMinor, c),
    discountedUnitPriceSet: moneyBag(line.discountedUnitPriceMinor, c),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(line.discountedUnitPriceMinor, c),
    originalTotalSet: moneyBag(line.originalUnitPriceMinor * line.quantity, c),
    discountedTotalSet: () => moneyBag(line.discountedUnitPriceMinor * line.quantity, c),
    totalDiscountSet: moneyBag((line.originalUnitPriceMinor - line.discountedUnitPriceMinor) * line.quantity, c),
    product: product ? viewProduct(store, product) : null,
    vendor: product?.vendor ?? null,
    sellingPlan: line.sellingPlan ? { name: line.sellingPlan.name, sellingPlanId: line.sellingPlan.sellingPlanId } : null,
  };
}

export function viewFulfillment(store: ShopStore, f: FulfillmentRecord) {
  const order = store.orders.get(f.orderId);
  return {
    __typename: "Fulfillment",
    id: f.id,
    legacyResourceId: String(legacyId(f.id)),
    name: f.name,
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.deliveredAt ?? f.inTransitAt ?? f.createdAt),
    inTransitAt: iso(f.inTransitAt),
    estimatedDeliveryAt: iso(f.estimatedDeliveryAt),
    deliveredAt: iso(f.deliveredAt),
    displayStatus: f.displayStatus,
    status: f.status,
    requiresShipping: true,
    totalQuantity: f.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    order: () => (order ? viewOrder(store, order) : null),
    fulfillmentLineItems: (args: ConnectionArgs) => connection(f.lineItems, args, byGid, (fli) => viewFulfillmentLineItem(store, fli)),
  };
}

export function viewFulfillmentLineItem(store: ShopStore, fli: FulfillmentLineItemRecord) {
  const line = store.lineItems.get(fli.lineItemId);
  const c = store.shop.currencyCode;
  return {
    __typename: "FulfillmentLineItem",
    id: fli.id,
    quantity: fli.quantity,
    lineItem: () => (line ? viewLineItem(store, line) : null),
    originalTotalSet: moneyBag((line?.originalUnitPriceMinor ?? 0) * fli.quantity, c),
    discountedTotalSet: moneyBag((line?.discountedUnitPriceMinor ?? 0) * fli.quantity, c),
  };
}

export function viewTransaction(store: ShopStore, order: OrderRecord, t: TransactionRecord) {
  const c = order.currencyCode;
  const parent = t.parentId ? store.transactions.get(t.parentId) : undefined;
  const refundable = refundableOnTransaction(order, t);
  return {
    __typename: "OrderTransaction",
    id: t.id,
    kind: t.kind,
    status: t.status,
    gateway: t.gateway,
    formattedGateway: t.gateway === "shopify_payments" ? "Shopify Payments" : t.gateway,
    test: false,
    manualPaymentGateway: t.gateway === "manual",
    createdAt: iso(t.createdAt),
    processedAt: iso(t.createdAt),
    amountSet: moneyBag(t.amountMinor, c),
    maximumRefundableV2: t.kind === "SALE" || t.kind === "CAPTURE" ? moneyV2(refundable, c) : null,
    parentTransaction: () => (parent ? viewTransaction(store, order, parent) : null),
    order: () => viewOrder(store, order),
  };
}

export function viewReturn(store: ShopStore, ret: ReturnRecord) {
  const order = store.orders.get(ret.orderId);
  const c = order?.currencyCode ?? store.shop.currencyCode;
  return {
    __typename: "Return",
    id: ret.id,
    name: ret.name,
    status: ret.status,
    createdAt: iso(ret.createdAt),
    requestApprovedAt: iso(ret.requestApprovedAt),
    closedAt: iso(ret.closedAt),
    totalQuantity: ret.lines.reduce((sum, l) => sum + l.quantity, 0),
    decline: ret.decline ? { reason: ret.decline.reason, note: ret.decline.note } : null,
    order: () => (order ? viewOrder(store, order) : null),
    returnShippingFees: ret.shippingFee ? [{ __typename: "ReturnShippingFee", id: ret.shippingFee.id, amountSet: moneyBag(ret.shippingFee.amountMinor, c) }] : [],
    returnLineItems: (args: ConnectionArgs) => connection(ret.lines, args, byGid, (l) => viewReturnLineItem(store, ret, l)),
    reverseFulfillmentOrders: (args: ConnectionArgs) =>
      connection(
        ret.reverseFulfillmentOrderIds.flatMap((id) => store.reverseFulfillmentOrders.get(id) ?? []),
        args,
        byGid,
        (rfo) => viewReverseFulfillmentOrder(store, rfo),
      ),
    refunds: (args: ConnectionArgs) =>
      connection(
        ret.refundIds.flatMap((id) => store.refunds.get(id) ?? []),
        args,
        byGid,
        (r) => viewRefund(store, r),
      ),
  };
}

export function viewReturnLineItem(store: ShopStore, ret: ReturnRecord, line: ReturnLineItemRecord) {
  const fli = store.fulfillmentLineItems.get(line.fulfillmentLineItemId);
  const item = fli ? store.lineItems.get(fli.lineItemId) : undefined;
  const c = store.shop.currencyCode;
  const refunded = refundedQuantityOfReturnLine(store, ret, line.id);
  const reason = viewReturnReasonDefinition(line.returnReasonDefinitionId);
  const gross = (item?.discountedUnitPriceMinor ?? 0) * line.quantity;
  return {
    __typename: "ReturnLineItem",
    id: line.id,
    quantity: line.quantity,
    processedQuantity: line.processedQuantity,
    unprocessedQuantity: unprocessedQuantity(line),
    processableQuantity: ret.status === "OPEN" ? unprocessedQuantity(line) : 0,
    refundedQuantity: refunded,
    refundableQuantity: Math.max(0, line.quantity - refunded),
    customerNote: line.customerNote,
    returnReasonNote: "",
    returnReasonDefinition: reason,
    restockingFee: line.restockingFee
      ? { __typename: "RestockingFee", id: line.restockingFee.id, percentage: line.restockingFee.percentage, amountSet: moneyBag(percentOf(gross, line.restockingFee.percentage), c) }
      : null,
    withCodeDiscountedTotalPriceSet: moneyBag(gross, c),
    fulfillmentLineItem: () => (fli ? viewFulfillmentLineItem(store, fli) : null),
  };
}

export function viewReverseFulfillmentOrder(store: ShopStore, rfo: RfoRecord) {
  const order = store.orders.get(rfo.orderId);
  return {
    __typename: "ReverseFulfillmentOrder",
    id: rfo.id,
    status: rfo.status,
    order: () => (order ? viewOrder(store, order) : null),
    thirdPartyConfirmation: null,
    lineItems: (args: ConnectionArgs) => connection(rfo.lineItems, args, byGid, (l) => viewRfoLineItem(store, l)),
    reverseDeliveries: (args: ConnectionArgs) => connection(rfo.deliveries, args, byGid, (d) => viewReverseDelivery(store, rfo, d)),
  };
}

export function viewDisposition(store: ShopStore, d: DispositionRecord) {
  const location = d.locationId ? store.locations.find((l) => l.id === d.locationId) : undefined;
  return { id: d.id, type: d.type, quantity: d.quantity, createdAt: iso(d.createdAt), location: location ? viewLocation(location) : null };
}

export function viewRfoLineItem(store: ShopStore, line: RfoLineItemRecord) {
  const fli = store.fulfillmentLineItems.get(line.fulfillmentLineItemId);
  return {
    __typename: "ReverseFulfillmentOrderLineItem",
    id: line.id,
    totalQuantity: line.totalQuantity,
    dispositions: line.dispositions.map((d) => viewDisposition(store, d)),
    fulfillmentLineItem: fli ? viewFulfillmentLineItem(store, fli) : null,
  };
}

export function viewReverseDelivery(store: ShopStore, rfo: RfoRecord, delivery: ReverseDeliveryRecord) {
  return {
    __typename: "ReverseDelivery",
    id: delivery.id,
    reverseFulfillmentOrder: () => viewReverseFulfillmentOrder(store, rfo),
    deliverable:
      delivery.tracking || delivery.label
        ? {
            __typename: "ReverseDeliveryShippingDeliverable",
            tracking: delivery.tracking ? { ...delivery.tracking } : null,
            label: delivery.label ? { publicFileUrl: delivery.label.fileUrl, createdAt: iso(delivery.label.createdAt), updatedAt: iso(delivery.label.createdAt) } : null,
          }
        : null,
    reverseDeliveryLineItems: (args: ConnectionArgs) =>
      connection(delivery.lines, args, byGid, (l) => {
        const rfoLine = rfo.lineItems.find((x) => x.id === l.rfoLineItemId);
        return {
          id: l.id,
          quantity: l.quantity,
          dispositions: [],
          reverseFulfillmentOrderLineItem: rfoLine ? viewRfoLineItem(store, rfoLine) : null,
        };
      }),
  };
}

export function viewRefund(store: ShopStore, refund: RefundRecord) {
  const order = store.orders.get(refund.orderId);
  const c = order?.currencyCode ?? store.shop.currencyCode;
  const ret = refund.returnId ? store.returns.get(refund.returnId) : undefined;
  const transactions = refund.transactionIds.flatMap((id) => store.transactions.get(id) ?? []);
  return {
    __typename: "Refund",
    id: refund.id,
    legacyResourceId: String(legacyId(refund.id)),
    note: refund.note,
    createdAt: iso(refund.createdAt),
    processedAt: iso(refund.createdAt),
    updatedAt: iso(refund.createdAt),
    totalRefundedSet: moneyBag(refund.totalMinor, c),
    order: () => (order ? viewOrder(store, order) : null),
    return: () => (ret ? viewReturn(store, ret) : null),
    refundLineItems: (args: ConnectionArgs) =>
      connection(refund.lineItems, args, byGid, (l) => {
        const line = store.lineItems.get(l.lineItemId);
        return {
          id: l.id,
          quantity: l.quantity,
          restockType: l.restockType,
          restocked: l.restockType === "RETURN" || l.restockType === "LEGACY_RESTOCK",
          subtotalSet: moneyBag(l.subtotalMinor, c),
          totalTaxSet: moneyBag(0, c),
          priceSet: moneyBag(line?.discountedUnitPriceMinor ?? 0, c),
          lineItem: line ? viewLineItem(store, line) : null,
          location: null,
        };
      }),
    refundShippingLines: (args: ConnectionArgs) =>
      connection(refund.shipping ? [refund.shipping] : [], args, byGid, (s) => ({
        id: s.id,
        subtotalAmountSet: moneyBag(s.amountMinor, c),
        taxAmountSet: moneyBag(0, c),
      })),
    transactions: (args: ConnectionArgs) => connection(transactions, args, byGid, (t) => (order ? viewTransaction(store, order, t) : null)),
  };
}

export function viewReturnableFulfillment(store: ShopStore, f: FulfillmentRecord) {
  return {
    __typename: "ReturnableFulfillment",
    id: f.id.replace("/Fulfillment/", "/ReturnableFulfillment/"),
    fulfillment: viewFulfillment(store, f),
    returnableFulfillmentLineItems: (args: ConnectionArgs) =>
      connection(
        f.lineItems.filter((fli) => returnableQuantity(store, fli) > 0),
        args,
        byGid,
        (fli) => ({ quantity: returnableQuantity(store, fli), fulfillmentLineItem: viewFulfillmentLineItem(store, fli) }),
      ),
  };
}
