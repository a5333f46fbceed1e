// The seam between services and the Admin API: a `graphql` function as authenticate.admin and
// unauthenticated.admin hand it out (admin.graphql), wrapped in a client that
//   - reads both answers admin.graphql can give: a Response whose JSON may carry top-level
//     `errors`, or a thrown error (GraphqlQueryError on GraphQL errors such as THROTTLED,
//     HttpInternalError on 5xx, HttpRequestError when nothing came back);
//   - on THROTTLED waits until the leaky bucket holds the request's cost again, computed from
//     `extensions.cost` ((requested − available) / restoreRate), then re-sends;
//   - on 5xx, network errors and timeouts retries with exponential backoff and full jitter,
//     a bounded number of times;
//   - makes mutations safe to retry: after a failure that may have happened after Shopify
//     applied the change (timeout, network error, 5xx), it runs the mutation's `reconcile` —
//     a read that tells whether the change landed — before re-sending, and returns what it
//     found instead of applying the change twice;
//   - turns everything else into typed errors (admin-errors.ts).
// Services take the `graphql` function (or a configured client) injected, so tests pass the
// local stand-in and inject `sleep`/`random` so nothing really waits.
import {
  ShopifyGraphqlError,
  ShopifyThrottledError,
  ShopifyUnavailableError,
  type GraphqlErrorDetail,
  type QueryCost,
  type UnavailableReason,
} from "./admin-errors";

export * from "./admin-errors";

export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown>; signal?: AbortSignal },
) => Promise<Response>;

export type AdminClientEvent =
  | { type: "throttled"; attempt: number; waitMs: number; cost: QueryCost | null }
  | { type: "retry"; attempt: number; waitMs: number; reason: UnavailableReason; status: number | null }
  | { type: "reconciled"; attempt: number; landed: boolean };

export type AdminClientOptions = {
  /** Waits between attempts (tests inject one that records and returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** For jitter: a number in [0, 1). */
  random?: () => number;
  /** Retries after 5xx, network errors and timeouts (default 4: five attempts in all). */
  maxRetries?: number;
  /** Waits for the bucket after THROTTLED (default 8). */
  maxThrottleRetries?: number;
  /** A request with no answer after this long is abandoned as a timeout (default 20 s). */
  timeoutMs?: number;
  /** Backoff: base × 2^(retry − 1), capped, then a uniformly random part of it ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onEvent?: (event: AdminClientEvent) => void;
};

type Outcome<T> =
  | { kind: "ok"; data: T; cost: QueryCost | null }
  | { kind: "throttled"; cost: QueryCost | null; retryAfterMs: number | null }
  | { kind: "unavailable"; reason: UnavailableReason; status: number | null; cause: unknown }
  | { kind: "refused"; error: ShopifyGraphqlError };

class AttemptTimeout extends Error {
  override name = "AttemptTimeout";
}

type Body = { data?: unknown; errors?: unknown; extensions?: { cost?: QueryCost } };

function errorList(errors: unknown): GraphqlErrorDetail[] {
  if (Array.isArray(errors)) return errors as GraphqlErrorDetail[];
  if (typeof errors === "string") return [{ message: errors }];
  return [{ message: JSON.stringify(errors) }];
}

function fromBody<T>(body: Body, status: number): Outcome<T> {
  const cost = body.extensions?.cost ?? null;
  if (body.errors !== undefined && body.errors !== null && !(Array.isArray(body.errors) && body.errors.length === 0)) {
    const errors = errorList(body.errors);
    if (errors.some((e) => e.extensions?.code === "THROTTLED")) return { kind: "throttled", cost, retryAfterMs: null };
    return { kind: "refused", error: new ShopifyGraphqlError(errors.map((e) => e.message).join("; "), errors, status) };
  }
  if (body.data === undefined || body.data === null) return { kind: "refused", error: new ShopifyGraphqlError("Admin API answered without data", [], status) };
  return { kind: "ok", data: body.data as T, cost };
}

function retryAfterMs(headers: Headers | Record<string, unknown> | undefined): number | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("Retry-After") : (headers["Retry-After"] ?? headers["retry-after"]);
  const value = Array.isArray(raw) ? raw[0] : raw;
  const seconds = typeof value === "string" || typeof value === "number" ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}

async function fromResponse<T>(response: Response): Promise<Outcome<T>> {
  if (response.status >= 500) return { kind: "unavailable", reason: "5xx", status: response.status, cause: null };
  if (response.status === 429) return { kind: "throttled", cost: null, retryAfterMs: retryAfterMs(response.headers) };
  let body: Body;
  try {
    body = (await response.json()) as Body;
  } catch (error) {
    if (response.ok) return { kind: "unavailable", reason: "network", status: response.status, cause: error };
    return { kind: "refused", error: new ShopifyGraphqlError(`Admin API answered HTTP ${response.status}`, [], response.status) };
  }
  if (!response.ok) {
    return { kind: "refused", error: new ShopifyGraphqlError(`Admin API answered HTTP ${response.status}: ${errorList(body.errors).map((e) => e.message).join("; ")}`, errorList(body.errors), response.status) };
  }
  return fromBody<T>(body, response.status);
}

/**
 * What admin.graphql throws, read by shape (the @shopify/shopify-api error classes):
 * GraphqlQueryError { body: { errors: { graphQLErrors }, extensions } }, HttpResponseError and
 * subclasses { response: { code, body, retryAfter } }, HttpRequestError (no response at all).
 */
function fromThrown<T>(error: unknown): Outcome<T> | null {
  if (error instanceof AttemptTimeout) return { kind: "unavailable", reason: "timeout", status: null, cause: error };
  if (error instanceof Error && error.name === "AbortError") return { kind: "unavailable", reason: "timeout", status: null, cause: error };
  if (!error || typeof error !== "object") return null;
  const e = error as {
    body?: { errors?: { graphQLErrors?: unknown; networkStatusCode?: number }; extensions?: { cost?: QueryCost } };
    response?: { code?: unknown; body?: unknown; retryAfter?: unknown; headers?: Record<string, unknown> };
    message?: unknown;
  };
  const graphQLErrors = e.body?.errors?.graphQLErrors;
  if (Array.isArray(graphQLErrors)) {
    return fromBody<T>({ errors: graphQLErrors, extensions: e.body?.extensions }, e.body?.errors?.networkStatusCode ?? 200);
  }
  const code = e.response?.code;
  if (typeof code === "number") {
    if (code === 429) {
      const after = typeof e.response?.retryAfter === "number" ? e.response.retryAfter * 1000 : retryAfterMs(e.response?.headers);
      return { kind: "throttled", cost: null, retryAfterMs: after };
    }
    if (code >= 500) return { kind: "unavailable", reason: "5xx", status: code, cause: error };
    return { kind: "refused", error: new ShopifyGraphqlError(String(e.message ?? `HTTP ${code}`), [], code) };
  }
  const message = typeof e.message === "string" ? e.message : "";
  if (/no response available|fetch failed|ECONNRESET|ECONNREFUSED|socket hang up|network/i.test(message)) {
    return { kind: "unavailable", reason: "network", status: null, cause: error };
  }
  if (/maximum number of retries/i.test(message)) return { kind: "unavailable", reason: "5xx", status: null, cause: error };
  return null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type MutateResult<T, R> = { answered: T; reconciled?: never } | { reconciled: R; answered?: never };

export class AdminClient {
  /** The cost Shopify reported for the last successful request. */
  lastCost: QueryCost | null = null;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxRetries: number;
  private readonly maxThrottleRetries: number;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly onEvent: (event: AdminClientEvent) => void;

  constructor(
    readonly graphql: AdminGraphql,
    private readonly options: AdminClientOptions = {},
  ) {
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.maxRetries = options.maxRetries ?? 4;
    this.maxThrottleRetries = options.maxThrottleRetries ?? 8;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 8_000;
    this.onEvent = options.onEvent ?? (() => {});
  }

  /** The same client (retry settings, sleep, events) over another `graphql` function. */
  withGraphql(graphql: AdminGraphql): AdminClient {
    return new AdminClient(graphql, this.options);
  }

  /** Runs a query and returns its `data`. */
  async query<T>(document: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.run<T, never>(document, variables, null);
    return result.answered as T;
  }

  /**
   * Runs a mutation. `reconcile` reads whether an earlier attempt's change landed; it runs
   * before every re-send that follows an ambiguous failure, and a non-null answer ends the
   * call with `{ reconciled }` instead of sending the mutation again.
   */
  async mutate<T, R = never>(document: string, variables: Record<string, unknown>, options: { reconcile?: () => Promise<R | null> } = {}): Promise<MutateResult<T, R>> {
    return this.run<T, R>(document, variables, options.reconcile ?? null);
  }

  /** How long to wait for the bucket to hold the request's cost again. */
  throttleWaitMs(cost: QueryCost | null, retryAfter: number | null): number {
    if (cost?.throttleStatus && cost.throttleStatus.restoreRate > 0) {
      const { currentlyAvailable, restoreRate } = cost.throttleStatus;
      const deficit = cost.requestedQueryCost - currentlyAvailable;
      // At least the time to restore one point: a THROTTLED answer with room in the bucket still means "not now".
      return Math.max(Math.ceil((deficit / restoreRate) * 1000), Math.ceil(1000 / restoreRate));
    }
    return retryAfter ?? 1000;
  }

  /** Exponential backoff with full jitter for the nth retry (1-based). */
  backoffMs(retry: number): number {
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (retry - 1));
    return Math.floor(this.random() * cap);
  }

  private async run<T, R>(document: string, variables: Record<string, unknown> | undefined, reconcile: (() => Promise<R | null>) | null): Promise<MutateResult<T, R>> {
    let retries = 0;
    let throttles = 0;
    let attempt = 0;
    let ambiguous = false;
    for (;;) {
      if (ambiguous && reconcile) {
        const landed = await reconcile();
        this.onEvent({ type: "reconciled", attempt, landed: landed !== null });
        if (landed !== null) return { reconciled: landed };
      }
      attempt += 1;
      const outcome = await this.attempt<T>(document, variables);
      switch (outcome.kind) {
        case "ok":
          this.lastCost = outcome.cost;
          return { answered: outcome.data };
        case "refused":
          throw outcome.error;
        case "throttled": {
          throttles += 1;
          if (throttles > this.maxThrottleRetries) throw new ShopifyThrottledError(attempt, outcome.cost);
          const waitMs = this.throttleWaitMs(outcome.cost, outcome.retryAfterMs);
          this.onEvent({ type: "throttled", attempt, waitMs, cost: outcome.cost });
          await this.sleep(waitMs);
          break;
        }
        case "unavailable": {
          // Anything but a clean refusal may have been applied before the answer was lost.
          ambiguous = true;
          retries += 1;
          if (retries > this.maxRetries) throw new ShopifyUnavailableError(attempt, outcome.reason, outcome.status, outcome.cause);
          const waitMs = this.backoffMs(retries);
          this.onEvent({ type: "retry", attempt, waitMs, reason: outcome.reason, status: outcome.status });
          await this.sleep(waitMs);
          break;
        }
      }
    }
  }

  private async attempt<T>(document: string, variables: Record<string, unknown> | undefined): Promise<Outcome<T>> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new AttemptTimeout(`no answer within ${this.timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, this.timeoutMs);
    });
    const call = (async () => {
      const response = await this.graphql(document, { ...(variables ? { variables } : {}), signal: controller.signal });
      return fromResponse<T>(response);
    })();
    try {
      return await Promise.race([call, timedOut]);
    } catch (error) {
      // A Response thrown by the auth layer (re-authenticate) is the caller's to handle.
      if (error instanceof Response) throw error;
      const outcome = fromThrown<T>(error);
      if (outcome) return outcome;
      throw error;
    } finally {
      clearTimeout(timer);
      call.catch(() => {});
    }
  }
}

export function createAdminClient(graphql: AdminGraphql, options: AdminClientOptions = {}): AdminClient {
  return new AdminClient(graphql, options);
}

/** What services accept: the bare `graphql` function (default retry settings) or a configured client. */
export type AdminApi = AdminGraphql | AdminClient;

export function adminClient(api: AdminApi): AdminClient {
  return api instanceof AdminClient ? api : new AdminClient(api);
}

/** Runs one query and returns its `data`, throwing the typed errors above. */
export async function runAdminOperation<T>(api: AdminApi, query: string, variables?: Record<string, unknown>): Promise<T> {
  return adminClient(api).query<T>(query, variables);
}

