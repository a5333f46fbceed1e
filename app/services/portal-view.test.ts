// The shopper portal's pure shaping: eligibility from a snapshot, preview totals, next steps,
// a case as its shopper sees it. The database suite (tests/db/portal-api.test.ts) runs the
// same code behind the real routes.
import { describe, expect, it } from "vitest";
import { decide, presets, type Decision, type ReturnRequest } from "~/domain/policy";
import type { OrderSnapshot } from "./order-snapshot.server";
import { caseStatusView, durationText, eligibilityView, GENERIC_DECLINE, money, nextSteps, previewView, returnableQuantities, submittedView } from "./portal-view";

const L1 = "gid://shopify/LineItem/1";
const L2 = "gid://shopify/LineItem/2";
const L3 = "gid://shopify/LineItem/3";
const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" } });

function item(id: string, name: string, price: string, quantity: number, tags: string[]) {
  return {
    id,
    name,
    quantity,
    refundableQuantity: quantity,
    isGiftCard: false,
    customAttributes: [],
    discountedUnitPriceAfterAllDiscountsSet: usd(price),
    product: { tags, productType: null, vendor: null },
    sellingPlan: null,
  };
}

/** Two units of a purifier (one already in a requested return), a filter, and an item never shipped. */
const order: OrderSnapshot = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-03-01T12:00:00Z",
  currencyCode: "USD",
  customer: { id: "gid://shopify/Customer/7", displayName: "Ava Garcia", email: null },
  shippingLines: { nodes: [{ originalPriceSet: usd("9.99") }] },
  totalShippingPriceSet: usd("9.99"),
  fulfillments: [
    {
      id: "gid://shopify/Fulfillment/1",
      createdAt: "2026-03-02T12:00:00Z",
      deliveredAt: "2026-03-04T15:00:00Z",
      displayStatus: "DELIVERED",
      fulfillmentLineItems: {
        nodes: [
          { id: "gid://shopify/FulfillmentLineItem/1", quantity: 2, lineItem: { id: L1 } },
          { id: "gid://shopify/FulfillmentLineItem/2", quantity: 1, lineItem: { id: L2 } },
        ],
      },
    },
  ],
  lineItems: { nodes: [item(L1, "Purifier", "199.9", 2, ["purifier"]), item(L2, "Filter", "39.50", 1, ["filter"]), item(L3, "Backorder", "5.00", 1, [])] },
  returns: { nodes: [{ id: "gid://shopify/Return/1", status: "REQUESTED", returnLineItems: { nodes: [{ quantity: 1, fulfillmentLineItem: { lineItem: { id: L1 } } }] } }] },
  transactions: [],
};

const inWindow = new Date("2026-03-10T12:00:00Z");
const reasons = [{ id: "gid://shopify/ReturnReasonDefinition/1", handle: "too-big", name: "Too big" }];

describe("eligibilityView", () => {
  it("counts returnable units as the engine does: delivered, less units in active returns, capped by what is refundable", () => {
    expect(returnableQuantities(order)).toEqual(new Map([[L1, 1], [L2, 1], [L3, 0]]));
    const declined = { ...order, returns: { nodes: [{ ...order.returns.nodes[0]!, status: "DECLINED" as const }] } };
    expect(returnableQuantities(declined).get(L1)).toBe(2);
  });

  it("decides a change-of-mind return of every returnable unit, unopened, now", () => {
    const view = eligibilityView({ policy: presets.purtly, policyVersion: 3, snapshot: order, reasons, existingReturns: 1, now: inWindow });
    expect(view.order).toEqual({ id: order.id, name: "#1001", currencyCode: "USD" });
    expect(view.policy).toMatchObject({ version: 3, returnShippingPaidBy: "CUSTOMER" });
    expect(view.reasons).toEqual([{ id: reasons[0]!.id, name: "Too big" }]);
    expect(view.existingReturns).toBe(1);
    const [purifier, filter, backorder] = view.lines;
    expect(purifier).toMatchObject({ quantity: 2, returnableQuantity: 1, unitPrice: { amount: "199.90", currencyCode: "USD" }, returnable: true, code: "OK", clause: "condition.unopened", clauseTitle: expect.any(String) });
    // Delivered 4 March 10:00 New York time: 30 days run through 3 April.
    expect(purifier!.windowClosesAt).toBe("2026-04-04T04:00:00.000Z");
    expect(filter).toMatchObject({ returnable: true, returnableQuantity: 1 });
    expect(backorder).toMatchObject({ returnable: false, returnableQuantity: 0, code: "NOT_FULFILLED", windowClosesAt: null });
    expect(view.anythingReturnable).toBe(true);
    const byType = new Map(view.claimTypes.map((c) => [c.type, c]));
    expect([...byType.keys()]).toEqual(["RETURN", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM"]);
    expect(byType.get("RETURN")).toMatchObject({ label: "Return (change of mind)", evidence: { required: false, kinds: [], minCount: 0 }, lineItemIds: [L1, L2] });
    expect(byType.get("DEFECTIVE")).toMatchObject({ evidence: { required: true, kinds: ["photo", "video"], minCount: 1, onMissing: "TREAT_AS_RETURN" }, lineItemIds: [L1, L2] });
  });

  it("after the window nothing is returnable, with the engine's reason", () => {
    const view = eligibilityView({ policy: presets.purtly, policyVersion: 1, snapshot: order, reasons: [], existingReturns: 0, now: new Date("2026-06-01T00:00:00Z") });
    expect(view.lines[0]).toMatchObject({ returnable: false, code: "RETURN_WINDOW_EXPIRED", clause: "window.return" });
    expect(view.anythingReturnable).toBe(false);
    expect(view.claimTypes.find((c) => c.type === "RETURN")!.lineItemIds).toEqual([]);
  });
});

describe("previewView and submittedView", () => {
  const request: ReturnRequest = {
    type: "RETURN",
    lines: [
      { lineItemId: L1, quantity: 1, condition: "OPENED", reason: "", evidence: [] },
      { lineItemId: L2, quantity: 1, condition: "UNOPENED", reason: "", evidence: [] },
    ],
  };
  // No earlier return on the order: the original shipping is deducted (once per order).
  const fresh: OrderSnapshot = { ...order, returns: { nodes: [] } };
  const decision = decide(presets.purtly, fresh, request, inWindow);

  it("carries the engine's totals as money, every deduction with its clause, and each line's window", () => {
    const view = previewView(presets.purtly, fresh, decision);
    expect(view.refund.total).toEqual({ amount: decision.refundTotal, currencyCode: "USD" });
    expect(view.refund.subtotal).toEqual({ amount: decision.subtotal, currencyCode: "USD" });
    expect(view.refund.deductions).toEqual([
      { kind: "ORIGINAL_SHIPPING", amount: { amount: "9.99", currencyCode: "USD" }, clause: "shipping.original", clauseTitle: expect.any(String), explanation: expect.stringMatching(/shipping/) },
    ]);
    // 199.90 × 85 % + 39.50 − 9.99, in minor units: no floating point.
    expect(decision.refundTotal).toBe("199.43");
    expect(view.decision.lines.map((l) => l.clauseTitle)).not.toContain(null);
    expect(view.deadlines).toEqual({ [L1]: "2026-04-04T04:00:00.000Z", [L2]: "2026-04-04T04:00:00.000Z" });
    expect(view.returnShippingPaidBy).toBe("CUSTOMER");
  });

  it("answers a submit with the stored case's decision and plain next steps", () => {
    const view = submittedView({
      id: "case1",
      rmaNumber: "RMA-1001",
      status: "REQUESTED",
      policyJson: JSON.stringify(presets.purtly),
      decisionJson: JSON.stringify(decision),
      lines: [
        { lineItemId: L1, title: "Purifier" },
        { lineItemId: L2, title: "Filter" },
      ],
    });
    expect(view).toMatchObject({ caseId: "case1", rma: "RMA-1001", status: "REQUESTED", refund: { total: { amount: "199.43" } } });
    expect(view.nextSteps[0]).toBe("Your request RMA-1001 has been sent to Purtly. Quote RMA-1001 on the parcel and in any message about this return.");
    expect(view.nextSteps).toContain("Once the store approves your request, send the items back at your own cost; use a trackable shipping service.");
    expect(view.nextSteps).toContain("Estimated refund: 199.43 USD, paid to your original payment method after the store has received and inspected the items.");
    expect(view.nextSteps).toContain("Refunds usually arrive within 3–5 business days of approval.");
  });
});

describe("nextSteps", () => {
  const titleOf = () => "Purifier";
  it("a merchant-paid claim promises a prepaid label; a missing item needs nothing sent back", () => {
    const kendra = decide(presets["kendra-scott-mall"], order, { type: "DEFECTIVE", lines: [{ lineItemId: L2, quantity: 1, condition: "OPENED", reason: "", evidence: [] }] }, inWindow);
    const steps = nextSteps({ policy: presets["kendra-scott-mall"], decision: kendra, rma: null, titleOf });
    expect(steps[0]).toBe("Your request has been sent to Kendra Scott Mall.");
    expect(steps).toContain("Once the store approves your request, it sends you a prepaid return label: return shipping costs you nothing.");
    expect(steps.at(-1)).toBe("The store aims to reply within 1–2 business days; you'll hear from it by email.");
    const missing = decide(presets.pura, order, { type: "MISSING_ITEM", lines: [{ lineItemId: L2, quantity: 1, condition: "UNOPENED", reason: "", evidence: [] }] }, inWindow);
    expect(missing.lines[0]!.eligible).toBe(true);
    expect(nextSteps({ policy: presets.pura, decision: missing, rma: "RMA-1", titleOf })).toContain("You don't need to send anything back.");
  });

  it("a request nothing of which qualifies says so, with the policy's reason per item", () => {
    const late = decide(presets.purtly, order, { type: "RETURN", lines: [{ lineItemId: L2, quantity: 1, condition: "UNOPENED", reason: "", evidence: [] }] }, new Date("2026-06-01T00:00:00Z"));
    const steps = nextSteps({ policy: presets.purtly, decision: late, rma: "RMA-2", titleOf: () => "Filter" });
    expect(steps[1]).toMatch(/^Filter doesn't qualify under the store's policy: .+ The store will confirm this when it reviews your request\.$/);
    expect(steps).toContain("None of the items qualify under the store's policy, so no refund is expected; the store will confirm its decision by email.");
    expect(steps.join(" ")).not.toMatch(/Estimated refund/);
  });

  it("words durations", () => {
    expect(durationText({ min: null, max: 1, unit: "BUSINESS_DAYS" })).toBe("1 business day");
    expect(durationText({ min: 5, max: 10, unit: "BUSINESS_DAYS" })).toBe("5–10 business days");
    expect(durationText({ min: 24, max: 24, unit: "HOURS" })).toBe("24 hours");
  });
});

describe("caseStatusView", () => {
  const decision = { lines: [{ lineItemId: L2 }, { lineItemId: L1 }] } as unknown as Decision;
  const base = {
    id: "case1",
    rmaNumber: "RMA-1001",
    status: "REQUESTED",
    createdAt: new Date("2026-03-10T12:00:00Z"),
    claimType: "RETURN",
    currency: "JPY",
    refundEstimate: "4800",
    refundAmount: "4800",
    refundedAt: null,
    labelUrl: null,
    trackingNumber: null,
    trackingUrl: null,
    shopifyReturnId: "gid://shopify/Return/9",
    decisionJson: JSON.stringify(decision),
    lines: [
      { lineItemId: L1, title: "Purifier", quantity: 1, code: "EXCLUDED", explanation: "Subscriptions aren't refunded." },
      { lineItemId: L2, title: "Filter", quantity: 1, code: "OK", explanation: "Unopened: full refund." },
    ],
    notes: [
      { visibility: "CUSTOMER", body: "Second", createdAt: new Date("2026-03-12T00:00:00Z") },
      { visibility: "INTERNAL", body: "Agents only", createdAt: new Date("2026-03-11T00:00:00Z") },
      { visibility: "CUSTOMER", body: "First", createdAt: new Date("2026-03-11T00:00:00Z") },
    ],
  };

  it("shows messages to the shopper only, in order, lines in the request's order, no refund until refunded", () => {
    const view = caseStatusView(base, null);
    expect(view.messages).toEqual([
      { body: "First", at: "2026-03-11T00:00:00.000Z" },
      { body: "Second", at: "2026-03-12T00:00:00.000Z" },
    ]);
    expect(view.lines.map((l) => l.title)).toEqual(["Filter", "Purifier"]);
    expect(view).toMatchObject({ refundEstimate: { amount: "4800", currencyCode: "JPY" }, refundedAmount: null, label: null, declined: null, createdAt: "2026-03-10T12:00:00.000Z" });
    expect(caseStatusView({ ...base, status: "REFUNDED", refundedAt: new Date(), trackingNumber: "1Z" }, null)).toMatchObject({
      refundedAmount: { amount: "4800", currencyCode: "JPY" },
      label: { url: null, trackingNumber: "1Z", trackingUrl: null },
    });
  });

  it("explains a decline with Shopify's note, else the policy's refusal, else a plain sentence", () => {
    const declined = { ...base, status: "DECLINED" };
    expect(caseStatusView(declined, "Outside the window (Policy clause window.return)").declined).toEqual({ explanation: "Outside the window (Policy clause window.return)" });
    expect(caseStatusView(declined, null).declined).toEqual({ explanation: "Subscriptions aren't refunded." });
    expect(caseStatusView({ ...declined, lines: base.lines.map((l) => ({ ...l, code: "OK" })) }, "  ").declined).toEqual({ explanation: GENERIC_DECLINE });
  });
});

describe("money", () => {
  it("keeps decimal strings in the currency's digits", () => {
    expect(money("12.5", "USD")).toEqual({ amount: "12.50", currencyCode: "USD" });
    expect(money("4800.0", "JPY")).toEqual({ amount: "4800", currencyCode: "JPY" });
    expect(money("0.1", "KWD")).toEqual({ amount: "0.100", currencyCode: "KWD" });
  });
});
