/** Soulmate Spark Studio preset: each test quotes seeds/soulmate-spark-studio-refund-policy.txt. */
import { describe, expect, it } from "vitest";
import { formatRma, isAssumed, presets, serviceDueAt } from "../index";
import { buildOrder, buildRequest, decideJson, lineGid } from "../testing";

const sss = presets["soulmate-spark-studio"];
// Delivered Friday 2026-03-06 11:30 EST (day 0). Day 14 = Friday 20 March; closes 2026-03-21 00:00 EDT = 04:00Z.
const DELIVERED = "2026-03-06T16:30:00Z";
const NOW = "2026-03-12T15:00:00Z";

const order = buildOrder({
  shipping: ["5.00"],
  lines: [
    { id: "COLLAR", price: "24.00", tags: ["collar"], properties: { "Engraving Text": "Biscuit" } },
    { id: "PCOLLAR", price: "26.00", tags: ["Personalized"] },
    { id: "NAME", price: "22.00", properties: { _personalisation: "Luna" } },
    { id: "BRUSH", price: "12.50", tags: ["Hygiene", "grooming"] },
    { id: "TOY", price: "18.00", quantity: 2, tags: ["toy"], properties: { "Gift note": "Happy birthday" } },
  ],
  fulfillments: [{ createdAt: "2026-03-02T14:00:00Z", deliveredAt: DELIVERED, lines: { COLLAR: 1, PCOLLAR: 1, NAME: 1, BRUSH: 1, TOY: 2 } }],
});

describe("Soulmate Spark Studio", () => {
  it('"You have 14 days from the date of delivery to initiate a return. The countdown begins on the day you officially receive the package."', () => {
    const req = buildRequest("RETURN", [{ id: "TOY" }]);
    expect(decideJson(sss, order, req, "2026-03-21T03:59:59Z").lines[0]?.code).toBe("OK");
    expect(decideJson(sss, order, req, "2026-03-21T04:00:00Z").lines[0]).toMatchObject({ code: "RETURN_WINDOW_EXPIRED", clause: "window.return" });
    expect(sss.timeZone).toBe("America/New_York");
    expect(isAssumed(sss, "timeZone")).toBe(false); // Quincy, MA is in the text
  });
  it('"the product must be in its original condition, unused, unopened, and with all original tags, packaging, and accessories intact"', () => {
    const d = decideJson(
      sss,
      order,
      buildRequest("RETURN", [
        { id: "TOY", condition: "UNOPENED" },
        { id: "TOY", condition: "OPENED" },
      ]),
      NOW,
    );
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "18.00", clause: "condition.unopened" });
    expect(d.lines[1]).toMatchObject({ code: "CONDITION_NOT_ACCEPTED", clause: "condition.opened" });
    for (const c of ["USED", "DAMAGED"] as const) {
      expect(decideJson(sss, order, buildRequest("RETURN", [{ id: "TOY", condition: c }]), NOW).lines[0]?.code).toBe("CONDITION_NOT_ACCEPTED");
    }
  });
  it('"certain personal hygiene products ... are not eligible for return"', () => {
    expect(decideJson(sss, order, buildRequest("RETURN", [{ id: "BRUSH" }]), NOW).lines[0]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.hygiene" });
  });
  it('"Products customized according to your specific requirements, like a fun collar with engraved text or a unique design, are non – returnable."', () => {
    const d = decideJson(sss, order, buildRequest("RETURN", [{ id: "COLLAR" }, { id: "PCOLLAR" }, { id: "NAME" }, { id: "TOY" }]), NOW);
    expect(d.lines.map((l) => [l.code, l.clause])).toEqual([
      ["EXCLUDED", "exclusion.personalized"], // property key "Engraving Text" contains "engrav"
      ["EXCLUDED", "exclusion.personalized"], // tag "Personalized"
      ["EXCLUDED", "exclusion.personalized"], // property key "_personalisation" contains "personali"
      ["OK", "condition.unopened"], // a "Gift note" property is not a personalization
    ]);
  });
  it('"You are responsible for the cost of returning the product to us." — and nothing is deducted for shipping', () => {
    const d = decideJson(sss, order, buildRequest("RETURN", [{ id: "TOY", quantity: 2 }]), NOW);
    expect(d.returnShippingPaidBy).toBe("CUSTOMER");
    expect(d.deductions).toEqual([]);
    expect(d.refundTotal).toBe("36.00");
    expect(isAssumed(sss, "originalShipping")).toBe(true);
  });
  it('"If you receive a damaged or defective product, please contact our customer service team within 7 days of delivery. Provide clear details and, if possible, attach photos"', () => {
    // Day 7 = Friday 13 March; closes 2026-03-14 00:00 EDT = 04:00Z. No photo needed; hygiene items can still be reported.
    const req = buildRequest("DEFECTIVE", [{ id: "TOY", condition: "USED" }, { id: "BRUSH", condition: "OPENED" }]);
    const d = decideJson(sss, order, req, "2026-03-14T03:59:59Z");
    expect(d.lines.map((l) => [l.code, l.refundAmount, l.clause])).toEqual([
      ["OK", "18.00", "claim.defective"],
      ["OK", "12.50", "claim.defective"],
    ]);
    expect(decideJson(sss, order, req, "2026-03-14T04:00:00Z").lines[0]).toMatchObject({ code: "DEFECT_REPORT_WINDOW_EXPIRED", clause: "window.defective" });
    const transit = decideJson(sss, order, buildRequest("DAMAGED_IN_TRANSIT", [{ id: "TOY", condition: "DAMAGED" }]), NOW);
    expect(transit.lines[0]).toMatchObject({ code: "OK", refundAmount: "18.00" });
  });
  it('"if the product shows signs of use or damage that do not meet our return criteria, we may offer a partial refund"', () => {
    const d = decideJson(sss, order, buildRequest("RETURN", [{ id: "TOY", condition: "UNOPENED" }]), NOW, {
      lines: [{ lineItemId: lineGid("TOY"), condition: "USED", overridePercent: 50, overrideReason: "Chew marks" }],
    });
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "9.00", restockingFee: "9.00", clause: "refund.partial" });
    expect(sss.partialRefunds.allowed).toBe(true);
  });
  it('"we will issue you a Return Merchandise Authorization (RMA) number"', () => {
    expect(sss.rma.required).toBe(true);
    expect(formatRma(sss.rma, 7)).toBe("RMA-0007");
  });
  it('"This inspection may take 3 – 5 business days." and "it typically takes 3 – 7 business days."', () => {
    // Arrived Monday 2026-03-16: 17, 18, 19, 20, 23 March → end of 23 March.
    expect(serviceDueAt(sss, "inspection", new Date("2026-03-16T14:00:00Z"))?.toISOString()).toBe("2026-03-24T04:00:00.000Z");
    // Approved Monday 2026-03-16: 7 business days → 25 March → 2026-03-26 00:00 EDT.
    expect(serviceDueAt(sss, "refundProcessing", new Date("2026-03-16T14:00:00Z"))?.toISOString()).toBe("2026-03-26T04:00:00.000Z");
  });
  it('"If a replacement is sent, we will cover the cost of shipping for the replacement item." / exchanges follow "the same return process"', () => {
    expect(sss.exchanges).toMatchObject({ replacementShippingPaidBy: "MERCHANT", differentItem: "RETURN_AND_REORDER" });
  });
  it("makes no service-level commitment (the text has none), flagged as assumptions", () => {
    expect(serviceDueAt(sss, "firstReply", new Date())).toBeNull();
    expect(isAssumed(sss, "service.firstReply")).toBe(true);
  });
});
