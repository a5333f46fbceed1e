// Refunding a case exactly once, and closing it.
//
// Shopify's returnProcess takes no idempotency key (in 2026-07 only refundCreate and a few
// inventory mutations accept @idempotent), so the case itself is the key. Before Shopify is
// called, one transaction checks the case (INSPECTED, the version the agent saw, no refund in
// flight) and records a refund claim; any other click, tab or retry then fails that check. The
// case becomes REFUNDED only when Shopify's answer (or, after a lost answer, Shopify's return
// read back) shows the items processed. A claim whose outcome is unknown stays until
// settleRefund reads the return: processed → REFUNDED; untouched and stale → released. Releasing
// is safe because no request of a refund starts after SEND_WINDOW_MS: by STALE_CLAIM_MS anything
// sent has landed or never will.
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import type { Decision } from "~/domain/policy";
import { parseAmount } from "~/domain/money/money";
import { applyCaseChange, CaseConflictError, getCase } from "~/models/return-case.server";
import { adminClient, type AdminApi, type AdminClient } from "./admin-client";
import { ShopifyUserError } from "./admin-errors";
import { CaseInputError, CaseNotInShopifyError } from "./case-errors";
import { checkedCase, decisionStamp, type CaseRef } from "./case-review.server";
import { closeReturn, processReturn, type ProcessReturnInput } from "./return-process.server";
import { getRefundContext, type RefundContext } from "./refund-context.server";
import { getReturn, type ReturnState } from "./return-state.server";

type CaseRow = Awaited<ReturnType<typeof getCase>>;

/** A claim older than this whose refund Shopify never shows has failed: the caller's request timed out long ago. */
export const STALE_CLAIM_MS = 2 * 60_000;

/** No Admin API request of a refund starts later than this after its claim (see the header). */
export const SEND_WINDOW_MS = 60_000;

class SendWindowClosed extends Error {
  override name = "SendWindowClosed";
  constructor() {
    super("the refund's send window closed");
  }
}

/** `api`, refusing to start a request after `until` (wall clock): retries and reads included. */
function sendingUntil(api: AdminApi, until: number): AdminClient {
  const client = adminClient(api);
  return client.withGraphql((query, options) => (Date.now() > until ? Promise.reject(new SendWindowClosed()) : client.graphql(query, options)));
}

export class RefundInFlightError extends CaseInputError {
  override name = "RefundInFlightError";
  constructor() {
    super("A refund for this case is already on its way to Shopify. The page shows it as soon as Shopify confirms; it will never be sent twice.");
  }
}

/** Every case line fully processed in Shopify: the refund went through. */
function processedInShopify(c: CaseRow, state: ReturnState): boolean {
  const mine = state.lines.filter((l) => c.lines.some((cl) => cl.lineItemId === l.lineItemId));
  return mine.length > 0 && mine.every((l) => l.unprocessedQuantity === 0);
}

async function processInputFor(c: CaseRow, context: RefundContext, notifyCustomer: boolean): Promise<ProcessReturnInput> {
  const { state } = context;
  const decision = JSON.parse(c.finalDecisionJson ?? "null") as Decision | null;
  if (!decision) throw new CaseInputError("Inspect the items before refunding.");
  const restock = c.lines.some((l) => l.disposition === "RESTOCK");
  const location = restock ? context.location : null;
  if (restock && !location) throw new CaseInputError("The store has no active location to restock into; choose “Do not restock”.");
  const rfoLines = state.reverseFulfillmentOrders.flatMap((r) => r.lineItems);
  const lines = state.lines
    .filter((l) => l.unprocessedQuantity > 0)
    .map((l) => {
      const caseLine = c.lines.find((cl) => cl.lineItemId === l.lineItemId);
      const rfoLine = rfoLines.find((r) => r.fulfillmentLineItemId === l.fulfillmentLineItemId);
      const type = caseLine?.disposition === "RESTOCK" ? "RESTOCKED" : "NOT_RESTOCKED";
      return {
        returnLineItemId: l.id,
        quantity: l.unprocessedQuantity,
        dispositions: rfoLine ? [{ reverseFulfillmentOrderLineItemId: rfoLine.id, quantity: l.unprocessedQuantity, dispositionType: type, locationId: type === "RESTOCKED" ? location!.id : null } as const] : [],
      };
    });
  const refundMinor = parseAmount(decision.refundTotal, decision.currency);
  return {
    returnId: state.id,
    lines,
    refund: refundMinor > 0n ? { amount: { amount: decision.refundTotal, currencyCode: decision.currency }, transactions: await context.transactions() } : null,
    refundShipping: null,
    note: `${c.rmaNumber ?? "Return"}: refund decided by Clause under policy version ${c.policyVersion}.`,
    notifyCustomer,
  };
}

/**
 * Records the refund Shopify made. Shopify has already acted, so a note or flag someone added
 * meanwhile (a newer version) must not lose it: the write is retried on the fresh case for as
 * long as it still holds this claim.
 */
async function confirmRefunded(db: Db, claimed: CaseRow, actor: string, refunds: ReadonlyArray<{ id: string; total?: { amount: string } }>, now: Date) {
  const decision = JSON.parse(claimed.finalDecisionJson ?? "null") as Decision | null;
  let c = claimed;
  for (let attempt = 0; ; attempt++) {
    try {
      return await applyCaseChange(db, {
        shop: c.shop,
        caseId: c.id,
        expectedVersion: c.version,
        actor,
        action: "refund",
        now,
        guard: (fresh) => {
          if (fresh.refundClaimKey !== claimed.refundClaimKey) throw new CaseConflictError(fresh);
        },
        changes: { refundedAt: now, refundAmount: decision?.refundTotal ?? "0", shopifyRefundIds: JSON.stringify(refunds.map((r) => r.id)), ...decisionStamp(c, now) },
      });
    } catch (error) {
      if (!(error instanceof CaseConflictError) || attempt >= 5) throw error;
      c = await getCase(db, claimed.shop, claimed.id);
      if (c.refundClaimKey !== claimed.refundClaimKey || c.status !== "INSPECTED") throw error;
    }
  }
}

function releaseClaim(db: Db, c: CaseRow, actor: string, why: string) {
  return applyCaseChange(db, { shop: c.shop, caseId: c.id, expectedVersion: c.version, actor, action: "refundReleased", detail: why, changes: { refundClaimKey: null, refundClaimedAt: null } });
}

/** Refunds the inspected case through returnProcess, at most once (see the header). */
export async function refundCase(db: Db, api: AdminApi, ref: CaseRef & { notifyCustomer: boolean }) {
  const now = ref.now ?? new Date();
  const sendUntil = Date.now() + SEND_WINDOW_MS;
  await checkedCase(db, ref, (c) => {
    if (c.refundClaimKey) throw new RefundInFlightError();
    if (c.status !== "INSPECTED") throw new CaseInputError(`Only an inspected case can be refunded; this one is ${c.status.toLowerCase()}.`);
  });
  const claimed = await applyCaseChange(db, {
    ...ref,
    action: "refundStarted",
    guard: (c) => {
      if (c.refundClaimKey) throw new RefundInFlightError();
      if (c.status !== "INSPECTED") throw new CaseInputError(`Only an inspected case can be refunded; this one is ${c.status.toLowerCase()}.`);
    },
    changes: { refundClaimKey: randomUUID(), refundClaimedAt: now },
  });
  try {
    return await refundClaimed(db, sendingUntil(api, sendUntil), claimed, { ...ref, now });
  } catch (error) {
    // Shopify too slow to finish in the window: the claim stays for settleRefund to resolve.
    if (error instanceof SendWindowClosed) throw new RefundInFlightError();
    throw error;
  }
}

async function refundClaimed(db: Db, api: AdminClient, claimed: CaseRow, ref: CaseRef & { notifyCustomer: boolean; now: Date }) {
  const now = ref.now;
  // One read: the return, the payments and a location (the refund step is one read and one write).
  const context = await getRefundContext(api, claimed.shopifyReturnId!);
  if (!context) throw new CaseNotInShopifyError(ref.caseId);
  const { state } = context;
  if (processedInShopify(claimed, state)) return confirmRefunded(db, claimed, ref.actor, state.refunds, now);
  let processed;
  try {
    processed = await processReturn(api, await processInputFor(claimed, context, ref.notifyCustomer), { before: state });
  } catch (error) {
    // Shopify said no (or the input could not be built): nothing was refunded, the claim goes.
    if (error instanceof ShopifyUserError || error instanceof CaseInputError || error instanceof RangeError) {
      await releaseClaim(db, claimed, ref.actor, error.message);
      throw error instanceof RangeError ? new CaseInputError(error.message) : error;
    }
    throw error; // Unknown outcome: the claim stays until settleRefund reads Shopify.
  }
  return confirmRefunded(db, claimed, ref.actor, processed.refunds, now);
}

/**
 * Resolves a refund claim whose outcome is unknown (a crash or a lost answer): the case page
 * and the retry path call it. Returns the case as it stands afterwards.
 */
export async function settleRefund(db: Db, api: AdminApi, args: { shop: string; caseId: string; actor: string; now?: Date }) {
  const c = await getCase(db, args.shop, args.caseId);
  if (!c.refundClaimKey || c.status !== "INSPECTED" || !c.shopifyReturnId) return c;
  const now = args.now ?? new Date();
  const state = await getReturn(api, c.shopifyReturnId);
  if (state && processedInShopify(c, state)) return confirmRefunded(db, c, args.actor, state.refunds, now);
  if (now.getTime() - (c.refundClaimedAt?.getTime() ?? 0) < STALE_CLAIM_MS) return c;
  return releaseClaim(db, c, args.actor, "Shopify shows no refund for this return; it can be refunded again");
}

/** Closes the case, and the Shopify return when it is still open. */
export async function closeCase(db: Db, api: AdminApi, ref: CaseRef) {
  const now = ref.now ?? new Date();
  const { current, returnId } = await checkedCase(db, ref, (c) => {
    if (c.refundClaimKey && c.status === "INSPECTED") throw new RefundInFlightError();
    if (!["APPROVED", "DECLINED", "REFUNDED"].includes(c.status)) throw new CaseInputError(`A case that is ${c.status.replace("_", " ").toLowerCase()} cannot be closed; finish or refund it first.`);
  });
  if (current.status !== "DECLINED") {
    const state = await getReturn(api, returnId);
    if (state?.status === "OPEN") await closeReturn(api, { returnId });
  }
  return applyCaseChange(db, { ...ref, action: "close", changes: { closedAt: now, ...decisionStamp(current, now) } });
}
