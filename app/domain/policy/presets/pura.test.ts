/** Pura preset: each test quotes seeds/pura-customer-service-policy.txt. */
import { describe, expect, it } from "vitest";
import { isAssumed, presets, serviceDueAt } from "../index";
import { buildOrder, buildRequest, decideJson } from "../testing";

const pura = presets.pura;
// Delivered Thursday 2026-03-05 13:15 PST (day 0). Day 7 = 12 March; closes 2026-03-13 00:00 PDT = 07:00Z.
const order = buildOrder({
  shipping: ["5.95"],
  lines: [
    { id: "DIFF", price: "49.99", tags: ["diffuser"] },
    { id: "REFILL", price: "34.00", quantity: 2, tags: ["refill"], sellingPlan: true },
  ],
  fulfillments: [{ createdAt: "2026-03-02T17:00:00Z", deliveredAt: "2026-03-05T21:15:00Z", lines: { DIFF: 1, REFILL: 2 } }],
});

describe("Pura", () => {
  it('"If your diffuser malfunctions ..., contact us within 7 days of delivery (and include photos of the issue). We will arrange free replacements ... or full refunds"', () => {
    const withPhoto = buildRequest("DEFECTIVE", [{ id: "DIFF", condition: "USED", evidence: ["photo"] }]);
    const d = decideJson(pura, order, withPhoto, "2026-03-13T06:59:59Z");
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "49.99", restockingFee: "0.00", clause: "claim.defective" });
    expect(d.returnShippingPaidBy).toBe("MERCHANT");
    expect(decideJson(pura, order, withPhoto, "2026-03-13T07:00:00Z").lines[0]).toMatchObject({ code: "DEFECT_REPORT_WINDOW_EXPIRED", clause: "window.defective" });
    const noPhoto = decideJson(pura, order, buildRequest("DEFECTIVE", [{ id: "DIFF", condition: "USED" }]), "2026-03-08T12:00:00Z");
    expect(noPhoto.lines[0]).toMatchObject({ code: "EVIDENCE_REQUIRED", clause: "claim.defective.evidence" });
    const videoOnly = decideJson(pura, order, buildRequest("DEFECTIVE", [{ id: "DIFF", evidence: ["video"] }]), "2026-03-08T12:00:00Z");
    expect(videoOnly.lines[0]?.code).toBe("EVIDENCE_REQUIRED");
  });
  it('"or fragrance refills arrive damaged, contact us within 7 days of delivery"', () => {
    const d = decideJson(pura, order, buildRequest("DAMAGED_IN_TRANSIT", [{ id: "REFILL", quantity: 2, condition: "DAMAGED", evidence: ["photo"] }]), "2026-03-10T12:00:00Z");
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "68.00" });
  });
  it("counts days in San Francisco time (America/Los_Angeles)", () => {
    // 2026-03-06T07:30Z is still Thursday 5 March (23:30 PST) in San Francisco, though Friday in New York.
    const late = buildOrder({ lines: [{ id: "DIFF", price: "49.99" }], fulfillments: [{ createdAt: "2026-03-02T17:00:00Z", deliveredAt: "2026-03-06T07:30:00Z", lines: { DIFF: 1 } }] });
    const req = buildRequest("DEFECTIVE", [{ id: "DIFF", evidence: ["photo"] }]);
    expect(decideJson(pura, late, req, "2026-03-13T07:00:00Z").lines[0]?.code).toBe("DEFECT_REPORT_WINDOW_EXPIRED");
    expect(pura.timeZone).toBe("America/Los_Angeles");
  });
  it('"We aim to reply to all emails within 24-48 business hours (excluding weekends and public holidays)."', () => {
    // Friday 2026-03-06 15:00 PST: 9 h left Friday, Monday 24 h, 15 h of Tuesday → Tuesday 15:00 PDT = 22:00Z.
    expect(serviceDueAt(pura, "firstReply", new Date("2026-03-06T23:00:00Z"))?.toISOString()).toBe("2026-03-10T22:00:00.000Z");
    // Friday 2026-07-03 is the observed Independence Day: Thursday 2 July 10:00 PDT + 48 → 14 h Thursday, 24 h Monday, 10 h Tuesday.
    expect(serviceDueAt(pura, "firstReply", new Date("2026-07-02T17:00:00Z"))?.toISOString()).toBe("2026-07-07T17:00:00.000Z");
  });
  it('"We will review the issue thoroughly and provide a final decision within 3 business days."', () => {
    // Friday 2026-03-06 → Monday 9, Tuesday 10, Wednesday 11 → 2026-03-12 00:00 PDT = 07:00Z.
    expect(serviceDueAt(pura, "escalationDecision", new Date("2026-03-06T23:00:00Z"))?.toISOString()).toBe("2026-03-12T07:00:00.000Z");
  });
  it('"we assign a unique case number and provide weekly updates until the matter is resolved"', () => {
    expect(pura.service.updateCadence).toEqual({ min: null, max: 7, unit: "CALENDAR_DAYS" });
  });
  it('"If you do not receive an RMA number within 48 hours of requesting a return"', () => {
    expect(serviceDueAt(pura, "rmaIssued", new Date("2026-03-06T23:00:00Z"))?.toISOString()).toBe("2026-03-08T23:00:00.000Z");
  });
  it('"when you can expect your refund (typically 5-10 business days after approval)" and "free replacements (shipped within 1-3 business days)"', () => {
    expect(pura.refund.processingTime).toEqual({ min: 5, max: 10, unit: "BUSINESS_DAYS" });
    expect(pura.exchanges.replacementShipsWithin).toEqual({ min: 1, max: 3, unit: "BUSINESS_DAYS" });
  });
  it('"Cancellations apply after the current billing cycle—no partial refunds are provided"', () => {
    expect(pura.subscriptions).toMatchObject({ cancelAnytime: true, endsAtPeriodEnd: true, partialPeriodRefund: false });
  });
  it("flags the change-of-mind rules as assumptions (the Refund Policy it refers to is not provided)", () => {
    for (const path of ["returnWindow.days", "conditions", "claims.RETURN", "claims.DEFECTIVE.evidence.onMissing", "exclusions.gift-card"]) expect(isAssumed(pura, path)).toBe(true);
    expect(isAssumed(pura, "claims.DEFECTIVE.reportWindowDays")).toBe(false);
    const d = decideJson(pura, order, buildRequest("RETURN", [{ id: "DIFF", condition: "OPENED" }]), "2026-03-20T12:00:00Z");
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "49.99" });
  });
});
