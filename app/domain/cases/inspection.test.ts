import { describe, expect, it } from "vitest";
import { decide, presets, type OrderSnapshot, type ReturnRequest } from "../policy";
import { inspectedDecision, inspectionFormSchema, refundBreakdown } from "./inspection";

// One Purtly order: a purifier at 199.99, shipping 9.99, delivered 3 days before the request.
const order: OrderSnapshot = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-11-10T15:00:00Z",
  currencyCode: "USD",
  shippingLines: { nodes: [{ originalPriceSet: { shopMoney: { amount: "9.99", currencyCode: "USD" } } }] },
  fulfillments: [
    {
      id: "gid://shopify/Fulfillment/1",
      createdAt: "2026-11-12T15:00:00Z",
      deliveredAt: "2026-11-15T15:00:00Z",
      displayStatus: "DELIVERED",
      fulfillmentLineItems: { nodes: [{ id: "gid://shopify/FulfillmentLineItem/1", quantity: 1, lineItem: { id: "gid://shopify/LineItem/1" } }] },
    },
  ],
  lineItems: {
    nodes: [
      {
        id: "gid://shopify/LineItem/1",
        name: "Purtly P1 Air Purifier",
        quantity: 1,
        refundableQuantity: 1,
        isGiftCard: false,
        customAttributes: [],
        discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { amount: "199.99", currencyCode: "USD" } },
        product: { tags: ["purifier"], productType: "Air Purifier", vendor: "Purtly" },
        sellingPlan: null,
      },
    ],
  },
  returns: { nodes: [] },
} as unknown as OrderSnapshot;
const request: ReturnRequest = { type: "RETURN", lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, reason: "", condition: "UNOPENED", evidence: [] }] };
const createdAt = "2026-11-18T15:00:00Z";
const decidedOn = { policyJson: JSON.stringify(presets.purtly), orderJson: JSON.stringify(order), requestJson: JSON.stringify(request), createdAt, shopifyReturnId: "gid://shopify/Return/1" };
const grade = (condition: "UNOPENED" | "OPENED", extra: Record<string, unknown> = {}) =>
  inspectionFormSchema.parse({ lines: [{ lineItemId: "gid://shopify/LineItem/1", condition, disposition: "RESTOCK", ...extra }] });

describe("inspection recompute", () => {
  it("the graded condition replaces the declared one, exactly as the engine decides it", () => {
    const final = inspectedDecision(decidedOn, grade("OPENED"));
    const direct = decide(presets.purtly, order, request, new Date(createdAt), { returnId: "gid://shopify/Return/1", lines: [{ lineItemId: "gid://shopify/LineItem/1", condition: "OPENED" }] });
    expect(final).toEqual(direct);
    expect(final.final).toBe(true);
    expect(final.lines[0]).toMatchObject({ condition: "OPENED", refundPercent: 85, clause: "condition.opened" });
    // Unopened is refunded in full; opened at 85 %: the graded figure is the lower one.
    expect(Number(final.refundTotal)).toBeLessThan(Number(inspectedDecision(decidedOn, grade("UNOPENED")).refundTotal));
  });

  it("an override outside the policy's partial-refund bounds, or without a reason, is refused with the engine's message", () => {
    const bounded = { ...decidedOn, policyJson: JSON.stringify({ ...presets.purtly, partialRefunds: { allowed: true, minPercent: 50, maxPercent: 90, reasonRequired: true } }) };
    expect(() => inspectedDecision(bounded, grade("OPENED", { overridePercent: 95, overrideReason: "scuffed" }))).toThrow(/between 50% and 90%/);
    expect(() => inspectedDecision(bounded, grade("OPENED", { overridePercent: 60 }))).toThrow(/needs a reason/);
    expect(inspectedDecision(bounded, grade("OPENED", { overridePercent: 60, overrideReason: "scuffed corner" })).lines[0]).toMatchObject({ refundPercent: 60, clause: "refund.partial" });
  });

  it("the form refuses what cannot be graded, with readable messages", () => {
    const bad = inspectionFormSchema.safeParse({ lines: [{ lineItemId: "x", condition: "SHINY", disposition: "RESTOCK", overridePercent: 140 }], labelCost: "7,50" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join(" | ");
    expect(messages).toMatch(/Grade the item's condition/);
    expect(messages).toMatch(/percentage from 0 to 100/);
    expect(messages).toMatch(/label cost as an amount/);
    const fine = inspectionFormSchema.safeParse({ lines: [{ lineItemId: "x", condition: "USED", disposition: "NO_RESTOCK", overridePercent: 12.5 }] });
    expect(fine.success).toBe(true);
    const tooPrecise = inspectionFormSchema.safeParse({ lines: [{ lineItemId: "x", condition: "USED", disposition: "NO_RESTOCK", overridePercent: 12.345 }] });
    expect(tooPrecise.error?.issues[0]?.message).toMatch(/at most two decimals/);
  });

  it("the refund breakdown lists each line and deduction with its clause and adds up to the total", () => {
    const final = inspectedDecision(decidedOn, grade("OPENED"));
    const breakdown = refundBreakdown(final, new Map([["gid://shopify/LineItem/1", "Purtly P1 Air Purifier"]]));
    expect(breakdown.lines[0]).toMatchObject({ title: "Purtly P1 Air Purifier", percent: 85, clause: "condition.opened" });
    const cents = (s: string) => BigInt(s.replace(".", ""));
    const deducted = breakdown.deductions.reduce((sum, d) => sum + cents(d.amount), 0n);
    expect(cents(breakdown.itemsSubtotal) - deducted).toBe(cents(breakdown.total));
    expect(breakdown.deductions.map((d) => d.kind)).toContain("ORIGINAL_SHIPPING");
  });
});
