import { describe, expect, it } from "vitest";
import { evidenceQuerySchema, orderIdParamSchema, portalRequestSchema, portalSubmitSchema, shopFromDest } from "./portal-schemas";

describe("shopFromDest", () => {
  it("reads the shop's bare hostname from a customer-account token's dest", () => {
    expect(shopFromDest("clause-demo.myshopify.com")).toBe("clause-demo.myshopify.com");
    expect(shopFromDest("https://Clause-Demo.myshopify.com/")).toBe("clause-demo.myshopify.com");
    expect(shopFromDest("clause-demo.myshopify.com.")).toBe("clause-demo.myshopify.com");
    for (const bad of [undefined, 42, "", "not a host", "https://", "localhost", "javascript:alert(1)", "a..b.com"]) expect(shopFromDest(bad)).toBeNull();
  });
});

describe("portal schemas", () => {
  it("takes the numeric order id of the URL only", () => {
    expect(orderIdParamSchema.parse("1001")).toBe("gid://shopify/Order/1001");
    for (const bad of [undefined, "", "gid://shopify/Order/1", "10a", "-1", "1".repeat(21)]) expect(orderIdParamSchema.safeParse(bad).success).toBe(false);
  });

  it("accepts line item gids or numbers, strips client totals, refuses repeats and oversize reasons", () => {
    const parsed = portalSubmitSchema.parse({
      requestKey: "abc-12345",
      type: "RETURN",
      total: "0.01",
      refund: { total: { amount: "999.00" } },
      lines: [{ lineItemId: "77", quantity: 1, condition: "OPENED", refundAmount: "999", reason: "  too big  " }],
    });
    expect(parsed).toEqual({ requestKey: "abc-12345", type: "RETURN", lines: [{ lineItemId: "gid://shopify/LineItem/77", quantity: 1, condition: "OPENED", reason: "too big" }] });
    const line = { lineItemId: "gid://shopify/LineItem/77", quantity: 1, condition: "OPENED" };
    expect(portalRequestSchema.safeParse({ type: "RETURN", lines: [line, { ...line, lineItemId: "77" }] }).error?.issues[0]?.message).toMatch(/only once/);
    expect(portalRequestSchema.safeParse({ type: "RETURN", lines: [{ ...line, evidenceIds: ["a"] }, { ...line, lineItemId: "78", evidenceIds: ["a"] }] }).error?.issues[0]?.message).toMatch(/attached twice/);
    expect(portalRequestSchema.safeParse({ type: "RETURN", lines: [{ ...line, reason: "x".repeat(301) }] }).success).toBe(false);
    // PostgreSQL cannot store a NUL: refused as input rather than failing at the database.
    expect(portalRequestSchema.safeParse({ type: "RETURN", lines: [{ ...line, reason: "bro\u0000ken" }] }).error?.issues[0]?.message).toMatch(/NUL character/);
    expect(portalSubmitSchema.safeParse({ requestKey: "x".repeat(101), type: "RETURN", lines: [line] }).success).toBe(false);
    expect(evidenceQuerySchema.parse({})).toEqual({});
    expect(evidenceQuerySchema.parse({ lineItemId: "5" })).toEqual({ lineItemId: "gid://shopify/LineItem/5" });
  });
});
