/**
 * IANA time-zone arithmetic built on Intl.DateTimeFormat only (no date library).
 *
 * The primitive is the zone's UTC offset at an instant, read from a cached
 * formatter. Everything else — the local calendar day of an instant, the
 * instant a local day starts — is integer arithmetic on day numbers plus that
 * offset, so daylight-saving changes cannot shift a day boundary.
 */
import { MS_PER_DAY, daysFromCivil } from "./civil";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // en-US + h23 gives stable numeric parts; the locale only shapes the parts we parse.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this runtime knows ("America/New_York", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC (ms, local − UTC) at instant `t`, straight from Intl (second precision). */
function intlOffsetMs(timeZone: string, t: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        year = Number(p.value);
        break;
      case "month":
        month = Number(p.value);
        break;
      case "day":
        day = Number(p.value);
        break;
      case "hour":
        hour = Number(p.value);
        break;
      case "minute":
        minute = Number(p.value);
        break;
      case "second":
        second = Number(p.value);
        break;
      case "era":
        bc = p.value === "BC" || p.value === "B";
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000;
  const tSeconds = t - (((t % 1000) + 1000) % 1000);
  return wall - tSeconds;
}

/*
 * Offset cache. Offsets change only at transitions, which real zones have at
 * most twice a year and never twice within one UTC day. So for each UTC day we
 * read the offset at its first and last millisecond: if they agree the whole
 * day has that offset and is cached; if not (a transition day) we store NaN and
 * ask Intl for every instant of that day. The cache is exact, not approximate.
 */
const offsetCaches = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS_PER_ZONE = 50_000;

/** The zone's UTC offset in milliseconds (local − UTC) at instant `t` (epoch ms). */
export function offsetAt(timeZone: string, t: number): number {
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    formatterFor(timeZone); // throws RangeError for an unknown zone
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(t / MS_PER_DAY);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = bucket * MS_PER_DAY;
    const a = intlOffsetMs(timeZone, start);
    const b = intlOffsetMs(timeZone, start + MS_PER_DAY - 1);
    offset = a === b ? a : Number.NaN;
    if (cache.size >= MAX_CACHED_DAYS_PER_ZONE) cache.clear();
    cache.set(bucket, offset);
  }
  return offset === offset ? offset : intlOffsetMs(timeZone, t); // NaN !== NaN: transition day
}

/** Local calendar day (day number) of instant `t` in `timeZone`. */
export function localDayNumber(timeZone: string, t: number): number {
  return Math.floor((t + offsetAt(timeZone, t)) / MS_PER_DAY);
}

/** Local wall-clock position of instant `t`: its day number and milliseconds since local midnight. */
export function localDateTime(timeZone: string, t: number): { dayNumber: number; msOfDay: number } {
  const wall = t + offsetAt(timeZone, t);
  const dayNumber = Math.floor(wall / MS_PER_DAY);
  return { dayNumber, msOfDay: wall - dayNumber * MS_PER_DAY };
}

/**
 * The instant at which the local wall-clock time `msOfDay` on local day
 * `dayNumber` occurs. Ambiguous times (the repeated hour when clocks go back)
 * resolve to the earlier instant; non-existent times (the skipped hour when
 * clocks go forward) resolve to the same wall time shifted past the gap — the
 * "compatible" rule of Temporal and RFC 5545.
 */
export function zonedTimeToInstant(timeZone: string, dayNumber: number, msOfDay: number): number {
  const wall = dayNumber * MS_PER_DAY + msOfDay;
  const before = offsetAt(timeZone, wall - MS_PER_DAY);
  const after = offsetAt(timeZone, wall + MS_PER_DAY);
  const t1 = wall - before;
  if (before === after) return t1;
  const t2 = wall - after;
  const ok1 = offsetAt(timeZone, t1) === before;
  const ok2 = offsetAt(timeZone, t2) === after;
  if (ok1 && ok2) return t1 < t2 ? t1 : t2;
  if (ok1) return t1;
  if (ok2) return t2;
  return t1; // in a gap: interpreted with the pre-transition offset, i.e. after the gap
}

/** First instant of local day `dayNumber` in `timeZone` (after the gap if midnight is skipped). */
export function startOfLocalDay(timeZone: string, dayNumber: number): number {
  return zonedTimeToInstant(timeZone, dayNumber, 0);
}

export interface CalendarDayWindow {
  /** Local day of the starting instant (day 0), as a day number. */
  readonly startDay: number;
  /** The last local day still inside the window (day N), as a day number. */
  readonly lastDay: number;
  /** The first instant after the window: the start of day N + 1 (exclusive end). */
  readonly closesAtMs: number;
}

/**
 * "Through the end of the Nth calendar day after day 0 in zone Z": day 0 is the
 * local day of `startMs`; the window includes every instant before the start of
 * local day N + 1. The result is the same whatever the time of day of
 * `startMs` and across DST changes (a day is a calendar day, not 24 hours).
 */
export function calendarDayWindow(timeZone: string, startMs: number, days: number): CalendarDayWindow {
  const startDay = localDayNumber(timeZone, startMs);
  return windowFromDay(timeZone, startDay, days);
}

/** Same as {@link calendarDayWindow} but from a local day number instead of an instant. */
export function windowFromDay(timeZone: string, startDay: number, days: number): CalendarDayWindow {
  const lastDay = startDay + days;
  return { startDay, lastDay, closesAtMs: startOfLocalDay(timeZone, lastDay + 1) };
}

/** The end of the Nth calendar day after the local day of `instant` (exclusive end instant). */
export function endOfNthCalendarDay(timeZone: string, instant: Date, days: number): Date {
  return new Date(calendarDayWindow(timeZone, instant.getTime(), days).closesAtMs);
}

/** Clears the offset cache (tests and long-running processes that change zones a lot). */
export function clearZoneCaches(): void {
  offsetCaches.clear();
}
