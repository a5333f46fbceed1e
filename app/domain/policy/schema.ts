/**
 * The policy model: a merchant's written return policy as data.
 *
 * Versioned (`schemaVersion: 1`) so stored policies can be migrated. Validated
 * once at the boundary (merchant UI, CLI, database load); `decide()` trusts an
 * already-parsed `Policy` and never re-validates it on the hot path.
 */
import { z } from "zod";
import { isClockString, isDayString, parseClock } from "../calendar/civil";
import { isValidTimeZone } from "../calendar/zone";
import { isBasisPointPercent } from "../money/money";

export const POLICY_SCHEMA_VERSION = 1 as const;

/** Claim types a shopper can file. `RETURN` is a change-of-mind return; the others are "fault" claims. */
export const CLAIM_TYPES = ["RETURN", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export const FAULT_CLAIM_TYPES = ["DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"] as const;
export type FaultClaimType = (typeof FAULT_CLAIM_TYPES)[number];

/** Item conditions, from best to worst. */
export const CONDITIONS = ["UNOPENED", "OPENED", "USED", "DAMAGED"] as const;
export type Condition = (typeof CONDITIONS)[number];

export const EVIDENCE_KINDS = ["photo", "video"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const PAYERS = ["CUSTOMER", "MERCHANT"] as const;
export type Payer = (typeof PAYERS)[number];

export const SUPPORTED_LOCALES = ["en"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const DURATION_UNITS = ["HOURS", "BUSINESS_HOURS", "CALENDAR_DAYS", "BUSINESS_DAYS"] as const;

const claimTypeSchema = z.enum(CLAIM_TYPES);
const payerSchema = z.enum(PAYERS);

/** Lower-case slug used inside clause ids ("final-sale", "gift-card"). */
const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");

/** A percentage 0–100 with at most two decimals (held as basis points internally). */
export const percentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine(isBasisPointPercent, "a percentage may have at most two decimals");

/** A non-negative decimal amount in a currency's major unit, as Shopify sends it ("7.99"). */
const amountSchema = z.string().regex(/^\d+(?:\.\d+)?$/, "a non-negative decimal amount such as \"7.99\"");

export const moneySchema = z.object({
  amount: amountSchema,
  currencyCode: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD"),
});
export type MoneyValue = z.infer<typeof moneySchema>;

const timeZoneSchema = z.string().refine(isValidTimeZone, "an IANA time zone such as America/New_York");
const dayStringSchema = z.string().refine(isDayString, "a YYYY-MM-DD date");
const clockSchema = z.string().refine(isClockString, "an HH:MM time between 00:00 and 24:00");

/** A stated time ("within 3–5 business days" → { min: 3, max: 5, unit: BUSINESS_DAYS }). */
export const durationSchema = z
  .object({
    min: z.number().nonnegative().nullable().default(null),
    max: z.number().positive(),
    unit: z.enum(DURATION_UNITS),
  })
  .superRefine((d, ctx) => {
    if (d.min !== null && d.min > d.max) ctx.addIssue({ code: "custom", message: "min must not exceed max", path: ["min"] });
    if ((d.unit === "CALENDAR_DAYS" || d.unit === "BUSINESS_DAYS") && (!Number.isInteger(d.max) || (d.min !== null && !Number.isInteger(d.min)))) {
      ctx.addIssue({ code: "custom", message: "day counts must be whole numbers", path: ["max"] });
    }
  });
export type Duration = z.infer<typeof durationSchema>;

const holidayRuleSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("fixed"),
    name: z.string().min(1),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    observed: z.enum(["none", "nearest-weekday"]).default("none"),
  }),
  z.object({
    type: z.literal("nth-weekday"),
    name: z.string().min(1),
    month: z.number().int().min(1).max(12),
    weekday: z.number().int().min(1).max(7),
    n: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
  }),
]);

export const calendarSchema = z
  .object({
    /** ISO weekdays that are not working days (6 = Saturday, 7 = Sunday). */
    weekendDays: z.array(z.number().int().min(1).max(7)).max(6).default([6, 7]),
    /** One-off closures (local dates). */
    holidays: z.array(z.object({ date: dayStringSchema, name: z.string().min(1) })).default([]),
    /** Recurring holidays. */
    holidayRules: z.array(holidayRuleSchema).default([]),
    /** Working hours of a business day; "00:00"–"24:00" counts every hour of a business day. */
    businessHours: z.object({ start: clockSchema, end: clockSchema }).default({ start: "00:00", end: "24:00" }),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.weekendDays).size !== c.weekendDays.length) ctx.addIssue({ code: "custom", message: "weekend days repeat", path: ["weekendDays"] });
    if (isClockString(c.businessHours.start) && isClockString(c.businessHours.end) && parseClock(c.businessHours.end) <= parseClock(c.businessHours.start)) {
      ctx.addIssue({ code: "custom", message: "business hours must end after they start", path: ["businessHours", "end"] });
    }
  });

const conditionRuleSchema = z.discriminatedUnion("accepted", [
  z.object({ accepted: z.literal(true), refundPercent: percentSchema }),
  z.object({ accepted: z.literal(false) }),
]);
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

/** What an exclusion matches. Tags, types and vendors compare case-insensitively with spaces, hyphens and underscores treated alike. */
export const exclusionMatcherSchema = z.discriminatedUnion("by", [
  z.object({ by: z.literal("productTag"), values: z.array(z.string().min(1)).nonempty() }),
  z.object({ by: z.literal("productType"), values: z.array(z.string().min(1)).nonempty() }),
  z.object({ by: z.literal("vendor"), values: z.array(z.string().min(1)).nonempty() }),
  /** A line-item property (custom attribute) whose key contains one of these fragments ("engrav" matches "Engraving"). */
  z.object({ by: z.literal("lineItemPropertyKey"), contains: z.array(z.string().min(1)).nonempty() }),
  z.object({ by: z.literal("giftCard") }),
  /** Items bought on a subscription (the line item has a selling plan). */
  z.object({ by: z.literal("sellingPlan") }),
]);
export type ExclusionMatcher = z.infer<typeof exclusionMatcherSchema>;

export const exclusionSchema = z.object({
  /** Stable slug; the clause id is `exclusion.<id>`. */
  id: slugSchema,
  /** Heading of the clause in the policy text ("Final-sale items"). */
  title: z.string().min(1),
  /** The item is excluded when any matcher matches. */
  match: z.array(exclusionMatcherSchema).nonempty(),
  /** FINAL_SALE for final-sale exclusions, EXCLUDED for every other rule. */
  code: z.enum(["FINAL_SALE", "EXCLUDED"]),
  /** One customer-facing sentence saying why. */
  reason: z.string().min(1),
  /** Claim types the exclusion applies to (a final-sale item can usually still be reported defective). */
  appliesTo: z.array(claimTypeSchema).nonempty(),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

const evidenceRuleSchema = z.object({
  required: z.boolean(),
  /** Which kinds of evidence satisfy the requirement. */
  kinds: z.array(z.enum(EVIDENCE_KINDS)).nonempty(),
  /** Without evidence: reject the line, or handle it as a change-of-mind return. */
  onMissing: z.enum(["REJECT", "TREAT_AS_RETURN"]),
});

export const returnClaimSchema = z.object({
  offered: z.boolean().default(true),
  deductOriginalShipping: z.boolean(),
  returnShippingPaidBy: payerSchema,
});

export const faultClaimSchema = z.object({
  offered: z.boolean().default(true),
  /** Days after delivery (day 0) within which the claim must be reported. */
  reportWindowDays: z.number().int().min(0).max(3650),
  evidence: evidenceRuleSchema,
  /** Refund as a percentage of the price paid when the claim is accepted. */
  refundPercent: percentSchema,
  deductOriginalShipping: z.boolean(),
  returnShippingPaidBy: payerSchema,
  /** Whether the item must be sent back (not for an item that never arrived). */
  itemMustBeReturned: z.boolean(),
  /** Deduct the prepaid label's cost when inspection finds no fault (the item works). */
  deductLabelCostIfNoFault: z.boolean(),
  /** Only items listed as included in the purchase can be claimed (Purtly's missing-item rule). */
  onlyListedItems: z.boolean().default(false),
});
export type FaultClaimRule = z.infer<typeof faultClaimSchema>;

const durationOrNull = durationSchema.nullable();

const deductionRuleSchema = z.enum(["NONE", "ORIGINAL_SHIPPING", "RETURN_SHIPPING"]);

export const policySchema = z
  .object({
    schemaVersion: z.literal(POLICY_SCHEMA_VERSION),
    /** Stable id of the policy ("purtly"). */
    id: slugSchema,
    /** Merchant (store) name as it appears in the policy text. */
    name: z.string().min(1),
    locale: z.enum(SUPPORTED_LOCALES).default("en"),
    /** Where the rules came from (the merchant's policy document). */
    source: z.string().nullable().default(null),
    timeZone: timeZoneSchema,
    calendar: calendarSchema,
    returnWindow: z.object({
      /** N: the window runs through the end of the Nth calendar day after delivery (day 0). */
      days: z.number().int().min(0).max(3650),
      countFrom: z.literal("DELIVERY").default("DELIVERY"),
      /** Without a delivery date, delivery is assumed this many calendar days after the fulfillment was created. */
      assumedTransitDays: z.number().int().min(0).max(365),
    }),
    /** Refund percentage per condition for change-of-mind returns; the rest is the restocking fee. */
    conditions: z.object({
      UNOPENED: conditionRuleSchema,
      OPENED: conditionRuleSchema,
      USED: conditionRuleSchema,
      DAMAGED: conditionRuleSchema,
    }),
    exclusions: z.array(exclusionSchema).default([]),
    /** Original (outbound) shipping: deducted at most once per order. */
    originalShipping: z.discriminatedUnion("mode", [
      z.object({ mode: z.literal("NOT_DEDUCTED") }),
      z.object({ mode: z.literal("ORDER_SHIPPING_CHARGE") }),
      z.object({ mode: z.literal("FIXED"), amount: moneySchema }),
    ]),
    returnShipping: z.object({
      /** Fee for the merchant's label when the customer pays return shipping; null: the customer ships at their own cost. */
      customerLabelFee: moneySchema.nullable(),
      /** Cost deducted when a prepaid label was issued and inspection finds no fault: the actual label cost or a fixed amount. */
      labelCost: z.discriminatedUnion("mode", [
        z.object({ mode: z.literal("ACTUAL") }),
        z.object({ mode: z.literal("FIXED"), amount: moneySchema }),
      ]),
    }),
    claims: z.object({
      RETURN: returnClaimSchema,
      DEFECTIVE: faultClaimSchema,
      DAMAGED_IN_TRANSIT: faultClaimSchema,
      WRONG_ITEM: faultClaimSchema,
      MISSING_ITEM: faultClaimSchema,
    }),
    /** Partial refunds an agent may set at inspection. */
    partialRefunds: z.object({
      allowed: z.boolean(),
      minPercent: percentSchema,
      maxPercent: percentSchema,
      reasonRequired: z.boolean().default(true),
    }),
    rma: z.object({
      required: z.boolean(),
      prefix: z.string().max(16).regex(/^[A-Za-z0-9-_#]*$/, "letters, digits, -, _ or #"),
      minDigits: z.number().int().min(1).max(12),
      /** How soon an RMA number is issued after a request. */
      issuedWithin: durationOrNull,
    }),
    inspection: z.object({
      /** How long inspection takes after the item arrives back. */
      within: durationOrNull,
    }),
    refund: z.object({
      method: z.enum(["ORIGINAL_PAYMENT", "STORE_CREDIT", "ORIGINAL_PAYMENT_OR_STORE_CREDIT"]),
      /** How long until the refund appears, counted from approval. */
      processingTime: durationOrNull,
    }),
    /** What happens to items whose return is rejected at inspection. */
    rejectedItems: z.object({
      disposition: z.enum(["DISCARD", "RETURN_TO_CUSTOMER"]),
      /** With DISCARD: sent back instead if the customer pays the shipping. */
      returnIfCustomerPaysShipping: z.boolean(),
    }),
    exchanges: z.object({
      /** Claim types for which a same-item replacement is offered. */
      replacementFor: z.array(claimTypeSchema).default([]),
      /** A different size/colour/style: returned and re-ordered, or not offered. */
      differentItem: z.enum(["RETURN_AND_REORDER", "NOT_OFFERED"]),
      replacementShippingPaidBy: payerSchema,
      replacementShipsWithin: durationOrNull,
    }),
    /** Packages that come back undelivered (wrong address, refused). Null when the policy is silent. */
    returnToSender: z
      .object({
        incorrectAddress: z.object({
          /** A replacement is re-shipped for an extra shipping fee invoiced to the customer. */
          reshipInvoiced: z.boolean(),
          refundDeducts: deductionRuleSchema,
        }),
        refusedDelivery: z.object({ refundDeducts: deductionRuleSchema }),
      })
      .nullable(),
    /** Subscription / membership billing rules. Null when the policy is silent. */
    subscriptions: z
      .object({
        cancelAnytime: z.boolean(),
        /** Cancellation takes effect at the end of the current billing period (no partial-period refund). */
        endsAtPeriodEnd: z.boolean(),
        partialPeriodRefund: z.boolean(),
        /** The first subscription period is refundable on request. */
        firstPeriodRefundable: z.boolean(),
      })
      .nullable(),
    service: z.object({
      firstReply: durationOrNull,
      resolution: durationOrNull,
      updateCadence: durationOrNull,
      escalationDecision: durationOrNull,
      channels: z
        .array(
          z.object({
            kind: z.enum(["EMAIL", "CONTACT_FORM", "PHONE", "MAIL", "IN_PERSON", "SELF_SERVICE"]),
            address: z.string().min(1),
            firstReply: durationOrNull,
          }),
        )
        .default([]),
    }),
    /**
     * Fields the policy text is silent on, filled with a stated default. Each
     * `path` is a dot path into this object (array items by `id`), so the
     * merchant UI can flag the field; `note` says what was assumed and why.
     */
    assumptions: z.array(z.object({ path: z.string().min(1), note: z.string().min(1) })).default([]),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.exclusions.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: "custom", message: `duplicate exclusion id ${e.id}`, path: ["exclusions", i, "id"] });
      ids.add(e.id);
    });
    if (p.partialRefunds.minPercent > p.partialRefunds.maxPercent) {
      ctx.addIssue({ code: "custom", message: "minPercent must not exceed maxPercent", path: ["partialRefunds", "minPercent"] });
    }
    p.assumptions.forEach((a, i) => {
      if (resolvePolicyPath(p, a.path) === undefined) {
        ctx.addIssue({ code: "custom", message: `assumption path does not exist: ${a.path}`, path: ["assumptions", i, "path"] });
      }
    });
  });

/** A validated policy (output of `policySchema.parse`). */
export type Policy = z.infer<typeof policySchema>;
/** What a merchant (or a preset) writes: defaults may be omitted. */
export type PolicyInput = z.input<typeof policySchema>;
export type Assumption = Policy["assumptions"][number];

/**
 * Resolves a dot path ("claims.DEFECTIVE.evidence.onMissing",
 * "exclusions.gift-card.appliesTo") in a policy; array items are addressed by
 * `id` or index. Returns undefined when the path does not exist.
 */
export function resolvePolicyPath(policy: unknown, path: string): unknown {
  let current: unknown = policy;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    if (Array.isArray(current)) {
      const byId = current.find((item: unknown) => item !== null && typeof item === "object" && (item as { id?: unknown }).id === segment);
      current = byId !== undefined ? byId : /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** True when `path` (or a parent of it) is marked as an assumption. */
export function isAssumed(policy: Policy, path: string): boolean {
  return policy.assumptions.some((a) => a.path === path || path.startsWith(a.path + "."));
}

/** Validates unknown input as a policy; throws a ZodError on failure. */
export function parsePolicy(input: unknown): Policy {
  return policySchema.parse(input);
}
