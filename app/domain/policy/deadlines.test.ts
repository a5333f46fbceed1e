import { describe, expect, it } from "vitest";
import { computeDeadline, computeLineDeadlines, formatRma, orderSchema, parseRma, presets, serviceDueAt } from "./index";
import { buildOrder, lineGid } from "./testing";

describe("deadlines for the shopper UI", () => {
  it("computeDeadline: end of day N after the delivery day, in the policy's zone", () => {
    // Soulmate (New York), delivered 2026-03-06 11:30 EST, 14 days → last day 20 March, closes 21 March 00:00 EDT.
    expect(computeDeadline(presets["soulmate-spark-studio"], new Date("2026-03-06T16:30:00Z"), 14)).toEqual({
      deliveryDay: "2026-03-06",
      lastDay: "2026-03-20",
      closesAt: "2026-03-21T04:00:00.000Z",
      deliveryAssumed: false,
    });
  });
  it("computeLineDeadlines: every claim window per fulfilled line, assumed delivery flagged", () => {
    const order = orderSchema.parse(
      buildOrder({
        lines: [
          { id: "A", price: "1.00" },
          { id: "B", price: "1.00" },
          { id: "C", price: "1.00" },
        ],
        fulfillments: [
          { createdAt: "2026-03-01T15:00:00Z", deliveredAt: "2026-03-04T18:00:00Z", lines: { A: 1 } },
          { createdAt: "2026-03-01T15:00:00Z", deliveredAt: null, lines: { B: 1 } },
        ],
      }),
    );
    const d = computeLineDeadlines(presets.purtly, order);
    expect(d.map((x) => x.lineItemId)).toEqual([lineGid("A"), lineGid("B")]);
    expect(d[0]?.windows.RETURN).toMatchObject({ lastDay: "2026-04-03", closesAt: "2026-04-04T04:00:00.000Z", deliveryAssumed: false });
    // created 1 March + 7 assumed transit days = 8 March; + 30 = 7 April
    expect(d[1]?.windows.RETURN).toMatchObject({ deliveryDay: "2026-03-08", lastDay: "2026-04-07", deliveryAssumed: true });
    expect(d[0]?.windows.MISSING_ITEM?.lastDay).toBe("2026-04-03");
  });
});

describe("service levels", () => {
  it("are null when the policy makes no commitment", () => {
    expect(serviceDueAt(presets.purtly, "firstReply", new Date("2026-03-06T15:00:00Z"))).toBeNull();
    expect(serviceDueAt(presets["kendra-scott-mall"], "inspection", new Date("2026-03-06T15:00:00Z"))).toBeNull();
  });
});

describe("RMA numbers", () => {
  it("format and parse", () => {
    const rma = { prefix: "RMA-", minDigits: 4 };
    expect(formatRma(rma, 1042)).toBe("RMA-1042");
    expect(formatRma(rma, 42)).toBe("RMA-0042");
    expect(formatRma(rma, 123456)).toBe("RMA-123456");
    expect(parseRma(rma, "RMA-0042")).toBe(42);
    expect(parseRma(rma, "RMA-42")).toBeNull();
    expect(parseRma(rma, "RET-0042")).toBeNull();
    expect(() => formatRma(rma, -1)).toThrow();
    expect(() => formatRma(rma, 1.5)).toThrow();
  });
});
