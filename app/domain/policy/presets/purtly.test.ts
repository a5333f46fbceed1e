/**
 * Purtly preset, clause by clause. Each test quotes the sentence of
 * seeds/purtly-refund-policy.txt it enforces. Amounts are worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { formatRma, isAssumed, presets, renderPolicyText, serviceDueAt } from "../index";
import { buildOrder, buildRequest, decideJson, lineGid, type OrderSpec } from "../testing";

const purtly = presets.purtly;
// Delivered Wednesday 2026-03-04 13:00 EST (day 0). Day 30 = Friday 3 April; the window closes 2026-04-04 00:00 EDT = 04:00Z.
const DELIVERED = "2026-03-04T18:00:00Z";
const NOW = "2026-03-20T12:00:00Z";

function order(over: Partial<OrderSpec> = {}) {
  return buildOrder({
    shipping: ["7.99"],
    lines: [
      { id: "P", price: "149.00", tags: ["air-purifier"], productType: "Air Purifier" },
      { id: "F", price: "19.99", quantity: 2, tags: ["filter"] },
      { id: "M", price: "9.99", sellingPlan: true, tags: ["membership"] },
      { id: "G", price: "50.00", isGiftCard: true },
    ],
    fulfillments: [{ createdAt: "2026-03-01T15:00:00Z", deliveredAt: DELIVERED, lines: { P: 1, F: 2, M: 1, G: 1 } }],
    ...over,
  });
}

describe("Purtly: the return window", () => {
  it('"Refunds will be accepted within 30 days of delivery." — through the end of day 30 in New York', () => {
    const req = buildRequest("RETURN", [{ id: "P" }]);
    expect(decideJson(purtly, order(), req, "2026-04-04T03:59:59.999Z").lines[0]?.code).toBe("OK");
    const late = decideJson(purtly, order(), req, "2026-04-04T04:00:00Z");
    expect(late.lines[0]).toMatchObject({ code: "RETURN_WINDOW_EXPIRED", clause: "window.return" });
    expect(purtly.timeZone).toBe("America/New_York");
    expect(isAssumed(purtly, "timeZone")).toBe(true);
  });
  it('"Any item that is returned more than 30 days after delivery." — a late request is refused outright', () => {
    const d = decideJson(purtly, order(), buildRequest("RETURN", [{ id: "F", quantity: 2 }]), "2026-04-10T12:00:00Z");
    expect(d.eligible).toBe(false);
    expect(d.refundTotal).toBe("0.00");
  });
});

describe("Purtly: refund values by condition", () => {
  it('"The items that were returned with unopened boxes will be refunded 100% of the amount."', () => {
    const d = decideJson(purtly, order(), buildRequest("RETURN", [{ id: "P", condition: "UNOPENED" }]), NOW);
    expect(d.lines[0]).toMatchObject({ refundAmount: "149.00", restockingFee: "0.00", clause: "condition.unopened" });
  });
  it('"The items that were returned with opened boxes (regardless of whether the product was used or not) will be refunded 85% of the amount due to restock costs."', () => {
    const d = decideJson(purtly, order(), buildRequest("RETURN", [{ id: "P", condition: "OPENED" }, { id: "F", quantity: 2, condition: "USED" }]), NOW);
    // 149.00 × 85% = 126.65 (fee 22.35); 39.98 × 85% = 33.983 → 33.98 (fee 6.00)
    expect(d.lines.map((l) => [l.refundAmount, l.restockingFee, l.clause])).toEqual([
      ["126.65", "22.35", "condition.opened"],
      ["33.98", "6.00", "condition.used"],
    ]);
    expect(d.lines[0]?.explanation).toBe("Opened items are refunded at 85% of the price paid; the remaining 15% covers restocking.");
  });
  it('"Any item not in its original condition is damaged (scratches, wreckage, etc.) ... only partial refunds are granted or also the refund can be rejected"', () => {
    const req = buildRequest("RETURN", [{ id: "P", condition: "DAMAGED" }]);
    expect(decideJson(purtly, order(), req, NOW).lines[0]).toMatchObject({ code: "CONDITION_NOT_ACCEPTED", clause: "condition.damaged" });
    const partial = decideJson(purtly, order(), req, NOW, { lines: [{ lineItemId: lineGid("P"), condition: "DAMAGED", overridePercent: 40, overrideReason: "Deep scratches on the housing" }] });
    // 40% of 149.00 = 59.60; − 7.99 shipping = 51.61
    expect(partial.lines[0]).toMatchObject({ code: "OK", refundAmount: "59.60", clause: "refund.partial" });
    expect(partial.refundTotal).toBe("51.61");
  });
});

describe("Purtly: shipping", () => {
  it('"Shipping costs are non-refundable. If you receive a refund, the cost of the original shipping ... will be deducted from your refund."', () => {
    const d = decideJson(purtly, order({ shipping: ["7.99", "2.00"] }), buildRequest("RETURN", [{ id: "P" }]), NOW);
    expect(d.deductions.map((x) => [x.kind, x.amount, x.clause])).toEqual([["ORIGINAL_SHIPPING", "9.99", "shipping.original"]]);
    expect(d.refundTotal).toBe("139.01"); // 149.00 − 9.99
  });
  it("deducts the original shipping only once per order", () => {
    const second = order({ returns: [{ status: "CLOSED", lines: { F: 1 } }] });
    const d = decideJson(purtly, second, buildRequest("RETURN", [{ id: "P" }]), NOW);
    expect(d.deductions).toEqual([]);
    expect(d.refundTotal).toBe("149.00");
  });
  it('"You will be responsible for paying for your own shipping costs for returning your item."', () => {
    expect(decideJson(purtly, order(), buildRequest("RETURN", [{ id: "P" }]), NOW).returnShippingPaidBy).toBe("CUSTOMER");
    expect(purtly.returnShipping.customerLabelFee).toBeNull();
  });
  it('"We will ONLY be handing the return shipping costs if the item arrived damaged or was damaged during transit and is now defective AND you send us a photo/video of the damage."', () => {
    const withPhoto = decideJson(purtly, order(), buildRequest("DAMAGED_IN_TRANSIT", [{ id: "P", condition: "DAMAGED", evidence: ["photo"] }]), NOW);
    expect(withPhoto.returnShippingPaidBy).toBe("MERCHANT");
    expect(withPhoto.lines[0]).toMatchObject({ code: "OK", refundAmount: "149.00", clause: "claim.damaged-in-transit" });
    const without = decideJson(purtly, order(), buildRequest("DAMAGED_IN_TRANSIT", [{ id: "P", condition: "OPENED" }]), NOW);
    expect(without.returnShippingPaidBy).toBe("CUSTOMER");
    expect(without.lines[0]).toMatchObject({ refundAmount: "126.65", clause: "claim.damaged-in-transit.evidence" });
  });
});

describe("Purtly: defective items", () => {
  it('"If your items are defective and stop working before the 30-day refund period, in order for us to issue you a 100% refund + a prepaid shipping label, you must send us a photo/video of the defect."', () => {
    for (const kind of ["photo", "video"] as const) {
      const d = decideJson(purtly, order(), buildRequest("DEFECTIVE", [{ id: "P", condition: "USED", evidence: [kind] }]), NOW);
      expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "149.00", restockingFee: "0.00", clause: "claim.defective" });
      expect(d.returnShippingPaidBy).toBe("MERCHANT");
      expect(d.refundTotal).toBe("141.01"); // the original shipping is still deducted: "If you receive a refund ..."
    }
    const late = decideJson(purtly, order(), buildRequest("DEFECTIVE", [{ id: "P", evidence: ["photo"] }]), "2026-04-04T04:00:00Z");
    expect(late.lines[0]).toMatchObject({ code: "DEFECT_REPORT_WINDOW_EXPIRED", clause: "window.defective" });
  });
  it('"If you refuse to send us the photo/video of the defect, we cannot issue you a return label and your refund will be subjected to the values below"', () => {
    const d = decideJson(purtly, order(), buildRequest("DEFECTIVE", [{ id: "P", condition: "OPENED" }]), NOW);
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "126.65", restockingFee: "22.35", clause: "claim.defective.evidence", track: "RETURN" });
    expect(d.returnShippingPaidBy).toBe("CUSTOMER");
    expect(d.refundTotal).toBe("118.66"); // 126.65 − 7.99
  });
  it('"Please note that if the product is deemed to be working properly, by our technical area, the cost attributed to the return label will be deducted from your refund."', () => {
    const d = decideJson(purtly, order(), buildRequest("DEFECTIVE", [{ id: "P", condition: "USED", evidence: ["video"] }]), NOW, {
      lines: [{ lineItemId: lineGid("P"), condition: "USED", defectConfirmed: false }],
      labelCost: "11.25",
    });
    // found working → the regular values: used = 85% of 149.00 = 126.65; − 7.99 shipping − 11.25 label = 107.41
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "126.65" });
    expect(d.deductions.map((x) => [x.kind, x.amount])).toEqual([
      ["ORIGINAL_SHIPPING", "7.99"],
      ["RETURN_LABEL", "11.25"],
    ]);
    expect(d.refundTotal).toBe("107.41");
  });
});

describe("Purtly: missing items", () => {
  it(`"Refunds will not be accepted if the reason is a ''missing item'' that is not listed as included in the purchase."`, () => {
    const d = decideJson(purtly, order(), buildRequest("MISSING_ITEM", [{ id: "CHARGER" }, { id: "F", quantity: 1 }]), NOW);
    expect(d.lines[0]).toMatchObject({ code: "UNKNOWN_LINE_ITEM", eligible: false });
    expect(d.lines[1]).toMatchObject({ code: "OK", refundAmount: "19.99", clause: "claim.missing-item" });
    expect(d.lines[1]?.explanation).toContain("listed as included in your purchase");
    expect(purtly.claims.MISSING_ITEM.onlyListedItems).toBe(true);
  });
});

describe("Purtly: exclusions", () => {
  it('"Cancelling your membership ... does not refund your purchase, except for the first subscription period, which you may email customer support to have refunded."', () => {
    const d = decideJson(purtly, order(), buildRequest("RETURN", [{ id: "M" }]), NOW);
    expect(d.lines[0]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.subscription" });
    expect(d.lines[0]?.explanation).toContain("hello@purtly.com");
    expect(purtly.subscriptions).toEqual({ cancelAnytime: true, endsAtPeriodEnd: true, partialPeriodRefund: false, firstPeriodRefundable: true });
  });
  it("gift cards are excluded (an assumption: the policy is silent)", () => {
    expect(decideJson(purtly, order(), buildRequest("DEFECTIVE", [{ id: "G", evidence: ["photo"] }]), NOW).lines[0]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.gift-card" });
    expect(isAssumed(purtly, "exclusions.gift-card")).toBe(true);
  });
});

describe("Purtly: processing, disposition, exchanges", () => {
  it('"This process can take up to 7 business days after the product arrives back."', () => {
    // Arrived Thursday 2026-07-02 10:00 EDT; Friday 3 July is the observed Independence Day;
    // business days 6, 7, 8, 9, 10, 13, 14 July → due at the end of 14 July = 2026-07-15 00:00 EDT.
    expect(serviceDueAt(purtly, "inspection", new Date("2026-07-02T14:00:00Z"))?.toISOString()).toBe("2026-07-15T04:00:00.000Z");
  });
  it('"A transaction will appear on your original payment method within 3-5 business days"', () => {
    // Approved Monday 2026-03-09: 10, 11, 12, 13, 16 March → 2026-03-17 00:00 EDT.
    expect(serviceDueAt(purtly, "refundProcessing", new Date("2026-03-09T16:00:00Z"))?.toISOString()).toBe("2026-03-17T04:00:00.000Z");
    expect(purtly.refund.method).toBe("ORIGINAL_PAYMENT");
  });
  it('"Any products rejected will be discarded unless the customer pays the shipping fee to receive them back."', () => {
    expect(purtly.rejectedItems).toEqual({ disposition: "DISCARD", returnIfCustomerPaysShipping: true });
    expect(renderPolicyText(purtly, "en").clauses.find((c) => c.id === "disposition.rejected")?.text).toContain("discarded, unless you pay the shipping");
  });
  it('"We only replace items that are defective or damaged."', () => {
    expect(purtly.exchanges.replacementFor).toEqual(["DEFECTIVE", "DAMAGED_IN_TRANSIT"]);
    expect(purtly.exchanges.differentItem).toBe("NOT_OFFERED");
  });
  it('"If the address provided by the customer is incorrect ... Refund: ... the cost of the return shipping fee will be deducted" / "If the customer refused to receive the product ... the cost of the original shipping ... will be deducted"', () => {
    expect(purtly.returnToSender).toEqual({
      incorrectAddress: { reshipInvoiced: true, refundDeducts: "RETURN_SHIPPING" },
      refusedDelivery: { refundDeducts: "ORIGINAL_SHIPPING" },
    });
  });
  it("numbers returns RMA-1042 style (an assumption)", () => {
    expect(formatRma(purtly.rma, 1042)).toBe("RMA-1042");
    expect(isAssumed(purtly, "rma.prefix")).toBe(true);
  });
});
