// What the case page's forms post to its action: one `intent` per lifecycle action, validated
// here before anything is read or sent to Shopify. Form values arrive as strings; booleans as
// "true"/"false" (or "on" from a plain checkbox). Pure: the page's components import the types.
import { z } from "zod";
import { inspectionFormSchema } from "~/domain/cases/inspection";
import { hasNul, nulMessage } from "./record-id";
import { issueLine, zodMessage } from "./zod-message";

export const DECLINE_REASONS = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"] as const;

export const CASE_INTENTS = [
  "approve",
  "decline",
  "attachLabel",
  "markInTransit",
  "markReceived",
  "inspect",
  "refund",
  "escalate",
  "resolveEscalation",
  "setUrgent",
  "note",
  "message",
  "close",
] as const;
export type CaseIntent = (typeof CASE_INTENTS)[number];

const flag = z
  .enum(["true", "false", "on", "off", ""], { message: "Expected true or false" })
  .optional()
  .transform((v) => v === "true" || v === "on");

/** An optional single-line text: trimmed, "" → undefined. */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is too long (at most ${max} characters)`)
    .refine((v) => !hasNul(v), nulMessage(what))
    .optional()
    .transform((v) => (v ? v : undefined));

const requiredText = (max: number, empty: string, what: string) =>
  z
    .string({ required_error: empty })
    .trim()
    .min(1, empty)
    .max(max, `${what} is too long (at most ${max} characters)`)
    .refine((v) => !hasNul(v), nulMessage(what));

const version = z.coerce
  .number({ invalid_type_error: "The page's case version is missing; reload the page." })
  .int("The page's case version is not valid; reload the page.")
  .min(0, "The page's case version is not valid; reload the page.");

const base = { expectedVersion: version };

/** An https:// link a browser (and Shopify's URL scalar) can parse. */
const isHttpsUrl = (v: string) => {
  try {
    return new URL(v).protocol === "https:" && !/\s/.test(v);
  } catch {
    return false;
  }
};
const optionalLink = (what: string) => optionalText(2000, what).refine((v) => v === undefined || isHttpsUrl(v), `${what} must be a full https:// address`);

const label = {
  fileUrl: optionalLink("The label link"),
  trackingNumber: optionalText(100, "The tracking number"),
  trackingUrl: optionalLink("The tracking link"),
};

/** A percentage with at most two decimals (the engine counts in basis points). */
const twoDecimals = (p: number | null | undefined) => p === null || p === undefined || Math.abs(Math.round(p * 100) - p * 100) <= 1e-6;

/** The inspection form as the server accepts it: the shared schema, plus what the engine would otherwise throw on. */
export const inspectionPostSchema = inspectionFormSchema.superRefine((form, ctx) => {
  form.lines.forEach((l, i) => {
    if (!twoDecimals(l.overridePercent)) ctx.addIssue({ code: "custom", path: ["lines", i, "overridePercent"], message: "Use at most two decimals for a partial refund" });
    if (l.overrideReason && hasNul(l.overrideReason)) ctx.addIssue({ code: "custom", path: ["lines", i, "overrideReason"], message: nulMessage("The reason for the partial refund") });
  });
  const ids = new Set<string>();
  form.lines.forEach((l, i) => {
    if (ids.has(l.lineItemId)) ctx.addIssue({ code: "custom", path: ["lines", i, "lineItemId"], message: "Each line can be graded once" });
    ids.add(l.lineItemId);
  });
});

const inspectionJson = z.string({ required_error: "The inspection is missing." }).transform((text, ctx) => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: "The inspection could not be read; reload the page and grade again." });
    return z.NEVER;
  }
  const parsed = inspectionPostSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: zodMessage(parsed.error) });
    return z.NEVER;
  }
  return parsed.data;
});

export const caseActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), ...base, notifyCustomer: flag, ...label }),
    z.object({
      intent: z.literal("decline"),
      ...base,
      reason: z.enum(DECLINE_REASONS, { message: "Choose a decline reason" }),
      explanation: requiredText(450, "Say why the return is declined; the shopper sees it.", "The explanation"),
      clauseId: requiredText(200, "Choose the policy clause the decline rests on.", "The clause"),
      notifyCustomer: flag,
    }),
    z.object({ intent: z.literal("attachLabel"), ...base, notifyCustomer: flag, ...label }),
    z.object({ intent: z.literal("markInTransit"), ...base, trackingNumber: label.trackingNumber }),
    z.object({ intent: z.literal("markReceived"), ...base }),
    z.object({ intent: z.literal("inspect"), ...base, inspection: inspectionJson }),
    z.object({ intent: z.literal("refund"), ...base, notifyCustomer: flag }),
    z.object({ intent: z.literal("escalate"), ...base, reason: requiredText(500, "Say why the case is escalated.", "The reason") }),
    z.object({ intent: z.literal("resolveEscalation"), ...base, note: requiredText(1900, "Say what was decided.", "The decision") }),
    z.object({ intent: z.literal("setUrgent"), ...base, urgent: flag }),
    z.object({ intent: z.literal("note"), body: requiredText(2000, "Write something first.", "The note") }),
    z.object({ intent: z.literal("message"), body: requiredText(2000, "Write something first.", "The message") }),
    z.object({ intent: z.literal("close"), ...base }),
  ],
  { errorMap: (issue, ctx) => (issue.code === "invalid_union_discriminator" ? { message: `Unknown action; expected one of ${CASE_INTENTS.join(", ")}` } : { message: ctx.defaultError }) }
);
export type CaseActionInput = z.infer<typeof caseActionSchema>;

export type ParsedCaseAction = { ok: true; input: CaseActionInput } | { ok: false; error: string; field?: string };

/** Reads a posted form into one validated action, or the message that says what is wrong. */
export function parseCaseAction(form: FormData): ParsedCaseAction {
  const raw: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") raw[key] = value;
  const parsed = caseActionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const first = parsed.error.issues[0];
  const field = first?.path[0];
  // Messages written here read on their own; zod's own ("Expected …", "Invalid …") get the field's name.
  const message = (i: (typeof parsed.error.issues)[number]) => (/^(Expected|Invalid|Required)\b/.test(i.message) && i.path.length ? issueLine(i) : i.message);
  return { ok: false, error: zodMessage(parsed.error, message), ...(typeof field === "string" ? { field } : {}) };
}

/** What the action answers: the message for the toast (and a warning to show), or the failure. */
export type CaseActionResult = { ok: true; intent: CaseIntent; message: string; warning?: string | null } | { ok: false; status: number; error: string; code: string; field?: string };
