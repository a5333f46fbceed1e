/**
 * Pura — seeds/pura-customer-service-policy.txt (San Francisco). A customer-service policy that
 * refers to a Refund Policy we were not given, so the change-of-mind rules are assumptions.
 */
import type { PolicyInput } from "../schema";
import {
  CALENDAR_ASSUMPTIONS,
  DEFAULT_CONDITIONS,
  DEFAULT_CONDITIONS_ASSUMPTION,
  GIFT_CARD_ASSUMPTION,
  GIFT_CARD_EXCLUSION,
  RMA_FORMAT_ASSUMPTION,
  merchantFaultClaim,
  usCalendar,
  CUSTOMER_PAID_RETURN,
  NO_INSPECTION_TIME_ASSUMPTION,
  ORIGINAL_PAYMENT_METHOD_ASSUMPTION,
  REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
} from "./shared";

// "If your diffuser malfunctions or fragrance refills arrive damaged, contact us within 7 days of delivery (and include
//  photos of the issue). We will arrange free replacements (shipped within 1-3 business days) or full refunds"
const withPhotos = merchantFaultClaim(7, { evidence: { required: true, kinds: ["photo"], onMissing: "REJECT" } });

export const pura: PolicyInput = {
  schemaVersion: 1,
  id: "pura",
  name: "Pura",
  locale: "en",
  source: "seeds/pura-customer-service-policy.txt",
  // "431 Diamond Street, San Francisco, California 94114, United States"
  timeZone: "America/Los_Angeles",
  // "within 24-48 business hours (excluding weekends and public holidays)"
  calendar: usCalendar(),
  returnWindow: { days: 30, countFrom: "DELIVERY", assumedTransitDays: 7 },
  conditions: DEFAULT_CONDITIONS,
  exclusions: [GIFT_CARD_EXCLUSION],
  originalShipping: { mode: "NOT_DEDUCTED" },
  returnShipping: { customerLabelFee: null, labelCost: { mode: "ACTUAL" } },
  claims: {
    RETURN: CUSTOMER_PAID_RETURN,
    DEFECTIVE: withPhotos,
    DAMAGED_IN_TRANSIT: withPhotos,
    WRONG_ITEM: withPhotos,
    // "For urgent matters (e.g., missing orders, defective products)" / "For delayed, lost, or damaged packages ... arrange
    //  replacements (if applicable), or process refunds"
    MISSING_ITEM: merchantFaultClaim(7, { itemMustBeReturned: false }),
  },
  partialRefunds: { allowed: false, minPercent: 0, maxPercent: 100, reasonRequired: true },
  // "If you do not receive an RMA number within 48 hours of requesting a return, follow up via email—we will issue the number"
  rma: { required: true, prefix: "RMA-", minDigits: 4, issuedWithin: { min: null, max: 48, unit: "HOURS" } },
  inspection: { within: null },
  // "when you can expect your refund (typically 5-10 business days after approval)"
  refund: { method: "ORIGINAL_PAYMENT", processingTime: { min: 5, max: 10, unit: "BUSINESS_DAYS" } },
  rejectedItems: { disposition: "RETURN_TO_CUSTOMER", returnIfCustomerPaysShipping: true },
  // "We will arrange free replacements (shipped within 1-3 business days)"
  exchanges: {
    replacementFor: ["DEFECTIVE", "DAMAGED_IN_TRANSIT", "MISSING_ITEM"],
    differentItem: "RETURN_AND_REORDER",
    replacementShippingPaidBy: "MERCHANT",
    replacementShipsWithin: { min: 1, max: 3, unit: "BUSINESS_DAYS" },
  },
  returnToSender: null,
  // "Cancel your subscription at any time ... Cancellations apply after the current billing cycle—no partial refunds are provided"
  subscriptions: { cancelAnytime: true, endsAtPeriodEnd: true, partialPeriodRefund: false, firstPeriodRefundable: false },
  service: {
    // "We aim to reply to all emails within 24-48 business hours (excluding weekends and public holidays)."
    firstReply: { min: 24, max: 48, unit: "BUSINESS_HOURS" },
    resolution: null,
    // "we assign a unique case number and provide weekly updates until the matter is resolved"
    updateCadence: { min: null, max: 7, unit: "CALENDAR_DAYS" },
    // "We will review the issue thoroughly and provide a final decision within 3 business days."
    escalationDecision: { min: null, max: 3, unit: "BUSINESS_DAYS" },
    channels: [
      { kind: "EMAIL", address: "service@puraoutlet.com", firstReply: { min: 24, max: 48, unit: "BUSINESS_HOURS" } },
      // "We process mail within 3-5 business days of receipt"
      { kind: "MAIL", address: "431 Diamond Street, San Francisco, California 94114, United States", firstReply: { min: 3, max: 5, unit: "BUSINESS_DAYS" } },
      { kind: "SELF_SERVICE", address: "puraoutlet.com", firstReply: null },
      { kind: "IN_PERSON", address: "our San Francisco headquarters (book via service@puraoutlet.com)", firstReply: null },
    ],
  },
  assumptions: [
    { path: "calendar.holidayRules", note: CALENDAR_ASSUMPTIONS.holidays.note },
    { path: "calendar.businessHours", note: "\"Business hours (excluding weekends and public holidays)\" are read as every hour of a business day (00:00–24:00), so 48 business hours = 2 business days." },
    { path: "returnWindow.days", note: "The return window is in the Refund Policy, which was not provided; 30 days from delivery is assumed." },
    { path: "returnWindow.assumedTransitDays", note: "Without a delivery date, delivery is assumed 7 days after shipment; the policy states no delivery time." },
    DEFAULT_CONDITIONS_ASSUMPTION,
    GIFT_CARD_ASSUMPTION,
    { path: "originalShipping", note: "The policy does not say whether original shipping is refunded; it is assumed not to be deducted." },
    { path: "claims.RETURN", note: "Change-of-mind returns are governed by the Refund Policy, which was not provided; the customer is assumed to pay return shipping." },
    { path: "claims.DEFECTIVE.evidence.onMissing", note: "\"Include photos\" is read as required: a defect claim without a photo is not accepted until one is added." },
    { path: "claims.DEFECTIVE.returnShippingPaidBy", note: "\"Free replacements ... or full refunds\" is read as the store paying return shipping." },
    { path: "claims.DAMAGED_IN_TRANSIT.returnShippingPaidBy", note: "The store is assumed to pay return shipping for items that arrive damaged." },
    { path: "claims.WRONG_ITEM", note: "Wrong items are not mentioned; they are handled like defective products (7 days, photos, full refund)." },
    { path: "claims.MISSING_ITEM.reportWindowDays", note: "Missing orders are urgent but no deadline is stated; the 7-day defect window is assumed." },
    { path: "partialRefunds.allowed", note: "The policy does not mention partial refunds of returns; none are assumed." },
    RMA_FORMAT_ASSUMPTION,
    NO_INSPECTION_TIME_ASSUMPTION,
    ORIGINAL_PAYMENT_METHOD_ASSUMPTION,
    REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
    { path: "exchanges.differentItem", note: "Exchanges for a different item are assumed to be a return plus a new order." },
    { path: "subscriptions.firstPeriodRefundable", note: "No first-period refund is mentioned; none is assumed." },
    { path: "service.resolution", note: "The policy commits to no overall resolution time." },
  ],
};
