// QueryRoot fields the stand-in answers. Each is a function graphql-js calls with
// (args, context, info); anything else on QueryRoot answers NOT_MODELLED_BY_STAND_IN.
import { byGid, connection, type ConnectionArgs } from "../connection";
import { shopifyError } from "../errors";
import { moneyBag, percentOf } from "../money";
import { compareDate, filterBySearch, matchText } from "../search-query";
import { displayFinancialStatus, displayFulfillmentStatus, returnableQuantity } from "../semantics";
import type { OrderRecord, ProductRecord } from "../store";
import {
  returnReasonDefinitions,
  viewFulfillment,
  viewFulfillmentLineItem,
  viewLocation,
  viewOrder,
  viewProduct,
  viewReturn,
  viewReturnableFulfillment,
  viewReverseFulfillmentOrder,
  viewShop,
} from "../views";
import type { ResolverContext } from "./context";
import { resolveReturnLines, resolveReturnShippingFee, type ReturnLineInput } from "./return-lines";

type Args<T> = T & ConnectionArgs;

const ORDER_SEARCH = {
  name: (o: OrderRecord, t: { value: string }) => o.name.replace(/^#/, "") === t.value.replace(/^#/, ""),
  created_at: (o: OrderRecord, t: Parameters<typeof compareDate>[1]) => compareDate(o.createdAt, t),
  processed_at: (o: OrderRecord, t: Parameters<typeof compareDate>[1]) => compareDate(o.processedAt, t),
  email: (o: OrderRecord, t: { value: string }) => (o.email ?? "").toLowerCase() === t.value.toLowerCase(),
  id: (o: OrderRecord, t: { value: string }) => o.id.endsWith(`/${t.value}`),
  tag: (o: OrderRecord, t: { value: string }) => o.tags.some((tag) => matchText(tag, t.value)),
};

const PRODUCT_SEARCH = {
  tag: (p: ProductRecord, t: { value: string }) => p.tags.some((tag) => matchText(tag, t.value)),
  tag_not: (p: ProductRecord, t: { value: string }) => !p.tags.some((tag) => matchText(tag, t.value)),
  product_type: (p: ProductRecord, t: { value: string }) => matchText(p.productType, t.value),
  vendor: (p: ProductRecord, t: { value: string }) => matchText(p.vendor, t.value),
  title: (p: ProductRecord, t: { value: string }) => matchText(p.title, t.value),
  gift_card: (p: ProductRecord, t: { value: string }) => String(p.isGiftCard) === t.value.toLowerCase(),
  id: (p: ProductRecord, t: { value: string }) => p.id.endsWith(`/${t.value}`),
};

/** The shop's orders matching a search (`orders` and `ordersCount` filter alike). */
function searchOrders(store: ResolverContext["store"], query: string | null | undefined): OrderRecord[] {
  const fields = {
    ...ORDER_SEARCH,
    financial_status: (o: OrderRecord, t: { value: string }) => displayFinancialStatus(o).toLowerCase() === t.value.toLowerCase(),
    fulfillment_status: (o: OrderRecord, t: { value: string }) => {
      const status = displayFulfillmentStatus(store, o);
      const wanted = t.value.toLowerCase();
      return wanted === "shipped" ? status === "FULFILLED" : wanted === "partial" ? status === "PARTIALLY_FULFILLED" : wanted === "unshipped" ? status === "UNFULFILLED" : status.toLowerCase() === wanted;
    },
  };
  return filterBySearch([...store.orders.values()], query, fields, (o, text) => o.name.toLowerCase().includes(text) || (o.email ?? "").toLowerCase().includes(text));
}

export const queryRoot = {
  shop: (_args: unknown, ctx: ResolverContext) => viewShop(ctx.store),

  order: ({ id }: { id: string }, ctx: ResolverContext) => {
    const order = ctx.store.orders.get(id);
    return order ? viewOrder(ctx.store, order) : null;
  },

  orders: (args: Args<{ query?: string | null; sortKey?: string | null }>, ctx: ResolverContext) => {
    const store = ctx.store;
    const filtered = searchOrders(store, args.query);
    const sortKey = args.sortKey ?? "PROCESSED_AT";
    const key = (o: OrderRecord) => (sortKey === "CREATED_AT" ? o.createdAt : sortKey === "ID" || sortKey === "ORDER_NUMBER" ? byGid(o) : o.processedAt);
    filtered.sort((a, b) => key(a) - key(b) || byGid(a) - byGid(b));
    return connection(filtered, args, byGid, (o) => viewOrder(store, o));
  },

  /** `Count`: exact up to `limit` (default 10000; null: no limit), else `limit` with precision AT_LEAST. */
  ordersCount: (args: { query?: string | null; limit?: number | null }, ctx: ResolverContext) => {
    const count = searchOrders(ctx.store, args.query).length;
    const limit = args.limit === undefined ? 10_000 : args.limit;
    if (limit !== null && limit < 0) throw shopifyError("limit must be non-negative", "BAD_REQUEST");
    return limit !== null && count > limit ? { count: limit, precision: "AT_LEAST" } : { count, precision: "EXACT" };
  },

  products: (args: Args<{ query?: string | null }>, ctx: ResolverContext) => {
    const filtered = filterBySearch([...ctx.store.products.values()], args.query, PRODUCT_SEARCH, (p, text) => p.title.toLowerCase().includes(text));
    return connection(filtered, args, byGid, (p) => viewProduct(ctx.store, p));
  },

  /** `Count` of the same search as `products`: exact up to `limit` (default 10000; null: no limit), else `limit` with precision AT_LEAST. */
  productsCount: (args: { query?: string | null; limit?: number | null; savedSearchId?: string | null }, ctx: ResolverContext) => {
    if (args.savedSearchId) throw shopifyError("The stand-in does not model saved searches.", "NOT_MODELLED_BY_STAND_IN");
    const count = filterBySearch([...ctx.store.products.values()], args.query, PRODUCT_SEARCH, (p, text) => p.title.toLowerCase().includes(text)).length;
    const limit = args.limit === undefined ? 10_000 : args.limit;
    if (limit !== null && limit < 0) throw shopifyError("limit must be non-negative", "BAD_REQUEST");
    return limit !== null && count > limit ? { count: limit, precision: "AT_LEAST" } : { count, precision: "EXACT" };
  },

  returnableFulfillments: (args: Args<{ orderId: string }>, ctx: ResolverContext) => {
    const order = ctx.store.orders.get(args.orderId);
    if (!order) throw shopifyError("Order does not exist.", "NOT_FOUND");
    const returnable = order.fulfillments.filter((f) => f.lineItems.some((fli) => returnableQuantity(ctx.store, fli) > 0));
    return connection(returnable, args, byGid, (f) => viewReturnableFulfillment(ctx.store, f));
  },

  returnableFulfillment: ({ id }: { id: string }, ctx: ResolverContext) => {
    const fulfillment = ctx.store.fulfillments.get(id.replace("/ReturnableFulfillment/", "/Fulfillment/"));
    return fulfillment ? viewReturnableFulfillment(ctx.store, fulfillment) : null;
  },

  returnCalculate: ({ input }: { input: { orderId: string; returnLineItems?: ReturnLineInput[] | null; exchangeLineItems?: unknown[] | null; returnShippingFee?: { amount: { amount: unknown; currencyCode: string } } | null } }, ctx: ResolverContext) => {
    const store = ctx.store;
    const order = store.orders.get(input.orderId);
    if (!order) throw shopifyError("Order does not exist.", "NOT_FOUND", { field: ["input", "orderId"] });
    if ((input.exchangeLineItems ?? []).length > 0) throw shopifyError("The stand-in does not model exchanges.", "NOT_MODELLED_BY_STAND_IN");
    const { lines, errors } = resolveReturnLines(store, order, input.returnLineItems ?? [], ["input"]);
    const fee = resolveReturnShippingFee(order, input.returnShippingFee, ["input"]);
    const problems = [...errors, ...(fee.error ? [fee.error] : [])];
    const first = problems[0];
    if (first) throw shopifyError(first.message, first.code ?? "INVALID", { field: first.field });
    const c = order.currencyCode;
    return {
      id: store.id("CalculatedReturn"),
      exchangeLineItems: [],
      returnLineItems: lines.map((line) => {
        const item = store.lineItems.get(line.fli.lineItemId);
        const subtotal = (item?.discountedUnitPriceMinor ?? 0) * line.quantity;
        const original = (item?.originalUnitPriceMinor ?? 0) * line.quantity;
        return {
          id: null,
          quantity: line.quantity,
          fulfillmentLineItem: viewFulfillmentLineItem(store, line.fli),
          subtotalSet: moneyBag(subtotal, c),
          subtotalBeforeOrderDiscountsSet: moneyBag(original, c),
          totalTaxSet: moneyBag(0, c),
          restockingFee:
            line.restockingFeePercentage === null
              ? null
              : { id: store.id("CalculatedRestockingFee"), percentage: line.restockingFeePercentage, amountSet: moneyBag(percentOf(subtotal, line.restockingFeePercentage), c) },
        };
      }),
      returnShippingFee: fee.amountMinor === null ? null : { id: store.id("CalculatedReturnShippingFee"), amountSet: moneyBag(fee.amountMinor, c) },
    };
  },

  return: ({ id }: { id: string }, ctx: ResolverContext) => {
    const ret = ctx.store.returns.get(id);
    return ret ? viewReturn(ctx.store, ret) : null;
  },

  returnReasonDefinitions: (args: Args<{ handles?: string[] | null; ids?: string[] | null }>) => {
    const all = returnReasonDefinitions().filter((r) => (!args.handles || args.handles.includes(r.handle)) && (!args.ids || args.ids.includes(r.id)));
    return connection(all, args, byGid, (r) => r);
  },

  reverseFulfillmentOrder: ({ id }: { id: string }, ctx: ResolverContext) => {
    const rfo = ctx.store.reverseFulfillmentOrders.get(id);
    return rfo ? viewReverseFulfillmentOrder(ctx.store, rfo) : null;
  },

  fulfillment: ({ id }: { id: string }, ctx: ResolverContext) => {
    const f = ctx.store.fulfillments.get(id);
    return f ? viewFulfillment(ctx.store, f) : null;
  },

  locations: (args: ConnectionArgs, ctx: ResolverContext) => connection(ctx.store.locations, args, byGid, viewLocation),

  location: ({ id }: { id?: string | null }, ctx: ResolverContext) => {
    const location = id ? ctx.store.locations.find((l) => l.id === id) : ctx.store.locations[0];
    return location ? viewLocation(location) : null;
  },
};
