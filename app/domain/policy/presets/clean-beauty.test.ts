/** Clean Beauty preset: each test quotes seeds/clean-beauty-customer-service-policy.txt. */
import { describe, expect, it } from "vitest";
import { isAssumed, presets, serviceDueAt } from "../index";
import { buildOrder, buildRequest, decideJson } from "../testing";

const cb = presets["clean-beauty"];
// Delivered Saturday 2026-01-10 12:00 EST (day 0). Day 60 = 11 March; closes 2026-03-12 00:00 EDT = 04:00Z.
const order = buildOrder({
  shipping: ["6.00"],
  lines: [
    { id: "SERUM", price: "42.00", tags: ["serum"] },
    { id: "BALM", price: "18.50", quantity: 2, tags: ["balm"] },
  ],
  fulfillments: [{ createdAt: "2026-01-06T15:00:00Z", deliveredAt: "2026-01-10T17:00:00Z", lines: { SERUM: 1, BALM: 2 } }],
});

describe("Clean Beauty", () => {
  it('"addressing issues related to the 60-day return policy"', () => {
    const req = buildRequest("RETURN", [{ id: "SERUM" }]);
    expect(decideJson(cb, order, req, "2026-03-12T03:59:59Z").lines[0]?.code).toBe("OK");
    expect(decideJson(cb, order, req, "2026-03-12T04:00:00Z").lines[0]).toMatchObject({ code: "RETURN_WINDOW_EXPIRED", clause: "window.return" });
  });
  it('"For issues caused by our mistakes (e.g., wrong delivery, product quality problems), we will take full responsibility and provide a satisfactory solution free of charge."', () => {
    for (const type of ["WRONG_ITEM", "DEFECTIVE"] as const) {
      const d = decideJson(cb, order, buildRequest(type, [{ id: "BALM", quantity: 2, condition: "OPENED" }]), "2026-02-01T12:00:00Z");
      expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "37.00", restockingFee: "0.00" });
      expect(d.deductions).toEqual([]);
      expect(d.refundTotal).toBe("37.00");
      expect(d.returnShippingPaidBy).toBe("MERCHANT");
    }
  });
  it('"Detailed description of your issue ... and screenshots (if applicable)." — evidence is welcome, not required', () => {
    expect(cb.claims.DEFECTIVE.evidence.required).toBe(false);
    expect(cb.claims.WRONG_ITEM.evidence.required).toBe(false);
  });
  it('"send a confirmation response within 2-3 business days"', () => {
    // Friday 2026-03-06: Monday 9, Tuesday 10, Wednesday 11 → 2026-03-12 00:00 EDT.
    expect(serviceDueAt(cb, "firstReply", new Date("2026-03-06T15:00:00Z"))?.toISOString()).toBe("2026-03-12T04:00:00.000Z");
  });
  it('"For general inquiries ... we will resolve and reply completely within 3-5 business days."', () => {
    // Friday 2026-03-06: 9, 10, 11, 12, 13 March → 2026-03-14 00:00 EDT.
    expect(serviceDueAt(cb, "resolution", new Date("2026-03-06T15:00:00Z"))?.toISOString()).toBe("2026-03-14T04:00:00.000Z");
  });
  it('"For complex issues (e.g., return refund disputes, payment failures), we will keep you updated on the progress every 3 business days"', () => {
    expect(cb.service.updateCadence).toEqual({ min: null, max: 3, unit: "BUSINESS_DAYS" });
  });
  it('"5-10 day refund processing cycle"', () => {
    expect(cb.refund.processingTime).toEqual({ min: 5, max: 10, unit: "BUSINESS_DAYS" });
  });
  it('"The official and exclusive way to contact our customer service team is through the official form on the "Contact Us" page"', () => {
    expect(cb.service.channels.map((c) => c.kind)).toEqual(["CONTACT_FORM"]);
  });
  it("flags what the text does not say: conditions, windows for our mistakes, gift cards", () => {
    for (const path of ["conditions", "claims.DEFECTIVE.reportWindowDays", "exclusions.gift-card", "timeZone"]) expect(isAssumed(cb, path)).toBe(true);
    expect(isAssumed(cb, "returnWindow.days")).toBe(false);
  });
});
