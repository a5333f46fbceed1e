/** Kendra Scott Mall preset: each test quotes seeds/kendra-scott-mall-customer-service-policy.txt. */
import { describe, expect, it } from "vitest";
import { isAssumed, presets, serviceDueAt } from "../index";
import { buildOrder, buildRequest, decideJson } from "../testing";

const ksm = presets["kendra-scott-mall"];
// Delivered Saturday 2026-05-09 15:00 EDT (day 0).
const DELIVERED = "2026-05-09T19:00:00Z";
const NOW = "2026-05-12T15:00:00Z";
const order = buildOrder({
  shipping: ["0.00"],
  lines: [
    { id: "EAR", price: "68.00", tags: ["Final Sale", "earrings"] },
    { id: "NECK", price: "98.00", tags: ["necklace"] },
    { id: "GC", price: "50.00", isGiftCard: true },
  ],
  fulfillments: [{ createdAt: "2026-05-01T15:00:00Z", deliveredAt: DELIVERED, lines: { EAR: 1, NECK: 1, GC: 1 } }],
});

describe("Kendra Scott Mall", () => {
  it('"For items marked as “Final Sale” (per our Refund Policy), we clearly explain why they are non-refundable" — tag final-sale, any spelling', () => {
    const d = decideJson(ksm, order, buildRequest("RETURN", [{ id: "EAR" }, { id: "NECK", condition: "OPENED" }]), NOW);
    expect(d.lines[0]).toMatchObject({ code: "FINAL_SALE", clause: "exclusion.final-sale", explanation: "Items marked Final Sale can't be returned or refunded." });
    expect(d.lines[1]).toMatchObject({ code: "OK", refundAmount: "98.00" });
    // a defective final-sale item can still be reported (an assumption, flagged)
    expect(decideJson(ksm, order, buildRequest("DEFECTIVE", [{ id: "EAR" }]), NOW).lines[0]?.code).toBe("OK");
    expect(isAssumed(ksm, "exclusions.final-sale.appliesTo")).toBe(true);
  });
  it('"missing shipments or defective items reported within the 7-day window (per our Refund Policy)"', () => {
    // Day 7 = Saturday 16 May; closes 2026-05-17 00:00 EDT = 04:00Z.
    for (const type of ["DEFECTIVE", "MISSING_ITEM"] as const) {
      const req = buildRequest(type, [{ id: "NECK" }]);
      expect(decideJson(ksm, order, req, "2026-05-17T03:59:59Z").lines[0]?.code).toBe("OK");
      expect(decideJson(ksm, order, req, "2026-05-17T04:00:00Z").lines[0]?.code).toBe("DEFECT_REPORT_WINDOW_EXPIRED");
    }
  });
  it('"reimbursing return shipping costs (for eligible cases like defective items)" and "attach photos (e.g., of damaged items) when possible"', () => {
    const d = decideJson(ksm, order, buildRequest("DEFECTIVE", [{ id: "NECK", condition: "USED" }]), NOW);
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "98.00", clause: "claim.defective" });
    expect(d.returnShippingPaidBy).toBe("MERCHANT");
    expect(ksm.claims.DEFECTIVE.evidence.required).toBe(false);
  });
  it('"If an issue arises (e.g., a delayed order, incorrect item), we take responsibility"', () => {
    const d = decideJson(ksm, order, buildRequest("WRONG_ITEM", [{ id: "NECK" }]), NOW);
    expect(d.lines[0]).toMatchObject({ code: "OK", refundAmount: "98.00", clause: "claim.wrong-item" });
    expect(d.returnShippingPaidBy).toBe("MERCHANT");
  });
  it('"our 1-3 day order processing, 6-12 day delivery" — without a delivery date, 12 days of transit', () => {
    // Created 2026-05-01 (EDT) + 12 → delivery day 13 May; + 30 (assumed window) → 12 June; closes 2026-06-13 04:00Z.
    const undelivered = buildOrder({ lines: [{ id: "NECK", price: "98.00" }], fulfillments: [{ createdAt: "2026-05-01T15:00:00Z", deliveredAt: null, lines: { NECK: 1 } }] });
    const req = buildRequest("RETURN", [{ id: "NECK" }]);
    expect(decideJson(ksm, undelivered, req, "2026-06-13T03:59:59Z").lines[0]?.code).toBe("OK");
    expect(decideJson(ksm, undelivered, req, "2026-06-13T04:00:00Z").lines[0]?.code).toBe("RETURN_WINDOW_EXPIRED");
    expect(isAssumed(ksm, "returnWindow.days")).toBe(true);
  });
  it('"free shipping policy" — no original shipping is deducted; gift cards are excluded', () => {
    const d = decideJson(ksm, order, buildRequest("RETURN", [{ id: "NECK" }, { id: "GC" }]), NOW);
    expect(d.deductions).toEqual([]);
    expect(d.lines[1]).toMatchObject({ code: "EXCLUDED", clause: "exclusion.gift-card" });
  });
  it('"We aim to respond to all inquiries within 1-2 business days (excluding weekends and holidays)."', () => {
    // Wednesday 2026-11-25: Thursday 26 is Thanksgiving, Friday 27 (1), Monday 30 (2) → 2026-12-01 00:00 EST = 05:00Z.
    expect(serviceDueAt(ksm, "firstReply", new Date("2026-11-25T15:00:00Z"))?.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });
  it('"5-10 day refund timelines"', () => {
    expect(ksm.refund.processingTime).toEqual({ min: 5, max: 10, unit: "BUSINESS_DAYS" });
    expect(isAssumed(ksm, "refund.processingTime.unit")).toBe(true);
  });
});
