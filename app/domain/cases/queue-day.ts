// The return queue's notion of days and due times, in the shop's time zone: which instants a
// "created from/to" filter covers, when "today" ends, and the SLA badge of a row. Pure.
import { businessTimeBetween, parseDay, startOfLocalDay, localDayNumber, type BusinessCalendar } from "../calendar";
import { businessCalendarOf, type Policy } from "../policy";
import { describeDue } from "./sla";

/** createdAt bounds of local days `from` … `to` (both inclusive, "YYYY-MM-DD"): [gte, lt). */
export function localDayRange(timeZone: string, from?: string | null, to?: string | null): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: new Date(startOfLocalDay(timeZone, parseDay(from))) } : {}),
    ...(to ? { lt: new Date(startOfLocalDay(timeZone, parseDay(to) + 1)) } : {}),
  };
}

/** The first instant of tomorrow in `timeZone`: "due today" means now < due < this. */
export function endOfLocalToday(timeZone: string, now: Date): Date {
  return new Date(startOfLocalDay(timeZone, localDayNumber(timeZone, now.getTime()) + 1));
}

function hoursPerBusinessDay(calendar: BusinessCalendar): number {
  const minutes = (clock: string) => {
    const [h, m] = clock.split(":").map(Number) as [number, number];
    return h * 60 + m;
  };
  return (minutes(calendar.businessHours.end) - minutes(calendar.businessHours.start)) / 60;
}

export type SlaTone = "critical" | "warning";
export type SlaBadge = { text: string; tone: SlaTone | null };

/**
 * The queue's SLA badge: describeDue's words, critical once overdue, warning when less than
 * one business day (of the policy's business hours) is left, no tone otherwise.
 */
export function slaBadge(policy: Policy, dueAt: Date, now: Date): SlaBadge {
  const text = describeDue(policy, dueAt, now);
  if (dueAt.getTime() <= now.getTime()) return { text, tone: "critical" };
  const calendar = businessCalendarOf(policy);
  const left = businessTimeBetween(calendar, now, dueAt) / 3_600_000;
  return { text, tone: left < hoursPerBusinessDay(calendar) ? "warning" : null };
}

/** A decimal amount ("12.50") in its currency, for display only; an unknown code shows as "12.50 XYZ". */
export function formatMoney(amount: string, currency: string, locale = "en-US"): string {
  try {
    // A numeric string is formatted exactly (Intl.NumberFormat v3): no float arithmetic.
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "Mar 3, 2026": an instant's local date in the shop's time zone. */
export function formatLocalDate(date: Date, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium" }).format(date);
}
