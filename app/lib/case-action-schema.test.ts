import { describe, expect, it } from "vitest";
import { parseCaseAction } from "./case-action-schema";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("parseCaseAction", () => {
  it("reads a valid action", () => {
    expect(parseCaseAction(form({ intent: "note", body: " Called the shopper " }))).toEqual({ ok: true, input: { intent: "note", body: "Called the shopper" } });
  });

  it("refuses text PostgreSQL cannot store (a NUL) with a message, not a database error later", () => {
    for (const fields of <Array<Record<string, string>>>[
      { intent: "note", body: "a\u0000b" },
      { intent: "escalate", expectedVersion: "1", reason: "why\u0000" },
      { intent: "markInTransit", expectedVersion: "1", trackingNumber: "1Z\u00009" },
      { intent: "approve", expectedVersion: "1", fileUrl: "https://labels.example.com/a\u0000.pdf" },
    ]) {
      const parsed = parseCaseAction(form(fields));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/NUL character/);
    }
  });

  it("refuses a partial refund reason with a NUL inside the inspection", () => {
    const inspection = JSON.stringify({ lines: [{ lineItemId: "gid://shopify/LineItem/1", condition: "OPENED", disposition: "RESTOCK", overridePercent: 50, overrideReason: "dent\u0000" }] });
    const parsed = parseCaseAction(form({ intent: "inspect", expectedVersion: "1", inspection }));
    expect(parsed.ok).toBe(false);
  });

  it("says which field is missing and keeps a message of many problems short", () => {
    const missing = parseCaseAction(form({ intent: "inspect", expectedVersion: "1", inspection: "{}" }));
    expect(missing).toMatchObject({ ok: false, error: "lines is missing" });
    const many = JSON.stringify({ lines: Array.from({ length: 50 }, (_, i) => ({ lineItemId: `gid://shopify/LineItem/${i}`, condition: "BROKEN", disposition: "RESTOCK" })) });
    const parsed = parseCaseAction(form({ intent: "inspect", expectedVersion: "1", inspection: many }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/and 47 more problems$/);
      expect(parsed.error.length).toBeLessThan(1_000);
    }
  });
});
