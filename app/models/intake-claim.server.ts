// Claims on a shopper's request key while its return is being opened (IntakeClaim in the
// schema). The claim is taken before Shopify is asked for the return, so app instances racing on
// the same key send one returnRequest; the loser waits for the winner's case. A claim left by a
// crash (or by an attempt whose Shopify answer was lost) is taken over, with the order's returns
// as they were before the first attempt, so the return that did land is adopted, not doubled.
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "./prisma-errors.server";

/** A claim older than this belongs to a process that died: an intake takes seconds, not a minute. */
export const STALE_INTAKE_CLAIM_MS = 60_000;

export type IntakeClaimHeld = {
  token: string;
  /** The order's returns before the first attempt, when an earlier attempt recorded them. */
  knownReturnIds: string[] | null;
};

const parseIds = (raw: string | null): string[] | null => (raw === null ? null : (JSON.parse(raw) as string[]));

/** Takes the key: a fresh claim, or one whose holder is gone. Null while another holder is live. */
export async function claimIntake(db: Db, shop: string, requestKey: string, now: Date): Promise<IntakeClaimHeld | null> {
  const token = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.intakeClaim.create({ data: { shop, requestKey, token, claimedAt: now } });
      return { token, knownReturnIds: null };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const held = await db.intakeClaim.findUnique({ where: { shop_requestKey: { shop, requestKey } } });
    if (!held) continue; // released between the insert and the read: try again
    if (now.getTime() - held.claimedAt.getTime() < STALE_INTAKE_CLAIM_MS) return null;
    // Conditional on the old token: of several takers, one wins.
    const taken = await db.intakeClaim.updateMany({ where: { id: held.id, token: held.token }, data: { token, claimedAt: now } });
    return taken.count === 1 ? { token, knownReturnIds: parseIds(held.knownReturnIds) } : null;
  }
  return null;
}

/** Records the order's returns before Shopify is asked (once: a taker keeps the first attempt's). */
export async function recordKnownReturns(db: Db, shop: string, requestKey: string, token: string, returnIds: readonly string[]) {
  await db.intakeClaim.updateMany({ where: { shop, requestKey, token, knownReturnIds: null }, data: { knownReturnIds: JSON.stringify(returnIds) } });
}

/** The case exists (or Shopify refused cleanly): the claim has done its job. */
export async function releaseIntake(db: Db, shop: string, requestKey: string, token: string) {
  await db.intakeClaim.deleteMany({ where: { shop, requestKey, token } });
}

/**
 * The attempt ended without knowing whether Shopify created the return: the next attempt may
 * take over at once (this one is over), keeping the recorded returns to adopt what landed.
 */
export async function abandonIntake(db: Db, shop: string, requestKey: string, token: string) {
  await db.intakeClaim.updateMany({ where: { shop, requestKey, token }, data: { claimedAt: new Date(0) } });
}
