import { describe, expect, it } from "vitest";
import { presets } from "../policy";
import { endOfLocalToday, formatLocalDate, formatMoney, localDayRange, slaBadge } from "./queue-day";

const HOUR = 3_600_000;

describe("queue days in the shop's time zone", () => {
  it("a created range covers whole local days, both ends inclusive", () => {
    // New York is UTC-5 in March before the DST change (2026-03-08) and UTC-4 after.
    expect(localDayRange("America/New_York", "2026-03-01", "2026-03-31")).toEqual({
      gte: new Date("2026-03-01T05:00:00Z"),
      lt: new Date("2026-04-01T04:00:00Z"),
    });
    expect(localDayRange("UTC", null, "2026-03-31")).toEqual({ lt: new Date("2026-04-01T00:00:00Z") });
    expect(localDayRange("UTC")).toEqual({});
  });

  it("today ends at the next local midnight, not the next UTC one", () => {
    // 23:30 in Los Angeles on Nov 20 is already Nov 21 in UTC.
    const now = new Date("2026-11-21T07:30:00Z");
    expect(endOfLocalToday("America/Los_Angeles", now)).toEqual(new Date("2026-11-21T08:00:00Z"));
    expect(endOfLocalToday("UTC", now)).toEqual(new Date("2026-11-22T00:00:00Z"));
  });
});

describe("the SLA badge", () => {
  // Pura: business hours all day on weekdays, America/Los_Angeles. Wednesday 2026-11-18 10:00 local.
  const now = new Date("2026-11-18T18:00:00Z");

  it("is critical once overdue, warning with less than a business day left, plain otherwise", () => {
    expect(slaBadge(presets.pura, new Date(now.getTime() - 30 * HOUR), now)).toEqual({ text: "overdue 1 business day", tone: "critical" });
    expect(slaBadge(presets.pura, new Date(now.getTime() + 5 * HOUR), now)).toEqual({ text: "due in 5 business hours", tone: "warning" });
    expect(slaBadge(presets.pura, new Date(now.getTime() + 48 * HOUR), now)).toEqual({ text: "due in 2 business days", tone: null });
  });

  it("counts business time only: due Monday morning seen on Friday evening is not urgent", () => {
    const friday = new Date("2026-11-20T23:00:00Z"); // Fri 15:00 local
    const monday = new Date("2026-11-23T18:00:00Z"); // Mon 10:00 local
    expect(slaBadge(presets.pura, monday, friday)).toEqual({ text: "due in 19 business hours", tone: "warning" });
  });
});

describe("display formats", () => {
  it("formats a decimal amount in its currency without float arithmetic", () => {
    expect(formatMoney("1234.50", "USD")).toBe("$1,234.50");
    expect(formatMoney("0.10", "EUR")).toBe("€0.10");
    expect(formatMoney("4800", "JPY")).toBe("¥4,800");
    expect(formatMoney("12345678901234567.89", "USD")).toBe("$12,345,678,901,234,567.89");
    expect(formatMoney("12.00", "not a code")).toBe("12.00 not a code");
  });

  it("shows dates in the shop's time zone", () => {
    expect(formatLocalDate(new Date("2026-11-21T03:00:00Z"), "America/Los_Angeles")).toBe("Nov 20, 2026");
    expect(formatLocalDate(new Date("2026-11-21T03:00:00Z"), "UTC")).toBe("Nov 21, 2026");
  });
});
