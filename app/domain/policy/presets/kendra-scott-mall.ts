/**
 * Kendra Scott Mall — seeds/kendra-scott-mall-customer-service-policy.txt. A customer-service
 * policy that refers to a Refund Policy we were not given, so many return fields are assumptions.
 */
import type { PolicyInput } from "../schema";
import {
  CALENDAR_ASSUMPTIONS,
  DEFAULT_CONDITIONS,
  DEFAULT_CONDITIONS_ASSUMPTION,
  DEFAULT_RMA,
  GIFT_CARD_ASSUMPTION,
  GIFT_CARD_EXCLUSION,
  RMA_FORMAT_ASSUMPTION,
  merchantFaultClaim,
  usCalendar,
  CUSTOMER_PAID_RETURN,
  NO_INSPECTION_TIME_ASSUMPTION,
  ORIGINAL_PAYMENT_METHOD_ASSUMPTION,
  REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
  faultTrack,
} from "./shared";

// "For urgent matters—such as missing shipments or defective items reported within the 7-day window (per our Refund Policy)"
// "for post-purchase issues, attach photos (e.g., of damaged items) when possible"
// "reimbursing return shipping costs (for eligible cases like defective items)"
const faultClaim = merchantFaultClaim(7);

export const kendraScottMall: PolicyInput = {
  schemaVersion: 1,
  id: "kendra-scott-mall",
  name: "Kendra Scott Mall",
  locale: "en",
  source: "seeds/kendra-scott-mall-customer-service-policy.txt",
  timeZone: "America/New_York",
  // "We aim to respond to all inquiries within 1-2 business days (excluding weekends and holidays)."
  calendar: usCalendar(),
  // "we explicitly communicate our 1-3 day order processing, 6-12 day delivery" → 12 days of transit when no delivery date.
  returnWindow: { days: 30, countFrom: "DELIVERY", assumedTransitDays: 12 },
  conditions: DEFAULT_CONDITIONS,
  exclusions: [
    // "For items marked as “Final Sale” (per our Refund Policy), we clearly explain why they are non-refundable"
    {
      id: "final-sale",
      title: "Final-sale items",
      match: [{ by: "productTag", values: ["final-sale"] }],
      code: "FINAL_SALE",
      reason: "Items marked Final Sale can't be returned or refunded.",
      appliesTo: ["RETURN"],
    },
    GIFT_CARD_EXCLUSION,
  ],
  // "free shipping policy"
  originalShipping: { mode: "NOT_DEDUCTED" },
  returnShipping: { customerLabelFee: null, labelCost: { mode: "ACTUAL" } },
  // "If an issue arises (e.g., a delayed order, incorrect item), we take responsibility and work proactively to resolve it."
  // "missing shipments ... reported within the 7-day window"
  claims: { RETURN: CUSTOMER_PAID_RETURN, ...faultTrack(faultClaim) },
  partialRefunds: { allowed: false, minPercent: 0, maxPercent: 100, reasonRequired: true },
  rma: DEFAULT_RMA,
  inspection: { within: null },
  // "5-10 day refund timelines"
  refund: { method: "ORIGINAL_PAYMENT", processingTime: { min: 5, max: 10, unit: "BUSINESS_DAYS" } },
  rejectedItems: { disposition: "RETURN_TO_CUSTOMER", returnIfCustomerPaysShipping: true },
  // "assistance with defective or damaged items, and support for replacement requests" / "expediting a replacement"
  exchanges: {
    replacementFor: ["DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM"],
    differentItem: "RETURN_AND_REORDER",
    replacementShippingPaidBy: "MERCHANT",
    replacementShipsWithin: null,
  },
  returnToSender: null,
  subscriptions: null,
  service: {
    // "We aim to respond to all inquiries within 1-2 business days (excluding weekends and holidays)."
    firstReply: { min: 1, max: 2, unit: "BUSINESS_DAYS" },
    resolution: null,
    updateCadence: null,
    escalationDecision: null,
    channels: [{ kind: "EMAIL", address: "support@kendrascottmall.com", firstReply: { min: 1, max: 2, unit: "BUSINESS_DAYS" } }],
  },
  assumptions: [
    { path: "timeZone", note: "The policy names no location; America/New_York is assumed." },
    { path: "calendar.holidayRules", note: CALENDAR_ASSUMPTIONS.holidays.note },
    CALENDAR_ASSUMPTIONS.hours,
    { path: "returnWindow.days", note: "The return window is in the Refund Policy, which was not provided; 30 days from delivery is assumed." },
    DEFAULT_CONDITIONS_ASSUMPTION,
    { path: "exclusions.final-sale.appliesTo", note: "Final Sale is read as excluding change-of-mind returns only; a defective, damaged, wrong or missing final-sale item can still be reported." },
    GIFT_CARD_ASSUMPTION,
    { path: "originalShipping", note: "With the store's free-shipping policy, no original shipping is assumed to be deducted." },
    { path: "claims.RETURN", note: "Who pays to send back a change-of-mind return is not stated; the customer is assumed to pay, and no shipping is deducted." },
    { path: "claims.DEFECTIVE.refundPercent", note: "Accepted defect claims are assumed to be refunded in full." },
    { path: "claims.DAMAGED_IN_TRANSIT", note: "Damaged items are assumed to follow the 7-day window and terms of defective items." },
    { path: "claims.WRONG_ITEM.reportWindowDays", note: "Wrong items are assumed to follow the 7-day window of defective items." },
    { path: "claims.MISSING_ITEM.refundPercent", note: "Missing items are assumed to be refunded in full." },
    { path: "partialRefunds.allowed", note: "The policy does not mention partial refunds; none are assumed." },
    RMA_FORMAT_ASSUMPTION,
    NO_INSPECTION_TIME_ASSUMPTION,
    ORIGINAL_PAYMENT_METHOD_ASSUMPTION,
    { path: "refund.processingTime.unit", note: "\"5-10 day refund timelines\" are assumed to be business days." },
    REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
    { path: "exchanges.differentItem", note: "Exchanges for a different item are assumed to be a return plus a new order." },
    { path: "service.resolution", note: "The policy commits to no resolution time." },
    { path: "service.updateCadence", note: "\"Regular updates\" are promised without a cadence." },
    { path: "service.escalationDecision", note: "The policy describes no escalation." },
  ],
};
