/**
 * Per-policy precomputation, cached in a WeakMap keyed by the (immutable,
 * already validated) policy object: percentages as integer basis points,
 * normalized exclusion sets, the business calendar. `decide()` looks this up
 * once per call instead of re-deriving it.
 */
import type { BusinessCalendar } from "../calendar/business";
import { percentToBasisPoints } from "../money/money";
import { exclusionClause } from "./clauses";
import { messagesFor, type Messages } from "./messages";
import { normalizeToken } from "./normalize";
import { CLAIM_TYPES, CONDITIONS, FAULT_CLAIM_TYPES, type ClaimType, type Condition, type FaultClaimType, type Policy } from "./schema";

export interface CompiledExclusion {
  readonly id: string;
  readonly clause: string;
  readonly code: "FINAL_SALE" | "EXCLUDED";
  readonly reason: string;
  readonly appliesTo: Readonly<Record<ClaimType, boolean>>;
  readonly tags: ReadonlySet<string> | null;
  readonly productTypes: ReadonlySet<string> | null;
  readonly vendors: ReadonlySet<string> | null;
  readonly propertyKeyFragments: readonly string[] | null;
  readonly giftCard: boolean;
  readonly sellingPlan: boolean;
}

export interface CompiledPolicy {
  readonly messages: Messages;
  /** Basis points per condition for change-of-mind returns; -1 when the condition is not accepted. */
  readonly conditionBp: Readonly<Record<Condition, number>>;
  readonly faultBp: Readonly<Record<FaultClaimType, number>>;
  readonly exclusions: readonly CompiledExclusion[];
  readonly calendar: BusinessCalendar;
  readonly partialMinBp: number;
  readonly partialMaxBp: number;
}

const cache = new WeakMap<Policy, CompiledPolicy>();

function addAll(target: Set<string> | null, values: readonly string[]): Set<string> {
  const set = target ?? new Set<string>();
  for (const v of values) set.add(normalizeToken(v));
  return set;
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit !== undefined) return hit;

  const conditionBp = {} as Record<Condition, number>;
  for (const c of CONDITIONS) {
    const rule = policy.conditions[c];
    conditionBp[c] = rule.accepted ? percentToBasisPoints(rule.refundPercent) : -1;
  }
  const faultBp = {} as Record<FaultClaimType, number>;
  for (const c of FAULT_CLAIM_TYPES) faultBp[c] = percentToBasisPoints(policy.claims[c].refundPercent);

  const exclusions: CompiledExclusion[] = policy.exclusions.map((e) => {
    let tags: Set<string> | null = null;
    let productTypes: Set<string> | null = null;
    let vendors: Set<string> | null = null;
    let fragments: string[] | null = null;
    let giftCard = false;
    let sellingPlan = false;
    for (const m of e.match) {
      switch (m.by) {
        case "productTag":
          tags = addAll(tags, m.values);
          break;
        case "productType":
          productTypes = addAll(productTypes, m.values);
          break;
        case "vendor":
          vendors = addAll(vendors, m.values);
          break;
        case "lineItemPropertyKey":
          fragments = [...(fragments ?? []), ...m.contains.map(normalizeToken)];
          break;
        case "giftCard":
          giftCard = true;
          break;
        case "sellingPlan":
          sellingPlan = true;
          break;
      }
    }
    const appliesTo = {} as Record<ClaimType, boolean>;
    for (const c of CLAIM_TYPES) appliesTo[c] = e.appliesTo.includes(c);
    return {
      id: e.id,
      clause: exclusionClause(e.id),
      code: e.code,
      reason: e.reason,
      appliesTo,
      tags,
      productTypes,
      vendors,
      propertyKeyFragments: fragments,
      giftCard,
      sellingPlan,
    };
  });

  const compiled: CompiledPolicy = {
    messages: messagesFor(policy.locale),
    conditionBp,
    faultBp,
    exclusions,
    calendar: {
      timeZone: policy.timeZone,
      weekendDays: policy.calendar.weekendDays,
      holidays: policy.calendar.holidays,
      holidayRules: policy.calendar.holidayRules,
      businessHours: policy.calendar.businessHours,
    },
    partialMinBp: percentToBasisPoints(policy.partialRefunds.minPercent),
    partialMaxBp: percentToBasisPoints(policy.partialRefunds.maxPercent),
  };
  cache.set(policy, compiled);
  return compiled;
}

/** The policy's business calendar (time zone, weekend days, holidays, hours), for SLA helpers. */
export function businessCalendarOf(policy: Policy): BusinessCalendar {
  return compilePolicy(policy).calendar;
}
