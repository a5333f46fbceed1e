// What the shopper portal (/api/portal/*) accepts from the customer-account extension. Ids are
// checked for shape only here; whether they belong to the shopper is the services' question.
// Unknown fields (a client-computed refund or total, say) are stripped: amounts always come
// from the engine on the server.
import { z } from "zod";
import { CLAIM_TYPES, CONDITIONS } from "~/domain/policy";
import { EVIDENCE_LIMITS } from "~/models/evidence-store.server";
import { hasNul, nulMessage } from "./record-id";

const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** `dest` of a customer-account token ("shop.myshopify.com" or "https://shop.myshopify.com") as a bare hostname; null when it is not one. */
export function shopFromDest(dest: unknown): string | null {
  if (typeof dest !== "string") return null;
  let host = dest.trim().toLowerCase();
  if (host.includes("://")) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/\/+$/, "").replace(/\.$/, "");
  return HOSTNAME.test(host) ? host : null;
}

/** The numeric order id of the URL (`/api/portal/orders/1001/...`) as an Order gid. */
export const orderIdParamSchema = z
  .string({ required_error: "The order id is missing." })
  .regex(/^\d{1,19}$/, "The order id must be the order's number, such as 1001.")
  .transform((id) => `gid://shopify/Order/${id}`);

/** A line item as a gid, or as its bare numeric id. */
export const lineItemIdSchema = z
  .string({ required_error: "lineItemId is missing", invalid_type_error: "lineItemId must be a line item id" })
  .trim()
  .regex(/^(?:gid:\/\/shopify\/LineItem\/)?\d{1,20}$/, "must be a line item id such as gid://shopify/LineItem/123")
  .transform((id) => (id.startsWith("gid://") ? id : `gid://shopify/LineItem/${id}`));

/** Evidence upload ids as the upload endpoint gave them. */
const evidenceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not an evidence id");

export const MAX_REQUEST_LINES = 100;
export const MAX_REASON_LENGTH = 300;

const requestLineSchema = z.object({
  lineItemId: lineItemIdSchema,
  quantity: z
    .number({ required_error: "quantity is missing", invalid_type_error: "quantity must be a number" })
    .int("quantity must be a whole number")
    .min(1, "quantity must be at least 1")
    .max(100_000, "quantity is too large"),
  condition: z.enum(CONDITIONS, { errorMap: () => ({ message: `condition must be one of ${CONDITIONS.join(", ")}` }) }),
  reason: z
    .string({ invalid_type_error: "reason must be text" })
    .trim()
    .max(MAX_REASON_LENGTH, `the reason can be at most ${MAX_REASON_LENGTH} characters`)
    .refine((v) => !hasNul(v), nulMessage("the reason"))
    .optional(),
  /** One of Shopify's return reason definitions (the eligibility answer's `reasons[].id`). */
  reasonId: z
    .string()
    .regex(/^gid:\/\/shopify\/ReturnReasonDefinition\/\d+$/, "choose a reason from the list")
    .optional(),
  evidenceIds: z
    .array(evidenceIdSchema)
    .max(EVIDENCE_LIMITS.perLine, `at most ${EVIDENCE_LIMITS.perLine} photos or videos per item`)
    .optional(),
});

const requestFields = {
  type: z.enum(CLAIM_TYPES, { errorMap: () => ({ message: `type must be one of ${CLAIM_TYPES.join(", ")}` }) }),
  lines: z
    .array(requestLineSchema, { required_error: "lines is missing", invalid_type_error: "lines must be a list" })
    .min(1, "choose at least one item")
    .max(MAX_REQUEST_LINES, `at most ${MAX_REQUEST_LINES} items per request`),
};

/** Each item once; each file once. */
function checkLines(r: { lines: Array<z.infer<typeof requestLineSchema>> }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  r.lines.forEach((l, i) => {
    if (seen.has(l.lineItemId)) ctx.addIssue({ code: "custom", message: "each item may appear only once; set its quantity instead", path: ["lines", i, "lineItemId"] });
    seen.add(l.lineItemId);
  });
  const files = new Set<string>();
  r.lines.forEach((l, i) =>
    (l.evidenceIds ?? []).forEach((id, j) => {
      if (files.has(id)) ctx.addIssue({ code: "custom", message: "the same file is attached twice", path: ["lines", i, "evidenceIds", j] });
      files.add(id);
    }),
  );
}

/** A preview: the request as the shopper has filled it in so far. */
export const portalRequestSchema = z.object(requestFields).superRefine(checkLines);
export type PortalRequest = z.infer<typeof portalRequestSchema>;

/** A submit: the request with the client-generated key that makes a repeated submit harmless. */
export const portalSubmitSchema = z
  .object({
    requestKey: z
      .string({ required_error: "requestKey is missing", invalid_type_error: "requestKey must be a string" })
      .min(8, "requestKey must be 8 to 100 characters")
      .max(100, "requestKey must be 8 to 100 characters")
      .regex(/^[A-Za-z0-9._:-]+$/, "requestKey may hold letters, digits and . _ : - only"),
    ...requestFields,
  })
  .superRefine(checkLines);
export type PortalSubmit = z.infer<typeof portalSubmitSchema>;

/** `?lineItemId=` of an evidence upload: optional, a line item id when given. */
export const evidenceQuerySchema = z.object({ lineItemId: lineItemIdSchema.optional() });
