// A local stand-in for Shopify's Admin GraphQL API, plugged in where the app's HTTP calls go
// (setAbstractFetchFunc in tests; the same fetch behind the demo's seam). For every request it:
//   1. authenticates (shop known, access token present) and checks the pinned API version;
//   2. parses and validates the document against the real admin schema of that version
//      (@shopify/dev-mcp), checks @idempotent use and coerces variables (strict custom scalars),
//      answering invalid requests the way Shopify formats GraphQL errors;
//   3. computes the requested cost, refuses over-large queries (MAX_COST_EXCEEDED) and, per
//      shop, admits it only if the leaky bucket holds the cost (else THROTTLED);
//   4. executes over the in-memory store with Shopify's semantics (resolvers/*), queueing
//      webhooks for what changed, refunds the unused cost, and answers
//      `{ data, errors?, extensions: { cost } }`;
//   5. injects faults on demand (THROTTLED, 5xx, timeout; before or after the change landed);
//   6. records every request in the ledger.
import {
  GraphQLError,
  Kind,
  execute,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from "graphql";
import { API_VERSION } from "~/api-version";
import { MAX_QUERY_COST, actualQueryCost, requestedQueryCost } from "./cost";
import { checkIdempotentDirectives } from "./directives";
import { errorJson, notModelled, type ShopifyErrorJson } from "./errors";
import { FaultInjector, type Fault, type FaultConfig } from "./faults";
import { IdAllocator } from "./ids";
import { Ledger, type LedgerEntry } from "./ledger";
import type { ResolverContext } from "./resolvers/context";
import { mutationRoot } from "./resolvers/mutations";
import { queryRoot } from "./resolvers/queries";
import { loadStandInSchema } from "./schema";
import { ShopStore, type ShopRecord } from "./store";
import { LeakyBucket, type ThrottleOptions } from "./throttle";
import { WebhookOutbox } from "./webhooks";

export type { LedgerEntry } from "./ledger";
export type StandInShop = ShopRecord;

export type StandInOptions = {
  /** The stand-in's clock (ms); drives the leaky bucket, timestamps and webhooks. */
  now?: () => number;
  throttle?: ThrottleOptions;
  faults?: FaultConfig;
};

/** Resolvers return view objects; a field the view does not carry is a gap in the stand-in, said out loud. */
const strictFieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
  if (source === null || typeof source !== "object" || !(info.fieldName in source)) throw notModelled(info.parentType.name, info.fieldName);
  const value = (source as Record<string, unknown>)[info.fieldName];
  return typeof value === "function" ? (value as (a: unknown, c: unknown, i: unknown) => unknown).call(source, args, context, info) : value;
};

const json = (body: unknown, status = 200, requestId = "") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "X-Request-Id": requestId } });

function selectOperation(document: DocumentNode, operationName: unknown): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === "string" && operationName) return operations.find((o) => o.name?.value === operationName) ?? null;
  return operations.length === 1 ? (operations[0] as OperationDefinitionNode) : null;
}

export class AdminApiStandIn {
  readonly apiVersion = API_VERSION;
  readonly now: () => number;
  readonly shops = new Map<string, ShopRecord>();
  readonly stores = new Map<string, ShopStore>();
  readonly ledger = new Ledger();
  readonly throttle: LeakyBucket;
  readonly webhooks: WebhookOutbox;
  readonly ids = new IdAllocator();
  private readonly injector = new FaultInjector();
  private readonly schema = loadStandInSchema(API_VERSION);
  /**
   * Parse and validation answers by query text: neither depends on the variables, and the app
   * sends the same few documents over and over. Validating against the whole admin schema costs
   * more CPU than anything the app does per request, which under load would be charged to the app.
   */
  private readonly checked = new Map<string, { document: DocumentNode | null; parseError: GraphQLError | null; validationErrors: readonly GraphQLError[] }>();
  private requestCounter = 0;

  constructor(options: StandInOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.throttle = new LeakyBucket(this.now, options.throttle);
    this.webhooks = new WebhookOutbox(this.now, API_VERSION);
    if (options.faults) this.injector.configure(options.faults);
  }

  /** Faults to inject (`standIn.faults.next(...)`, `.configure(...)`); assign a config to replace it. */
  get faults(): FaultInjector {
    return this.injector;
  }

  set faults(config: FaultConfig | null) {
    this.injector.reset();
    if (config) this.injector.configure(config);
  }

  addShop(domain: string, overrides: Partial<StandInShop> = {}): StandInShop {
    const shop: StandInShop = {
      id: this.ids.allocate("Shop"),
      name: domain.replace(".myshopify.com", ""),
      myshopifyDomain: domain,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      email: `owner@${domain}`,
      ...overrides,
    };
    const store = new ShopStore(shop, this.ids);
    store.locations.push({ id: this.ids.allocate("Location"), name: "Warehouse", isActive: true });
    this.shops.set(domain, shop);
    this.stores.set(domain, store);
    return shop;
  }

  /** The in-memory data of a shop (tests build orders in it; see seed/). */
  store(domain: string): ShopStore {
    const store = this.stores.get(domain);
    if (!store) throw new Error(`the stand-in has no shop ${domain}`);
    return store;
  }

  /** A fetch-compatible handler for https://<shop>/admin/api/<version>/graphql.json. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const match = url.pathname.match(/^\/admin\/api\/([^/]+)\/graphql\.json$/);
    if (!match) return new Response("Not Found", { status: 404 });
    if (match[1] !== API_VERSION) {
      return json({ errors: `API version ${match[1]} is not the pinned ${API_VERSION}` }, 400);
    }
    const store = this.stores.get(url.hostname);
    if (!store || !request.headers.get("X-Shopify-Access-Token")) {
      return json({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }, 401);
    }
    const shop = store.shop.myshopifyDomain;
    const requestId = `standin-${++this.requestCounter}`;
    const at = this.now();
    const record = (entry: Omit<LedgerEntry, "shop" | "at">) => this.ledger.record({ shop, at, ...entry });

    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      record({ operationName: null, ok: false, cost: null, status: 400, errorCodes: ["BAD_REQUEST"] });
      return json({ errors: "Invalid JSON in request body" }, 400, requestId);
    }
    const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<string, unknown>;

    const { document, parseError, validationErrors } = this.check(typeof body.query === "string" ? body.query : "");
    const operation = document ? selectOperation(document, body.operationName) : null;
    const operationName = operation?.name?.value ?? null;
    const answerErrors = (errors: readonly GraphQLError[], fallbackCode?: string) => {
      const out = errors.map((e) => errorJson(e, fallbackCode));
      record({ operationName, ok: false, cost: null, status: 200, errorCodes: out.map((e) => String(e.extensions.code)) });
      return json({ errors: out }, 200, requestId);
    };

    const fault = this.injector.draw(operationName);
    if (fault && fault.kind !== "THROTTLED" && !fault.afterCommit) {
      record({ operationName, ok: false, cost: null, status: fault.kind === "timeout" ? 0 : fault.status, fault: { kind: fault.kind, afterCommit: false } });
      return this.failWith(fault, request, requestId);
    }

    if (parseError || !document) return answerErrors([parseError ?? new GraphQLError("No query string was present")], "GRAPHQL_PARSE_FAILED");
    if (validationErrors.length) return answerErrors(validationErrors);
    if (!operation) return answerErrors([new GraphQLError("An operation name is required when the document has several operations (or none matched operationName).")], "BAD_REQUEST");
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return answerErrors(coerced.errors, "INVALID_VARIABLE");
    const directiveErrors = checkIdempotentDirectives(this.schema, operation, coerced.coerced);
    if (directiveErrors.length) return answerErrors(directiveErrors, "BAD_REQUEST");
    const { cost: requested, errors: costErrors } = requestedQueryCost(this.schema, document, operation, coerced.coerced);
    if (costErrors.length) return answerErrors(costErrors, "BAD_REQUEST");
    if (requested > MAX_QUERY_COST) {
      return answerErrors([
        new GraphQLError(`Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`, {
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST },
        }),
      ]);
    }

    if (fault?.kind === "THROTTLED" || !this.throttle.take(shop, requested)) {
      record({ operationName, ok: false, cost: { requested, actual: 0 }, status: 200, errorCodes: ["THROTTLED"], ...(fault ? { fault: { kind: fault.kind, afterCommit: false } } : {}) });
      return json(
        {
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
          extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: this.throttle.status(shop) } },
        },
        200,
        requestId,
      );
    }

    const context: ResolverContext = { store, now: this.now, emit: (topic, payload) => this.webhooks.enqueue(shop, topic, payload) };
    const result = await execute({
      schema: this.schema,
      document,
      rootValue: operation.operation === "mutation" ? mutationRoot : queryRoot,
      contextValue: context,
      variableValues: variables,
      operationName,
      fieldResolver: strictFieldResolver,
    });
    const actual = actualQueryCost(this.schema, document, operation, coerced.coerced, result.data as Record<string, unknown> | null | undefined, requested);
    this.throttle.refund(shop, requested - actual);
    const errors: ShopifyErrorJson[] | undefined = result.errors?.map((e) => errorJson(e, "INTERNAL_SERVER_ERROR"));
    const cost = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: this.throttle.status(shop) };

    if (fault?.afterCommit) {
      record({ operationName, ok: false, cost: { requested, actual }, status: fault.kind === "timeout" ? 0 : fault.status, fault: { kind: fault.kind, afterCommit: true } });
      return this.failWith(fault, request, requestId);
    }
    record({ operationName, ok: !errors, cost: { requested, actual }, status: 200, ...(errors ? { errorCodes: errors.map((e) => String(e.extensions.code)) } : {}) });
    return json({ ...(errors ? { errors } : {}), ...(result.data !== undefined ? { data: result.data } : {}), extensions: { cost } }, 200, requestId);
  };

  private check(query: string) {
    let hit = this.checked.get(query);
    if (!hit) {
      let document: DocumentNode | null = null;
      let parseError: GraphQLError | null = null;
      try {
        document = parse(query);
      } catch (error) {
        parseError = error as GraphQLError;
      }
      hit = { document, parseError, validationErrors: document ? validate(this.schema, document, specifiedRules) : [] };
      if (this.checked.size >= 500) this.checked.clear(); // bounded, whatever a test sends
      this.checked.set(query, hit);
    }
    return hit;
  }

  private failWith(fault: Fault, request: Request, requestId: string): Promise<Response> {
    if (fault.kind === "5xx") {
      return Promise.resolve(new Response(fault.status === 503 ? "Service Unavailable" : "Internal Server Error", { status: fault.status, headers: { "Content-Type": "text/plain", "X-Request-Id": requestId } }));
    }
    // A timeout: no answer until the client gives up (its AbortSignal) or hangMs passes.
    const signal = request.signal;
    const hangMs = this.injector.hangMs;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason ?? new DOMException("This operation was aborted", "AbortError"));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve(new Response("Gateway Timeout", { status: 504, headers: { "X-Request-Id": requestId } }));
      }, hangMs);
      (timer as { unref?: () => void }).unref?.();
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
