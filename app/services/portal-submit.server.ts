// A shopper's return request from the portal: decided again on the server by openCase (the
// policy in force, a fresh order snapshot, Shopify's return with the fees, the RMA, the case),
// with the shopper's own uploads attached as the case's evidence.
//
// A repeated submit (same requestKey) answers the first case and reaches Shopify once:
//   - after the first finished: the case is found by its key before anything else runs;
//   - while the first is still running in this process: the second waits for it and answers
//     its case (the in-flight map below);
//   - across processes, openCase's intake claim (intake-claim.server.ts) lets one of them ask
//     Shopify and hands the others its case; uploads are claimed with a conditional update, so
//     no file is ever attached to two cases (a second process submitting the same files at
//     the same moment is told to try again, and then gets the first one's case).
// A key already used by another customer or for another order is refused (409) without saying
// anything about that request.
import type { Db } from "~/db.server";
import type { PortalSubmit } from "~/lib/portal-schemas";
import {
  attachClaimedUploads,
  claimUploads,
  findUploads,
  pendingClaim,
  releaseClaimedUploads,
  type EvidenceUploadRow,
  type UploadOwner,
} from "~/models/evidence-upload.server";
import { findCaseByRequestKey } from "~/models/return-case.server";
import type { AdminApi } from "./admin-client";
import { openCase, type StoredEvidence } from "./case-intake.server";
import { PortalError } from "./portal-errors";
import { listReturnReasons } from "./return-reasons.server";

type OpenedCase = Awaited<ReturnType<typeof openCase>>;

export type SubmitResult = { case: OpenedCase; created: boolean };

const inFlight = new Map<string, Promise<OpenedCase>>();

/** Uploads of this shopper and order named in the request, each checked; the engine's evidence per line. */
export async function resolveEvidence(
  db: Db,
  owner: UploadOwner,
  lines: ReadonlyArray<{ lineItemId: string; evidenceIds?: string[] }>,
  options: { reclaimable?: string } = {},
): Promise<{ rows: EvidenceUploadRow[]; evidence: StoredEvidence[] }> {
  const wanted = lines.flatMap((l, i) => (l.evidenceIds ?? []).map((id, j) => ({ id, lineItemId: l.lineItemId, field: `lines.${i}.evidenceIds.${j}` })));
  const rows = await findUploads(
    db,
    owner,
    wanted.map((w) => w.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const evidence: StoredEvidence[] = [];
  for (const w of wanted) {
    const row = byId.get(w.id);
    if (!row) throw new PortalError(422, "EVIDENCE_NOT_FOUND", `The file ${w.id} was not found among your uploads for this order. Upload it again.`, w.field);
    if (row.caseId !== null && row.caseId !== options.reclaimable) throw new PortalError(422, "EVIDENCE_ALREADY_USED", `The file ${w.id} is already attached to another request. Upload it again to use it here.`, w.field);
    evidence.push({ lineItemId: w.lineItemId, kind: row.kind, contentType: row.contentType, byteSize: row.byteSize, storageKey: row.storageKey });
  }
  return { rows, evidence };
}

/**
 * Each line's reasonId must be one of the shop's return reasons (the eligibility answer's
 * `reasons`). Checked before anything is claimed or sent, so an unknown one is a plain 422 and
 * not a refused Shopify mutation; read from Shopify only when the request names a reason.
 */
export async function requireKnownReasons(api: AdminApi, lines: ReadonlyArray<{ reasonId?: string }>): Promise<void> {
  const named = lines.flatMap((l, i) => (l.reasonId ? [{ id: l.reasonId, field: `lines.${i}.reasonId` }] : []));
  if (!named.length) return;
  const known = new Set((await listReturnReasons(api)).map((r) => r.id));
  const unknown = named.find((n) => !known.has(n.id));
  if (unknown) throw new PortalError(422, "UNKNOWN_REASON", "That return reason is not one this store offers. Choose a reason from the list.", unknown.field);
}

function requireSameRequest(found: OpenedCase, owner: UploadOwner): OpenedCase {
  if (found.orderId !== owner.orderId || found.customerId !== owner.customerId) {
    throw new PortalError(409, "REQUEST_KEY_USED", "This request key was already used for a different request. Start a new request.", "requestKey");
  }
  return found;
}

async function openWithEvidence(db: Db, api: AdminApi, owner: UploadOwner, body: PortalSubmit, now: Date | undefined): Promise<OpenedCase> {
  await requireKnownReasons(api, body.lines);
  const claim = pendingClaim(body.requestKey);
  // The same request retried after a crash may find its own claim still on its files.
  const { rows, evidence } = await resolveEvidence(db, owner, body.lines, { reclaimable: claim });
  const fresh = rows.filter((r) => r.caseId === null).map((r) => r.id);
  const claimed = await claimUploads(db, owner, fresh, claim);
  if (claimed !== fresh.length) {
    await releaseClaimedUploads(db, owner, claim);
    throw new PortalError(409, "EVIDENCE_IN_USE", "A file you attached is being attached to another request right now. Wait a moment and try again.", "lines");
  }
  try {
    const opened = await openCase(db, api, {
      shop: owner.shop,
      orderId: owner.orderId,
      request: {
        type: body.type,
        lines: body.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity, condition: l.condition, reason: l.reason ?? "", evidence: [] })),
      },
      requestKey: body.requestKey,
      evidence,
      reasonDefinitionIds: Object.fromEntries(body.lines.flatMap((l) => (l.reasonId ? [[l.lineItemId, l.reasonId]] : []))),
      actor: `customer:${owner.customerId.replace("gid://shopify/Customer/", "")}`,
      now,
    });
    requireSameRequest(opened, owner);
    await attachClaimedUploads(db, owner, claim, opened.id);
    return opened;
  } catch (error) {
    await releaseClaimedUploads(db, owner, claim);
    throw error;
  }
}

export async function submitPortalReturn(db: Db, api: AdminApi, input: { owner: UploadOwner; body: PortalSubmit; now?: Date }): Promise<SubmitResult> {
  const { owner, body } = input;
  const existing = await findCaseByRequestKey(db, owner.shop, body.requestKey);
  if (existing) {
    requireSameRequest(existing, owner);
    // A crash between the case and the files' update left them claimed: finish the job.
    await attachClaimedUploads(db, owner, pendingClaim(body.requestKey), existing.id);
    return { case: existing, created: false };
  }
  const key = `${owner.shop}\n${body.requestKey}`;
  const running = inFlight.get(key);
  if (running) return { case: requireSameRequest(await running, owner), created: false };
  const work = openWithEvidence(db, api, owner, body, input.now);
  inFlight.set(key, work);
  try {
    return { case: await work, created: true };
  } finally {
    inFlight.delete(key);
  }
}
