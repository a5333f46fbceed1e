import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addBusinessDays,
  addBusinessHours,
  addDuration,
  businessTimeBetween,
  calendarDayWindow,
  civilFromDays,
  daysFromCivil,
  endOfNthCalendarDay,
  formatDay,
  holidayDayNumbers,
  isBusinessDay,
  isValidTimeZone,
  isoWeekday,
  localDayNumber,
  offsetAt,
  parseClock,
  parseDay,
  startOfLocalDay,
  zonedTimeToInstant,
  type BusinessCalendar,
} from "./index";

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (s: string) => parseDay(s);

/** Independent oracle: the local date Intl reports for an instant, as YYYY-MM-DD. */
function intlDay(zone: string, t: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(t));
}

describe("civil day numbers", () => {
  it("matches known dates", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(formatDay(day("2026-02-28") + 1)).toBe("2026-03-01");
    expect(formatDay(day("2028-02-28") + 1)).toBe("2028-02-29");
    expect(isoWeekday(day("2026-03-08"))).toBe(7); // a Sunday
    expect(isoWeekday(day("1970-01-01"))).toBe(4); // a Thursday
  });
  it("round-trips every day for ±400 years", () => {
    fc.assert(
      fc.property(fc.integer({ min: -146_097, max: 146_097 }), (n) => {
        const c = civilFromDays(n);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(n);
      }),
    );
  });
  it("rejects impossible dates and times", () => {
    expect(() => parseDay("2026-02-30")).toThrow();
    expect(() => parseDay("2026-2-3")).toThrow();
    expect(parseClock("24:00")).toBe(24 * H);
    expect(() => parseClock("24:01")).toThrow();
  });
});

describe("time zones via Intl", () => {
  it("validates IANA names", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
  it("reads offsets on both sides of a DST change", () => {
    expect(offsetAt("America/New_York", Date.parse("2026-01-15T12:00:00Z"))).toBe(-5 * H);
    expect(offsetAt("America/New_York", Date.parse("2026-07-15T12:00:00Z"))).toBe(-4 * H);
    // New York springs forward at 07:00Z on 2026-03-08.
    expect(offsetAt("America/New_York", Date.parse("2026-03-08T06:59:59Z"))).toBe(-5 * H);
    expect(offsetAt("America/New_York", Date.parse("2026-03-08T07:00:00Z"))).toBe(-4 * H);
    expect(offsetAt("Asia/Kolkata", Date.parse("2026-03-08T07:00:00Z"))).toBe(5.5 * H);
  });
  it("finds the local day of an instant", () => {
    expect(formatDay(localDayNumber("America/New_York", Date.parse("2026-03-05T04:59:59Z")))).toBe("2026-03-04");
    expect(formatDay(localDayNumber("America/New_York", Date.parse("2026-03-05T05:00:00Z")))).toBe("2026-03-05");
    expect(formatDay(localDayNumber("America/Los_Angeles", Date.parse("2026-03-05T07:59:59Z")))).toBe("2026-03-04");
  });
  it("resolves skipped and repeated wall times (compatible rule)", () => {
    // 02:30 does not exist in New York on 2026-03-08: it becomes 03:30 EDT = 07:30Z.
    expect(iso(zonedTimeToInstant("America/New_York", day("2026-03-08"), 2.5 * H))).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2026-11-01: the earlier (EDT) one, 05:30Z.
    expect(iso(zonedTimeToInstant("America/New_York", day("2026-11-01"), 1.5 * H))).toBe("2026-11-01T05:30:00.000Z");
  });
  it("starts days correctly around DST in New York, Los Angeles, London and Sydney", () => {
    expect(iso(startOfLocalDay("America/New_York", day("2026-03-08")))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfLocalDay("America/New_York", day("2026-03-09")))).toBe("2026-03-09T04:00:00.000Z");
    expect(iso(startOfLocalDay("America/Los_Angeles", day("2026-11-02")))).toBe("2026-11-02T08:00:00.000Z");
    expect(iso(startOfLocalDay("Europe/London", day("2026-03-30")))).toBe("2026-03-29T23:00:00.000Z");
    expect(iso(startOfLocalDay("Australia/Sydney", day("2026-04-06")))).toBe("2026-04-05T14:00:00.000Z");
  });
  it("starts a day whose midnight is skipped at the first instant that exists (Santiago)", () => {
    // Chile springs forward at 24:00 on Saturday 2026-09-05: Sunday begins at 01:00 -03 = 04:00Z.
    expect(iso(startOfLocalDay("America/Santiago", day("2026-09-06")))).toBe("2026-09-06T04:00:00.000Z");
    // Chile falls back at 24:00 on 2026-04-04 (to 23:00 Saturday): Sunday begins at 00:00 -04 = 04:00Z.
    expect(iso(startOfLocalDay("America/Santiago", day("2026-04-05")))).toBe("2026-04-05T04:00:00.000Z");
  });
  it("agrees with Intl on the local day of random instants, and day starts are exact boundaries", () => {
    const zones = ["America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney", "America/Santiago", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2035-12-31T00:00:00Z") }), (zone, t) => {
        const d = localDayNumber(zone, t);
        expect(formatDay(d)).toBe(intlDay(zone, t));
        const s = startOfLocalDay(zone, d);
        expect(s).toBeLessThanOrEqual(t);
        expect(intlDay(zone, s)).toBe(formatDay(d));
        expect(intlDay(zone, s - 1)).not.toBe(formatDay(d));
      }),
      { numRuns: 400 },
    );
  });
});

describe("windows of N calendar days (day 0 = delivery day)", () => {
  it("ends at local midnight after day N, one hour earlier in UTC across spring-forward (New York)", () => {
    // Delivered Sunday 2026-03-01 15:00 EST; 7 days → last day 2026-03-08 (DST day), closes 2026-03-09 00:00 EDT = 04:00Z.
    const w = calendarDayWindow("America/New_York", Date.parse("2026-03-01T20:00:00Z"), 7);
    expect(formatDay(w.lastDay)).toBe("2026-03-08");
    expect(iso(w.closesAtMs)).toBe("2026-03-09T04:00:00.000Z");
  });
  it("ends at local midnight across fall-back (Los Angeles)", () => {
    // Delivered 2026-10-25 13:00 PDT; 7 days → last day 2026-11-01, closes 2026-11-02 00:00 PST = 08:00Z.
    const end = endOfNthCalendarDay("America/Los_Angeles", new Date("2026-10-25T20:00:00Z"), 7);
    expect(end.toISOString()).toBe("2026-11-02T08:00:00.000Z");
  });
  it("does not depend on the time of delivery within day 0", () => {
    const early = calendarDayWindow("Europe/London", Date.parse("2026-03-20T00:00:00Z"), 10);
    const late = calendarDayWindow("Europe/London", Date.parse("2026-03-20T23:59:59Z"), 10);
    expect(early).toEqual(late);
    // Last day 2026-03-30 (after the 29 March change): closes 2026-03-31 00:00 BST = 2026-03-30T23:00Z.
    expect(iso(late.closesAtMs)).toBe("2026-03-30T23:00:00.000Z");
  });
});

const nyCalendar: BusinessCalendar = {
  timeZone: "America/New_York",
  weekendDays: [6, 7],
  holidays: [{ date: "2026-12-24", name: "Christmas Eve closure" }],
  holidayRules: [
    { type: "fixed", name: "Independence Day", month: 7, day: 4, observed: "nearest-weekday" },
    { type: "fixed", name: "New Year's Day", month: 1, day: 1, observed: "nearest-weekday" },
    { type: "nth-weekday", name: "Thanksgiving", month: 11, weekday: 4, n: 4 },
    { type: "nth-weekday", name: "Memorial Day", month: 5, weekday: 1, n: -1 },
  ],
  businessHours: { start: "00:00", end: "24:00" },
};

describe("business calendar", () => {
  it("skips weekends, explicit and rule-based holidays with observance", () => {
    expect(isBusinessDay(nyCalendar, day("2026-07-02"))).toBe(true);
    expect(isBusinessDay(nyCalendar, day("2026-07-03"))).toBe(false); // July 4 is a Saturday: observed Friday
    expect(isBusinessDay(nyCalendar, day("2026-07-04"))).toBe(false); // Saturday
    expect(isBusinessDay(nyCalendar, day("2026-11-26"))).toBe(false); // 4th Thursday of November
    expect(isBusinessDay(nyCalendar, day("2026-05-25"))).toBe(false); // last Monday of May
    expect(isBusinessDay(nyCalendar, day("2026-12-24"))).toBe(false); // explicit
    expect(isBusinessDay(nyCalendar, day("2027-12-31"))).toBe(false); // Jan 1 2028 is a Saturday: observed the Friday before
    expect(holidayDayNumbers(nyCalendar, 2026).map(formatDay)).toEqual(["2026-01-01", "2026-05-25", "2026-07-03", "2026-11-26", "2026-12-24"]);
  });
  it("adds business days: end of the Nth business day after day 0", () => {
    // Thursday 2026-07-02 10:00 EDT + 2 business days: Fri 3 (holiday), weekend, Mon 6 (1), Tue 7 (2) → 2026-07-08 00:00 EDT.
    expect(addBusinessDays(nyCalendar, new Date("2026-07-02T14:00:00Z"), 2).toISOString()).toBe("2026-07-08T04:00:00.000Z");
    // A request on Saturday counts from Monday: Sat 2026-03-07 + 1 → end of Monday 2026-03-09 (EDT).
    expect(addBusinessDays(nyCalendar, new Date("2026-03-07T15:00:00Z"), 1).toISOString()).toBe("2026-03-10T04:00:00.000Z");
  });
  it("adds business hours over whole business days (Pura's 24–48 business hours)", () => {
    const la: BusinessCalendar = { ...nyCalendar, timeZone: "America/Los_Angeles", holidays: [], holidayRules: [] };
    // Friday 2026-03-06 15:00 PST: 9 h left on Friday, weekend skipped, Monday 24 h, then 15 h of Tuesday → Tue 15:00 PDT.
    expect(addBusinessHours(la, new Date("2026-03-06T23:00:00Z"), 48).toISOString()).toBe("2026-03-10T22:00:00.000Z");
  });
  it("adds business hours within opening hours", () => {
    const office: BusinessCalendar = { ...nyCalendar, businessHours: { start: "09:00", end: "17:00" } };
    // Friday 2026-03-06 16:00 EST + 2 h: 1 h on Friday, 1 h on Monday from 09:00 EDT → Monday 10:00 EDT = 14:00Z.
    expect(addBusinessHours(office, new Date("2026-03-06T21:00:00Z"), 2).toISOString()).toBe("2026-03-09T14:00:00.000Z");
    // Exactly the rest of the day ends at closing time, not the next morning.
    expect(addBusinessHours(office, new Date("2026-03-06T21:00:00Z"), 1).toISOString()).toBe("2026-03-06T22:00:00.000Z");
    // Friday 15:00 → Monday 09:00: 2 business hours.
    expect(businessTimeBetween(office, new Date("2026-03-06T20:00:00Z"), new Date("2026-03-09T13:00:00Z"))).toBe(2 * H);
  });
  it("counts real elapsed hours on a DST day (23-hour Sunday)", () => {
    const everyDay: BusinessCalendar = { ...nyCalendar, weekendDays: [], holidays: [], holidayRules: [] };
    // Sat 2026-03-07 12:00 EST + 24 business hours: 12 h on Saturday, then 12 real hours of Sunday from 05:00Z → 17:00Z (13:00 EDT).
    expect(addBusinessHours(everyDay, new Date("2026-03-07T17:00:00Z"), 24).toISOString()).toBe("2026-03-08T17:00:00.000Z");
    expect(businessTimeBetween(everyDay, new Date("2026-03-08T05:00:00Z"), new Date("2026-03-09T04:00:00Z"))).toBe(23 * H);
  });
  it("businessTimeBetween inverts addBusinessHours", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-01-01T00:00:00Z") }), fc.integer({ min: 1, max: 200 }), (t, h) => {
        const from = new Date(t);
        const due = addBusinessHours(nyCalendar, from, h);
        expect(businessTimeBetween(nyCalendar, from, due)).toBe(h * H);
      }),
      { numRuns: 100 },
    );
  });
  it("adds durations in every unit", () => {
    const from = new Date("2026-03-06T20:00:00Z"); // Friday 15:00 EST
    expect(addDuration(nyCalendar, from, 48, "HOURS").toISOString()).toBe("2026-03-08T20:00:00.000Z");
    // Day 0 = Fri 6 March; day 7 = Fri 13 March; ends 2026-03-14 00:00 EDT (after the 8 March change) = 04:00Z.
    expect(addDuration(nyCalendar, from, 7, "CALENDAR_DAYS").toISOString()).toBe("2026-03-14T04:00:00.000Z");
    expect(addDuration(nyCalendar, from, 3, "BUSINESS_DAYS").toISOString()).toBe("2026-03-12T04:00:00.000Z");
  });
  it("rejects a calendar without working days", () => {
    expect(() => isBusinessDay({ ...nyCalendar, weekendDays: [1, 2, 3, 4, 5, 6, 7] }, 0)).toThrow();
  });
});
