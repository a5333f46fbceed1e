/**
 * diffPolicies(a, b): what changed between two policy versions, in the merchant's words
 * ("Opened items: refund 85 % → 80 %", "Exclusion 'Personal hygiene products' added").
 *
 * Pure. The walk is generic, so a field added to the schema later still shows up (with a label
 * made from its path) without touching this file:
 *   - objects are compared key by key;
 *   - a value with its own meaning as a whole (a duration, an amount, a condition rule, a
 *     discriminated union whose kind changed, null ↔ set, a list of plain values) is one change;
 *   - lists of objects are matched by a stable key (`id`, else `date`, `path`, `name`, `address`,
 *     `by` when every item has a unique one), so an edit to one exclusion is one change and not
 *     a cascade of shifted positions; without a key, items are compared as wholes.
 * Assumptions are not rules: an assumption that disappears is reported as "Confirmed: …" (the
 * merchant confirmed the default), a new one as "Assumed: …" (or both are left out with
 * `{ assumptions: "ignore" }`).
 */
import type { Policy } from "./schema";

export type PolicyChangeKind = "changed" | "added" | "removed" | "confirmed" | "assumed";

export interface PolicyChange {
  /** Dot path of the field ("conditions.OPENED.refundPercent"); list items by their key ("exclusions.hygiene", "calendar.holidays.2026-12-25"). */
  readonly path: string;
  /** What changed, in merchant words ("Opened items: refund"). */
  readonly label: string;
  readonly kind: PolicyChangeKind;
  /** The value before, formatted ("85 %"); null when the item was added. For "confirmed", the assumption's note. */
  readonly before: string | null;
  /** The value after, formatted ("80 %"); null when the item was removed. For "assumed", the assumption's note. */
  readonly after: string | null;
  /** One readable line ("Opened items: refund 85 % → 80 %"). */
  readonly text: string;
}

export interface DiffOptions {
  /** "show" (default): removed assumptions as "Confirmed: …", new ones as "Assumed: …"; "ignore": leave them out. */
  readonly assumptions?: "show" | "ignore";
}

type Obj = Record<string, unknown>;

// ─── Words ──────────────────────────────────────────────────────────────────

const CLAIM_LABEL: Record<string, string> = {
  RETURN: "Change-of-mind returns",
  DEFECTIVE: "Defective items",
  DAMAGED_IN_TRANSIT: "Items damaged in transit",
  WRONG_ITEM: "Wrong items",
  MISSING_ITEM: "Missing items",
};

const CONDITION_LABEL: Record<string, string> = {
  UNOPENED: "Unopened items",
  OPENED: "Opened items",
  USED: "Used items",
  DAMAGED: "Damaged items",
};

const WEEKDAY = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ORDINAL: Record<string, string> = { "-1": "last", "1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth" };

/** Enum values as a merchant reads them. */
const ENUM_WORDS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CLAIM_LABEL).map(([k, v]) => [k, v.toLowerCase()])),
  UNOPENED: "unopened",
  OPENED: "opened",
  USED: "used",
  DAMAGED: "damaged",
  CUSTOMER: "the customer",
  MERCHANT: "the store",
  ORIGINAL_PAYMENT: "original payment method",
  STORE_CREDIT: "store credit",
  ORIGINAL_PAYMENT_OR_STORE_CREDIT: "original payment method or store credit",
  DISCARD: "discarded",
  RETURN_TO_CUSTOMER: "sent back to the customer",
  RETURN_AND_REORDER: "return and re-order",
  NOT_OFFERED: "not offered",
  NONE: "nothing",
  ORIGINAL_SHIPPING: "original shipping",
  RETURN_SHIPPING: "return shipping",
  REJECT: "reject the item",
  TREAT_AS_RETURN: "handle as a change-of-mind return",
  FINAL_SALE: "final sale",
  EXCLUDED: "excluded",
  DELIVERY: "delivery",
  EMAIL: "email",
  CONTACT_FORM: "contact form",
  PHONE: "phone",
  MAIL: "mail",
  IN_PERSON: "in person",
  SELF_SERVICE: "self-service",
  NOT_DEDUCTED: "not deducted",
  ORDER_SHIPPING_CHARGE: "the order's shipping charge",
  ACTUAL: "the actual label cost",
};

const UNIT_WORDS: Record<string, [string, string]> = {
  HOURS: ["hour", "hours"],
  BUSINESS_HOURS: ["business hour", "business hours"],
  CALENDAR_DAYS: ["day", "days"],
  BUSINESS_DAYS: ["business day", "business days"],
};

const MATCHER_LABEL: Record<string, string> = {
  productTag: "product tags",
  productType: "product types",
  vendor: "vendors",
  lineItemPropertyKey: "line-item properties containing",
  giftCard: "gift cards",
  sellingPlan: "subscription items",
};

/**
 * The label part a key adds under its parent, by path pattern (`*`: any one segment). An empty
 * string adds nothing (the parent or child says it better); a leading "^" replaces the parent's
 * part. A list's part is replaced by its items' own labels (itemLabel). Keys not listed are
 * spelled out from their camelCase name.
 */
const PART: Record<string, string> = {
  schemaVersion: "Schema version",
  id: "Policy id",
  name: "Store name",
  locale: "Language",
  source: "Source document",
  timeZone: "Time zone",
  calendar: "",
  "calendar.weekendDays": "Weekend days",
  "calendar.holidays": "Closures",
  "calendar.holidayRules": "Recurring holidays",
  "calendar.businessHours": "Business hours",
  "calendar.businessHours.start": "open from",
  "calendar.businessHours.end": "open until",
  returnWindow: "",
  "returnWindow.days": "Return window",
  "returnWindow.countFrom": "Return window counted from",
  "returnWindow.assumedTransitDays": "Delivery assumed after (no delivery date)",
  conditions: "",
  "conditions.*.refundPercent": "refund",
  "conditions.*.accepted": "accepted",
  exclusions: "Exclusions",
  "exclusions.*.title": "title",
  "exclusions.*.match": "matches",
  "exclusions.*.match.*.values": "",
  "exclusions.*.match.*.contains": "",
  "exclusions.*.code": "kind",
  "exclusions.*.reason": "reason shown to shoppers",
  "exclusions.*.appliesTo": "applies to",
  originalShipping: "Original shipping deducted",
  returnShipping: "",
  "returnShipping.customerLabelFee": "Return label fee charged to the customer",
  "returnShipping.labelCost": "Label cost deducted when no fault is found",
  claims: "",
  "claims.*.offered": "offered",
  "claims.*.reportWindowDays": "report within",
  "claims.*.evidence": "evidence",
  "claims.*.evidence.required": "required",
  "claims.*.evidence.kinds": "accepted",
  "claims.*.evidence.onMissing": "^without evidence",
  "claims.*.refundPercent": "refund",
  "claims.*.deductOriginalShipping": "original shipping deducted",
  "claims.*.returnShippingPaidBy": "return shipping paid by",
  "claims.*.itemMustBeReturned": "item must be sent back",
  "claims.*.deductLabelCostIfNoFault": "label cost deducted if no fault is found",
  "claims.*.onlyListedItems": "only items listed in the order",
  partialRefunds: "Partial refunds",
  "partialRefunds.allowed": "allowed",
  "partialRefunds.minPercent": "minimum",
  "partialRefunds.maxPercent": "maximum",
  "partialRefunds.reasonRequired": "reason required",
  rma: "",
  "rma.required": "RMA number required",
  "rma.prefix": "RMA prefix",
  "rma.minDigits": "RMA number digits",
  "rma.issuedWithin": "RMA number issued within",
  inspection: "",
  "inspection.within": "Inspection time",
  refund: "",
  "refund.method": "Refund method",
  "refund.processingTime": "Refund processing time",
  rejectedItems: "Items rejected at inspection",
  "rejectedItems.disposition": "",
  "rejectedItems.returnIfCustomerPaysShipping": "sent back if the customer pays shipping",
  exchanges: "Exchanges",
  "exchanges.replacementFor": "replacement offered for",
  "exchanges.differentItem": "different size, colour or style",
  "exchanges.replacementShippingPaidBy": "replacement shipping paid by",
  "exchanges.replacementShipsWithin": "replacement ships within",
  returnToSender: "Undelivered parcels",
  "returnToSender.incorrectAddress": "",
  "returnToSender.incorrectAddress.reshipInvoiced": "wrong address: re-shipped for an invoiced fee",
  "returnToSender.incorrectAddress.refundDeducts": "wrong address: refund deducts",
  "returnToSender.refusedDelivery": "",
  "returnToSender.refusedDelivery.refundDeducts": "refused delivery: refund deducts",
  subscriptions: "Subscriptions",
  "subscriptions.cancelAnytime": "cancel any time",
  "subscriptions.endsAtPeriodEnd": "cancellation at the end of the billing period",
  "subscriptions.partialPeriodRefund": "partial-period refund",
  "subscriptions.firstPeriodRefundable": "first period refundable",
  service: "",
  "service.firstReply": "First reply within",
  "service.resolution": "Resolution within",
  "service.updateCadence": "Updates every",
  "service.escalationDecision": "Escalation decided within",
  "service.channels": "Contact channels",
  "service.channels.*.kind": "kind",
  "service.channels.*.address": "address",
  "service.channels.*.firstReply": "first reply within",
  assumptions: "Assumptions",
};

/** A section's own name, for a change of (or an assumption about) the section as a whole. */
const SECTION: Record<string, string> = {
  calendar: "Business calendar",
  returnWindow: "Return window",
  conditions: "Refunds by item condition",
  returnShipping: "Return shipping",
  claims: "Claims",
  rma: "RMA numbers",
  inspection: "Inspection",
  refund: "Refunds",
  service: "Customer service",
  "returnToSender.incorrectAddress": "Undelivered parcels: wrong address",
  "returnToSender.refusedDelivery": "Undelivered parcels: refused delivery",
};

/** The label of a list item, by the list's path pattern. */
function itemLabel(listPath: readonly string[], item: unknown, key: string): string {
  const o = isObject(item) ? item : {};
  const str = (k: string) => (typeof o[k] === "string" ? (o[k] as string) : undefined);
  if (matches(listPath, "exclusions")) return `Exclusion '${str("title") ?? key}'`;
  if (matches(listPath, "calendar.holidays")) return `Holiday ${str("date") ?? key}`;
  if (matches(listPath, "calendar.holidayRules")) return `Holiday '${str("name") ?? key}'`;
  if (matches(listPath, "service.channels")) return `Contact ${ENUM_WORDS[str("kind") ?? ""] ?? "channel"} ${str("address") ?? key}`;
  if (matches(listPath, "exclusions.*.match")) return `matches ${MATCHER_LABEL[str("by") ?? ""] ?? humanize(str("by") ?? key)}`;
  return `item ${key}`;
}

// ─── Helpers ────────────────────────────────────────────────────────────────

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isPrimitive(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** True when `path` matches `pat` ("exclusions.*.match"; `*`: any one segment). */
function matches(path: readonly string[], pat: string): boolean {
  const segs = pat.split(".");
  return segs.length === path.length && segs.every((s, i) => s === "*" || s === path[i]);
}

function partFor(path: readonly string[]): string | undefined {
  const exact = PART[path.join(".")];
  if (exact !== undefined) return exact;
  // Try `*` for each variable position, most specific (fewest stars) first.
  const n = path.length;
  const candidates: string[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    candidates.push(path.map((seg, i) => (mask & (1 << i) ? "*" : seg)));
  }
  candidates.sort((x, y) => x.filter((s) => s === "*").length - y.filter((s) => s === "*").length);
  for (const c of candidates) {
    const hit = PART[c.join(".")];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The label part a key adds; `parent` is the path of the object that holds it. */
function keyPart(parent: readonly string[], key: string): string {
  const path = [...parent, key];
  const known = partFor(path);
  if (known !== undefined) return known;
  const top = parent.join(".");
  if (top === "conditions" && CONDITION_LABEL[key]) return CONDITION_LABEL[key];
  if (top === "claims" && CLAIM_LABEL[key]) return CLAIM_LABEL[key];
  return humanize(key);
}

/** "assumedTransitDays" → "assumed transit days"; "RETURN_TO_CUSTOMER" → "return to customer". */
function humanize(key: string): string {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
}

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Parts → "First part: the rest of it"; the section's name (or the path's last key) when no part says anything. */
function joinLabel(parts: readonly string[], path: readonly string[] = []): string {
  const kept: string[] = [];
  for (const p of parts) {
    if (p.startsWith("^")) {
      kept.pop();
      kept.push(p.slice(1));
    } else if (p !== "") kept.push(p);
  }
  if (kept.length === 0) return path.length ? (SECTION[path.join(".")] ?? capitalize(humanize(path[path.length - 1]!))) : "Policy";
  const [first, ...rest] = kept;
  return capitalize(rest.length ? `${first}: ${rest.join(" ")}` : first!);
}

const KEY_CANDIDATES = ["id", "date", "path", "name", "address", "by"] as const;

/** The field list items are matched by, when every item on both sides has a unique one. */
function listKey(a: readonly unknown[], b: readonly unknown[]): string | null {
  if (![...a, ...b].every(isObject) || a.length + b.length === 0) return null;
  for (const k of KEY_CANDIDATES) {
    const ok = [a, b].every((list) => {
      const values = list.map((item) => (item as Obj)[k]);
      return values.every((v) => typeof v === "string" || typeof v === "number") && new Set(values).size === values.length;
    });
    if (ok) return k;
  }
  return null;
}

// ─── Formatting values ──────────────────────────────────────────────────────

function isDuration(v: unknown): v is { min: number | null; max: number; unit: string } {
  return isObject(v) && typeof v.max === "number" && typeof v.unit === "string" && "min" in v;
}

function isMoney(v: unknown): v is { amount: string; currencyCode: string } {
  return isObject(v) && typeof v.amount === "string" && typeof v.currencyCode === "string";
}

function formatDuration(d: { min: number | null; max: number; unit: string }): string {
  const [one, many] = UNIT_WORDS[d.unit] ?? [humanize(d.unit), humanize(d.unit)];
  if (typeof d.min === "number" && d.min !== d.max) return `${d.min}–${d.max} ${many}`;
  return `${d.max} ${d.max === 1 ? one : many}`;
}

function formatMoneyValue(m: { amount: string; currencyCode: string }): string {
  return `${m.amount} ${m.currencyCode}`;
}

function formatPercentValue(n: number): string {
  return `${n} %`;
}

function formatDays(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

function formatEnum(s: string): string {
  return ENUM_WORDS[s] ?? (/^[A-Z][A-Z0-9_]*$/.test(s) ? humanize(s) : s);
}

function formatList(path: readonly string[], values: readonly unknown[]): string {
  if (values.length === 0) return "none";
  const last = path[path.length - 1];
  if (last === "weekendDays") {
    return [...values]
      .sort((x, y) => Number(x) - Number(y))
      .map((d) => WEEKDAY[Number(d)] ?? String(d))
      .join(", ");
  }
  return values.map((v) => (typeof v === "string" ? formatEnum(v) : formatValue([...path, "*"], v))).join(", ");
}

function describeHolidayRule(r: Obj): string {
  const month = MONTH[Number(r.month)] ?? String(r.month);
  if (typeof r.day === "number") return `${r.name}: ${month} ${r.day}${r.observed === "nearest-weekday" ? ", observed on the nearest weekday" : ""}`;
  if (typeof r.weekday === "number") return `${r.name}: ${ORDINAL[String(r.n)] ?? r.n} ${WEEKDAY[r.weekday] ?? r.weekday} of ${month}`;
  return String(r.name);
}

function describeMatcher(m: Obj): string {
  const what = MATCHER_LABEL[String(m.by)] ?? humanize(String(m.by));
  const values = Array.isArray(m.values) ? m.values : Array.isArray(m.contains) ? m.contains : null;
  return values ? `${what} ${values.join(", ")}` : what;
}

/** Null as the field means it. */
function formatNull(path: readonly string[]): string {
  const p = path.join(".");
  if (p === "returnToSender" || p === "subscriptions") return "not covered by the policy";
  if (p === "returnShipping.customerLabelFee") return "none (the customer ships at their own cost)";
  if (p === "source") return "none";
  return "not stated";
}

/** A value as the merchant reads it. */
function formatValue(path: readonly string[], v: unknown): string {
  const last = path[path.length - 1] ?? "";
  const list = path.slice(0, -1);
  if (v === null || v === undefined) return formatNull(path);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") {
    if (/Percent$/.test(last)) return formatPercentValue(v);
    if (/(^d|D)ays$/.test(last)) return formatDays(v);
    return String(v);
  }
  if (typeof v === "string") {
    if (v === "") return "(none)";
    return formatEnum(v);
  }
  if (Array.isArray(v)) return formatList(path, v);
  if (isDuration(v)) return formatDuration(v);
  if (isMoney(v)) return formatMoneyValue(v);
  const o = v as Obj;
  if (typeof o.accepted === "boolean") return o.accepted ? `refund ${formatPercentValue(Number(o.refundPercent))}` : "not accepted";
  if (typeof o.mode === "string") return isMoney(o.amount) ? `fixed ${formatMoneyValue(o.amount)}` : formatEnum(o.mode);
  if (matches(list, "calendar.holidays")) return String(o.name ?? o.date);
  if (matches(list, "calendar.holidayRules")) return describeHolidayRule(o);
  if (matches(list, "exclusions.*.match") || typeof o.by === "string") return describeMatcher(o);
  if (matches(list, "exclusions")) return `${capitalize(formatEnum(String(o.code)))}: ${String(o.reason)}`;
  if (matches(list, "service.channels")) return `${formatEnum(String(o.kind))}: ${String(o.address)}`;
  // Any other object: its fields, labelled.
  return Object.entries(o)
    .map(([k, value]) => {
      const part = keyPart(path, k) || humanize(k);
      return `${part}: ${formatValue([...path, k], value)}`;
    })
    .join("; ");
}

// ─── The walk ───────────────────────────────────────────────────────────────

const DISCRIMINATORS = ["mode", "type", "by", "accepted"] as const;

/** True when the two values are compared as a whole rather than field by field. */
function isWhole(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return true; // primitives, null ↔ object, arrays handled before
  if (isDuration(a) || isDuration(b) || isMoney(a) || isMoney(b)) return true;
  return DISCRIMINATORS.some((d) => d in a && d in b && a[d] !== b[d]);
}

function quoteIfText(s: string): string {
  return /\s/.test(s) && s.length > 0 ? `"${s}"` : s;
}

/** A list item's label parts: its own label in place of the list's. */
function itemParts(parts: readonly string[], listPath: readonly string[], item: unknown, key: string): string[] {
  return [...parts.slice(0, -1), itemLabel(listPath, item, key)];
}

class Collector {
  readonly out: PolicyChange[] = [];

  changed(path: readonly string[], parts: readonly string[], a: unknown, b: unknown) {
    const label = joinLabel(parts, path);
    const before = formatValue(path, a);
    const after = formatValue(path, b);
    const free = (typeof a === "string" || typeof b === "string") && (/\s/.test(String(a ?? "")) || /\s/.test(String(b ?? "")));
    const [tb, ta] = free ? [quoteIfText(before), quoteIfText(after)] : [before, after];
    const text = label.includes(":") ? `${label} ${tb} → ${ta}` : `${label}: ${tb} → ${ta}`;
    this.out.push({ path: path.join("."), label, kind: "changed", before, after, text });
  }

  item(kind: "added" | "removed", path: readonly string[], parts: readonly string[], value: unknown) {
    const label = joinLabel(parts, path);
    const formatted = formatValue(path, value);
    this.out.push({ path: path.join("."), label, kind, before: kind === "removed" ? formatted : null, after: kind === "added" ? formatted : null, text: `${label} ${kind}` });
  }

  walk(path: readonly string[], parts: readonly string[], a: unknown, b: unknown) {
    if (deepEqual(a, b)) return;
    if (Array.isArray(a) && Array.isArray(b)) return this.list(path, parts, a, b);
    if (isWhole(a, b)) return this.changed(path, parts, a, b);
    const ao = a as Obj;
    const bo = b as Obj;
    const keys = [...Object.keys(bo), ...Object.keys(ao).filter((k) => !(k in bo))];
    for (const key of keys) {
      if (path.length === 0 && key === "assumptions") continue;
      this.walk([...path, key], [...parts, keyPart(path, key)], ao[key], bo[key]);
    }
  }

  list(path: readonly string[], parts: readonly string[], a: readonly unknown[], b: readonly unknown[]) {
    // A list of plain values is a set (weekend days, claim types, tags): one change, order ignored.
    if (a.every(isPrimitive) && b.every(isPrimitive)) {
      const sa = [...new Set(a.map(String))].sort();
      const sb = [...new Set(b.map(String))].sort();
      if (!deepEqual(sa, sb)) this.changed(path, parts, a, b);
      return;
    }
    const key = listKey(a, b);
    if (key === null) {
      // No stable key: items compared as wholes.
      const bs = b.map((x) => JSON.stringify(x));
      const as = a.map((x) => JSON.stringify(x));
      a.forEach((x, i) => {
        if (!bs.includes(as[i]!)) this.item("removed", [...path, String(i)], itemParts(parts, path, x, String(i)), x);
      });
      b.forEach((x, i) => {
        if (!as.includes(bs[i]!)) this.item("added", [...path, String(i)], itemParts(parts, path, x, String(i)), x);
      });
      return;
    }
    const keyOf = (x: unknown) => String((x as Obj)[key]);
    const inA = new Map(a.map((x) => [keyOf(x), x]));
    const inB = new Map(b.map((x) => [keyOf(x), x]));
    for (const [k, x] of inB) {
      const itemPath = [...path, k];
      if (!inA.has(k)) this.item("added", itemPath, itemParts(parts, path, x, k), x);
      else this.walk(itemPath, itemParts(parts, path, x, k), inA.get(k), x);
    }
    for (const [k, x] of inA) {
      if (!inB.has(k)) this.item("removed", [...path, k], itemParts(parts, path, x, k), x);
    }
    // Same items in a different order (exclusions are listed in the policy text in this order).
    const orderA = [...inA.keys()].filter((k) => inB.has(k));
    const orderB = [...inB.keys()].filter((k) => inA.has(k));
    if (!deepEqual(orderA, orderB)) {
      const names = (order: string[], items: Map<string, unknown>) => order.map((k) => itemLabel(path, items.get(k), k)).join(", ");
      const label = `Order of ${joinLabel(parts, path).toLowerCase()}`;
      const before = names(orderA, inA);
      const after = names(orderB, inB);
      this.out.push({ path: path.join("."), label, kind: "changed", before, after, text: `${label}: ${before} → ${after}` });
    }
  }
}

/** The label of a field given by dot path ("conditions.OPENED.refundPercent" → "Opened items: refund"), list items resolved in `policy`. */
export function policyPathLabel(policy: unknown, path: string): string {
  const segments = path.split(".");
  const parts: string[] = [];
  const walked: string[] = [];
  let current: unknown = policy;
  for (const seg of segments) {
    if (Array.isArray(current)) {
      const found = current.find((item) => isObject(item) && KEY_CANDIDATES.some((k) => String(item[k]) === seg)) ?? (/^\d+$/.test(seg) ? current[Number(seg)] : undefined);
      parts.splice(parts.length - 1, 1, itemLabel(walked, found, seg));
      current = found;
    } else {
      parts.push(keyPart(walked, seg));
      current = isObject(current) ? current[seg] : undefined;
    }
    walked.push(seg);
  }
  return joinLabel(parts, segments);
}

function assumptionChanges(a: Policy, b: Policy): PolicyChange[] {
  const before = new Map(a.assumptions.map((x) => [x.path, x.note]));
  const after = new Map(b.assumptions.map((x) => [x.path, x.note]));
  const out: PolicyChange[] = [];
  for (const [path, note] of before) {
    if (after.has(path)) continue;
    const label = `Confirmed: ${policyPathLabel(b, path)}`;
    out.push({ path: `assumptions.${path}`, label, kind: "confirmed", before: note, after: null, text: label });
  }
  for (const [path, note] of after) {
    if (before.has(path)) continue;
    const label = `Assumed: ${policyPathLabel(b, path)}`;
    out.push({ path: `assumptions.${path}`, label, kind: "assumed", before: null, after: note, text: label });
  }
  return out;
}

/** The changes that turn version `a` into version `b`, in the policy's reading order. Identical policies give []. */
export function diffPolicies(a: Policy, b: Policy, options: DiffOptions = {}): PolicyChange[] {
  const c = new Collector();
  c.walk([], [], a, b);
  return options.assumptions === "ignore" ? c.out : [...c.out, ...assumptionChanges(a, b)];
}
