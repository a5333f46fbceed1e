// The one place a case action's failure becomes an HTTP answer: what the agent can act on
// (a conflict, a refused transition, bad input, Shopify's refusal) is a 4xx with the message
// shown in a Banner; anything else is rethrown (a 500, logged) because it is a bug.
import { ZodError } from "zod";
import { CaseTransitionError } from "~/domain/cases";
import { MoneyError } from "~/domain/money/money";
import { PolicyEngineError } from "~/domain/policy";
import { NoPolicyError } from "~/models/policy-version.server";
import { CaseConflictError, CaseNotFoundError } from "~/models/return-case.server";
import { ShopifyThrottledError, ShopifyUnavailableError, ShopifyUserError } from "~/services/admin-errors";
import { CaseInputError, CaseNotInShopifyError } from "~/services/case-errors";
import { OrderNotFoundError } from "~/services/case-intake.server";
import { zodMessage } from "./zod-message";

export type ActionFailure = { ok: false; status: number; error: string; code: string; field?: string };

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
    return fail(503, "SHOPIFY_UNAVAILABLE", "Shopify could not be reached just now; nothing was changed. Try again in a moment.");
  }
  return null;
}

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
