import { describe, expect, it } from "vitest";
import { US_FEDERAL_HOLIDAY_RULES } from "../policy/presets/shared";
import { formatDay, holidayDayNumbers, isoWeekday, parseDay, type BusinessCalendar } from "./index";
import { usFederalHolidays } from "./us-federal-holidays";

const dates = (year: number) => usFederalHolidays(year).map((h) => h.date);

describe("usFederalHolidays", () => {
  it("2026: the 11 holidays, Independence Day (a Saturday) observed on Friday July 3", () => {
    expect(dates(2026)).toEqual([
      "2026-01-01",
      "2026-01-19", // MLK: third Monday of January
      "2026-02-16",
      "2026-05-25", // last Monday of May
      "2026-06-19",
      "2026-07-03", // July 4 is a Saturday
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26", // fourth Thursday of November
      "2026-12-25",
    ]);
    const july = usFederalHolidays(2026)[5]!;
    expect(july).toEqual({ date: "2026-07-03", name: "Independence Day (observed)", actual: "2026-07-04" });
    expect(usFederalHolidays(2026)[0]).toEqual({ date: "2026-01-01", name: "New Year's Day", actual: "2026-01-01" });
  });

  it("2027: Juneteenth and Christmas (Saturdays) move to Friday, Independence Day (a Sunday) to Monday", () => {
    expect(dates(2027)).toEqual([
      "2027-01-01",
      "2027-01-18",
      "2027-02-15",
      "2027-05-31",
      "2027-06-18",
      "2027-07-05",
      "2027-09-06",
      "2027-10-11",
      "2027-11-11",
      "2027-11-25",
      "2027-12-24",
    ]);
    const observed = usFederalHolidays(2027).filter((h) => h.date !== h.actual);
    expect(observed.map((h) => [h.name, h.actual])).toEqual([
      ["Juneteenth National Independence Day (observed)", "2027-06-19"],
      ["Independence Day (observed)", "2027-07-04"],
      ["Christmas Day (observed)", "2027-12-25"],
    ]);
  });

  it("New Year's Day on a Saturday is observed on December 31 of the year before; on a Sunday, on January 2", () => {
    expect(usFederalHolidays(2022)[0]).toEqual({ date: "2021-12-31", name: "New Year's Day (observed)", actual: "2022-01-01" });
    expect(usFederalHolidays(2023)[0]).toEqual({ date: "2023-01-02", name: "New Year's Day (observed)", actual: "2023-01-01" });
  });

  it("Juneteenth is a federal holiday from 2021 on", () => {
    expect(usFederalHolidays(2020)).toHaveLength(10);
    expect(usFederalHolidays(2021)).toHaveLength(11);
    expect(usFederalHolidays(2021).some((h) => h.actual === "2021-06-19")).toBe(true);
  });

  it("every observed date is a weekday, and agrees with the engine's recurring US federal rules (2021–2060)", () => {
    const calendar: BusinessCalendar = { timeZone: "America/New_York", weekendDays: [6, 7], holidays: [], holidayRules: US_FEDERAL_HOLIDAY_RULES as BusinessCalendar["holidayRules"], businessHours: { start: "00:00", end: "24:00" } };
    for (let year = 2021; year <= 2060; year++) {
      const ours = usFederalHolidays(year);
      expect(ours).toHaveLength(11);
      for (const h of ours) expect(isoWeekday(parseDay(h.date))).toBeLessThanOrEqual(5);
      // The engine lists the days inside a year; an observed New Year's Day may sit in the year before.
      const inYear = new Set([...dates(year), ...dates(year + 1)].filter((d) => d.startsWith(`${year}-`)));
      expect(holidayDayNumbers(calendar, year).map(formatDay)).toEqual([...inYear].sort());
    }
  });

  it("refuses years it cannot compute", () => {
    expect(() => usFederalHolidays(1970)).toThrow(RangeError);
    expect(() => usFederalHolidays(2026.5)).toThrow(RangeError);
  });
});
