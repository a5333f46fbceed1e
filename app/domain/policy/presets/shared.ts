/**
 * Building blocks shared by the seed presets. Every value here that a preset
 * uses for a field its policy text is silent on must be listed in that
 * preset's `assumptions`, so the merchant UI flags it for review.
 */
import type { PolicyInput } from "../schema";

type Input = PolicyInput;
type FaultClaimInput = Input["claims"]["DEFECTIVE"];

/** US federal holidays (5 U.S.C. 6103), the usual reading of "public holidays" for a US store. */
export const US_FEDERAL_HOLIDAY_RULES: NonNullable<Input["calendar"]["holidayRules"]> = [
  { type: "fixed", name: "New Year's Day", month: 1, day: 1, observed: "nearest-weekday" },
  { type: "nth-weekday", name: "Birthday of Martin Luther King, Jr.", month: 1, weekday: 1, n: 3 },
  { type: "nth-weekday", name: "Washington's Birthday", month: 2, weekday: 1, n: 3 },
  { type: "nth-weekday", name: "Memorial Day", month: 5, weekday: 1, n: -1 },
  { type: "fixed", name: "Juneteenth National Independence Day", month: 6, day: 19, observed: "nearest-weekday" },
  { type: "fixed", name: "Independence Day", month: 7, day: 4, observed: "nearest-weekday" },
  { type: "nth-weekday", name: "Labor Day", month: 9, weekday: 1, n: 1 },
  { type: "nth-weekday", name: "Columbus Day", month: 10, weekday: 1, n: 2 },
  { type: "fixed", name: "Veterans Day", month: 11, day: 11, observed: "nearest-weekday" },
  { type: "nth-weekday", name: "Thanksgiving Day", month: 11, weekday: 4, n: 4 },
  { type: "fixed", name: "Christmas Day", month: 12, day: 25, observed: "nearest-weekday" },
];

/** Monday–Friday, US federal holidays off, every hour of a business day counts. */
export function usCalendar(): Input["calendar"] {
  return { weekendDays: [6, 7], holidays: [], holidayRules: US_FEDERAL_HOLIDAY_RULES, businessHours: { start: "00:00", end: "24:00" } };
}

export const CALENDAR_ASSUMPTIONS = {
  weekend: { path: "calendar.weekendDays", note: "Saturday and Sunday are assumed to be non-business days; the policy does not list its working days." },
  holidays: { path: "calendar.holidayRules", note: "\"Holidays\" are assumed to be the US federal holidays, observed on the nearest weekday; the policy does not list them." },
  hours: {
    path: "calendar.businessHours",
    note: "Every hour of a business day is assumed to count (00:00–24:00), so 24 business hours = one business day; the policy states no opening hours.",
  },
} as const;

export const GIFT_CARD_EXCLUSION: NonNullable<Input["exclusions"]>[number] = {
  id: "gift-card",
  title: "Gift cards",
  match: [{ by: "giftCard" }],
  code: "EXCLUDED",
  reason: "Gift cards can't be returned or refunded.",
  appliesTo: ["RETURN", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"],
};
export const GIFT_CARD_ASSUMPTION = {
  path: "exclusions.gift-card",
  note: "Gift cards are assumed non-returnable for every claim type (Shopify cannot take a gift card back through a return); the policy does not mention them.",
} as const;

/** Usual conditions when a policy says nothing about them: unused items (opened or not) in full; used or damaged items not accepted. */
export const DEFAULT_CONDITIONS: Input["conditions"] = {
  UNOPENED: { accepted: true, refundPercent: 100 },
  OPENED: { accepted: true, refundPercent: 100 },
  USED: { accepted: false },
  DAMAGED: { accepted: false },
};
export const DEFAULT_CONDITIONS_ASSUMPTION = {
  path: "conditions",
  note: "The policy states no item-condition rules: unopened and opened (unused) items are assumed refundable in full, used or damaged items not accepted.",
} as const;

/** A merchant-fault claim the merchant pays for in full. */
export function merchantFaultClaim(reportWindowDays: number, overrides: Partial<FaultClaimInput> = {}): FaultClaimInput {
  return {
    offered: true,
    reportWindowDays,
    evidence: { required: false, kinds: ["photo", "video"], onMissing: "REJECT" },
    refundPercent: 100,
    deductOriginalShipping: false,
    returnShippingPaidBy: "MERCHANT",
    itemMustBeReturned: true,
    deductLabelCostIfNoFault: false,
    onlyListedItems: false,
    ...overrides,
  };
}

export const DEFAULT_RMA: Input["rma"] = { required: true, prefix: "RMA-", minDigits: 4, issuedWithin: null };
/** A change-of-mind return: the customer pays the label and the original shipping stays theirs. */
export const CUSTOMER_PAID_RETURN: Input["claims"]["RETURN"] = { offered: true, deductOriginalShipping: false, returnShippingPaidBy: "CUSTOMER" };

/** One fault track for every fault claim type; a missing item has nothing to send back. */
export function faultTrack(claim: FaultClaimInput) {
  return { DEFECTIVE: claim, DAMAGED_IN_TRANSIT: claim, WRONG_ITEM: claim, MISSING_ITEM: { ...claim, itemMustBeReturned: false } };
}

export const NO_INSPECTION_TIME_ASSUMPTION = { path: "inspection.within", note: "The policy states no inspection time." } as const;
export const ORIGINAL_PAYMENT_METHOD_ASSUMPTION = { path: "refund.method", note: "Refunds are assumed to go to the original payment method." } as const;
export const REJECTED_ITEMS_SENT_BACK_ASSUMPTION = {
  path: "rejectedItems",
  note: "The policy does not say what happens to rejected items; they are assumed to be sent back at the customer's cost.",
} as const;

export const RMA_FORMAT_ASSUMPTION = { path: "rma.prefix", note: "RMA numbers are assumed to look like RMA-1042; the policy states no format." } as const;
