/**
 * Proleptic-Gregorian civil dates as integer day numbers (days since
 * 1970-01-01). Day numbers make calendar arithmetic ("the 30th day after
 * delivery") plain integer addition, free of time zones and DST.
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_MINUTE = 60_000;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** "YYYY-MM-DD" of a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  const y = year >= 0 && year < 10_000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of a "YYYY-MM-DD" string; throws on anything else (including 2026-02-30). */
export function parseDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  }
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a valid calendar date: ${JSON.stringify(text)}`);
  }
  return daysFromCivil(year, month, day);
}

/** True when `text` is a valid "YYYY-MM-DD" date. */
export function isDayString(text: string): boolean {
  try {
    parseDay(text);
    return true;
  } catch {
    return false;
  }
}

/** Parses "HH:MM" (00:00–24:00) into milliseconds after midnight. */
export function parseClock(text: string): number {
  if (text.length !== 5 || text.charCodeAt(2) !== 58) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(text)}`);
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(3, 5));
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59 || h > 24 || (h === 24 && m !== 0)) {
    throw new RangeError(`Not an HH:MM time: ${JSON.stringify(text)}`);
  }
  return h * MS_PER_HOUR + m * MS_PER_MINUTE;
}

/** True when `text` is "HH:MM" between 00:00 and 24:00. */
export function isClockString(text: string): boolean {
  try {
    parseClock(text);
    return true;
  } catch {
    return false;
  }
}

const MONTH_NAMES_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "March 31, 2026": a locale-independent English long date (deterministic, no Intl). */
export function formatDayLongEn(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${MONTH_NAMES_EN[month - 1] ?? ""} ${day}, ${year}`;
}
