// Service-level timers of a return case, from the policy's service levels and business
// calendar: first reply, inspection after receipt, escalation decision, next update, resolution.
// Pure: computed from stored timestamps and `now`, in the shop's time zone and calendar.
import { businessTimeBetween, type BusinessCalendar } from "../calendar";
import { businessCalendarOf, serviceDueAt, type Policy } from "../policy";

export type CaseTimes = {
  createdAt: Date;
  firstRepliedAt?: Date | null;
  receivedAt?: Date | null;
  inspectedAt?: Date | null;
  escalatedAt?: Date | null;
  escalationDecidedAt?: Date | null;
  lastUpdateSentAt?: Date | null;
  resolvedAt?: Date | null;
};

export type SlaKind = "firstReply" | "inspection" | "escalationDecision" | "nextUpdate" | "resolution";
export type SlaTimer = { kind: SlaKind; dueAt: Date; metAt: Date | null; state: "open" | "met" | "missed" | "overdue" };

function timer(kind: SlaKind, dueAt: Date | null, metAt: Date | null | undefined, now: Date): SlaTimer | null {
  if (!dueAt) return null;
  const met = metAt ?? null;
  const state = met ? (met.getTime() <= dueAt.getTime() ? "met" : "missed") : now.getTime() >= dueAt.getTime() ? "overdue" : "open";
  return { kind, dueAt, metAt: met, state };
}

/** Every timer the policy commits to for this case; a level the policy is silent on has none. */
export function caseSlaTimers(policy: Policy, times: CaseTimes, now: Date): SlaTimer[] {
  const timers: Array<SlaTimer | null> = [
    timer("firstReply", serviceDueAt(policy, "firstReply", times.createdAt), times.firstRepliedAt, now),
    times.receivedAt ? timer("inspection", serviceDueAt(policy, "inspection", times.receivedAt), times.inspectedAt, now) : null,
    times.escalatedAt ? timer("escalationDecision", serviceDueAt(policy, "escalationDecision", times.escalatedAt), times.escalationDecidedAt, now) : null,
    // Long cases owe the shopper an update every cadence period from the last one sent.
    times.resolvedAt ? null : timer("nextUpdate", serviceDueAt(policy, "updateCadence", times.lastUpdateSentAt ?? times.createdAt), null, now),
    timer("resolution", serviceDueAt(policy, "resolution", times.createdAt), times.resolvedAt, now),
  ];
  return timers.filter((t): t is SlaTimer => t !== null);
}

/** The earliest timer still running or overdue: what the queue sorts by. */
export function nextDue(timers: readonly SlaTimer[]): SlaTimer | null {
  let best: SlaTimer | null = null;
  for (const t of timers) if ((t.state === "open" || t.state === "overdue") && (!best || t.dueAt < best.dueAt)) best = t;
  return best;
}

function hoursPerBusinessDay(calendar: BusinessCalendar): number {
  const [sh, sm] = calendar.businessHours.start.split(":").map(Number) as [number, number];
  const [eh, em] = calendar.businessHours.end.split(":").map(Number) as [number, number];
  return (eh * 60 + em - (sh * 60 + sm)) / 60;
}

function amount(hours: number, perDay: number): string {
  if (hours < perDay) {
    const h = Math.max(1, Math.ceil(hours));
    return `${h} business hour${h === 1 ? "" : "s"}`;
  }
  const d = Math.floor(hours / perDay);
  return `${d} business day${d === 1 ? "" : "s"}`;
}

/** "due in 5 business hours", "overdue 1 business day", counted in business time only. */
export function describeDue(policy: Policy, dueAt: Date, now: Date): string {
  const calendar = businessCalendarOf(policy);
  const perDay = hoursPerBusinessDay(calendar);
  if (dueAt.getTime() > now.getTime()) {
    return `due in ${amount(businessTimeBetween(calendar, now, dueAt) / 3_600_000, perDay)}`;
  }
  return `overdue ${amount(businessTimeBetween(calendar, dueAt, now) / 3_600_000, perDay)}`;
}

type StoredTimes = Omit<CaseTimes, "resolvedAt"> & { status: string; refundedAt?: Date | null; closedAt?: Date | null };

/** A stored case's timestamps as the timers read them: a decline resolves the case when it is sent. */
export function caseTimesOf(c: StoredTimes): CaseTimes {
  const resolvedAt = c.refundedAt ?? c.closedAt ?? (c.status === "DECLINED" ? (c.firstRepliedAt ?? null) : null);
  return { ...c, resolvedAt };
}

/** The instant the queue sorts a case by: its earliest running or overdue timer, or null when none runs. */
export function slaDueAtOf(policy: Policy, c: StoredTimes, now: Date): Date | null {
  if (c.status === "CLOSED") return null;
  return nextDue(caseSlaTimers(policy, caseTimesOf(c), now))?.dueAt ?? null;
}
