// Typed failures of Admin API calls. Every service throws one of these (or lets a Response
// thrown by the auth layer pass through untouched), so callers can tell "Shopify refused this"
// (ShopifyUserError: fix the request) from "Shopify is busy" (ShopifyThrottledError) from
// "Shopify could not be reached" (ShopifyUnavailableError: try later) from "the request itself
// is wrong" (ShopifyGraphqlError: a bug).

export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

/** One `userErrors` entry: `ReturnUserError` has a code, plain `UserError` does not. */
export type UserErrorDetail = { field: string[] | null; code: string | null; message: string };

/** The mutation ran and Shopify refused it with `userErrors` (nothing changed). */
export class ShopifyUserError extends AdminApiError {
  override name = "ShopifyUserError";
  constructor(
    readonly operation: string,
    readonly userErrors: readonly UserErrorDetail[],
  ) {
    super(`${operation} was refused: ${userErrors.map((e) => `${e.code ? `${e.code} ` : ""}${e.field?.length ? `(${e.field.join(".")}) ` : ""}${e.message}`).join("; ")}`, userErrors);
  }

  get codes(): string[] {
    return this.userErrors.flatMap((e) => (e.code ? [e.code] : []));
  }

  has(code: string): boolean {
    return this.userErrors.some((e) => e.code === code);
  }
}

export type QueryCost = {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
};

/** Still throttled after the allowed waits. */
export class ShopifyThrottledError extends AdminApiError {
  override name = "ShopifyThrottledError";
  constructor(
    readonly attempts: number,
    readonly cost: QueryCost | null,
  ) {
    super(`Shopify kept throttling the request (${attempts} attempts)`, cost);
  }
}

export type UnavailableReason = "5xx" | "timeout" | "network";

/** Shopify could not be reached or answered 5xx on every attempt. */
export class ShopifyUnavailableError extends AdminApiError {
  override name = "ShopifyUnavailableError";
  constructor(
    readonly attempts: number,
    readonly reason: UnavailableReason,
    readonly status: number | null,
    override readonly cause: unknown = undefined,
  ) {
    super(`Shopify was unavailable after ${attempts} attempts (last: ${reason}${status ? ` ${status}` : ""})`, cause);
  }
}

export type GraphqlErrorDetail = {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
};

/** The request was refused as a whole: GraphQL errors, or an HTTP 4xx such as 401. Not retried. */
export class ShopifyGraphqlError extends AdminApiError {
  override name = "ShopifyGraphqlError";
  constructor(
    message: string,
    readonly errors: readonly GraphqlErrorDetail[],
    readonly status = 200,
  ) {
    super(message, errors);
  }

  get codes(): string[] {
    return this.errors.flatMap((e) => (typeof e.extensions?.code === "string" ? [e.extensions.code] : []));
  }
}

/** A payload's userErrors, or the payload itself when there are none. */
export function requirePayload<P extends { userErrors: ReadonlyArray<{ field?: readonly string[] | null; message: string; code?: string | null }> }>(
  operation: string,
  payload: P | null | undefined,
): P {
  if (!payload) throw new ShopifyGraphqlError(`${operation} answered without a payload`, []);
  if (payload.userErrors.length) {
    throw new ShopifyUserError(
      operation,
      payload.userErrors.map((e) => ({ field: e.field ? [...e.field] : null, code: e.code ?? null, message: e.message })),
    );
  }
  return payload;
}
