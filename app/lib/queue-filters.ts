// The return queue's filters as they live in the URL (/app/returns?status=REQUESTED&urgent=true…).
// One zod schema shared by the queue's loader (a failure is a 400 with the message), the page
// (which writes the same keys) and the tests. Client-safe: no server imports.
//
// Keys: status and claimType repeat (or take comma-separated values); urgent, escalated, overdue
// and dueToday are "true"/"false"; createdFrom/createdTo are YYYY-MM-DD days in the shop's time
// zone (both inclusive); q searches order name, RMA, email and customer name; sort is "sla"
// (default: SLA due soonest, cases without a running timer last) or "newest"; after/before are
// the opaque page cursors. Keys the queue does not own (Shopify's embedded, host, shop…) are kept
// in the URL and ignored here.
import { z } from "zod";
import { CASE_STATUSES, type CaseStatus } from "~/domain/cases/lifecycle";
import { CLAIM_TYPES, type ClaimType } from "~/domain/policy/schema";
import { isDayString } from "~/domain/calendar/civil";
import { hasNul } from "./record-id";
import { zodMessage } from "./zod-message";

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_SORTS = ["sla", "newest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * Statuses with work left for an agent (reply, label, receive, inspect, refund). DECLINED and
 * REFUNDED cases only wait to be closed and CLOSED ones are done, so the home page's "open"
 * count and its links leave them out.
 */
export const OPEN_STATUSES = ["REQUESTED", "APPROVED", "IN_TRANSIT", "RECEIVED", "INSPECTED"] as const satisfies readonly CaseStatus[];

/** Every URL key the queue owns: clearing the filters removes these and nothing else. */
export const QUEUE_PARAM_KEYS = ["status", "claimType", "urgent", "escalated", "overdue", "dueToday", "createdFrom", "createdTo", "q", "sort", "after", "before"] as const;
export type QueueParamKey = (typeof QUEUE_PARAM_KEYS)[number];

const MULTI_KEYS = new Set<QueueParamKey>(["status", "claimType"]);

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return z
    .array(z.string())
    .superRefine((values, ctx) => {
      for (const v of values) {
        if (!(allowed as readonly string[]).includes(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${v}" is not a ${what}; use ${allowed.join(", ")}` });
      }
    })
    .transform((values) => [...new Set(values)] as T[]);
}

const flag = z
  .string()
  .optional()
  .superRefine((v, ctx) => {
    if (v !== undefined && v !== "true" && v !== "false") ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${v}" is not true or false` });
  })
  .transform((v) => (v === undefined ? undefined : v === "true"));

const day = z
  .string()
  .optional()
  .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isDayString(v)), { message: "use a date like 2026-03-31" });

// Case ids are cuids; anything else cannot be one of ours.
const cursor = z
  .string()
  .optional()
  .refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(v), { message: "this page link is not valid; go back to the first page" });

export const queueFiltersSchema = z
  .object({
    status: oneOf(CASE_STATUSES, "case status"),
    claimType: oneOf(CLAIM_TYPES, "claim type"),
    urgent: flag,
    escalated: flag,
    overdue: flag,
    dueToday: flag,
    createdFrom: day,
    createdTo: day,
    q: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .refine((v) => v === undefined || v.length <= 100, { message: "search at most 100 characters" })
      .refine((v) => v === undefined || !hasNul(v), { message: "the search contains a NUL character; remove it" }),
    sort: z
      .string()
      .optional()
      .refine((v) => v === undefined || (QUEUE_SORTS as readonly string[]).includes(v), { message: `sort by ${QUEUE_SORTS.join(" or ")}` })
      .transform((v) => (v ?? "sla") as QueueSort),
    after: cursor,
    before: cursor,
  })
  .superRefine((f, ctx) => {
    if (f.createdFrom && f.createdTo && f.createdFrom > f.createdTo) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["createdTo"], message: `the end date ${f.createdTo} is before the start date ${f.createdFrom}` });
    }
    if (f.after && f.before) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["before"], message: "give either after or before, not both" });
  });

export type QueueFilters = z.output<typeof queueFiltersSchema>;
export type QueueFilterInput = Partial<{
  status: readonly CaseStatus[];
  claimType: readonly ClaimType[];
  urgent: boolean;
  escalated: boolean;
  overdue: boolean;
  dueToday: boolean;
  createdFrom: string;
  createdTo: string;
  q: string;
  sort: QueueSort;
  after: string;
  before: string;
}>;

/** The raw values of the queue's keys: repeated keys collected (and comma lists split) for status and claimType, the last value of the others. */
function rawOf(params: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of QUEUE_PARAM_KEYS) {
    const values = params.getAll(key);
    if (MULTI_KEYS.has(key)) {
      raw[key] = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    } else if (values.length) {
      raw[key] = values[values.length - 1];
    }
  }
  return raw;
}

export type ParsedQueueFilters = { ok: true; filters: QueueFilters } | { ok: false; error: string };

/** The queue's filters from a URL's search params, or a readable message of what is wrong. */
export function parseQueueFilters(params: URLSearchParams): ParsedQueueFilters {
  const parsed = queueFiltersSchema.safeParse(rawOf(params));
  return parsed.success ? { ok: true, filters: parsed.data } : { ok: false, error: `These filters cannot be read: ${zodMessage(parsed.error)}.` };
}

/** Writes filters as the queue's search params ("?status=REQUESTED&overdue=true"); defaults are left out. */
export function queueSearch(filters: QueueFilterInput): string {
  const params = new URLSearchParams();
  for (const s of filters.status ?? []) params.append("status", s);
  for (const c of filters.claimType ?? []) params.append("claimType", c);
  for (const key of ["urgent", "escalated", "overdue", "dueToday"] as const) {
    const v = filters[key];
    if (v !== undefined) params.set(key, String(v));
  }
  for (const key of ["createdFrom", "createdTo", "q", "after", "before"] as const) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  if (filters.sort && filters.sort !== "sla") params.set("sort", filters.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The queue's URL with these filters: what the home page's counts link to. */
export function queueUrl(filters: QueueFilterInput = {}): string {
  return `/app/returns${queueSearch(filters)}`;
}
