/**
 * Engine semantics on a small test policy (not a preset), so each rule of the
 * issue is checked in isolation. Expected amounts are worked out by hand in
 * the comments.
 */
import { describe, expect, it } from "vitest";
import {
  PolicyEngineError,
  decide,
  inspectionSchema,
  orderSchema,
  policySchema,
  returnRequestSchema,
  toContractJson,
  type Inspection,
  type Policy,
  type PolicyInput,
} from "./index";
import { buildOrder, buildRequest, lineGid, type OrderSpec, type RequestLineSpec } from "./testing";
import type { ClaimType } from "./schema";

function basePolicyInput(): PolicyInput {
  const fault = {
    offered: true,
    reportWindowDays: 30,
    evidence: { required: true, kinds: ["photo", "video"], onMissing: "TREAT_AS_RETURN" },
    refundPercent: 100,
    deductOriginalShipping: false,
    returnShippingPaidBy: "MERCHANT",
    itemMustBeReturned: true,
    deductLabelCostIfNoFault: true,
  } as const;
  return {
    schemaVersion: 1,
    id: "test-store",
    name: "Test Store",
    timeZone: "America/New_York",
    calendar: { weekendDays: [6, 7], holidays: [], holidayRules: [], businessHours: { start: "00:00", end: "24:00" } },
    returnWindow: { days: 7, assumedTransitDays: 3 },
    conditions: {
      UNOPENED: { accepted: true, refundPercent: 100 },
      OPENED: { accepted: true, refundPercent: 85 },
      USED: { accepted: false },
      DAMAGED: { accepted: false },
    },
    exclusions: [
      { id: "final-sale", title: "Final sale", match: [{ by: "productTag", values: ["final-sale"] }], code: "FINAL_SALE", reason: "Final-sale items can't be returned.", appliesTo: ["RETURN"] },
      { id: "gift-card", title: "Gift cards", match: [{ by: "giftCard" }], code: "EXCLUDED", reason: "Gift cards can't be returned.", appliesTo: ["RETURN", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"] },
      { id: "engraved", title: "Engraved", match: [{ by: "lineItemPropertyKey", contains: ["engrav"] }], code: "EXCLUDED", reason: "Engraved items can't be returned.", appliesTo: ["RETURN"] },
      { id: "vendor", title: "Partner brand", match: [{ by: "vendor", values: ["Partner Brand"] }, { by: "productType", values: ["Sample Pack"] }], code: "EXCLUDED", reason: "Partner-brand items and samples go back to the partner.", appliesTo: ["RETURN"] },
    ],
    originalShipping: { mode: "ORDER_SHIPPING_CHARGE" },
    returnShipping: { customerLabelFee: null, labelCost: { mode: "ACTUAL" } },
    claims: {
      RETURN: { deductOriginalShipping: true, returnShippingPaidBy: "CUSTOMER" },
      DEFECTIVE: { ...fault, evidence: { ...fault.evidence, kinds: ["photo", "video"] } },
      DAMAGED_IN_TRANSIT: { ...fault, reportWindowDays: 7, evidence: { required: true, kinds: ["photo"], onMissing: "REJECT" } },
      WRONG_ITEM: { ...fault, offered: false, evidence: { ...fault.evidence, kinds: ["photo"] } },
      MISSING_ITEM: { ...fault, evidence: { required: false, kinds: ["photo"], onMissing: "REJECT" }, itemMustBeReturned: false, deductLabelCostIfNoFault: false },
    },
    partialRefunds: { allowed: true, minPercent: 10, maxPercent: 90 },
    rma: { required: true, prefix: "RMA-", minDigits: 4, issuedWithin: null },
    inspection: { within: null },
    refund: { method: "ORIGINAL_PAYMENT", processingTime: null },
    rejectedItems: { disposition: "RETURN_TO_CUSTOMER", returnIfCustomerPaysShipping: true },
    exchanges: { differentItem: "RETURN_AND_REORDER", replacementShippingPaidBy: "MERCHANT", replacementShipsWithin: null },
    returnToSender: null,
    subscriptions: null,
    service: { firstReply: null, resolution: null, updateCadence: null, escalationDecision: null },
  };
}

function policyWith(edit: (p: PolicyInput) => void = () => {}): Policy {
  const input = structuredClone(basePolicyInput());
  edit(input);
  return policySchema.parse(input);
}

const POLICY = policyWith();

// Delivered Sunday 2026-03-01 15:00 EST. Return window 7 days → closes 2026-03-09 00:00 EDT = 04:00Z (DST began 8 March).
const DELIVERED = "2026-03-01T20:00:00Z";
const IN_WINDOW = new Date("2026-03-05T12:00:00Z");

function orderSpec(over: Partial<OrderSpec> = {}): OrderSpec {
  return {
    shipping: ["7.99"],
    lines: [
      { id: "A", price: "49.99", quantity: 2 },
      { id: "B", price: "19.99", tags: ["Final Sale", "summer"] },
      { id: "C", price: "25.00", isGiftCard: true, deletedProduct: true },
      { id: "D", price: "30.00", properties: { _Engraving: "Rex" } },
      { id: "E", price: "10.00" },
    ],
    fulfillments: [{ createdAt: "2026-02-27T15:00:00Z", deliveredAt: DELIVERED, lines: { A: 2, B: 1, C: 1, D: 1 } }],
    ...over,
  };
}

function run(type: ClaimType, lines: RequestLineSpec[], opts: { policy?: Policy; order?: OrderSpec; now?: Date; inspection?: Inspection } = {}) {
  const order = orderSchema.parse(buildOrder(opts.order ?? orderSpec()));
  const request = returnRequestSchema.parse(buildRequest(type, lines));
  return decide(opts.policy ?? POLICY, order, request, opts.now ?? IN_WINDOW, opts.inspection);
}

describe("money", () => {
  it("refund = unit × quantity × percentage, rounded half up once; fee = gross − refund; deductions off the sum", () => {
    const d = run("RETURN", [{ id: "A", quantity: 2, condition: "OPENED" }]);
    // 49.99 × 2 = 99.98; × 85% = 84.983 → 84.98; fee 15.00; minus 7.99 shipping = 76.99
    expect(d.lines[0]).toMatchObject({ code: "OK", eligible: true, refundAmount: "84.98", restockingFee: "15.00", clause: "condition.opened" });
    expect(d.deductions).toEqual([expect.objectContaining({ kind: "ORIGINAL_SHIPPING", amount: "7.99", clause: "shipping.original" })]);
    expect(d.refundTotal).toBe("76.99");
    expect(d.currency).toBe("USD");
  });
  it("uses the currency's minor unit (JPY 0, KWD 3)", () => {
    const jpy = run("RETURN", [{ id: "A", quantity: 1, condition: "OPENED" }], {
      order: orderSpec({ currency: "JPY", shipping: ["500"], lines: [{ id: "A", price: "1499", quantity: 1 }], fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { A: 1 } }] }),
    });
    // 1499 × 85% = 1274.15 → 1274; fee 225; minus 500 = 774
    expect(jpy.lines[0]).toMatchObject({ refundAmount: "1274", restockingFee: "225" });
    expect(jpy.refundTotal).toBe("774");
    const kwd = run("RETURN", [{ id: "A", quantity: 1, condition: "OPENED" }], {
      order: orderSpec({ currency: "KWD", shipping: ["0.500"], lines: [{ id: "A", price: "1.235", quantity: 1 }], fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { A: 1 } }] }),
    });
    // 1.235 × 85% = 1.04975 → 1.050; fee 0.185; minus 0.500 = 0.550
    expect(kwd.lines[0]).toMatchObject({ refundAmount: "1.050", restockingFee: "0.185" });
    expect(kwd.refundTotal).toBe("0.550");
  });
  it("never lets deductions take the total below zero", () => {
    const d = run("RETURN", [{ id: "A", quantity: 1, condition: "OPENED" }], { order: orderSpec({ shipping: ["60.00", "10.00"] }) });
    // 49.99 × 85% = 42.4915 → 42.49; shipping 70.00 is capped at 42.49
    expect(d.lines[0]?.refundAmount).toBe("42.49");
    expect(d.deductions).toEqual([expect.objectContaining({ kind: "ORIGINAL_SHIPPING", amount: "42.49" })]);
    expect(d.refundTotal).toBe("0.00");
  });
  it("rejects an order whose prices are not in the order currency", () => {
    const raw = buildOrder(orderSpec()) as { lineItems: { nodes: { discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { currencyCode: string } } }[] } };
    raw.lineItems.nodes[0]!.discountedUnitPriceAfterAllDiscountsSet.shopMoney.currencyCode = "EUR";
    const request = returnRequestSchema.parse(buildRequest("RETURN", [{ id: "A" }]));
    expect(() => decide(POLICY, orderSchema.parse(raw), request, IN_WINDOW)).toThrow(PolicyEngineError);
  });
});

describe("return window: through the end of the Nth calendar day after delivery, in the policy's zone", () => {
  it("is open until the last millisecond of day N and closed from local midnight (DST-safe)", () => {
    const open = run("RETURN", [{ id: "A" }], { now: new Date("2026-03-09T03:59:59.999Z") });
    expect(open.lines[0]?.code).toBe("OK");
    expect(open.lines[0]?.windowClosesAt).toBe("2026-03-09T04:00:00.000Z");
    const closed = run("RETURN", [{ id: "A" }], { now: new Date("2026-03-09T04:00:00.000Z") });
    expect(closed.lines[0]).toMatchObject({ code: "RETURN_WINDOW_EXPIRED", eligible: false, refundAmount: null, restockingFee: null, clause: "window.return" });
    expect(closed.lines[0]?.explanation).toContain("March 8, 2026");
    expect(closed.eligible).toBe(false);
    expect(closed.refundTotal).toBe("0.00");
    expect(closed.deductions).toEqual([]);
  });
  it("counts the delivery day in the policy's zone, not UTC", () => {
    // 2026-03-02T03:00Z is still Sunday 1 March in New York (22:00 EST): same window.
    const d = run("RETURN", [{ id: "A" }], {
      order: orderSpec({ fulfillments: [{ createdAt: DELIVERED, deliveredAt: "2026-03-02T03:00:00Z", lines: { A: 2 } }] }),
      now: new Date("2026-03-09T04:00:00Z"),
    });
    expect(d.lines[0]?.code).toBe("RETURN_WINDOW_EXPIRED");
  });
  it("without a delivery date counts from creation plus assumedTransitDays", () => {
    // Created Sunday 1 March (EST) + 3 days → delivery day 4 March; + 7 → last day 11 March; closes 2026-03-12T04:00Z.
    const order = orderSpec({ fulfillments: [{ createdAt: DELIVERED, deliveredAt: null, lines: { A: 2 } }] });
    expect(run("RETURN", [{ id: "A" }], { order, now: new Date("2026-03-12T03:59:59Z") }).lines[0]?.code).toBe("OK");
    expect(run("RETURN", [{ id: "A" }], { order, now: new Date("2026-03-12T04:00:00Z") }).lines[0]?.code).toBe("RETURN_WINDOW_EXPIRED");
  });
  it("uses the fulfillment that holds the line; with several, the latest delivery", () => {
    const order = orderSpec({
      fulfillments: [
        { createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { A: 1, B: 1 } },
        { createdAt: DELIVERED, deliveredAt: "2026-03-10T15:00:00Z", lines: { A: 1, D: 1 } },
      ],
    });
    const now = new Date("2026-03-12T12:00:00Z");
    const d = run("RETURN", [{ id: "A", quantity: 2 }, { id: "D" }], { order, now });
    expect(d.lines.map((l) => l.code)).toEqual(["OK", "EXCLUDED"]);
    expect(d.lines[0]?.windowClosesAt).toBe("2026-03-18T04:00:00.000Z");
    const b = run("RETURN", [{ id: "A", quantity: 1 }], {
      order: orderSpec({ lines: [{ id: "A", price: "49.99", quantity: 2 }], fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { A: 2 } }] }),
      now,
    });
    expect(b.lines[0]?.code).toBe("RETURN_WINDOW_EXPIRED");
  });
  it("judges fault claims by their own report window", () => {
    // DAMAGED_IN_TRANSIT: 7 days (closes 2026-03-09T04:00Z); DEFECTIVE: 30 days (closes 2026-04-01T04:00Z).
    const now = new Date("2026-03-20T12:00:00Z");
    const transit = run("DAMAGED_IN_TRANSIT", [{ id: "A", evidence: ["photo"] }], { now });
    expect(transit.lines[0]).toMatchObject({ code: "DEFECT_REPORT_WINDOW_EXPIRED", clause: "window.damaged-in-transit" });
    const defective = run("DEFECTIVE", [{ id: "A", evidence: ["photo"] }], { now });
    expect(defective.lines[0]).toMatchObject({ code: "OK", clause: "claim.defective", refundAmount: "49.99", windowClosesAt: "2026-04-01T04:00:00.000Z" });
    expect(run("DEFECTIVE", [{ id: "A", evidence: ["photo"] }], { now: new Date("2026-04-01T04:00:00Z") }).lines[0]?.code).toBe("DEFECT_REPORT_WINDOW_EXPIRED");
  });
});

describe("returnable quantity", () => {
  it("is fulfilled minus active returns (DECLINED and CANCELED don't count), capped by refundableQuantity", () => {
    const order = orderSpec({
      lines: [{ id: "A", price: "10.00", quantity: 5, refundableQuantity: 5 }],
      fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { A: 4 } }],
      returns: [
        { status: "OPEN", lines: { A: 1 } },
        { status: "DECLINED", lines: { A: 2 } },
        { status: "CANCELED", lines: { A: 2 } },
      ],
    });
    // 4 fulfilled − 1 open = 3
    expect(run("RETURN", [{ id: "A", quantity: 3 }], { order }).lines[0]?.code).toBe("OK");
    const over = run("RETURN", [{ id: "A", quantity: 4 }], { order });
    expect(over.lines[0]).toMatchObject({ code: "QUANTITY_EXCEEDS_RETURNABLE", clause: "quantity" });
    expect(over.lines[0]?.explanation).toContain("only 3");
    // refundableQuantity 2 caps it further (e.g. units refunded without a return)
    const capped = orderSpec({ ...order, lines: [{ id: "A", price: "10.00", quantity: 5, refundableQuantity: 2 }] });
    expect(run("RETURN", [{ id: "A", quantity: 3 }], { order: capped }).lines[0]?.code).toBe("QUANTITY_EXCEEDS_RETURNABLE");
  });
  it("is shared by repeated lines of the same item in one request", () => {
    const d = run("RETURN", [
      { id: "A", quantity: 1, condition: "UNOPENED" },
      { id: "A", quantity: 1, condition: "OPENED" },
      { id: "A", quantity: 1, condition: "OPENED" },
    ]);
    // 49.99 + 42.49 (85% of 49.99 = 42.4915) = 92.48; third line exceeds the 2 fulfilled
    expect(d.lines.map((l) => l.code)).toEqual(["OK", "OK", "QUANTITY_EXCEEDS_RETURNABLE"]);
    expect(d.subtotal).toBe("92.48");
  });
  it("treats a line without fulfilled units as not fulfilled, ignoring canceled fulfillments", () => {
    expect(run("RETURN", [{ id: "E" }]).lines[0]).toMatchObject({ code: "NOT_FULFILLED", clause: "fulfillment" });
    const canceled = orderSpec({ fulfillments: [{ createdAt: DELIVERED, deliveredAt: null, displayStatus: "CANCELED", lines: { A: 2 } }] });
    expect(run("RETURN", [{ id: "A" }], { order: canceled }).lines[0]?.code).toBe("NOT_FULFILLED");
  });
  it("reports lines that are not on the order", () => {
    const d = run("RETURN", [{ id: "Z" }, { id: "A" }]);
    expect(d.lines[0]).toMatchObject({ lineItemId: lineGid("Z"), code: "UNKNOWN_LINE_ITEM", clause: "order.line-item", eligible: false, refundAmount: null });
    expect(d.lines[1]?.code).toBe("OK");
    expect(d.eligible).toBe(true);
  });
});

describe("exclusions", () => {
  it("match tags case-insensitively with spaces, hyphens and underscores alike", () => {
    for (const tag of ["Final Sale", "final-sale", "FINAL_SALE", "final - sale", " Final__Sale "]) {
      const order = orderSpec({ lines: [{ id: "B", price: "19.99", tags: ["x", tag] }], fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { B: 1 } }] });
      expect(run("RETURN", [{ id: "B" }], { order }).lines[0]).toMatchObject({ code: "FINAL_SALE", clause: "exclusion.final-sale" });
    }
    const near = orderSpec({ lines: [{ id: "B", price: "19.99", tags: ["finalsale", "final-sale-2"] }], fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { B: 1 } }] });
    expect(run("RETURN", [{ id: "B" }], { order: near }).lines[0]?.code).toBe("OK");
  });
  it("match gift cards (even with a deleted product), property keys, vendors and product types", () => {
    const d = run("RETURN", [{ id: "C" }, { id: "D" }]);
    expect(d.lines[0]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.gift-card", explanation: "Gift cards can't be returned." });
    expect(d.lines[1]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.engraved" });
    const order = orderSpec({
      lines: [
        { id: "V", price: "5.00", vendor: "partner_brand" },
        { id: "T", price: "5.00", productType: "SAMPLE-PACK" },
      ],
      fulfillments: [{ createdAt: DELIVERED, deliveredAt: DELIVERED, lines: { V: 1, T: 1 } }],
    });
    expect(run("RETURN", [{ id: "V" }, { id: "T" }], { order }).lines.map((l) => l.clause)).toEqual(["exclusion.vendor", "exclusion.vendor"]);
  });
  it("apply only to the claim types they list (a defective final-sale item can be claimed)", () => {
    const d = run("DEFECTIVE", [{ id: "B", evidence: ["photo"] }, { id: "C", evidence: ["photo"] }]);
    expect(d.lines[0]).toMatchObject({ code: "OK", clause: "claim.defective", refundAmount: "19.99" });
    expect(d.lines[1]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.gift-card" });
  });
});

describe("evaluation order (first failure wins)", () => {
  const late = new Date("2026-03-20T12:00:00Z");
  it("quantity before exclusions, exclusions before the window, the window before condition", () => {
    expect(run("RETURN", [{ id: "B", quantity: 2 }], { now: late }).lines[0]?.code).toBe("QUANTITY_EXCEEDS_RETURNABLE");
    expect(run("RETURN", [{ id: "B" }], { now: late }).lines[0]?.code).toBe("FINAL_SALE");
    expect(run("RETURN", [{ id: "A", condition: "USED" }], { now: late }).lines[0]?.code).toBe("RETURN_WINDOW_EXPIRED");
    expect(run("RETURN", [{ id: "A", condition: "USED" }]).lines[0]).toMatchObject({ code: "CONDITION_NOT_ACCEPTED", clause: "condition.used" });
  });
  it("the window before evidence", () => {
    expect(run("DAMAGED_IN_TRANSIT", [{ id: "A" }], { now: late }).lines[0]?.code).toBe("DEFECT_REPORT_WINDOW_EXPIRED");
    expect(run("DAMAGED_IN_TRANSIT", [{ id: "A" }]).lines[0]?.code).toBe("EVIDENCE_REQUIRED");
  });
  it("a claim type the policy does not offer is excluded", () => {
    expect(run("WRONG_ITEM", [{ id: "A", evidence: ["photo"] }]).lines[0]).toMatchObject({ code: "EXCLUDED", clause: "claim.wrong-item" });
  });
});

describe("evidence", () => {
  it("REJECT: a claim without accepted evidence is refused, citing the evidence clause", () => {
    const d = run("DAMAGED_IN_TRANSIT", [{ id: "A", evidence: ["video"] }]); // only photos accepted
    expect(d.lines[0]).toMatchObject({ code: "EVIDENCE_REQUIRED", clause: "claim.damaged-in-transit.evidence", eligible: false });
    expect(d.returnShippingPaidBy).toBe("MERCHANT");
    expect(run("DAMAGED_IN_TRANSIT", [{ id: "A", evidence: ["photo"] }]).lines[0]?.code).toBe("OK");
  });
  it("TREAT_AS_RETURN: the line follows the change-of-mind rules and cites the evidence clause", () => {
    const d = run("DEFECTIVE", [{ id: "A", condition: "OPENED" }]);
    // as a return: 85% of 49.99 = 42.49, customer ships it back, shipping deducted under RETURN rules
    expect(d.lines[0]).toMatchObject({ code: "OK", clause: "claim.defective.evidence", refundAmount: "42.49", restockingFee: "7.50", track: "RETURN" });
    expect(d.returnShippingPaidBy).toBe("CUSTOMER");
    expect(d.refundTotal).toBe("34.50");
    // and the change-of-mind exclusions and window then apply
    expect(run("DEFECTIVE", [{ id: "B" }]).lines[0]?.code).toBe("FINAL_SALE");
    expect(run("DEFECTIVE", [{ id: "A" }], { now: new Date("2026-03-20T12:00:00Z") }).lines[0]?.code).toBe("RETURN_WINDOW_EXPIRED");
  });
  it("with evidence: the claim's refund, no restocking, merchant label, no shipping deduction", () => {
    const d = run("DEFECTIVE", [{ id: "A", quantity: 2, condition: "USED", evidence: ["video"] }]);
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "99.98", restockingFee: "0.00", clause: "claim.defective" });
    expect(d.deductions).toEqual([]);
    expect(d.refundTotal).toBe("99.98");
    expect(d.returnShippingPaidBy).toBe("MERCHANT");
  });
});

describe("deductions", () => {
  it("original shipping at most once per order: not again when an earlier return is active or done", () => {
    for (const status of ["REQUESTED", "OPEN", "CLOSED"] as const) {
      const order = orderSpec({ returns: [{ status, lines: { D: 1 } }] });
      const d = run("RETURN", [{ id: "A" }], { order });
      expect(d.deductions).toEqual([]);
      expect(d.refundTotal).toBe("49.99");
    }
    for (const status of ["DECLINED", "CANCELED"] as const) {
      const order = orderSpec({ returns: [{ status, lines: { D: 1 } }] });
      expect(run("RETURN", [{ id: "A" }], { order }).refundTotal).toBe("42.00"); // 49.99 − 7.99
    }
  });
  it("applies only when at least one line is eligible", () => {
    const d = run("RETURN", [{ id: "B" }, { id: "C" }]);
    expect(d.eligible).toBe(false);
    expect(d.deductions).toEqual([]);
    expect(d.refundTotal).toBe("0.00");
  });
  it("supports a fixed original-shipping amount and a customer label fee", () => {
    const policy = policyWith((p) => {
      p.originalShipping = { mode: "FIXED", amount: { amount: "5.00", currencyCode: "USD" } };
      p.returnShipping = { customerLabelFee: { amount: "6.50", currencyCode: "USD" }, labelCost: { mode: "ACTUAL" } };
    });
    const d = run("RETURN", [{ id: "A" }], { policy });
    expect(d.deductions.map((x) => [x.kind, x.amount])).toEqual([
      ["ORIGINAL_SHIPPING", "5.00"],
      ["RETURN_SHIPPING_FEE", "6.50"],
    ]);
    expect(d.refundTotal).toBe("38.49"); // 49.99 − 5.00 − 6.50
    // the label fee is not charged when the merchant pays the label
    expect(run("DEFECTIVE", [{ id: "A", evidence: ["photo"] }], { policy }).deductions).toEqual([]);
    // a fixed amount in another currency is refused rather than silently converted
    const eur = orderSpec({ currency: "EUR" });
    expect(() => run("RETURN", [{ id: "A" }], { policy, order: eur })).toThrow(/EUR/);
  });
  it("no deduction when the policy does not deduct original shipping", () => {
    const policy = policyWith((p) => {
      p.originalShipping = { mode: "NOT_DEDUCTED" };
    });
    expect(run("RETURN", [{ id: "A" }], { policy }).refundTotal).toBe("49.99");
  });
});

describe("who pays return shipping", () => {
  it("follows the claim, MERCHANT when nothing must be sent back", () => {
    expect(run("RETURN", [{ id: "A" }]).returnShippingPaidBy).toBe("CUSTOMER");
    const missing = run("MISSING_ITEM", [{ id: "A" }]);
    expect(missing.lines[0]).toMatchObject({ code: "OK", clause: "claim.missing-item", refundAmount: "49.99" });
    expect(missing.returnShippingPaidBy).toBe("MERCHANT");
  });
});

describe("inspection (final refund)", () => {
  const inspect = (x: unknown) => inspectionSchema.parse(x);
  it("uses the graded condition instead of the claimed one", () => {
    const d = run("RETURN", [{ id: "A", condition: "UNOPENED" }], { inspection: inspect({ lines: [{ lineItemId: lineGid("A"), condition: "OPENED" }] }) });
    expect(d.lines[0]).toMatchObject({ refundAmount: "42.49", clause: "condition.opened" });
    expect(d.final).toBe(true);
    const used = run("RETURN", [{ id: "A", condition: "UNOPENED" }], { inspection: inspect({ lines: [{ lineItemId: lineGid("A"), condition: "USED" }] }) });
    expect(used.lines[0]?.code).toBe("CONDITION_NOT_ACCEPTED");
  });
  it("an unconfirmed defect falls back to the return rules and deducts the label cost", () => {
    const inspection = inspect({ lines: [{ lineItemId: lineGid("A"), condition: "OPENED", defectConfirmed: false }], labelCost: "6.50" });
    const d = run("DEFECTIVE", [{ id: "A", evidence: ["photo"] }], { inspection });
    // 85% of 49.99 = 42.49; − 7.99 original shipping (return rules) − 6.50 label = 28.00
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "42.49", clause: "condition.opened", track: "RETURN" });
    expect(d.deductions.map((x) => [x.kind, x.amount, x.clause])).toEqual([
      ["ORIGINAL_SHIPPING", "7.99", "shipping.original"],
      ["RETURN_LABEL", "6.50", "shipping.return-label"],
    ]);
    expect(d.refundTotal).toBe("28.00");
    expect(d.returnShippingPaidBy).toBe("MERCHANT"); // the label was already issued
    // the actual label cost is needed when the policy deducts the actual cost
    expect(() => run("DEFECTIVE", [{ id: "A", evidence: ["photo"] }], { inspection: inspect({ lines: [{ lineItemId: lineGid("A"), defectConfirmed: false }] }) })).toThrow(PolicyEngineError);
  });
  it("a confirmed defect keeps the full refund", () => {
    const d = run("DEFECTIVE", [{ id: "A", evidence: ["photo"] }], { inspection: inspect({ lines: [{ lineItemId: lineGid("A"), condition: "DAMAGED", defectConfirmed: true }] }) });
    expect(d.lines[0]).toMatchObject({ refundAmount: "49.99", clause: "claim.defective" });
    expect(d.refundTotal).toBe("49.99");
  });
  it("an agent's partial refund must be within the policy's bounds and carry a reason", () => {
    const ok = run("RETURN", [{ id: "A", condition: "USED" }], {
      inspection: inspect({ lines: [{ lineItemId: lineGid("A"), condition: "USED", overridePercent: 50, overrideReason: "Scratched lid." }] }),
    });
    // 50% of 49.99 = 24.995 → 25.00; − 7.99 = 17.01
    expect(ok.lines[0]).toMatchObject({ code: "OK", refundAmount: "25.00", restockingFee: "24.99", clause: "refund.partial" });
    expect(ok.lines[0]?.explanation).toBe("After inspection we are refunding 50% of the price paid for this item (Scratched lid).");
    expect(ok.refundTotal).toBe("17.01");
    const tooHigh = inspect({ lines: [{ lineItemId: lineGid("A"), overridePercent: 95, overrideReason: "x" }] });
    expect(() => run("RETURN", [{ id: "A" }], { inspection: tooHigh })).toThrow(/between 10% and 90%/);
    const noReason = inspect({ lines: [{ lineItemId: lineGid("A"), overridePercent: 50 }] });
    expect(() => run("RETURN", [{ id: "A" }], { inspection: noReason })).toThrow(PolicyEngineError);
    const notAllowed = policyWith((p) => {
      p.partialRefunds = { allowed: false, minPercent: 0, maxPercent: 100 };
    });
    expect(() => run("RETURN", [{ id: "A" }], { policy: notAllowed, inspection: inspect({ lines: [{ lineItemId: lineGid("A"), overridePercent: 50, overrideReason: "x" }] }) })).toThrow(PolicyEngineError);
  });
  it("a partial refund does not revive a line refused for another reason", () => {
    const d = run("RETURN", [{ id: "B" }], { inspection: inspect({ lines: [{ lineItemId: lineGid("B"), overridePercent: 50, overrideReason: "goodwill" }] }) });
    expect(d.lines[0]?.code).toBe("FINAL_SALE");
  });
  it("rejects inspected lines that are not in the request", () => {
    expect(() => run("RETURN", [{ id: "A" }], { inspection: inspect({ lines: [{ lineItemId: lineGid("D"), condition: "OPENED" }] }) })).toThrow(/not in the request/);
  });
  it("does not count the return being inspected as an earlier return", () => {
    const order = orderSpec({ returns: [{ id: "gid://shopify/Return/77", status: "OPEN", lines: { A: 2 } }] });
    const d = run("RETURN", [{ id: "A", quantity: 2 }], { order, inspection: inspect({ lines: [], returnId: "gid://shopify/Return/77" }) });
    expect(d.lines[0]?.code).toBe("OK");
    expect(d.refundTotal).toBe("91.99"); // 99.98 − 7.99
  });
});

describe("output", () => {
  it("projects exactly the contract fields, in contract order", () => {
    const json = toContractJson(run("RETURN", [{ id: "A", condition: "OPENED" }, { id: "B" }]));
    expect(Object.keys(json)).toEqual(["eligible", "currency", "refundTotal", "returnShippingPaidBy", "deductions", "lines"]);
    expect(Object.keys(json.lines[0]!)).toEqual(["lineItemId", "quantity", "eligible", "code", "refundAmount", "restockingFee", "clause", "explanation"]);
    expect(Object.keys(json.deductions[0]!)).toEqual(["kind", "amount"]);
  });
  it("every explanation is one sentence", () => {
    const d = run("RETURN", [{ id: "A", condition: "OPENED" }, { id: "B" }, { id: "C" }, { id: "E" }, { id: "Z" }, { id: "A", quantity: 5 }]);
    for (const l of d.lines) {
      expect(l.explanation).toMatch(/^[A-Z].*[.]$/);
      expect(l.explanation.replace(/\d\.\d/g, "").split(/[.!?] /).length).toBe(1);
    }
  });
  it("does not mutate its inputs", () => {
    const order = orderSchema.parse(buildOrder(orderSpec()));
    const request = returnRequestSchema.parse(buildRequest("RETURN", [{ id: "A" }]));
    const before = JSON.stringify([order, request, POLICY]);
    decide(POLICY, order, request, IN_WINDOW);
    expect(JSON.stringify([order, request, POLICY])).toBe(before);
  });
});
