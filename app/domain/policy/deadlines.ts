/**
 * Deadlines for the shopper UI and service-level due times for the merchant
 * UI, computed with exactly the same rules `decide()` uses.
 */
import { addDuration } from "../calendar/business";
import { formatDay } from "../calendar/civil";
import { localDayNumber, startOfLocalDay } from "../calendar/zone";
import { businessCalendarOf } from "./compile";
import type { OrderSnapshot } from "./order";
import { CLAIM_TYPES, type ClaimType, type Duration, type Policy } from "./schema";

export interface Deadline {
  /** Local delivery day (day 0), "YYYY-MM-DD" in the policy's zone. */
  readonly deliveryDay: string;
  /** Last local day inside the window (day N). */
  readonly lastDay: string;
  /** First instant after the window (exclusive end), ISO-8601 UTC. */
  readonly closesAt: string;
  /** Whether delivery was assumed (no `deliveredAt`: creation + assumedTransitDays). */
  readonly deliveryAssumed: boolean;
}

/**
 * The window of `days` days from a delivery instant: through the end of the
 * Nth calendar day after the delivery day (day 0), both in the policy's zone.
 */
export function computeDeadline(policy: Policy, deliveredAt: Date, days: number): Deadline {
  const day = localDayNumber(policy.timeZone, deliveredAt.getTime());
  return deadlineFromDay(policy, day, days, false);
}

function deadlineFromDay(policy: Policy, deliveryDay: number, days: number, assumed: boolean): Deadline {
  return {
    deliveryDay: formatDay(deliveryDay),
    lastDay: formatDay(deliveryDay + days),
    closesAt: new Date(startOfLocalDay(policy.timeZone, deliveryDay + days + 1)).toISOString(),
    deliveryAssumed: assumed,
  };
}

export interface LineDeadlines {
  readonly lineItemId: string;
  /** Window per claim type (null when the policy does not offer that claim). */
  readonly windows: Readonly<Record<ClaimType, Deadline | null>>;
}

/**
 * Deadlines for every fulfilled line of an order: the return window and each
 * claim's report window. A line shipped in several fulfillments uses the
 * latest delivery, as `decide()` does. Unfulfilled lines are omitted.
 */
export function computeLineDeadlines(policy: Policy, order: OrderSnapshot): LineDeadlines[] {
  const zone = policy.timeZone;
  const latest = new Map<string, { day: number; assumed: boolean }>();
  for (const f of order.fulfillments) {
    if (f.displayStatus === "CANCELED" || f.displayStatus === "FAILURE") continue;
    const assumed = f.deliveredAt === null;
    const day = assumed
      ? localDayNumber(zone, Date.parse(f.createdAt)) + policy.returnWindow.assumedTransitDays
      : localDayNumber(zone, Date.parse(f.deliveredAt as string));
    for (const n of f.fulfillmentLineItems.nodes) {
      if (n.quantity === 0) continue;
      const prev = latest.get(n.lineItem.id);
      if (prev === undefined || day > prev.day) latest.set(n.lineItem.id, { day, assumed });
    }
  }
  const out: LineDeadlines[] = [];
  for (const li of order.lineItems.nodes) {
    const d = latest.get(li.id);
    if (d === undefined) continue;
    const windows = {} as Record<ClaimType, Deadline | null>;
    for (const c of CLAIM_TYPES) {
      if (c === "RETURN") windows[c] = policy.claims.RETURN.offered ? deadlineFromDay(policy, d.day, policy.returnWindow.days, d.assumed) : null;
      else windows[c] = policy.claims[c].offered ? deadlineFromDay(policy, d.day, policy.claims[c].reportWindowDays, d.assumed) : null;
    }
    out.push({ lineItemId: li.id, windows });
  }
  return out;
}

/** Service levels and processing times a due time can be computed for. */
export type ServiceLevel = "firstReply" | "resolution" | "updateCadence" | "escalationDecision" | "inspection" | "refundProcessing" | "rmaIssued" | "replacementShipped";

/** The stated duration behind a service level, or null when the policy makes no commitment. */
export function serviceDuration(policy: Policy, level: ServiceLevel): Duration | null {
  switch (level) {
    case "firstReply":
    case "resolution":
    case "updateCadence":
    case "escalationDecision":
      return policy.service[level];
    case "inspection":
      return policy.inspection.within;
    case "refundProcessing":
      return policy.refund.processingTime;
    case "rmaIssued":
      return policy.rma.issuedWithin;
    case "replacementShipped":
      return policy.exchanges.replacementShipsWithin;
  }
}

/**
 * When a service level falls due, from `from` (the message received, the item
 * arrived, the refund approved…), using the upper bound of the stated range in
 * the policy's business calendar. Null when the policy makes no commitment.
 */
export function serviceDueAt(policy: Policy, level: ServiceLevel, from: Date): Date | null {
  const d = serviceDuration(policy, level);
  if (d === null) return null;
  return addDuration(businessCalendarOf(policy), from, d.max, d.unit);
}
