/** Soulmate Spark Studio — seeds/soulmate-spark-studio-refund-policy.txt (Quincy, MA). */
import type { PolicyInput } from "../schema";
import { CALENDAR_ASSUMPTIONS, GIFT_CARD_ASSUMPTION, GIFT_CARD_EXCLUSION, RMA_FORMAT_ASSUMPTION, merchantFaultClaim, usCalendar, CUSTOMER_PAID_RETURN, REJECTED_ITEMS_SENT_BACK_ASSUMPTION, faultTrack } from "./shared";

// "If you receive a damaged or defective product, please contact our customer service team within 7 days of delivery.
//  Provide clear details and, if possible, attach photos of the damage or defect."
// "We will either offer a full refund, a replacement product, or a partial refund"
const faultClaim = merchantFaultClaim(7, { evidence: { required: false, kinds: ["photo", "video"], onMissing: "REJECT" } });

export const soulmateSparkStudio: PolicyInput = {
  schemaVersion: 1,
  id: "soulmate-spark-studio",
  name: "Soulmate Spark Studio",
  locale: "en",
  source: "seeds/soulmate-spark-studio-refund-policy.txt",
  // "Soulmate Spark Studio, 2001 Pearlman Avenue, Quincy, MA 02169"
  timeZone: "America/New_York",
  calendar: usCalendar(),
  // "You have 14 days from the date of delivery to initiate a return. The countdown begins on the day you officially receive the package."
  returnWindow: { days: 14, countFrom: "DELIVERY", assumedTransitDays: 7 },
  // "the product must be in its original condition, unused, unopened, and with all original tags, packaging, and accessories intact"
  conditions: {
    UNOPENED: { accepted: true, refundPercent: 100 },
    OPENED: { accepted: false },
    USED: { accepted: false },
    DAMAGED: { accepted: false },
  },
  exclusions: [
    // "certain personal hygiene products, such as items that come into direct contact with the body and cannot be properly
    //  sanitized after use, are not eligible for return"
    {
      id: "hygiene",
      title: "Personal hygiene products",
      match: [{ by: "productTag", values: ["hygiene"] }],
      code: "EXCLUDED",
      reason: "For health and safety reasons, personal hygiene products can't be returned.",
      appliesTo: ["RETURN"],
    },
    // "Products customized according to your specific requirements, like a fun collar with engraved text or a unique design, are non – returnable."
    {
      id: "personalized",
      title: "Customized or personalized items",
      match: [
        { by: "productTag", values: ["personalized"] },
        { by: "lineItemPropertyKey", contains: ["engrav", "personali"] },
      ],
      code: "EXCLUDED",
      reason: "Customized or personalized items are made just for you, so they can't be returned.",
      appliesTo: ["RETURN"],
    },
    GIFT_CARD_EXCLUSION,
  ],
  originalShipping: { mode: "NOT_DEDUCTED" },
  // "You are responsible for the cost of returning the product to us. We recommend using a trackable shipping method"
  returnShipping: { customerLabelFee: null, labelCost: { mode: "ACTUAL" } },
  claims: { RETURN: CUSTOMER_PAID_RETURN, ...faultTrack(faultClaim) },
  // "if the product shows signs of use or damage that do not meet our return criteria, we may offer a partial refund.
  //  This decision will be based on the extent of the damage and its impact on the item's resale value."
  partialRefunds: { allowed: true, minPercent: 0, maxPercent: 100, reasonRequired: true },
  // "if it meets our return criteria, we will issue you a Return Merchandise Authorization (RMA) number."
  rma: { required: true, prefix: "RMA-", minDigits: 4, issuedWithin: null },
  // "This inspection may take 3 – 5 business days."
  inspection: { within: { min: 3, max: 5, unit: "BUSINESS_DAYS" } },
  // "The refund will be issued to the original payment method ... it typically takes 3 – 7 business days."
  refund: { method: "ORIGINAL_PAYMENT", processingTime: { min: 3, max: 7, unit: "BUSINESS_DAYS" } },
  rejectedItems: { disposition: "RETURN_TO_CUSTOMER", returnIfCustomerPaysShipping: true },
  // "please follow the same return process as above. Once we receive and process your return, you can place a new order"
  // "If a replacement is sent, we will cover the cost of shipping for the replacement item."
  exchanges: { replacementFor: ["DEFECTIVE", "DAMAGED_IN_TRANSIT"], differentItem: "RETURN_AND_REORDER", replacementShippingPaidBy: "MERCHANT", replacementShipsWithin: null },
  returnToSender: null,
  subscriptions: null,
  service: {
    firstReply: null,
    resolution: null,
    updateCadence: null,
    escalationDecision: null,
    channels: [
      { kind: "EMAIL", address: "AgustinBMacklin@armyspy.com", firstReply: null },
      { kind: "PHONE", address: "978-246-7131", firstReply: null },
      { kind: "MAIL", address: "Soulmate Spark Studio, 2001 Pearlman Avenue, Quincy, MA 02169", firstReply: null },
    ],
  },
  assumptions: [
    CALENDAR_ASSUMPTIONS.weekend,
    CALENDAR_ASSUMPTIONS.holidays,
    CALENDAR_ASSUMPTIONS.hours,
    { path: "returnWindow.assumedTransitDays", note: "Without a delivery date, delivery is assumed 7 days after shipment; the policy states no delivery time." },
    {
      path: "exclusions.hygiene.appliesTo",
      note: "The hygiene exception is read as applying to change-of-mind returns; damaged or defective hygiene products can still be reported under section 6.",
    },
    {
      path: "exclusions.personalized.appliesTo",
      note: "The personalization exception is read as applying to change-of-mind returns; damaged or defective personalized items can still be reported under section 6.",
    },
    GIFT_CARD_ASSUMPTION,
    { path: "originalShipping", note: "The policy does not say whether original shipping is refunded; it is assumed not to be deducted." },
    { path: "claims.RETURN.deductOriginalShipping", note: "Original shipping is assumed not to be deducted." },
    { path: "claims.DEFECTIVE.returnShippingPaidBy", note: "The policy does not say who pays to send back a defective item; the store is assumed to pay." },
    { path: "claims.DAMAGED_IN_TRANSIT.returnShippingPaidBy", note: "The store is assumed to pay return shipping for items that arrive damaged." },
    { path: "claims.WRONG_ITEM", note: "Wrong items are not mentioned; they are handled like damaged or defective products (report within 7 days, full refund)." },
    { path: "claims.MISSING_ITEM", note: "Missing items are not mentioned; they are handled like damaged or defective products (report within 7 days, full refund)." },
    { path: "partialRefunds.minPercent", note: "The policy sets no bounds for partial refunds; 0–100% is assumed." },
    { path: "partialRefunds.maxPercent", note: "The policy sets no bounds for partial refunds; 0–100% is assumed." },
    RMA_FORMAT_ASSUMPTION,
    REJECTED_ITEMS_SENT_BACK_ASSUMPTION,
    { path: "service.firstReply", note: "The policy commits to no reply time." },
    { path: "service.resolution", note: "The policy commits to no resolution time." },
    { path: "service.updateCadence", note: "The policy commits to no update cadence." },
    { path: "service.escalationDecision", note: "The policy describes no escalation." },
  ],
};
