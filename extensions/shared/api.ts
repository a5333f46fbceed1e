// The portal API client: the ONE module of the extensions that calls `fetch` or asks Shopify for
// a session token (tests/extension/boundaries.test.ts scans the sources for it). Every request
// carries `Authorization: Bearer <session token>`; the app verifies it with
// `authenticate.public.customerAccount`. Answers are mapped onto portal-types.ts here, so a field
// renamed on the wire changes this file only.
import { APP_URL } from "./app-url";
import { host } from "./host";
import {
  ApiError,
  type Deadline,
  type DecidedLine,
  type Eligibility,
  type EvidenceUpload,
  type Money,
  type Preview,
  type ReturnFlowApi,
  type ReturnRequestBody,
  type ReturnSummary,
  type Submitted,
} from "./portal-types";

// The wire format where it differs from portal-types.ts; everything else passes through as sent.
type Wire = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The decision's amounts are decimal strings in the decision's currency. */
const money = (amount: string | null, currencyCode: string): Money | null => (amount === null ? null : { amount, currencyCode });

/** The refund percentage of a line: as given, else refund ÷ (refund + restocking fee). */
function refundPercent(l: Wire): number | null {
  if (typeof l.refundPercent === "number") return l.refundPercent;
  const refund = Number(l.refundAmount);
  const fee = Number(l.restockingFee || 0);
  return l.eligible && refund + fee > 0 ? Math.round((refund / (refund + fee)) * 10_000) / 100 : null;
}

export const toEligibility = (b: Wire) => b as Eligibility;

export function toPreview(b: Wire): Preview {
  const { decision, refund } = b;
  return {
    eligible: decision.eligible,
    lines: decision.lines.map((l: Wire): DecidedLine => ({
      ...(l as DecidedLine),
      refundAmount: money(l.refundAmount, decision.currency),
      restockingFee: money(l.restockingFee, decision.currency),
      refundPercent: refundPercent(l),
    })),
    subtotal: refund.subtotal,
    deductions: refund.deductions,
    total: refund.total,
    returnShippingPaidBy: b.returnShippingPaidBy,
    // Sent as line item id → the instant its window closes (null: no window).
    deadlines: Object.entries(b.deadlines || {})
      .filter(([, at]) => at)
      .map(([lineItemId, at]): Deadline => ({ lineItemId, at: at as string })),
  };
}

export const toSubmitted = (b: Wire): Submitted => ({ caseId: b.caseId, rma: b.rma, status: b.status, total: b.refund ? b.refund.total : null, nextSteps: b.nextSteps || [] });

export const toReturns = (b: Wire) => b.returns as ReturnSummary[];

/** The portal API's error `{ error: { code, message, field? } }`, or a stand-in for an answer without one (a proxy's error page). */
function errorOf(response: Response): Promise<never> {
  const fail = (e: Wire = {}): never => {
    throw new ApiError(response.status, e.code ?? (response.status >= 500 ? "SERVER_ERROR" : `HTTP_${response.status}`), e.message ?? "", e.field);
  };
  return response.json().then((body: Wire) => fail(body?.error), () => fail());
}

type Send = { method?: "POST"; json?: unknown; file?: Blob & { type: string } };

/** One call to `/api/portal/orders/<orderId><path>` with a fresh session token; the answer mapped by `map`. */
function call<T>(orderId: string, path: string, map: (body: Wire) => T, send: Send = {}): Promise<T> {
  return host()
    .sessionToken.get()
    .then((token) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
      if (send.json !== undefined) headers["Content-Type"] = "application/json";
      if (send.file) headers["Content-Type"] = send.file.type || "application/octet-stream";
      const url = `${APP_URL}/api/portal/orders/${encodeURIComponent(orderId)}${path}`;
      return fetch(url, { method: send.method ?? "GET", headers, body: send.file ?? (send.json === undefined ? undefined : JSON.stringify(send.json)) }).then(
        (response) => (response.ok ? response.json().then((body: Wire) => map(body ?? {})) : errorOf(response)),
        (error: unknown) => {
          throw new ApiError(0, "NETWORK", String(error));
        },
      );
    });
}

// One function per endpoint (`orderId`: the order's numeric id), so each extension bundles only
// the calls it makes.
export const getEligibility = (orderId: string) => call(orderId, "/eligibility", toEligibility);
export const postPreview = (orderId: string, request: ReturnRequestBody) => call(orderId, "/preview", toPreview, { method: "POST", json: request });
export const postEvidence = (orderId: string, lineItemId: string, file: Blob & { type: string }) =>
  call(orderId, `/evidence?lineItemId=${encodeURIComponent(lineItemId)}`, (b) => b as EvidenceUpload, { method: "POST", file });
export const postReturn = (orderId: string, request: ReturnRequestBody & { requestKey: string }) => call(orderId, "/returns", toSubmitted, { method: "POST", json: request });
export const getReturns = (orderId: string) => call(orderId, "/returns", toReturns);

/** The calls of the full-page return flow for one order. */
export const returnFlowApi = (orderId: string): ReturnFlowApi => ({
  eligibility: () => getEligibility(orderId),
  preview: (request) => postPreview(orderId, request),
  uploadEvidence: (lineItemId, file) => postEvidence(orderId, lineItemId, file),
  submit: (request) => postReturn(orderId, request),
});
