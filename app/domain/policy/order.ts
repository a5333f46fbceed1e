/**
 * Input shapes: the Admin API (2026-07) `Order` fields the engine reads, a
 * shopper's return request, and an agent's inspection result. Validated with
 * zod at the boundary; `decide()` receives the parsed objects.
 */
import { z } from "zod";
import { isDecimalAmount } from "../money/money";
import { CLAIM_TYPES, CONDITIONS, EVIDENCE_KINDS, percentSchema } from "./schema";

/** ISO-8601 date-time with a zone designator (Shopify `DateTime`, e.g. "2026-03-01T17:04:05Z"). */
export const isoDateTimeSchema = z.string().datetime({ offset: true });

const decimalString = z.string().refine(isDecimalAmount, "a decimal amount such as \"19.99\"");
const currencyCode = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD");

/** `MoneyBag { shopMoney { amount currencyCode } }` (presentmentMoney is accepted and ignored). */
const moneyBagSchema = z.object({
  shopMoney: z.object({ amount: decimalString, currencyCode }),
});

/** `{ nodes: [...] }` connection; `edges` are not read. */
function connection<T extends z.ZodTypeAny>(node: T) {
  return z.object({ nodes: z.array(node) });
}

const gid = z.string().min(1);

/** `Product.tags` is `[String!]!` in GraphQL; a comma-separated string (REST, webhooks) is accepted too. */
const tagsSchema = z.union([
  z.array(z.string()),
  z.string().transform((s) =>
    s
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
  ),
]);

export const orderLineItemSchema = z.object({
  id: gid,
  quantity: z.number().int().min(0),
  refundableQuantity: z.number().int().min(0),
  isGiftCard: z.boolean().default(false),
  customAttributes: z
    .array(z.object({ key: z.string(), value: z.string().nullable().default(null) }))
    .nullable()
    .default([])
    .transform((a) => a ?? []),
  discountedUnitPriceAfterAllDiscountsSet: moneyBagSchema,
  /** Null when the product was deleted. */
  product: z
    .object({
      tags: tagsSchema.default([]),
      productType: z.string().nullable().default(null),
      vendor: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
  /** `LineItemSellingPlan`: present when the item was bought on a subscription. */
  sellingPlan: z
    .object({ name: z.string().nullable().default(null), sellingPlanId: z.string().nullable().default(null) })
    .nullable()
    .default(null),
});

export const fulfillmentSchema = z.object({
  id: gid,
  createdAt: isoDateTimeSchema,
  deliveredAt: isoDateTimeSchema.nullable().default(null),
  displayStatus: z.string().nullable().default(null),
  fulfillmentLineItems: connection(
    z.object({
      id: gid,
      quantity: z.number().int().min(0),
      lineItem: z.object({ id: gid }),
    }),
  ),
});

export const orderReturnSchema = z.object({
  id: gid.optional(),
  status: z.enum(["REQUESTED", "OPEN", "CLOSED", "DECLINED", "CANCELED"]),
  returnLineItems: connection(
    z.object({
      quantity: z.number().int().min(0),
      /** Unverified return line items have no fulfillment line item; they are ignored. */
      fulfillmentLineItem: z
        .object({ lineItem: z.object({ id: gid }) })
        .nullable()
        .default(null),
    }),
  ),
});

export const orderSchema = z.object({
  id: gid,
  /** The shop currency (`Order.currencyCode`); all `shopMoney` amounts must be in it. */
  currencyCode,
  shippingLines: connection(z.object({ originalPriceSet: moneyBagSchema })).optional(),
  /** Used only when `shippingLines` is absent. */
  totalShippingPriceSet: moneyBagSchema.nullable().optional(),
  fulfillments: z.array(fulfillmentSchema),
  lineItems: connection(orderLineItemSchema),
  returns: connection(orderReturnSchema).default({ nodes: [] }),
});

/** The Admin API order snapshot `decide()` reads. */
export type OrderSnapshot = z.infer<typeof orderSchema>;
export type OrderLineItem = OrderSnapshot["lineItems"]["nodes"][number];
export type OrderFulfillment = OrderSnapshot["fulfillments"][number];

export const evidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  url: z.string().min(1),
});

export const returnRequestLineSchema = z.object({
  lineItemId: gid,
  quantity: z.number().int().min(1),
  reason: z.string().default(""),
  condition: z.enum(CONDITIONS),
  evidence: z.array(evidenceSchema).default([]),
});

export const returnRequestSchema = z.object({
  type: z.enum(CLAIM_TYPES),
  lines: z.array(returnRequestLineSchema).min(1),
});

export type ReturnRequest = z.infer<typeof returnRequestSchema>;
export type ReturnRequestLine = ReturnRequest["lines"][number];

/**
 * An agent's inspection of the returned items. `decide()` given it yields the
 * final refund: the graded condition replaces the one the shopper claimed, an
 * unconfirmed defect falls back to the change-of-mind rules (and may cost the
 * label), and an override sets a partial refund within the policy's bounds.
 */
export const inspectionSchema = z.object({
  /**
   * The id of the return being inspected: it is already on the order, so it is
   * left out when counting returned units and earlier returns.
   */
  returnId: z.string().optional(),
  lines: z
    .array(
      z.object({
        lineItemId: gid,
        /** Condition found at inspection. */
        condition: z.enum(CONDITIONS).optional(),
        /** For fault claims: whether the fault was confirmed (false: the item works / is as ordered; omitted: the claim stands). */
        defectConfirmed: z.boolean().optional(),
        /** Partial refund set by the agent (percentage of the price paid). */
        overridePercent: percentSchema.optional(),
        overrideReason: z.string().optional(),
      }),
    )
    .default([]),
  /** Actual cost of the prepaid label, when the policy deducts the actual cost. */
  labelCost: decimalString.optional(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export type InspectionLine = Inspection["lines"][number];
