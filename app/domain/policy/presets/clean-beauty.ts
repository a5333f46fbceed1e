/** Clean Beauty — seeds/clean-beauty-customer-service-policy.txt. */
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
  REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
  faultTrack,
} from "./shared";

// "For issues caused by our mistakes (e.g., wrong delivery, product quality problems), we will take full responsibility
//  and provide a satisfactory solution free of charge."
// "Detailed description of your issue ... and screenshots (if applicable)." → evidence helps but is not required.
const ourMistake = merchantFaultClaim(60);

export const cleanBeauty: PolicyInput = {
  schemaVersion: 1,
  id: "clean-beauty",
  name: "Clean Beauty",
  locale: "en",
  source: "seeds/clean-beauty-customer-service-policy.txt",
  timeZone: "America/New_York",
  calendar: usCalendar(),
  // "addressing issues related to the 60-day return policy and 5-10 day refund processing cycle"
  returnWindow: { days: 60, countFrom: "DELIVERY", assumedTransitDays: 7 },
  conditions: DEFAULT_CONDITIONS,
  exclusions: [GIFT_CARD_EXCLUSION],
  originalShipping: { mode: "NOT_DEDUCTED" },
  returnShipping: { customerLabelFee: null, labelCost: { mode: "ACTUAL" } },
  claims: { RETURN: CUSTOMER_PAID_RETURN, ...faultTrack(ourMistake) },
  partialRefunds: { allowed: false, minPercent: 0, maxPercent: 100, reasonRequired: true },
  rma: DEFAULT_RMA,
  inspection: { within: null },
  // "5-10 day refund processing cycle"
  refund: { method: "ORIGINAL_PAYMENT", processingTime: { min: 5, max: 10, unit: "BUSINESS_DAYS" } },
  rejectedItems: { disposition: "RETURN_TO_CUSTOMER", returnIfCustomerPaysShipping: true },
  // "execute it with your confirmation (e.g., initiating a refund, arranging re-delivery, providing product guidance)"
  exchanges: {
    replacementFor: ["DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"],
    differentItem: "RETURN_AND_REORDER",
    replacementShippingPaidBy: "MERCHANT",
    replacementShipsWithin: null,
  },
  returnToSender: null,
  subscriptions: null,
  service: {
    // "send a confirmation response within 2-3 business days"
    firstReply: { min: 2, max: 3, unit: "BUSINESS_DAYS" },
    // "For general inquiries (e.g., product information, order status), we will resolve and reply completely within 3-5 business days."
    resolution: { min: 3, max: 5, unit: "BUSINESS_DAYS" },
    // "For complex issues (e.g., return refund disputes, payment failures), we will keep you updated on the progress every 3 business days"
    updateCadence: { min: null, max: 3, unit: "BUSINESS_DAYS" },
    escalationDecision: null,
    // "The official and exclusive way to contact our customer service team is through the official form on the "Contact Us" page"
    channels: [{ kind: "CONTACT_FORM", address: "the \"Contact Us\" page of the website", firstReply: { min: 2, max: 3, unit: "BUSINESS_DAYS" } }],
  },
  assumptions: [
    { path: "timeZone", note: "The policy names no location; America/New_York is assumed." },
    CALENDAR_ASSUMPTIONS.weekend,
    CALENDAR_ASSUMPTIONS.holidays,
    CALENDAR_ASSUMPTIONS.hours,
    { path: "returnWindow.countFrom", note: "The \"60-day return policy\" is assumed to count from delivery." },
    { path: "returnWindow.assumedTransitDays", note: "Without a delivery date, delivery is assumed 7 days after shipment; the policy states no delivery time." },
    DEFAULT_CONDITIONS_ASSUMPTION,
    GIFT_CARD_ASSUMPTION,
    { path: "originalShipping", note: "The policy does not say whether original shipping is refunded; it is assumed not to be deducted." },
    { path: "claims.RETURN.returnShippingPaidBy", note: "Who pays to send back a change-of-mind return is not stated; the customer is assumed to pay." },
    { path: "claims.DEFECTIVE.reportWindowDays", note: "No separate deadline for quality problems is stated; the 60-day return window is assumed." },
    { path: "claims.WRONG_ITEM.reportWindowDays", note: "No separate deadline for wrong deliveries is stated; the 60-day return window is assumed." },
    { path: "claims.DAMAGED_IN_TRANSIT", note: "Transit damage is assumed to be \"our mistake\": 60 days, full refund, free return." },
    { path: "claims.MISSING_ITEM", note: "Missing items are assumed to be \"our mistake\": 60 days, full refund, nothing to return." },
    { path: "partialRefunds.allowed", note: "The policy does not mention partial refunds; none are assumed." },
    RMA_FORMAT_ASSUMPTION,
    NO_INSPECTION_TIME_ASSUMPTION,
    { path: "refund.method", note: "Refunds are assumed to go to the original payment method (USD settlement)." },
    { path: "refund.processingTime.unit", note: "The \"5-10 day refund processing cycle\" is assumed to be business days." },
    REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
    { path: "exchanges.differentItem", note: "Exchanges for a different item are assumed to be a return plus a new order." },
    { path: "service.escalationDecision", note: "The policy describes no escalation deadline." },
  ],
};
