// The one place a case action's failure becomes an HTTP answer: what the agent can act on
// (a conflict, a refused transition, bad input, Shopify's refusal) is a 4xx with the message
// shown in a Banner; Shopify or the database being too busy is a 503 with Retry-After (the same
// request may simply be sent again); anything else is rethrown (a 500, logged) because it is a bug.
import { json, type TypedResponse } from "@remix-run/node";
import { ZodError } from "zod";
import { CaseTransitionError } from "~/domain/cases";
import { MoneyError } from "~/domain/money/money";
import { PolicyEngineError } from "~/domain/policy";
import { NoPolicyError } from "~/models/policy-version.server";
import { isDatabaseBusy } from "~/models/prisma-errors.server";
import { CaseConflictError, CaseNotFoundError } from "~/models/return-case.server";
import { ShopifyThrottledError, ShopifyUnavailableError, ShopifyUserError } from "~/services/admin-errors";
import { CaseInputError, CaseNotInShopifyError } from "~/services/case-errors";
import { OrderNotFoundError } from "~/services/case-intake.server";
import { zodMessage } from "./zod-message";

/** `retryAfter`: seconds after which the same request may be sent again (a 503 only). */
export type ActionFailure = { ok: false; status: number; error: string; code: string; field?: string; retryAfter?: number };

/** Seconds a client should wait before trying again, by what was busy. */
export const RETRY_AFTER = { database: 2, shopify: 5 } as const;

export const DATABASE_BUSY_MESSAGE = "Clause is busy right now and could not finish this. Wait a moment, reload and try again.";

export { zodMessage };

/** The 4xx answer for an expected failure, or null for a bug (the caller rethrows it). */
export function actionFailure(error: unknown): ActionFailure | null {
  const fail = (status: number, code: string, message: string, field?: string): ActionFailure => ({ ok: false, status, error: message, code, ...(field ? { field } : {}) });
  if (error instanceof ZodError) return fail(400, "INVALID_INPUT", zodMessage(error));
  if (error instanceof CaseInputError) return fail(422, "INVALID_INPUT", error.message, error.field);
  if (error instanceof PolicyEngineError) return fail(422, error.code, error.message);
  if (error instanceof MoneyError) return fail(422, "INVALID_AMOUNT", error.message);
  if (error instanceof CaseNotFoundError || error instanceof OrderNotFoundError) return fail(404, "NOT_FOUND", error.message);
  if (error instanceof CaseConflictError) return fail(409, "CONFLICT", error.message);
  if (error instanceof CaseTransitionError) return fail(409, error.code, error.message);
  if (error instanceof NoPolicyError || error instanceof CaseNotInShopifyError) return fail(409, "NOT_READY", error.message);
  if (error instanceof ShopifyUserError) return fail(422, "SHOPIFY_REFUSED", `Shopify refused this: ${error.userErrors.map((e) => e.message).join("; ")}`);
  if (error instanceof ShopifyThrottledError || error instanceof ShopifyUnavailableError) {
    return { ...fail(503, "SHOPIFY_UNAVAILABLE", "Shopify could not be reached just now; nothing was changed. Try again in a moment."), retryAfter: RETRY_AFTER.shopify };
  }
  // A timeout or lock conflict says nothing about the request: it may well succeed when sent again.
  if (isDatabaseBusy(error)) return { ...fail(503, "BUSY", DATABASE_BUSY_MESSAGE), retryAfter: RETRY_AFTER.database };
  return null;
}

/** The status and headers of a failure's answer (Retry-After with a 503). */
export function failureInit(failure: Pick<ActionFailure, "status" | "retryAfter">): ResponseInit {
  return { status: failure.status, ...(failure.retryAfter ? { headers: { "Retry-After": String(failure.retryAfter) } } : {}) };
}

/**
 * Runs a whole route action, authentication and form reading included: a database too busy to
 * answer is the 503 answer wherever it struck, not a 500. Every other error goes on as before.
 */
export async function busyAware<T>(work: () => Promise<T>): Promise<T | TypedResponse<ActionFailure>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response || !isDatabaseBusy(error)) throw error;
    const failure = actionFailure(error)!;
    return json(failure, failureInit(failure));
  }
}

/** The request's form, or null when it cannot be read as one (a JSON body, a broken multipart). */
export async function readForm(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** The 400 answer for a form that could not be read. */
export const unreadableForm = () => json<ActionFailure>({ ok: false, status: 400, error: "The form could not be read.", code: "INVALID_INPUT" }, { status: 400 });

/** Runs a case action: its result, or the 4xx answer (as data, with the status set) for an expected failure. */
export async function runCaseAction<T>(work: () => Promise<T>): Promise<{ ok: true; result: T } | ActionFailure> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    if (error instanceof Response) throw error;
    const failure = actionFailure(error);
    if (!failure) throw error;
    return failure;
  }
}
