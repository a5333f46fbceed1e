/** English catalog. Sentences are deliberately plain: they are read by shoppers. */
import { formatDayLongEn } from "../../calendar/civil";
import { formatBasisPoints } from "../../money/money";
import type { ClaimType, Condition, Duration, FaultClaimRule } from "../schema";
import type { Messages } from "./types";

const CLAIM_NOUN: Readonly<Record<ClaimType, string>> = {
  RETURN: "change-of-mind returns",
  DEFECTIVE: "defective items",
  DAMAGED_IN_TRANSIT: "items damaged in transit",
  WRONG_ITEM: "wrong items sent to you",
  MISSING_ITEM: "missing items",
};

const CLAIM_TITLE: Readonly<Record<ClaimType, string>> = {
  RETURN: "Change-of-mind returns",
  DEFECTIVE: "Defective items",
  DAMAGED_IN_TRANSIT: "Items damaged in transit",
  WRONG_ITEM: "Wrong item received",
  MISSING_ITEM: "Missing items",
};

const CONDITION_ADJ: Readonly<Record<Condition, string>> = {
  UNOPENED: "Unopened",
  OPENED: "Opened",
  USED: "Used",
  DAMAGED: "Damaged",
};

const UNIT: Readonly<Record<Duration["unit"], [string, string]>> = {
  HOURS: ["hour", "hours"],
  BUSINESS_HOURS: ["business hour", "business hours"],
  CALENDAR_DAYS: ["day", "days"],
  BUSINESS_DAYS: ["business day", "business days"],
};

function capitalize(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function pct(bp: number): string {
  return `${formatBasisPoints(bp)}%`;
}

function money(amount: string, currencyCode: string): string {
  return `${amount} ${currencyCode}`;
}

function duration(d: Duration): string {
  const [one, many] = UNIT[d.unit];
  if (d.min !== null && d.min !== d.max) return `${d.min}–${d.max} ${many}`;
  return `${d.max} ${d.max === 1 ? one : many}`;
}

function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

function evidenceWords(kinds: readonly string[]): string {
  return orList(kinds.map((k) => (k === "photo" ? "a photo" : "a video")));
}

function conditionRefundSentence(condition: Condition, bp: number): string {
  const adj = CONDITION_ADJ[condition];
  if (bp === 10_000) return `${adj} items are refunded in full (100% of the price paid).`;
  if (bp === 0) return `${adj} items are accepted back but not refunded.`;
  return `${adj} items are refunded at ${pct(bp)} of the price paid; the remaining ${pct(10_000 - bp)} covers restocking.`;
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

function stripPeriod(s: string): string {
  return s.trim().replace(/[.!]+$/, "");
}

function faultClaimText(claim: ClaimType, rule: FaultClaimRule): string {
  if (!rule.offered) return `We don't accept claims for ${CLAIM_NOUN[claim]}.`;
  const parts: string[] = [];
  parts.push(
    `Tell us about ${CLAIM_NOUN[claim]} within ${days(rule.reportWindowDays)} of delivery; accepted claims are refunded at ${pct(Math.round(rule.refundPercent * 100))} of the price paid.`,
  );
  if (rule.onlyListedItems) parts.push("We only accept these claims for items listed as included in your purchase; every item included is listed in the product description.");
  if (rule.itemMustBeReturned) {
    parts.push(rule.returnShippingPaidBy === "MERCHANT" ? "We pay for return shipping and send you a prepaid label." : "You pay for shipping the item back to us.");
  } else {
    parts.push("There is nothing to send back.");
  }
  if (rule.deductOriginalShipping) parts.push("The original shipping charge is deducted from the refund (see Original shipping).");
  return parts.join(" ");
}

export const en: Messages = {
  locale: "en",
  formatDay: formatDayLongEn,
  formatMoney: money,
  formatPercent: pct,
  formatDuration: duration,

  line: {
    unknownLineItem: () => "This item is not part of this order, so it can't be included in the request.",
    notFulfilled: () => "This item hasn't shipped yet, so there is nothing to return; contact us if you would like to cancel it instead.",
    quantityExceeds: (requested, returnable) =>
      returnable === 0
        ? "Every unit of this item has already been returned or refunded, so none are left to return."
        : `You asked to return ${requested}, but only ${returnable} of this item can still be returned.`,
    claimNotOffered: (claim) => `We don't accept claims for ${CLAIM_NOUN[claim]}.`,
    excluded: (reason) => reason,
    returnWindowExpired: (n, lastDay) => `Returns are accepted within ${days(n)} of delivery, and the window for this item ended on ${formatDayLongEn(lastDay)}.`,
    reportWindowExpired: (claim, n, lastDay) =>
      `${capitalize(CLAIM_NOUN[claim])} must be reported within ${days(n)} of delivery, and the window for this item ended on ${formatDayLongEn(lastDay)}.`,
    evidenceRequired: (claim, kinds) => `Please attach ${evidenceWords(kinds)} showing the problem; claims for ${CLAIM_NOUN[claim]} can't be accepted without one.`,
    conditionNotAccepted: (condition, partialAllowed) =>
      partialAllowed
        ? `${CONDITION_ADJ[condition]} items can't be returned for a full refund; our team may offer a partial refund once the item is inspected.`
        : `${CONDITION_ADJ[condition]} items can't be returned.`,
    conditionRefund: conditionRefundSentence,
    faultRefund: (claim, bp, paidBy, mustReturn, onlyListed) => {
      const what = onlyListed ? `${capitalize(CLAIM_NOUN[claim])} listed as included in your purchase` : capitalize(CLAIM_NOUN[claim]);
      const amount = bp === 10_000 ? "refunded in full" : `refunded at ${pct(bp)} of the price paid`;
      const shipping = !mustReturn ? "" : paidBy === "MERCHANT" ? ", and we cover return shipping with a prepaid label" : ", and you cover return shipping";
      return `${what} reported in time are ${amount}${shipping}.`;
    },
    treatedAsReturn: (_claim, condition, bp) =>
      `Without a photo or video of the problem, this item is handled as a regular return: ${lowerFirst(conditionRefundSentence(condition, bp))}`,
    noFaultFound: (condition, bp) => `Our inspection found no fault, so this item is refunded as a regular return: ${lowerFirst(conditionRefundSentence(condition, bp))}`,
    partialRefund: (bp, reason) =>
      reason.trim().length > 0
        ? `After inspection we are refunding ${pct(bp)} of the price paid for this item (${stripPeriod(reason)}).`
        : `After inspection we are refunding ${pct(bp)} of the price paid for this item.`,
  },

  deduction: {
    originalShipping: (amount, c) => `The original shipping charge of ${money(amount, c)} is not refundable and is deducted once per order.`,
    returnShippingFee: (amount, c) => `The return label fee of ${money(amount, c)} is deducted from your refund.`,
    returnLabel: (amount, c) => `Our inspection found no fault, so the cost of the prepaid return label (${money(amount, c)}) is deducted from your refund.`,
  },

  text: {
    documentTitle: (store) => `Returns and refunds at ${store}`,
    intro: (store, zone) =>
      `This policy explains how ${store} handles returns, refunds and customer service. Every decision we make on a return cites the section below that it follows. Days are counted in the ${zone} time zone.`,
    returnWindow: (n, transit, zone) => ({
      title: "Return window",
      text: `You can return items within ${days(n)} of delivery. The day your order is delivered is day 0, and the window ends at midnight at the end of day ${n} (${zone} time), whatever the time of delivery. If we have no delivery date for a shipment, we count from the day it shipped plus ${days(transit)} for transit.`,
    }),
    claimWindow: (claim, rule) => ({
      title: `Reporting ${CLAIM_NOUN[claim]}`,
      text: rule.offered
        ? `${capitalize(CLAIM_NOUN[claim])} must be reported within ${days(rule.reportWindowDays)} of delivery (the delivery day is day 0; the window ends at midnight at the end of day ${rule.reportWindowDays}).`
        : `We don't accept claims for ${CLAIM_NOUN[claim]}, so there is no reporting window.`,
    }),
    condition: (condition, rule, partialAllowed) => ({
      title: `${CONDITION_ADJ[condition]} items`,
      text: rule.accepted
        ? conditionRefundSentence(condition, Math.round(rule.refundPercent * 100))
        : `${CONDITION_ADJ[condition]} items can't be returned for a refund.${partialAllowed ? " If an item arrives in this condition, we may offer a partial refund after inspection (see Partial refunds)." : ""}`,
    }),
    exclusion: (title, reason, appliesTo) => {
      const all = appliesTo.length === 5;
      const scope = all
        ? "This applies to every kind of return or claim."
        : appliesTo.length === 1 && appliesTo[0] === "RETURN"
          ? "This applies to change-of-mind returns; you can still report these items if they are defective, damaged in transit, wrong or missing."
          : `This applies to ${list(appliesTo.map((c) => CLAIM_NOUN[c]))}.`;
      return { title, text: `${reason} ${scope}` };
    },
    returnClaim: (rule) => ({
      title: CLAIM_TITLE.RETURN,
      text: rule.offered
        ? `If you change your mind, you can return eligible items within the return window; the refund depends on the item's condition (see below). ${rule.returnShippingPaidBy === "CUSTOMER" ? "You pay for return shipping." : "We pay for return shipping."}${rule.deductOriginalShipping ? " The original shipping charge is deducted from the refund (see Original shipping)." : ""}`
        : "We don't accept change-of-mind returns.",
    }),
    faultClaim: (claim, rule) => ({ title: CLAIM_TITLE[claim], text: faultClaimText(claim, rule) }),
    evidence: (claim, rule) => ({
      title: `Evidence for ${CLAIM_NOUN[claim]}`,
      text: !rule.evidence.required
        ? `Photos or videos help us resolve claims for ${CLAIM_NOUN[claim]} faster, but they are not required.`
        : rule.evidence.onMissing === "REJECT"
          ? `Include ${evidenceWords(rule.evidence.kinds)} showing the problem with your claim; we can't accept claims for ${CLAIM_NOUN[claim]} without it.`
          : `Include ${evidenceWords(rule.evidence.kinds)} showing the problem with your claim. Without it we can't issue a prepaid return label, and the item is handled as a regular change-of-mind return, refunded according to its condition.`,
    }),
    originalShipping: (rule, claims) => {
      if (rule.mode === "NOT_DEDUCTED" || claims.length === 0) return { title: "Original shipping", text: "We don't deduct the original shipping charge from refunds." };
      const what = rule.mode === "FIXED" ? `A flat ${money(rule.amount.amount, rule.amount.currencyCode)} for the original shipping` : "The original shipping charge (what you paid to have the order delivered)";
      return {
        title: "Original shipping",
        text: `Shipping costs are non-refundable. ${what} is deducted from refunds for ${list(claims.map((c) => CLAIM_NOUN[c]))}, once per order: if an earlier return on the same order is still active or completed, it is not deducted again.`,
      };
    },
    returnShipping: (customer, merchant, fee) => {
      const parts: string[] = [];
      if (customer.length > 0) {
        parts.push(`You pay for return shipping on ${list(customer.map((c) => CLAIM_NOUN[c]))}.`);
        parts.push(fee === null ? "Use a trackable shipping method; we recommend insuring valuable items." : `If you use our return label, its fee of ${money(fee.amount, fee.currencyCode)} is deducted from your refund.`);
      }
      if (merchant.length > 0) parts.push(`We pay for return shipping on ${list(merchant.map((c) => CLAIM_NOUN[c]))} and send you a prepaid label.`);
      return { title: "Return shipping", text: parts.join(" ") };
    },
    returnLabel: (claims, cost) => ({
      title: "Prepaid labels when no fault is found",
      text:
        claims.length === 0
          ? "We never charge you for a prepaid return label we sent you."
          : `If we send you a prepaid label (for ${list(claims.map((c) => CLAIM_NOUN[c]))}) and our inspection finds the item working properly or as ordered, ${cost.mode === "FIXED" ? `${money(cost.amount.amount, cost.amount.currencyCode)} for the label` : "the cost of the label"} is deducted from your refund, and the item is refunded as a regular return.`,
    }),
    quantity: () => ({
      title: "Quantities",
      text: "You can return up to the number of units delivered to you, less any units already returned (returns that were declined or canceled don't count) or refunded.",
    }),
    fulfillment: () => ({ title: "Items not yet shipped", text: "Items that haven't shipped yet can't be returned; contact us if you'd like to cancel them instead." }),
    lineItem: () => ({ title: "Items on your order", text: "A return request can only include items from the order it is made on." }),
    partialRefund: (rule) => ({
      title: "Partial refunds",
      text: rule.allowed
        ? `When an item comes back used, damaged, incomplete or not in its original packaging for reasons that are not our error, we may offer a partial refund of ${rule.minPercent === rule.maxPercent ? `${rule.maxPercent}%` : `${rule.minPercent}% to ${rule.maxPercent}%`} of the price paid instead of a full one, based on the item's condition and resale value${rule.reasonRequired ? ", and we always tell you why" : ""}.`
        : "We don't offer partial refunds: an item either meets the conditions above or is not refunded.",
    }),
    inspection: (rule) => ({
      title: "Inspection",
      text:
        rule.within === null
          ? "We inspect returned items when they arrive and email you when your refund is approved or rejected."
          : `We inspect returned items within ${duration(rule.within)} of their arrival and email you when your refund is approved or rejected.`,
    }),
    refundMethod: (rule) => ({
      title: "How you are refunded",
      text: `${
        rule.method === "ORIGINAL_PAYMENT"
          ? "Approved refunds go back to your original payment method."
          : rule.method === "STORE_CREDIT"
            ? "Approved refunds are issued as store credit."
            : "Approved refunds go back to your original payment method or, if you prefer, to store credit."
      } Refund amounts are for the merchandise before tax; tax is refunded in proportion by our store platform.`,
    }),
    refundTiming: (rule) => ({
      title: "When the refund arrives",
      text:
        rule.processingTime === null
          ? "Once approved, your refund is processed promptly; the time it takes to appear depends on your bank."
          : `Once approved, the refund typically appears within ${duration(rule.processingTime)}, depending on your bank. If it hasn't arrived after that, check with your bank or card issuer first, then contact us.`,
    }),
    disposition: (rule) => ({
      title: "Rejected items",
      text:
        rule.disposition === "DISCARD"
          ? rule.returnIfCustomerPaysShipping
            ? "Items whose return is rejected are discarded, unless you pay the shipping to have them sent back to you."
            : "Items whose return is rejected are discarded."
          : rule.returnIfCustomerPaysShipping
            ? "Items whose return is rejected are sent back to you at your cost."
            : "Items whose return is rejected are sent back to you.",
    }),
    rma: (rule, example) => ({
      title: "Return authorization (RMA)",
      text: `${rule.required ? "Every accepted return gets a Return Merchandise Authorization (RMA) number" : "Accepted returns get a return number"}, such as ${example}; include it in your messages and on the package.${rule.issuedWithin === null ? "" : ` You should receive it within ${duration(rule.issuedWithin)} of your request; if not, contact us and we will issue it promptly.`}`,
    }),
    exchange: (rule) => {
      const parts: string[] = [];
      if (rule.replacementFor.length > 0) {
        parts.push(
          `We replace ${list(rule.replacementFor.map((c) => CLAIM_NOUN[c]))} with the same item${rule.replacementShippingPaidBy === "MERCHANT" ? " and pay for shipping the replacement" : ""}${rule.replacementShipsWithin === null ? "" : `, shipped within ${duration(rule.replacementShipsWithin)}`}.`,
        );
      }
      parts.push(
        rule.differentItem === "RETURN_AND_REORDER"
          ? "To exchange for a different size, color or style, return the item under this policy and place a new order."
          : "We don't exchange items for a different product.",
      );
      return { title: "Exchanges and replacements", text: parts.join(" ") };
    },
    returnToSender: (rule) => {
      const deduct = (d: "NONE" | "ORIGINAL_SHIPPING" | "RETURN_SHIPPING") =>
        d === "NONE" ? "refunded in full" : d === "ORIGINAL_SHIPPING" ? "refunded less the original shipping cost" : "refunded less the return shipping cost";
      return {
        title: "Packages returned to us",
        text: `If a package comes back to us because the address you gave was incorrect, we can ${rule.incorrectAddress.reshipInvoiced ? "re-ship it once you pay an invoice for the additional shipping, or " : ""}refund it: it is ${deduct(rule.incorrectAddress.refundDeducts)}. If you refuse delivery and the package comes back to us, it is ${deduct(rule.refusedDelivery.refundDeducts)}.`,
      };
    },
    subscription: (rule) => {
      const parts: string[] = [];
      parts.push(rule.cancelAnytime ? "You can cancel a subscription at any time." : "Subscriptions run for the committed term.");
      if (rule.endsAtPeriodEnd) parts.push("Cancellation takes effect at the end of the current billing period.");
      parts.push(rule.partialPeriodRefund ? "Unused parts of a billing period are refunded." : "The current period is not partially refunded.");
      if (rule.firstPeriodRefundable) parts.push("The first subscription period can be refunded on request to customer support.");
      return { title: "Subscriptions", text: parts.join(" ") };
    },
    serviceFirstReply: (d, channels) => {
      const others = channels.filter((c) => c.firstReply !== null && (c.firstReply.max !== d.max || c.firstReply.unit !== d.unit || c.firstReply.min !== d.min));
      const extra = others.map((c) => `${c.kind === "MAIL" ? "Mail" : capitalize(c.kind.toLowerCase().replace(/_/g, " "))} is answered within ${duration(c.firstReply as Duration)}.`);
      return {
        title: "First reply",
        text: [`We reply to your message within ${duration(d)}${d.unit === "BUSINESS_DAYS" || d.unit === "BUSINESS_HOURS" ? ", excluding weekends and public holidays" : ""}.`, ...extra].join(" "),
      };
    },
    serviceResolution: (d) => ({ title: "Resolution time", text: `We aim to resolve general inquiries completely within ${duration(d)}.` }),
    serviceUpdates: (d) => ({ title: "Progress updates", text: `While a complex case is open, we update you at least every ${duration({ ...d, min: null })} until it is resolved.` }),
    serviceEscalation: (d) => ({
      title: "Escalation",
      text: `If you are not satisfied with a resolution, you can ask to escalate your case to a senior manager, who gives a final decision within ${duration(d)}.`,
    }),
    contact: (channels) => ({
      title: "Contact",
      text:
        channels.length === 0
          ? "Contact us through the store's contact page."
          : `You can reach us ${list(
              channels.map((c) => {
                switch (c.kind) {
                  case "EMAIL":
                    return `by email at ${c.address}`;
                  case "PHONE":
                    return `by phone at ${c.address}`;
                  case "MAIL":
                    return `by mail at ${c.address}`;
                  case "CONTACT_FORM":
                    return `through the contact form at ${c.address}`;
                  case "IN_PERSON":
                    return `in person by appointment at ${c.address}`;
                  case "SELF_SERVICE":
                    return `through self-service at ${c.address}`;
                }
              }),
            )}.`,
    }),
  },
};
