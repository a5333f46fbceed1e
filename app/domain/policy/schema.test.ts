import { describe, expect, it } from "vitest";
import {
  PRESET_IDS,
  getPreset,
  orderSchema,
  policySchema,
  presetInputs,
  presets,
  renderPolicyText,
  resolvePolicyPath,
  returnRequestSchema,
  type PolicyInput,
} from "./index";
import { buildOrder, buildRequest } from "./testing";

// These tests deliberately write invalid shapes into policies, orders and requests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

describe("presets", () => {
  it("exist for the five seed ids", () => {
    expect([...PRESET_IDS].sort()).toEqual(["clean-beauty", "kendra-scott-mall", "pura", "purtly", "soulmate-spark-studio"]);
    for (const id of PRESET_IDS) expect(getPreset(id)?.id).toBe(id);
    expect(getPreset("unknown")).toBeUndefined();
  });
  it.each(PRESET_IDS)("%s round-trips through the schema (JSON → parse → same policy) and the text renderer", (id) => {
    const preset = presets[id];
    const reparsed = policySchema.parse(JSON.parse(JSON.stringify(preset)));
    expect(reparsed).toEqual(preset);
    expect(policySchema.parse(presetInputs[id])).toEqual(preset);
    expect(renderPolicyText(reparsed, "en")).toEqual(renderPolicyText(preset, "en"));
    expect(preset.schemaVersion).toBe(1);
  });
  it.each(PRESET_IDS)("%s marks its silent fields as assumptions that point at real fields", (id) => {
    const preset = presets[id];
    expect(preset.assumptions.length).toBeGreaterThan(0);
    for (const a of preset.assumptions) {
      expect(resolvePolicyPath(preset, a.path), a.path).not.toBeUndefined();
      expect(a.note.length).toBeGreaterThan(10);
    }
  });
  it("use the time zones of the brief", () => {
    expect(presets.pura.timeZone).toBe("America/Los_Angeles");
    for (const id of ["kendra-scott-mall", "clean-beauty", "purtly", "soulmate-spark-studio"] as const) expect(presets[id].timeZone).toBe("America/New_York");
  });
  it("all exclude gift cards for every claim type; purtly deducts the order's shipping charge", () => {
    for (const id of PRESET_IDS) {
      const gc = presets[id].exclusions.find((e) => e.match.some((m) => m.by === "giftCard"));
      expect(gc?.appliesTo).toHaveLength(5);
    }
    expect(presets.purtly.originalShipping.mode).toBe("ORDER_SHIPPING_CHARGE");
  });
  it("are frozen so a caller cannot change them by accident", () => {
    expect(Object.isFrozen(presets.purtly)).toBe(true);
    expect(Object.isFrozen(presets.purtly.conditions.OPENED)).toBe(true);
  });
});

describe("policy schema validation", () => {
  const valid = (): PolicyInput => structuredClone(presetInputs.purtly);
  const rejects = (edit: (p: Loose) => void) => {
    const p = valid() as Loose;
    edit(p);
    return policySchema.safeParse(p).success === false;
  };
  it("accepts the presets", () => {
    expect(policySchema.safeParse(valid()).success).toBe(true);
  });
  it("rejects bad versions, zones, percentages, ids and calendars", () => {
    expect(rejects((p) => (p.schemaVersion = 2))).toBe(true);
    expect(rejects((p) => (p.timeZone = "Eastern"))).toBe(true);
    expect(rejects((p) => (p.conditions.OPENED = { accepted: true, refundPercent: 85.125 }))).toBe(true);
    expect(rejects((p) => (p.conditions.OPENED = { accepted: true, refundPercent: 101 }))).toBe(true);
    expect(rejects((p) => (p.conditions.OPENED = { accepted: true }))).toBe(true);
    expect(rejects((p) => (p.exclusions[0].id = "Final Sale"))).toBe(true);
    expect(rejects((p) => p.exclusions.push(p.exclusions[0]))).toBe(true);
    expect(rejects((p) => (p.calendar.businessHours = { start: "17:00", end: "09:00" }))).toBe(true);
    expect(rejects((p) => (p.calendar.holidays = [{ date: "2026-02-30", name: "x" }]))).toBe(true);
    expect(rejects((p) => (p.partialRefunds = { allowed: true, minPercent: 60, maxPercent: 40 }))).toBe(true);
    expect(rejects((p) => (p.returnWindow.days = 1.5))).toBe(true);
    expect(rejects((p) => (p.inspection.within = { min: 9, max: 7, unit: "BUSINESS_DAYS" }))).toBe(true);
    expect(rejects((p) => (p.claims.DEFECTIVE.evidence.kinds = []))).toBe(true);
    expect(rejects((p) => (p.originalShipping = { mode: "FIXED", amount: { amount: "-1", currencyCode: "USD" } }))).toBe(true);
  });
  it("rejects an assumption that points at no field", () => {
    expect(rejects((p) => p.assumptions.push({ path: "returnWindow.weeks", note: "typo" }))).toBe(true);
  });
  it("resolves paths with array items by id", () => {
    expect(resolvePolicyPath(presets["kendra-scott-mall"], "exclusions.final-sale.code")).toBe("FINAL_SALE");
    expect(resolvePolicyPath(presets.purtly, "claims.DEFECTIVE.evidence.onMissing")).toBe("TREAT_AS_RETURN");
    expect(resolvePolicyPath(presets.purtly, "claims.NOPE")).toBeUndefined();
  });
});

describe("order and request schemas (Admin API 2026-07 shapes)", () => {
  const order = () =>
    buildOrder({ shipping: ["7.99"], lines: [{ id: "A", price: "10.00" }], fulfillments: [{ createdAt: "2026-03-01T10:00:00Z", deliveredAt: "2026-03-02T10:00:00Z", lines: { A: 1 } }] }) as Loose;
  it("accepts a full order and fills optional fields", () => {
    const o = order();
    delete o.returns;
    delete o.lineItems.nodes[0].customAttributes;
    delete o.lineItems.nodes[0].isGiftCard;
    o.lineItems.nodes[0].product = null;
    const parsed = orderSchema.parse(o);
    expect(parsed.returns.nodes).toEqual([]);
    expect(parsed.lineItems.nodes[0]).toMatchObject({ isGiftCard: false, customAttributes: [], product: null, sellingPlan: null });
  });
  it("accepts comma-separated tags, vendor, sellingPlan and totalShippingPriceSet", () => {
    const o = order();
    o.lineItems.nodes[0].product = { tags: "Final Sale, summer", productType: "Dress", vendor: "Acme" };
    o.totalShippingPriceSet = { shopMoney: { amount: "7.99", currencyCode: "USD" } };
    const parsed = orderSchema.parse(o);
    expect(parsed.lineItems.nodes[0]?.product).toEqual({ tags: ["Final Sale", "summer"], productType: "Dress", vendor: "Acme" });
  });
  it("rejects missing or malformed required fields", () => {
    const missing = order();
    delete missing.lineItems;
    expect(orderSchema.safeParse(missing).success).toBe(false);
    const badDate = order();
    badDate.fulfillments[0].deliveredAt = "yesterday";
    expect(orderSchema.safeParse(badDate).success).toBe(false);
    const badPrice = order();
    badPrice.lineItems.nodes[0].discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount = "ten";
    expect(orderSchema.safeParse(badPrice).success).toBe(false);
  });
  it("validates requests: quantity ≥ 1, known type and condition, evidence kinds", () => {
    const ok = buildRequest("RETURN", [{ id: "A" }]) as Loose;
    expect(returnRequestSchema.safeParse(ok).success).toBe(true);
    const bad = (edit: (r: Loose) => void) => {
      const r = structuredClone(ok);
      edit(r);
      return returnRequestSchema.safeParse(r).success;
    };
    expect(bad((r) => (r.lines[0].quantity = 0))).toBe(false);
    expect(bad((r) => (r.lines[0].quantity = 1.5))).toBe(false);
    expect(bad((r) => (r.type = "EXCHANGE"))).toBe(false);
    expect(bad((r) => (r.lines[0].condition = "LIKE_NEW"))).toBe(false);
    expect(bad((r) => delete r.lines[0].condition)).toBe(false);
    expect(bad((r) => delete r.lines[0].lineItemId)).toBe(false);
    expect(bad((r) => (r.lines = []))).toBe(false);
    expect(bad((r) => (r.lines[0].evidence = [{ kind: "audio", url: "x" }]))).toBe(false);
  });
});
