/**
 * The eleven US federal holidays of a year (5 U.S.C. 6103) as one-off closure dates, each on
 * the day it is observed: a holiday on a Saturday is observed the Friday before, one on a
 * Sunday the Monday after (Executive Order 11582). Pure: no clock, no time zone.
 *
 * An observed day can fall outside the year: New Year's Day 2022 (a Saturday) was observed on
 * Friday, December 31, 2021, and is returned by `usFederalHolidays(2022)`.
 */
import { daysFromCivil, daysInMonth, formatDay, isoWeekday } from "./civil";

export type FederalHoliday = {
  /** Observed date, "YYYY-MM-DD" (what the calendar closes). */
  readonly date: string;
  /** Name as the merchant sees it; "(observed)" when the date moved off a weekend. */
  readonly name: string;
  /** The legal date, "YYYY-MM-DD" (differs from `date` when observed on a weekday). */
  readonly actual: string;
};

const MONDAY = 1;
const THURSDAY = 4;

/** Day number of the nth (1-based) ISO weekday of a month, or of the last one when n = -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n === -1) {
    const last = daysFromCivil(year, month, daysInMonth(year, month));
    return last - ((isoWeekday(last) - weekday + 7) % 7);
  }
  const first = daysFromCivil(year, month, 1);
  return first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1);
}

/** A fixed-date holiday moved off a weekend (Saturday → Friday, Sunday → Monday). */
function observedDay(day: number): number {
  const weekday = isoWeekday(day);
  return weekday === 6 ? day - 1 : weekday === 7 ? day + 1 : day;
}

/** The 11 federal holidays of `year` in calendar order, each on its observed date. */
export function usFederalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1971 || year > 9999) {
    // Monday holidays (Uniform Monday Holiday Act) apply from 1971; Juneteenth from 2021 (skipped before).
    throw new RangeError(`Federal holidays are computed for years 1971–9999, not ${year}`);
  }
  const fixed = (month: number, day: number, name: string) => ({ name, actualDay: daysFromCivil(year, month, day), observed: true });
  const monday = (month: number, n: number, name: string) => ({ name, actualDay: nthWeekday(year, month, MONDAY, n), observed: false });
  const rules = [
    fixed(1, 1, "New Year's Day"),
    monday(1, 3, "Birthday of Martin Luther King, Jr."),
    monday(2, 3, "Washington's Birthday"),
    monday(5, -1, "Memorial Day"),
    ...(year >= 2021 ? [fixed(6, 19, "Juneteenth National Independence Day")] : []),
    fixed(7, 4, "Independence Day"),
    monday(9, 1, "Labor Day"),
    monday(10, 2, "Columbus Day"),
    fixed(11, 11, "Veterans Day"),
    { name: "Thanksgiving Day", actualDay: nthWeekday(year, 11, THURSDAY, 4), observed: false },
    fixed(12, 25, "Christmas Day"),
  ];
  return rules.map(({ name, actualDay, observed }) => {
    const day = observed ? observedDay(actualDay) : actualDay;
    return { date: formatDay(day), name: day === actualDay ? name : `${name} (observed)`, actual: formatDay(actualDay) };
  });
}

