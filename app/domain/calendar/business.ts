/**
 * Business calendar: which local days are working days (weekend days and
 * holidays excluded) and which hours of them count, in the merchant's IANA zone.
 * Service levels ("reply within 24–48 business hours", "inspection within 7
 * business days") are computed here.
 */
import { MS_PER_HOUR, civilFromDays, daysFromCivil, daysInMonth, isoWeekday, parseClock, parseDay } from "./civil";
import { localDayNumber, startOfLocalDay, zonedTimeToInstant } from "./zone";

/** A holiday on a fixed month/day, e.g. July 4. */
export interface FixedHolidayRule {
  readonly type: "fixed";
  readonly name: string;
  readonly month: number;
  readonly day: number;
  /**
   * `nearest-weekday`: when it falls on a Saturday it is observed the Friday
   * before, on a Sunday the Monday after (the US federal convention).
   */
  readonly observed: "none" | "nearest-weekday";
}

/** A holiday on the nth (or last, n = -1) given weekday of a month, e.g. the 4th Thursday of November. */
export interface NthWeekdayHolidayRule {
  readonly type: "nth-weekday";
  readonly name: string;
  readonly month: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** 1–5, or -1 for the last one of the month. */
  readonly n: number;
}

export type HolidayRule = FixedHolidayRule | NthWeekdayHolidayRule;

export interface BusinessCalendar {
  /** IANA zone in which days and hours are counted. */
  readonly timeZone: string;
  /** ISO weekdays that are not working days (6 = Saturday, 7 = Sunday). */
  readonly weekendDays: readonly number[];
  /** One-off closures, local "YYYY-MM-DD" dates. */
  readonly holidays: readonly { readonly date: string; readonly name: string }[];
  /** Recurring holidays, evaluated for every year. */
  readonly holidayRules: readonly HolidayRule[];
  /** Working hours of a business day, local "HH:MM"; "00:00"–"24:00" counts the whole day. */
  readonly businessHours: { readonly start: string; readonly end: string };
}

interface CompiledCalendar {
  readonly weekend: readonly boolean[]; // index 1..7
  readonly explicit: ReadonlySet<number>;
  readonly ruleDaysByYear: Map<number, ReadonlySet<number>>;
  readonly startMs: number;
  readonly endMs: number;
}

const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Upper bound on days scanned while looking for business time; a valid calendar never gets near it. */
const MAX_SCAN_DAYS = 366 * 20;

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let c = compiledCalendars.get(calendar);
  if (c === undefined) {
    const weekend = [false, false, false, false, false, false, false, false];
    for (const d of calendar.weekendDays) weekend[d] = true;
    if (weekend.slice(1).every(Boolean)) throw new RangeError("A business calendar needs at least one working weekday");
    const startMs = parseClock(calendar.businessHours.start);
    const endMs = parseClock(calendar.businessHours.end);
    if (endMs <= startMs) throw new RangeError("Business hours must end after they start");
    c = {
      weekend,
      explicit: new Set(calendar.holidays.map((h) => parseDay(h.date))),
      ruleDaysByYear: new Map(),
      startMs,
      endMs,
    };
    compiledCalendars.set(calendar, c);
  }
  return c;
}

function ruleDay(rule: HolidayRule, year: number): number | null {
  if (rule.type === "fixed") {
    if (rule.day > daysInMonth(year, rule.month)) return null; // Feb 29 in a common year
    const d = daysFromCivil(year, rule.month, rule.day);
    if (rule.observed === "nearest-weekday") {
      const wd = isoWeekday(d);
      if (wd === 6) return d - 1;
      if (wd === 7) return d + 1;
    }
    return d;
  }
  if (rule.n === -1) {
    const last = daysFromCivil(year, rule.month, daysInMonth(year, rule.month));
    return last - ((isoWeekday(last) - rule.weekday + 7) % 7);
  }
  const first = daysFromCivil(year, rule.month, 1);
  const d = first + ((rule.weekday - isoWeekday(first) + 7) % 7) + 7 * (rule.n - 1);
  return civilFromDays(d).month === rule.month ? d : null;
}

function ruleDaysOfYear(calendar: BusinessCalendar, c: CompiledCalendar, year: number): ReadonlySet<number> {
  let set = c.ruleDaysByYear.get(year);
  if (set === undefined) {
    const days = new Set<number>();
    const lo = daysFromCivil(year, 1, 1);
    const hi = daysFromCivil(year + 1, 1, 1);
    // An observed day can cross a year boundary (Jan 1 on a Saturday is observed Dec 31).
    for (const y of [year - 1, year, year + 1]) {
      for (const rule of calendar.holidayRules) {
        const d = ruleDay(rule, y);
        if (d !== null && d >= lo && d < hi) days.add(d);
      }
    }
    set = days;
    c.ruleDaysByYear.set(year, set);
  }
  return set;
}

/** Holidays (explicit and rule-based) of a calendar year, as sorted "YYYY-MM-DD"-able day numbers. */
export function holidayDayNumbers(calendar: BusinessCalendar, year: number): number[] {
  const c = compile(calendar);
  const lo = daysFromCivil(year, 1, 1);
  const hi = daysFromCivil(year + 1, 1, 1);
  const all = new Set(ruleDaysOfYear(calendar, c, year));
  for (const d of c.explicit) if (d >= lo && d < hi) all.add(d);
  return [...all].sort((a, b) => a - b);
}

/** True when local day `dayNumber` is neither a weekend day nor a holiday. */
export function isBusinessDay(calendar: BusinessCalendar, dayNumber: number): boolean {
  const c = compile(calendar);
  if (c.weekend[isoWeekday(dayNumber)]) return false;
  if (c.explicit.has(dayNumber)) return false;
  return !ruleDaysOfYear(calendar, c, civilFromDays(dayNumber).year).has(dayNumber);
}

/** The business interval [start, end) of a business day, as instants (DST-aware). */
function businessInterval(calendar: BusinessCalendar, c: CompiledCalendar, day: number): [number, number] {
  return [zonedTimeToInstant(calendar.timeZone, day, c.startMs), zonedTimeToInstant(calendar.timeZone, day, c.endMs)];
}

/**
 * The end of the Nth business day after the local day of `instant` (that day
 * is day 0, whether or not it is a business day), returned as the exclusive
 * end instant: the start of the following local calendar day. This is how
 * "we reply within 2 business days" reads: by the close of the second working
 * day after the one on which we heard from you. n = 0 returns `instant`.
 */
export function addBusinessDays(calendar: BusinessCalendar, instant: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days must be a whole number ≥ 0: ${n}`);
  if (n === 0) return new Date(instant.getTime());
  compile(calendar);
  let day = localDayNumber(calendar.timeZone, instant.getTime());
  let counted = 0;
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError("No business days found in the calendar");
    day += 1;
    if (isBusinessDay(calendar, day)) counted += 1;
  }
  return new Date(startOfLocalDay(calendar.timeZone, day + 1));
}

/**
 * The instant at which `hours` of business time have elapsed after `instant`,
 * counting only the business hours of business days. Time before the first
 * business interval is skipped, so a request on Saturday morning starts
 * counting on Monday. Real elapsed time is used inside an interval, so a
 * 00:00–24:00 business day on a DST change has 23 or 25 business hours.
 */
export function addBusinessHours(calendar: BusinessCalendar, instant: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Business hours must be ≥ 0: ${hours}`);
  const t0 = instant.getTime();
  let remaining = Math.round(hours * MS_PER_HOUR);
  if (remaining === 0) return new Date(t0);
  const c = compile(calendar);
  let day = localDayNumber(calendar.timeZone, t0);
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned++, day++) {
    if (!isBusinessDay(calendar, day)) continue;
    const [s, e] = businessInterval(calendar, c, day);
    const from = s > t0 ? s : t0;
    if (from >= e) continue;
    const available = e - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
  throw new RangeError("No business hours found in the calendar");
}

/** Business time (milliseconds) inside [from, to); 0 when `to` is not after `from`. */
export function businessTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  const c = compile(calendar);
  const lastDay = localDayNumber(calendar.timeZone, b);
  let total = 0;
  for (let day = localDayNumber(calendar.timeZone, a); day <= lastDay; day++) {
    if (!isBusinessDay(calendar, day)) continue;
    const [s, e] = businessInterval(calendar, c, day);
    const lo = s > a ? s : a;
    const hi = e < b ? e : b;
    if (hi > lo) total += hi - lo;
  }
  return total;
}

/** Units in which a service level or processing time is stated. */
export type DurationUnit = "HOURS" | "BUSINESS_HOURS" | "CALENDAR_DAYS" | "BUSINESS_DAYS";

/**
 * When an amount of time in `unit` after `from` runs out:
 * HOURS elapsed hours; BUSINESS_HOURS via {@link addBusinessHours};
 * CALENDAR_DAYS the end of the Nth local calendar day after day 0;
 * BUSINESS_DAYS via {@link addBusinessDays}.
 */
export function addDuration(calendar: BusinessCalendar, from: Date, amount: number, unit: DurationUnit): Date {
  switch (unit) {
    case "HOURS":
      return new Date(from.getTime() + Math.round(amount * MS_PER_HOUR));
    case "BUSINESS_HOURS":
      return addBusinessHours(calendar, from, amount);
    case "CALENDAR_DAYS": {
      if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`Calendar days must be a whole number ≥ 0: ${amount}`);
      if (amount === 0) return new Date(from.getTime());
      const day = localDayNumber(calendar.timeZone, from.getTime());
      return new Date(startOfLocalDay(calendar.timeZone, day + amount + 1));
    }
    case "BUSINESS_DAYS":
      return addBusinessDays(calendar, from, amount);
  }
}
