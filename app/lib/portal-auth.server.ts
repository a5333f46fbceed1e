// The shopper portal's front door: every /api/portal/* route, loader and action alike (an
// OPTIONS preflight reaches the loader), goes through here.
//
//   1. authenticate.public.customerAccount verifies the session token the customer-account
//      extension sends (HS256 with the app's secret; expired or forged → 401).
//   2. `dest` is the shop (normalised to a bare hostname), `sub` the signed-in customer
//      (gid://shopify/Customer/<id>); no `sub` → 401 "Sign in to request a return".
//   3. The request body, when the endpoint takes one, is read and validated first; bad input is
//      answered (a 400) only after the small ownership read of step 4, never the endpoint's full
//      order read, and only to the order's owner.
//   4. The order of the URL is read through unauthenticated.admin(shop) and must belong to that
//      customer. An unknown order, another shop's and another customer's all get the same bare
//      404: nothing tells them apart.
//
// Every answer, including failures and the 204 preflight, carries the CORS headers, so the
// extension (served from Shopify's CDN) can read it. Errors are JSON:
// { "error": { "code", "message", "field"? } }.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { ZodError } from "zod";
import { env } from "~/env.server";
import { NoPolicyError } from "~/models/policy-version.server";
import type { AdminApi, AdminGraphql } from "~/services/admin-client";
import { CaseInputError } from "~/services/case-errors";
import { OrderNotFoundError } from "~/services/case-intake.server";
import { getOrderOwner, type OrderOwner } from "~/services/portal-orders.server";
import { ORDER_NOT_FOUND_MESSAGE, PortalError } from "~/services/portal-errors";
import { authenticate, unauthenticated } from "~/shopify.server";
import { actionFailure } from "./action-errors.server";
import { readBodyAtMost } from "~/services/portal-evidence.server";
import { orderIdParamSchema, shopFromDest } from "./portal-schemas";
import { zodMessage } from "./zod-message";

type Params = LoaderFunctionArgs["params"];

export type PortalCors = (response: Response) => Response;

export type PortalContext = {
  /** The shop's bare hostname (`example.myshopify.com`). */
  shop: string;
  /** gid://shopify/Customer/<id>, from the token's `sub`. */
  customerId: string;
  /** gid://shopify/Order/<id>, from the URL. */
  orderGid: string;
  /** The shop's Admin API (offline session), as services take it. */
  admin: AdminGraphql;
  cors: PortalCors;
};

/** Reads the order for the ownership check: null when the shop has no such order. */
export type OrderReader<T extends Pick<OrderOwner, "customerId">> = (api: AdminApi, orderGid: string) => Promise<T | null>;

export type PortalErrorBody = { error: { code: string; message: string; field?: string } };

const REAUTH_URL_HEADER = "X-Shopify-API-Request-Failure-Reauthorize-Url";
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d{1,20}$/;

/**
 * The CORS headers authenticate.public.customerAccount's `cors` sets, for answers given before
 * (or without) a verified token: a cross-origin request gets them, a same-origin one needs none.
 */
export function corsFor(request: Request): PortalCors {
  return (response) => {
    const origin = request.headers.get("Origin");
    if (origin && origin !== env().SHOPIFY_APP_URL) {
      response.headers.set("Access-Control-Allow-Origin", "*");
      response.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
      response.headers.set("Access-Control-Expose-Headers", REAUTH_URL_HEADER);
    }
    return response;
  };
}

export function portalJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function portalErrorBody(code: string, message: string, field?: string): PortalErrorBody {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

const unauthorized = (code: string, message: string) => portalJson(portalErrorBody(code, message), 401);
const notFound = () => portalJson(portalErrorBody("NOT_FOUND", ORDER_NOT_FOUND_MESSAGE), 404);

/**
 * Verifies the token and reads the shop, customer and order id of the request; no ownership
 * check yet. Throws a CORS-wrapped Response: the 204 preflight, 401, or 400 for a bad order id.
 */
export async function authenticatePortal(request: Request, params: Params): Promise<PortalContext> {
  const fallback = corsFor(request);
  let auth: Awaited<ReturnType<typeof authenticate.public.customerAccount>>;
  try {
    auth = await authenticate.public.customerAccount(request);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 401) {
      throw fallback(unauthorized("UNAUTHENTICATED", "Your session has expired or is not valid. Reload the page and try again."));
    }
    // The preflight (204, CORS headers already set) and the library's other answers.
    if (thrown instanceof Response) throw fallback(thrown);
    throw thrown;
  }
  const { sessionToken, cors } = auth;
  const shop = shopFromDest(sessionToken.dest);
  if (!shop || sessionToken.aud !== env().SHOPIFY_API_KEY) throw cors(unauthorized("UNAUTHENTICATED", "Your session is not valid for this store. Reload the page and try again."));
  const customerId = typeof sessionToken.sub === "string" ? sessionToken.sub : "";
  if (!CUSTOMER_GID.test(customerId)) throw cors(unauthorized("SIGN_IN_REQUIRED", "Sign in to request a return."));
  const orderId = orderIdParamSchema.safeParse(params.orderId);
  if (!orderId.success) throw cors(portalJson(portalErrorBody("INVALID_ORDER_ID", orderId.error.issues[0]?.message ?? "The order id is not valid.", "orderId"), 400));
  let admin: AdminGraphql;
  try {
    admin = (await unauthenticated.admin(shop)).admin.graphql as AdminGraphql;
  } catch (error) {
    // A shop that has not installed the app (or uninstalled it) has no orders here.
    if (error instanceof SessionNotFoundError) throw cors(notFound());
    throw error;
  }
  return { shop, customerId, orderGid: orderId.data, admin, cors };
}

/**
 * authenticatePortal, then the ownership check: `read` (default: who owns the order, one small
 * query) must find the order and its customer must be the token's. Returns the context with
 * what `read` found; otherwise throws the CORS-wrapped bare 404.
 */
export async function authenticatePortalOrder<T extends Pick<OrderOwner, "customerId"> = OrderOwner>(
  request: Request,
  params: Params,
  read?: OrderReader<T>,
): Promise<PortalContext & { order: T }> {
  const ctx = await authenticatePortal(request, params);
  return { ...ctx, order: await ownedOrder(ctx, read) };
}

/** The ownership check: `read` (default: who owns the order) must find the token's customer's order; otherwise the CORS-wrapped bare 404. */
async function ownedOrder<T extends Pick<OrderOwner, "customerId">>(ctx: PortalContext, read?: OrderReader<T>): Promise<T> {
  const reader = read ?? (getOrderOwner as unknown as OrderReader<T>);
  const order = await reader(ctx.admin, ctx.orderGid);
  if (!order || order.customerId === null || order.customerId !== ctx.customerId) throw ctx.cors(notFound());
  return order;
}

/** The JSON error answer for an expected failure; null for a bug. */
export function portalFailure(error: unknown): Response | null {
  const answer = (status: number, code: string, message: string, field?: string) => portalJson(portalErrorBody(code, message, field), status);
  if (error instanceof PortalError) return answer(error.status, error.code, error.message, error.field);
  if (error instanceof ZodError) {
    const first = error.issues[0];
    return answer(400, "INVALID_INPUT", zodMessage(error), first && first.path.length ? first.path.join(".") : undefined);
  }
  if (error instanceof OrderNotFoundError) return notFound();
  if (error instanceof NoPolicyError) return answer(409, "NOT_READY", "This store isn't taking return requests online yet. Please contact the store.");
  if (error instanceof CaseInputError) return answer(422, "INVALID_INPUT", error.message, error.field);
  const failure = actionFailure(error);
  if (!failure) return null;
  const res = answer(failure.status, failure.code, failure.error, failure.field);
  if (failure.retryAfter) res.headers.set("Retry-After", String(failure.retryAfter));
  return res;
}

/** Far more than a request of MAX_REQUEST_LINES lines can need; a bigger body is not read on. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** The request body as JSON, or a 400 (a 413 past MAX_JSON_BODY_BYTES). */
export async function readJsonBody(request: Request): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyAtMost(request, MAX_JSON_BODY_BYTES);
  } catch (error) {
    if (error instanceof PortalError && error.status === 413) throw new PortalError(413, "TOO_LARGE", `The request is too large: send at most ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB of JSON.`);
    throw error;
  }
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) throw new PortalError(400, "INVALID_INPUT", "The request has no body; send the request as JSON.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PortalError(400, "INVALID_INPUT", "The request body is not valid JSON.");
  }
}

/** The scope of everything the shopper uploads or reads: this shop, this customer, this order. */
export const ownerOf = (ctx: Pick<PortalContext, "shop" | "customerId" | "orderGid">) => ({ shop: ctx.shop, customerId: ctx.customerId, orderId: ctx.orderGid });

export type PortalReply = { status?: number; body: unknown };

/**
 * Runs one portal endpoint: authentication, the body (`input`, when the endpoint takes one),
 * ownership (`read`, or just who owns the order when the body was refused), then `work`; every answer JSON and CORS-wrapped. Expected failures become 4xx with
 * a readable message (a busy database or Shopify a 503 with Retry-After); anything else is
 * logged and answered with a 500 that says nothing about the store.
 */
export async function portalRoute<T extends Pick<OrderOwner, "customerId">, I = undefined>(
  request: Request,
  params: Params,
  read: OrderReader<T> | null,
  work: (ctx: PortalContext & { order: T; input: I }) => Promise<PortalReply>,
  input?: (request: Request) => Promise<I>,
): Promise<Response> {
  let cors = corsFor(request);
  try {
    const auth = await authenticatePortal(request, params);
    cors = auth.cors;
    let parsed = undefined as I;
    let refused: { error: unknown } | null = null;
    try {
      if (input) parsed = await input(request);
    } catch (error) {
      refused = { error };
    }
    // Bad input is told only to the order's owner (anyone else gets the same 404 as ever), after
    // the small ownership read rather than the endpoint's full one.
    if (refused) {
      await ownedOrder(auth);
      throw refused.error;
    }
    const order = await ownedOrder<T>(auth, read ?? undefined);
    const reply = await work({ ...auth, order, input: parsed });
    return cors(portalJson(reply.body, reply.status ?? 200));
  } catch (error) {
    if (error instanceof Response) return cors(error);
    const failure = portalFailure(error);
    if (failure) return cors(failure);
    console.error("portal: unexpected failure", error);
    return cors(portalJson(portalErrorBody("INTERNAL", "Something went wrong on our side. Please try again in a moment."), 500));
  }
}

/** A method the endpoint does not take: still authenticated first, so a preflight gets its 204. */
export async function portalMethodNotAllowed(request: Request, params: Params, allow: string): Promise<Response> {
  try {
    const { cors } = await authenticatePortal(request, params);
    const res = portalJson(portalErrorBody("METHOD_NOT_ALLOWED", `Use ${allow} for this address.`), 405);
    res.headers.set("Allow", allow);
    return cors(res);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
