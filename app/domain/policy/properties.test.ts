/**
 * Property-based tests (fast-check) over random orders, requests, times and
 * all five presets: money invariants, monotone windows, determinism.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CLAIM_TYPES, CONDITIONS, PRESET_IDS, decide, orderSchema, presets, renderPolicyText, returnRequestSchema, type Decision, type OrderSnapshot, type Policy, type ReturnRequest } from "./index";
import { parseAmount } from "../money";
import { buildOrder, buildRequest, type LineSpec } from "./testing";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

const currencyArb = fc.constantFrom("USD", "JPY", "KWD", "EUR");
const tagArb = fc.constantFrom("final-sale", "Final Sale", "FINAL_SALE", "hygiene", "Personalized", "summer", "new", "gift", "sale", "bestseller", "spring", "core");

interface Scenario {
  policy: Policy;
  order: OrderSnapshot;
  request: ReturnRequest;
  now: Date;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    preset: fc.constantFrom(...PRESET_IDS),
    currency: currencyArb,
    lineCount: fc.integer({ min: 1, max: 5 }),
    lines: fc.array(
      fc.record({
        price: fc.integer({ min: 0, max: 5_000_000 }),
        quantity: fc.integer({ min: 1, max: 4 }),
        fulfilled: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) }), // -1: all units shipped
        refundableDrop: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
        tags: fc.array(tagArb, { maxLength: 2 }),
        giftCard: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        engraved: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        sellingPlan: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        shipment: fc.integer({ min: 0, max: 1 }),
        returned: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
        returnStatus: fc.constantFrom("REQUESTED", "OPEN", "CLOSED", "DECLINED", "CANCELED"),
      }),
      { minLength: 5, maxLength: 5 },
    ),
    deliveredOffsets: fc.tuple(fc.integer({ min: 0, max: 300 * DAY }), fc.integer({ min: 0, max: 300 * DAY })),
    delivered: fc.tuple(fc.boolean(), fc.boolean()),
    shipping: fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 2 }),
    type: fc.constantFrom(...CLAIM_TYPES),
    requestLines: fc.array(
      fc.record({
        index: fc.integer({ min: 0, max: 9 }), // 9 = a line that is not on the order
        quantity: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 5 }) }),
        condition: fc.constantFrom(...CONDITIONS),
        evidence: fc.subarray(["photo", "video"] as ("photo" | "video")[]),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    nowOffset: fc.integer({ min: -5 * DAY, max: 80 * DAY }), // after the first delivery
  })
  .map((s) => {
    const digits = s.currency === "JPY" ? 0 : s.currency === "KWD" ? 3 : 2;
    const money = (minor: number) => (digits === 0 ? String(minor) : `${Math.floor(minor / 10 ** digits)}.${String(minor % 10 ** digits).padStart(digits, "0")}`);
    const lines: LineSpec[] = s.lines.slice(0, s.lineCount).map((l, i) => ({
      id: `L${i}`,
      price: money(l.price),
      quantity: l.quantity,
      refundableQuantity: Math.max(0, l.quantity - l.refundableDrop),
      tags: l.tags,
      isGiftCard: l.giftCard,
      properties: (l.engraved ? { "Engraving text": "Hi" } : {}) as Record<string, string>,
      sellingPlan: l.sellingPlan,
      deletedProduct: l.deleted,
    }));
    const used = s.lines.slice(0, s.lineCount);
    const fulfillments = [0, 1].map((k) => ({
      createdAt: new Date(T0 + s.deliveredOffsets[k]! - 3 * DAY).toISOString(),
      deliveredAt: s.delivered[k] ? new Date(T0 + s.deliveredOffsets[k]!).toISOString() : null,
      lines: Object.fromEntries(used.map((l, i) => [`L${i}`, l.shipment === k ? (l.fulfilled < 0 ? l.quantity : Math.min(l.fulfilled, l.quantity)) : 0]).filter(([, q]) => (q as number) > 0)),
    }));
    const returns = used
      .map((l, i) => ({ status: l.returnStatus, lines: { [`L${i}`]: l.returned } }))
      .filter((r) => Object.values(r.lines)[0]! > 0);
    const order = orderSchema.parse(buildOrder({ currency: s.currency, shipping: s.shipping.map(money), lines, fulfillments, returns }));
    const request = returnRequestSchema.parse(
      buildRequest(
        s.type,
        s.requestLines.map((r) => ({ id: `L${r.index === 9 ? 9 : r.index % s.lineCount}`, quantity: r.quantity, condition: r.condition, evidence: r.evidence })),
      ),
    );
    return { policy: presets[s.preset], order, request, now: new Date(T0 + s.deliveredOffsets[0] + s.nowOffset) };
  });

function unitMinor(order: OrderSnapshot, lineItemId: string): bigint {
  const li = order.lineItems.nodes.find((l) => l.id === lineItemId)!;
  return parseAmount(li.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount, order.currencyCode);
}

function sum(values: bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

const RUNS = { numRuns: 400 };

describe("decide() properties", () => {
  it("refund ≤ amount paid, never negative, fee + refund = gross per line", () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, order, request, now }) => {
        const d = decide(policy, order, request, now);
        const c = order.currencyCode;
        let paid = 0n;
        for (const l of d.lines) {
          if (!l.eligible) {
            expect(l.refundAmount).toBeNull();
            continue;
          }
          const gross = unitMinor(order, l.lineItemId) * BigInt(l.quantity);
          const refund = parseAmount(l.refundAmount!, c);
          const fee = parseAmount(l.restockingFee!, c);
          expect(refund >= 0n).toBe(true);
          expect(fee >= 0n).toBe(true);
          expect(refund <= gross).toBe(true);
          expect(refund + fee).toBe(gross);
          paid += gross;
        }
        const total = parseAmount(d.refundTotal, c);
        expect(total >= 0n).toBe(true);
        expect(total <= paid).toBe(true);
        expect(total).toBe(parseAmount(d.subtotal, c) - sum(d.deductions.map((x) => parseAmount(x.amount, c))));
        for (const x of d.deductions) expect(parseAmount(x.amount, c) > 0n).toBe(true);
        expect(d.eligible).toBe(d.lines.some((l) => l.eligible));
        if (!d.eligible) expect(d.deductions).toEqual([]);
      }),
      RUNS,
    );
  });

  it("once a window has closed it stays closed (and an open one was open before)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 500 * DAY }), ({ policy, order, request, now }, later) => {
        const a = decide(policy, order, request, now);
        const b = decide(policy, order, request, new Date(now.getTime() + later));
        a.lines.forEach((l, i) => {
          if (l.code === "RETURN_WINDOW_EXPIRED" || l.code === "DEFECT_REPORT_WINDOW_EXPIRED") expect(b.lines[i]?.code).toBe(l.code);
          if (b.lines[i]?.eligible) expect(l.eligible).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("same input, same output (and inputs are not mutated)", () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, order, request, now }) => {
        const before = JSON.stringify([order, request]);
        const a: Decision = decide(policy, order, request, now);
        const b: Decision = decide(policy, structuredClone(order), structuredClone(request), new Date(now.getTime()));
        expect(b).toEqual(a);
        expect(JSON.stringify([order, request])).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it("every line cites a clause of the rendered policy and explains itself in one sentence", () => {
    const rendered = new Map(PRESET_IDS.map((id) => [presets[id], new Set(renderPolicyText(presets[id]).clauses.map((c) => c.id))]));
    fc.assert(
      fc.property(scenarioArb, ({ policy, order, request, now }) => {
        const d = decide(policy, order, request, now);
        for (const l of d.lines) {
          expect(rendered.get(policy)!.has(l.clause), l.clause).toBe(true);
          expect(l.explanation).toMatch(/^[A-Z].*\.$/);
        }
        for (const x of d.deductions) expect(rendered.get(policy)!.has(x.clause)).toBe(true);
      }),
      RUNS,
    );
  });
});
