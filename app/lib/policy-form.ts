// The policy editor's form state and its mapping to the policy. The form IS the policy (the
// JSON policySchema parses), so nothing the page does not render is ever dropped; this module
// holds the pure pieces both sides share: the blank skeleton, path edits, assumptions, the save
// request's envelope and the field errors a refused save answers with.
import { z, type ZodError, type ZodIssue } from "zod";
import {
  FAULT_CLAIM_TYPES,
  POLICY_SCHEMA_VERSION,
  resolvePolicyPath,
  type ClaimType,
  type Exclusion,
  type ExclusionMatcher,
  type Policy,
  type PolicyInput,
} from "~/domain/policy";

/**
 * The editor's state: a policy as JSON. While the merchant types, a number field may hold the
 * text typed ("", "3.") instead of a number; the server's parse reports it at its path.
 */
export type PolicyForm = Policy;

export type FieldError = { path: string; message: string };

export type PathSegment = string | number;

/** A deep copy as plain JSON (what the page sends and the server stores). */
export function toFormState(policy: Policy | PolicyInput): PolicyForm {
  return JSON.parse(JSON.stringify(policy)) as PolicyForm;
}

export function pathKey(path: readonly PathSegment[]): string {
  return path.join(".");
}

export function getIn(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` with `next` at `path` (objects and arrays along the path are copied, the rest shared). */
export function setIn<T>(value: T, path: readonly PathSegment[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const container = (value ?? (typeof head === "number" ? [] : {})) as Record<string | number, unknown> | unknown[];
  const child = setIn((container as Record<string | number, unknown>)[head], rest, next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[head as number] = child;
    return copy as T;
  }
  return { ...container, [head]: child } as T;
}

/** What a number field holds: the number typed, or the text itself when it is not one (yet). */
export function numberInput(text: string): number | string {
  const trimmed = text.trim();
  return /^-?(?:\d+(?:\.\d+)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : text;
}

// ── Assumptions ────────────────────────────────────────────────────────────────────────────

/** The assumptions on `path` itself, on a parent of it, or (with `within`) anywhere under it. */
export function assumptionsAt(form: PolicyForm, path: string, opts: { within?: boolean } = {}): PolicyForm["assumptions"] {
  return form.assumptions.filter((a) => a.path === path || path.startsWith(a.path + ".") || (opts.within === true && a.path.startsWith(path + ".")));
}

/** The merchant confirmed the assumed value: the field is theirs now (the assumption goes). */
export function confirmAssumption(form: PolicyForm, path: string): PolicyForm {
  return { ...form, assumptions: form.assumptions.filter((a) => a.path !== path) };
}

/** Drops assumptions about fields that no longer exist (a removed exclusion, a rule set to none). */
export function pruneAssumptions(form: PolicyForm): PolicyForm {
  const kept = form.assumptions.filter((a) => resolvePolicyPath(form, a.path) !== undefined);
  return kept.length === form.assumptions.length ? form : { ...form, assumptions: kept };
}

/** Changes an exclusion's id, moving the assumptions addressed by it ("exclusions.<id>…") along. */
export function renameExclusion(form: PolicyForm, index: number, id: string): PolicyForm {
  const before = form.exclusions[index]?.id;
  const next = setIn(form, ["exclusions", index, "id"], id);
  if (!before || before === id) return next;
  const old = `exclusions.${before}`;
  return {
    ...next,
    assumptions: next.assumptions.map((a) => (a.path === old || a.path.startsWith(old + ".") ? { ...a, path: `exclusions.${id}${a.path.slice(old.length)}` } : a)),
  };
}

// ── Exclusions ─────────────────────────────────────────────────────────────────────────────

export const MATCHER_KINDS = ["productTag", "productType", "vendor", "lineItemPropertyKey", "giftCard", "sellingPlan"] as const satisfies readonly ExclusionMatcher["by"][];
export type MatcherKind = (typeof MATCHER_KINDS)[number];

/** Matchers Shopify's product search can count (tag, type, vendor, gift card); the others are known only per order. */
export const COUNTABLE_MATCHERS = ["productTag", "productType", "vendor", "giftCard"] as const;
export type CountableMatcher = (typeof COUNTABLE_MATCHERS)[number];

export function isCountable(by: string): by is CountableMatcher {
  return (COUNTABLE_MATCHERS as readonly string[]).includes(by);
}

/** The matcher with the same values under a different kind (values kept where the kind has them). */
export function changeMatcherKind(matcher: ExclusionMatcher, by: MatcherKind): ExclusionMatcher {
  const values: string[] = "values" in matcher ? [...matcher.values] : "contains" in matcher ? [...matcher.contains] : [];
  switch (by) {
    case "productTag":
    case "productType":
    case "vendor":
      return { by, values: values as [string, ...string[]] };
    case "lineItemPropertyKey":
      return { by, contains: values as [string, ...string[]] };
    default:
      return { by };
  }
}

/** "hygiene, final sale" → ["hygiene", "final sale"]. */
export function splitValues(text: string): string[] {
  return text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}

/** A fresh exclusion with an id no other exclusion has. */
export function newExclusion(existing: readonly Pick<Exclusion, "id">[]): Exclusion {
  const ids = new Set(existing.map((e) => e.id));
  let n = existing.length + 1;
  while (ids.has(`exclusion-${n}`)) n++;
  return {
    id: `exclusion-${n}`,
    title: "",
    match: [{ by: "productTag", values: [""] as unknown as [string] }],
    code: "FINAL_SALE",
    reason: "",
    appliesTo: ["RETURN"],
  };
}

/** The exclusion's id derived from its title, while it still has the placeholder id. */
export function autoExclusionId(form: PolicyForm, index: number): string | null {
  const exclusion = form.exclusions[index];
  if (!exclusion || !/^exclusion-\d+$/.test(exclusion.id)) return null;
  const slug = slugify(exclusion.title);
  if (!slug || form.exclusions.some((e, i) => i !== index && e.id === slug)) return null;
  return slug;
}

// ── The blank skeleton ─────────────────────────────────────────────────────────────────────

/** The policy id for a shop: its myshopify handle as a slug ("clause-dev.myshopify.com" → "clause-dev"). */
export function policyIdForShop(shop: string): string {
  return slugify(shop.replace(/\.myshopify\.com$/i, "")) || "store";
}

const faultClaim = (reportWindowDays: number, itemMustBeReturned: boolean, evidenceRequired: boolean): Policy["claims"]["DEFECTIVE"] => ({
  offered: true,
  reportWindowDays,
  evidence: { required: evidenceRequired, kinds: ["photo", "video"], onMissing: "REJECT" },
  refundPercent: 100,
  deductOriginalShipping: false,
  returnShippingPaidBy: "MERCHANT",
  itemMustBeReturned,
  deductLabelCostIfNoFault: false,
  onlyListedItems: false,
});

/**
 * "Start from blank": a minimal valid policy whose every rule is a stated default, each listed
 * as an assumption so the merchant confirms it (or changes it) before relying on it.
 */
export function blankPolicy(shop: { id: string; name: string; timeZone: string }): PolicyInput {
  return {
    schemaVersion: POLICY_SCHEMA_VERSION,
    id: shop.id,
    name: shop.name,
    locale: "en",
    source: null,
    timeZone: shop.timeZone,
    calendar: { weekendDays: [6, 7], holidays: [], holidayRules: [], businessHours: { start: "00:00", end: "24:00" } },
    returnWindow: { days: 30, countFrom: "DELIVERY", assumedTransitDays: 7 },
    conditions: {
      UNOPENED: { accepted: true, refundPercent: 100 },
      OPENED: { accepted: true, refundPercent: 100 },
      USED: { accepted: true, refundPercent: 100 },
      DAMAGED: { accepted: false },
    },
    exclusions: [],
    originalShipping: { mode: "NOT_DEDUCTED" },
    returnShipping: { customerLabelFee: null, labelCost: { mode: "ACTUAL" } },
    claims: {
      RETURN: { offered: true, deductOriginalShipping: false, returnShippingPaidBy: "CUSTOMER" },
      DEFECTIVE: faultClaim(30, true, true),
      DAMAGED_IN_TRANSIT: faultClaim(30, true, true),
      WRONG_ITEM: faultClaim(30, true, true),
      MISSING_ITEM: faultClaim(30, false, false),
    },
    partialRefunds: { allowed: false, minPercent: 0, maxPercent: 100, reasonRequired: true },
    rma: { required: true, prefix: "RMA-", minDigits: 4, issuedWithin: null },
    inspection: { within: null },
    refund: { method: "ORIGINAL_PAYMENT", processingTime: null },
    rejectedItems: { disposition: "RETURN_TO_CUSTOMER", returnIfCustomerPaysShipping: true },
    exchanges: { replacementFor: [], differentItem: "RETURN_AND_REORDER", replacementShippingPaidBy: "MERCHANT", replacementShipsWithin: null },
    returnToSender: null,
    subscriptions: null,
    service: { firstReply: null, resolution: null, updateCadence: null, escalationDecision: null, channels: [] },
    assumptions: [
      { path: "timeZone", note: `Days and deadlines are counted in your store's time zone (${shop.timeZone}).` },
      { path: "calendar.weekendDays", note: "Monday to Friday are assumed to be business days; Saturday and Sunday are not." },
      { path: "calendar.holidays", note: "No holidays are listed yet; add the days your team is closed." },
      { path: "calendar.businessHours", note: "Every hour of a business day is assumed to count (00:00–24:00)." },
      { path: "returnWindow.days", note: "A 30-day return window, counted from delivery, is assumed." },
      { path: "returnWindow.assumedTransitDays", note: "Without a delivery date, delivery is assumed 7 days after shipment." },
      { path: "conditions", note: "Items in any condition are refunded in full except damaged ones, which are not accepted." },
      { path: "exclusions", note: "No items are excluded from returns (no final-sale items, no gift-card rule)." },
      { path: "originalShipping", note: "Original shipping is assumed not to be deducted from refunds." },
      { path: "returnShipping", note: "Customers are assumed to ship change-of-mind returns at their own cost; a prepaid label costs what it cost." },
      { path: "claims.RETURN", note: "Change-of-mind returns are offered; the customer pays return shipping." },
      ...FAULT_CLAIM_TYPES.map((claim) => ({
        path: `claims.${claim}`,
        note:
          claim === "MISSING_ITEM"
            ? "Missing items can be reported within 30 days of delivery and are refunded in full, without evidence."
            : "This claim can be reported within 30 days of delivery with a photo or video, is refunded in full, and the store pays return shipping.",
      })),
      { path: "partialRefunds.allowed", note: "Agents are assumed not to give partial refunds at inspection." },
      { path: "rma", note: "Every return gets an RMA number like RMA-1042." },
      { path: "refund.method", note: "Refunds are assumed to go to the original payment method." },
      { path: "rejectedItems", note: "Items whose return is rejected are assumed to be sent back to the customer." },
      { path: "exchanges", note: "No replacements are offered; a different item is a return and a new order." },
      { path: "service", note: "No service levels (reply or resolution times) are committed to yet." },
    ],
  };
}

// ── The save request and its answer ────────────────────────────────────────────────────────

/** What the page POSTs (as JSON): the whole policy, where it started from, and the version it edited. */
export const policySaveRequestSchema = z.object({
  intent: z.literal("save"),
  policy: z.unknown(),
  presetId: z.string().max(64).nullable().default(null),
  /** The version in force when the editor loaded (null: none); a save over a newer one is refused. */
  baseVersion: z.number().int().nonnegative().nullable().default(null),
});
export type PolicySaveRequest = z.input<typeof policySaveRequestSchema>;

export type PolicySaveResult =
  | { ok: true; version: number; message: string }
  | { ok: false; status: number; code: string; error: string; errors: FieldError[] };

/** The schema's cross-field messages, in the editor's words. */
const REWORDED: Record<string, string> = {
  "minPercent must not exceed maxPercent": "Must not be more than the maximum",
  "min must not exceed max": "Must not be more than “Up to”",
};

function sentence(message: string): string {
  if (REWORDED[message]) return REWORDED[message];
  if (/^an? /.test(message)) return `Enter ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function issueMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return "Required";
      if (issue.expected === "number") return "Enter a number";
      if (issue.expected === "integer") return "Enter a whole number";
      if (issue.expected === "boolean") return "Choose yes or no";
      if (issue.expected === "string") return "Enter text";
      return `Expected ${issue.expected}, got ${issue.received}`;
    case "too_small":
      if (issue.type === "number") return issue.inclusive ? `Enter ${String(issue.minimum)} or more` : `Enter more than ${String(issue.minimum)}`;
      if (issue.type === "string") return Number(issue.minimum) === 1 ? "Can't be blank" : `Use at least ${String(issue.minimum)} characters`;
      if (issue.type === "array") return Number(issue.minimum) === 1 ? "Add at least one" : `Add at least ${String(issue.minimum)}`;
      return issue.message;
    case "too_big":
      if (issue.type === "number") return issue.inclusive ? `Enter ${String(issue.maximum)} or less` : `Enter less than ${String(issue.maximum)}`;
      if (issue.type === "string") return `Use at most ${String(issue.maximum)} characters`;
      if (issue.type === "array") return `At most ${String(issue.maximum)}`;
      return issue.message;
    case "invalid_enum_value":
      return `Choose one of: ${issue.options.join(", ")}`;
    case "invalid_union_discriminator":
      return `Choose one of: ${issue.options.map(String).join(", ")}`;
    case "invalid_literal":
      return `Must be ${JSON.stringify(issue.expected)}`;
    case "not_multiple_of":
      return "Enter a whole number";
    default:
      return sentence(issue.message);
  }
}

/** A refused parse as one error per field, at the field's dot path ("returnWindow.days"). */
export function fieldErrors(error: ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (seen.has(path)) continue; // the first problem of a field is the one to fix
    seen.add(path);
    out.push({ path, message: issueMessage(issue) });
  }
  return out;
}

const SEGMENT_LABELS: Record<string, string> = {
  timeZone: "Time zone",
  name: "Store name",
  id: "Id",
  calendar: "Business calendar",
  weekendDays: "Weekend days",
  holidayRules: "Recurring holidays",
  businessHours: "Business hours",
  returnWindow: "Return window",
  assumedTransitDays: "Assumed transit days",
  refundPercent: "Refund %",
  minPercent: "Minimum %",
  maxPercent: "Maximum %",
  appliesTo: "Applies to",
  match: "Matches",
  originalShipping: "Original shipping",
  returnShipping: "Return shipping",
  customerLabelFee: "Customer label fee",
  labelCost: "Label cost",
  partialRefunds: "Partial refunds",
  rma: "RMA",
  minDigits: "Digits",
  issuedWithin: "Issued within",
  reportWindowDays: "Report window (days)",
  onMissing: "Without evidence",
  returnShippingPaidBy: "Return shipping paid by",
  deductOriginalShipping: "Deduct original shipping",
  itemMustBeReturned: "Item must be returned",
  firstReply: "First reply",
  updateCadence: "Update cadence",
  escalationDecision: "Escalation decision",
  processingTime: "Processing time",
  RETURN: "Change-of-mind return",
  DEFECTIVE: "Defective item",
  DAMAGED_IN_TRANSIT: "Damaged in transit",
  WRONG_ITEM: "Wrong item",
  MISSING_ITEM: "Missing item",
  UNOPENED: "Unopened",
  OPENED: "Opened",
  USED: "Used",
  DAMAGED: "Damaged",
};

function humanize(segment: string): string {
  const spaced = segment.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "calendar.holidays.2.date" → "Business calendar › Holidays #3 › Date". */
export function fieldLabel(path: string): string {
  if (!path) return "Policy";
  const parts: string[] = [];
  for (const segment of path.split(".")) {
    if (/^\d+$/.test(segment) && parts.length > 0) parts[parts.length - 1] += ` #${Number(segment) + 1}`;
    else parts.push(SEGMENT_LABELS[segment] ?? humanize(segment));
  }
  return parts.join(" › ");
}

/** Errors on `path` or under it (a field shows its own; a section shows what it holds). */
export function errorsUnder(errors: readonly FieldError[], path: string): FieldError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(path + "."));
}

export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = {
  RETURN: "Change-of-mind return",
  DEFECTIVE: "Defective item",
  DAMAGED_IN_TRANSIT: "Damaged in transit",
  WRONG_ITEM: "Wrong item",
  MISSING_ITEM: "Missing item",
};

// ── Live match counts ──────────────────────────────────────────────────────────────────────

export type ProductCount = { by: CountableMatcher; value: string | null; query: string; count: number; precision: "EXACT" | "AT_LEAST" };
export type MatchCountResult = { ok: true; counts: ProductCount[] } | { ok: false; status: number; error: string };

/** The countable values of an exclusion's matchers as the match-count route's query string ("" when none). */
export function matchCountParams(matchers: readonly ExclusionMatcher[]): string {
  const params = new URLSearchParams();
  for (const m of matchers) {
    if (m.by === "giftCard") params.append("giftCard", "true");
    else if (m.by === "productTag" || m.by === "productType" || m.by === "vendor") for (const v of m.values) if (v.trim()) params.append(m.by, v.trim());
  }
  const unique = new URLSearchParams([...new Set([...params].map(([k, v]) => `${k}\u0000${v}`))].map((kv) => kv.split("\u0000") as [string, string]));
  return unique.toString();
}
