// Portal API answers as the app sends them (app/services/portal-view.ts), for two orders shaped
// like the demo's: a Purtly order with a purifier, a filter and an excluded membership, and a
// Soulmate order with an excluded hygiene item beside a collar.
export const PURIFIER = "gid://shopify/LineItem/9001";
export const FILTER = "gid://shopify/LineItem/9002";
export const MEMBERSHIP = "gid://shopify/LineItem/9003";
export const TOOTHBRUSH = "gid://shopify/LineItem/9101";
export const COLLAR = "gid://shopify/LineItem/9102";

const usd = (amount: string) => ({ amount, currencyCode: "USD" });
const CLOSES = "2026-11-29T05:00:00.000Z";

const returnClaim = (lineItemIds: string[]) => ({
  type: "RETURN",
  label: "Return (change of mind)",
  evidence: { required: false, kinds: [], minCount: 0, onMissing: null },
  reportWindowClosesAt: CLOSES,
  lineItemIds,
});

export function purtlyEligibility(overrides: Record<string, unknown> = {}) {
  return {
    order: { id: "gid://shopify/Order/1209", name: "#1029", currencyCode: "USD" },
    policy: { version: 1, returnShippingPaidBy: "CUSTOMER", clauses: [{ id: "condition.opened", title: "Opened or used items" }] },
    claimTypes: [
      returnClaim([PURIFIER, FILTER]),
      {
        type: "DEFECTIVE",
        label: "Defective item",
        evidence: { required: true, kinds: ["photo", "video"], minCount: 2, onMissing: "TREAT_AS_RETURN" },
        reportWindowClosesAt: CLOSES,
        lineItemIds: [PURIFIER, FILTER],
      },
    ],
    conditions: ["UNOPENED", "OPENED", "USED", "DAMAGED"],
    reasons: [
      { id: "gid://shopify/ReturnReasonDefinition/5", name: "Unwanted" },
      { id: "gid://shopify/ReturnReasonDefinition/2", name: "Damaged or defective" },
    ],
    lines: [
      {
        lineItemId: PURIFIER,
        title: "Purtly P1 Air Purifier",
        quantity: 1,
        returnableQuantity: 1,
        unitPrice: usd("299.00"),
        returnable: true,
        code: "OK",
        clause: "condition.unopened",
        clauseTitle: "Unopened items",
        explanation: "Unopened items are refunded in full.",
        windowClosesAt: CLOSES,
      },
      {
        lineItemId: FILTER,
        title: "HEPA Replacement Filter",
        quantity: 3,
        returnableQuantity: 3,
        unitPrice: usd("39.00"),
        returnable: true,
        code: "OK",
        clause: "condition.unopened",
        clauseTitle: "Unopened items",
        explanation: "Unopened items are refunded in full.",
        windowClosesAt: CLOSES,
      },
      {
        lineItemId: MEMBERSHIP,
        title: "Purtly Rewards Membership",
        quantity: 1,
        returnableQuantity: 1,
        unitPrice: usd("49.00"),
        returnable: false,
        code: "EXCLUDED",
        clause: "exclusion.subscription",
        clauseTitle: "Memberships and subscriptions",
        explanation: "Memberships can't be returned once they have started.",
        windowClosesAt: null,
      },
    ],
    anythingReturnable: true,
    existingReturns: 0,
    ...overrides,
  };
}

export function soulmateEligibility() {
  return {
    order: { id: "gid://shopify/Order/1275", name: "#1035", currencyCode: "USD" },
    policy: { version: 1, returnShippingPaidBy: "CUSTOMER", clauses: [] },
    claimTypes: [returnClaim([COLLAR])],
    conditions: ["UNOPENED", "OPENED", "USED", "DAMAGED"],
    reasons: [],
    lines: [
      {
        lineItemId: TOOTHBRUSH,
        title: "Pet Toothbrush Kit",
        quantity: 1,
        returnableQuantity: 1,
        unitPrice: usd("12.00"),
        returnable: false,
        code: "EXCLUDED",
        clause: "exclusion.hygiene",
        clauseTitle: "Personal hygiene products",
        explanation: "For health and safety reasons, personal hygiene products can't be returned.",
        windowClosesAt: CLOSES,
      },
      {
        lineItemId: COLLAR,
        title: "Fun Pet Collar",
        quantity: 1,
        returnableQuantity: 1,
        unitPrice: usd("24.00"),
        returnable: true,
        code: "OK",
        clause: "condition.unopened",
        clauseTitle: "Unopened items",
        explanation: "Unopened items are refunded in full.",
        windowClosesAt: CLOSES,
      },
    ],
    anythingReturnable: true,
    existingReturns: 1,
  };
}

/** Nothing can go back: a final-sale item and one past its window; no claim covers either. */
export function nothingReturnableEligibility() {
  const base = purtlyEligibility();
  return {
    ...base,
    claimTypes: [returnClaim([])],
    lines: [
      { ...base.lines[0], returnable: false, code: "RETURN_WINDOW_EXPIRED", clause: "window.return", clauseTitle: "Return window", explanation: "The 30-day return window closed on Oct 29, 2026." },
      { ...base.lines[2] },
    ],
    anythingReturnable: false,
  };
}

/** The preview of one opened purifier: 85 %, less the original shipping. */
export function openedPurifierPreview() {
  return {
    decision: {
      eligible: true,
      currency: "USD",
      refundTotal: "244.20",
      returnShippingPaidBy: "CUSTOMER",
      deductions: [{ kind: "ORIGINAL_SHIPPING", amount: "9.95" }],
      lines: [
        {
          lineItemId: PURIFIER,
          quantity: 1,
          eligible: true,
          code: "OK",
          refundAmount: "254.15",
          restockingFee: "44.85",
          clause: "condition.opened",
          explanation: "Opened items are refunded at 85% of the price.",
          clauseTitle: "Opened or used items",
        },
      ],
    },
    refund: {
      subtotal: usd("254.15"),
      deductions: [
        {
          kind: "ORIGINAL_SHIPPING",
          amount: usd("9.95"),
          clause: "shipping.original",
          clauseTitle: "Original shipping",
          explanation: "The original shipping charge ($9.95) is deducted from the refund, once per order.",
        },
      ],
      total: usd("244.20"),
    },
    returnShippingPaidBy: "CUSTOMER",
    deadlines: { [PURIFIER]: CLOSES },
  };
}

export function submittedAnswer() {
  const preview = openedPurifierPreview();
  return {
    caseId: "case_1",
    rma: "RMA-1042",
    status: "REQUESTED",
    decision: preview.decision,
    refund: preview.refund,
    nextSteps: [
      "Your request RMA-1042 has been sent to Purtly. Quote RMA-1042 on the parcel and in any message about this return.",
      "Once the store approves your request, send the items back at your own cost; use a trackable shipping service.",
    ],
  };
}

export function returnsAnswer() {
  return {
    returns: [
      {
        caseId: "case_2",
        rma: "RMA-1043",
        status: "APPROVED",
        createdAt: "2026-11-20T15:00:00.000Z",
        claimType: "DEFECTIVE",
        refundEstimate: usd("299.00"),
        refundedAmount: null,
        lines: [{ title: "Purtly P1 Air Purifier", quantity: 1, code: "OK", explanation: "Defective items are refunded in full." }],
        label: { url: "https://labels.example.com/RMA-1043.pdf", trackingNumber: "1Z999AA10123456784", trackingUrl: "https://track.example.com/1Z999AA10123456784" },
        messages: [{ body: "Your label is ready: drop the parcel at any UPS point.", at: "2026-11-21T10:00:00.000Z" }],
        declined: null,
      },
      {
        caseId: "case_1",
        rma: "RMA-1042",
        status: "DECLINED",
        createdAt: "2026-11-18T15:00:00.000Z",
        claimType: "RETURN",
        refundEstimate: usd("12.00"),
        refundedAmount: null,
        lines: [{ title: "Pet Toothbrush Kit", quantity: 1, code: "EXCLUDED", explanation: "For health and safety reasons, personal hygiene products can't be returned." }],
        label: null,
        messages: [],
        declined: { explanation: "Personal hygiene products can't be returned." },
      },
    ],
  };
}
