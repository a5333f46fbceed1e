/**
 * Purtly — seeds/purtly-refund-policy.txt. Quoted sentences are the source of each field;
 * fields the text is silent on are listed in `assumptions`.
 */
import type { PolicyInput } from "../schema";
import { CALENDAR_ASSUMPTIONS, DEFAULT_RMA, GIFT_CARD_ASSUMPTION, GIFT_CARD_EXCLUSION, RMA_FORMAT_ASSUMPTION, usCalendar } from "./shared";

// "If your items are defective ... in order for us to issue you a 100% refund + a prepaid shipping label,
//  you must send us a photo/video of the defect. If you refuse ... we cannot issue you a return label and
//  your refund will be subjected to the values below"
// "Please note that if the product is deemed to be working properly ... the cost attributed to the return
//  label will be deducted from your refund."
// "If you receive a refund, the cost of the original shipping ... will be deducted from your refund." (every refund)
const faultWithPhoto: PolicyInput["claims"]["DEFECTIVE"] = {
  offered: true,
  reportWindowDays: 30,
  evidence: { required: true, kinds: ["photo", "video"], onMissing: "TREAT_AS_RETURN" },
  refundPercent: 100,
  deductOriginalShipping: true,
  returnShippingPaidBy: "MERCHANT",
  itemMustBeReturned: true,
  deductLabelCostIfNoFault: true,
  onlyListedItems: false,
};

export const purtly: PolicyInput = {
  schemaVersion: 1,
  id: "purtly",
  name: "Purtly",
  locale: "en",
  source: "seeds/purtly-refund-policy.txt",
  timeZone: "America/New_York",
  calendar: usCalendar(),
  // "Refunds will be accepted within 30 days of delivery."
  returnWindow: { days: 30, countFrom: "DELIVERY", assumedTransitDays: 7 },
  conditions: {
    // "The items that were returned with unopened boxes will be refunded 100% of the amount."
    UNOPENED: { accepted: true, refundPercent: 100 },
    // "The items that were returned with opened boxes (regardless of whether the product was used or not) will be refunded 85%"
    OPENED: { accepted: true, refundPercent: 85 },
    USED: { accepted: true, refundPercent: 85 },
    // "Any item not in its original condition is damaged ... only partial refunds are granted or also the refund can be rejected"
    DAMAGED: { accepted: false },
  },
  exclusions: [
    // "Cancelling your membership ... does not refund your purchase, except for the first subscription period,
    //  which you may email customer support to have refunded."
    {
      id: "subscription",
      title: "Subscriptions and memberships",
      match: [{ by: "sellingPlan" }],
      code: "EXCLUDED",
      reason: "Subscriptions and rewards memberships aren't refunded through returns; email hello@purtly.com to have your first subscription period refunded.",
      appliesTo: ["RETURN", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"],
    },
    GIFT_CARD_EXCLUSION,
  ],
  // "Shipping costs are non-refundable. If you receive a refund, the cost of the original shipping ... will be deducted from your refund."
  originalShipping: { mode: "ORDER_SHIPPING_CHARGE" },
  returnShipping: {
    // "You will be responsible for paying for your own shipping costs for returning your item."
    customerLabelFee: null,
    // "the cost attributed to the return label will be deducted from your refund"
    labelCost: { mode: "ACTUAL" },
  },
  claims: {
    RETURN: { offered: true, deductOriginalShipping: true, returnShippingPaidBy: "CUSTOMER" },
    DEFECTIVE: faultWithPhoto,
    // "We will ONLY be handing the return shipping costs if the item arrived damaged or was damaged during transit
    //  and is now defective AND you send us a photo/video of the damage."
    DAMAGED_IN_TRANSIT: faultWithPhoto,
    WRONG_ITEM: faultWithPhoto,
    // "Refunds will not be accepted if the reason is a ''missing item'' that is not listed as included in the purchase."
    MISSING_ITEM: {
      offered: true,
      reportWindowDays: 30,
      evidence: { required: false, kinds: ["photo", "video"], onMissing: "REJECT" },
      refundPercent: 100,
      deductOriginalShipping: true,
      returnShippingPaidBy: "MERCHANT",
      itemMustBeReturned: false,
      deductLabelCostIfNoFault: false,
      onlyListedItems: true,
    },
  },
  // "There are certain situations only partial refunds are granted or also the refund can be rejected"
  partialRefunds: { allowed: true, minPercent: 0, maxPercent: 100, reasonRequired: true },
  rma: DEFAULT_RMA,
  // "This process can take up to 7 business days after the product arrives back."
  inspection: { within: { min: null, max: 7, unit: "BUSINESS_DAYS" } },
  // "a credit will automatically be applied to your credit card or original method of payment. A transaction will
  //  appear on your original payment method within 3-5 business days"
  refund: { method: "ORIGINAL_PAYMENT", processingTime: { min: 3, max: 5, unit: "BUSINESS_DAYS" } },
  // "Any products rejected will be discarded unless the customer pays the shipping fee to receive them back."
  rejectedItems: { disposition: "DISCARD", returnIfCustomerPaysShipping: true },
  // "We only replace items that are defective or damaged."
  exchanges: { replacementFor: ["DEFECTIVE", "DAMAGED_IN_TRANSIT"], differentItem: "NOT_OFFERED", replacementShippingPaidBy: "MERCHANT", replacementShipsWithin: null },
  // "Replacement: ... the customer will receive an invoice with an additional shipping fee. Refund: ... the cost of the
  //  return shipping fee will be deducted from the refund." / "If the customer refused to receive the product ... the cost
  //  of the original shipping ... will be deducted from your refund."
  returnToSender: {
    incorrectAddress: { reshipInvoiced: true, refundDeducts: "RETURN_SHIPPING" },
    refusedDelivery: { refundDeducts: "ORIGINAL_SHIPPING" },
  },
  // "You may cancel your subscription at any time ... Cancelling your membership cancels your rewards for the following
  //  subscription period, it does not refund your purchase, except for the first subscription period"
  subscriptions: { cancelAnytime: true, endsAtPeriodEnd: true, partialPeriodRefund: false, firstPeriodRefundable: true },
  service: {
    firstReply: null,
    resolution: null,
    updateCadence: null,
    escalationDecision: null,
    channels: [{ kind: "EMAIL", address: "hello@purtly.com", firstReply: null }],
  },
  assumptions: [
    { path: "timeZone", note: "The policy names no location; America/New_York is assumed." },
    CALENDAR_ASSUMPTIONS.weekend,
    CALENDAR_ASSUMPTIONS.holidays,
    CALENDAR_ASSUMPTIONS.hours,
    { path: "returnWindow.assumedTransitDays", note: "Without a delivery date, delivery is assumed 7 days after shipment; the policy states no delivery time." },
    GIFT_CARD_ASSUMPTION,
    {
      path: "claims.WRONG_ITEM",
      note: "The policy does not mention wrong items; they are handled like damaged items (photo/video for a full refund and prepaid label, otherwise a regular return).",
    },
    { path: "claims.MISSING_ITEM.reportWindowDays", note: "Missing-item claims are assumed to share the 30-day warranty period." },
    { path: "claims.MISSING_ITEM.evidence", note: "No evidence is assumed for a missing item (there is nothing to photograph)." },
    { path: "partialRefunds.minPercent", note: "The policy sets no bounds for partial refunds; 0–100% is assumed." },
    { path: "partialRefunds.maxPercent", note: "The policy sets no bounds for partial refunds; 0–100% is assumed." },
    RMA_FORMAT_ASSUMPTION,
    { path: "exchanges.replacementShippingPaidBy", note: "Replacements of defective or damaged items are assumed to ship at Purtly's cost." },
    { path: "service.firstReply", note: "The policy commits to no reply time." },
    { path: "service.resolution", note: "The policy commits to no resolution time." },
    { path: "service.updateCadence", note: "The policy commits to no update cadence." },
    { path: "service.escalationDecision", note: "The policy describes no escalation." },
  ],
};
