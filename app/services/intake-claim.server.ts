// Opening a case for a request key under its intake claim (app/models/intake-claim.server.ts):
// one holder at a time asks Shopify for the return; everyone else waits for its case.
import type { Db } from "~/db.server";
import { abandonIntake, claimIntake, releaseIntake, type IntakeClaimHeld } from "~/models/intake-claim.server";
import { NoPolicyError } from "~/models/policy-version.server";
import { ShopifyUserError } from "./admin-errors";
import { CaseInputError, OrderNotFoundError } from "./case-errors";
import { PortalError } from "./portal-errors";

/** Another attempt with this key is still talking to Shopify: the shopper should try again shortly. */
export class SubmitInProgressError extends PortalError {
  override name = "SubmitInProgressError";
  constructor() {
    super(409, "SUBMIT_IN_PROGRESS", "This request is still being sent to the store. Wait a few seconds and try again; it will not be submitted twice.");
  }
}

/** Failures that prove Shopify created nothing: the claim can go entirely. */
const createdNothing = (error: unknown) => error instanceof CaseInputError || error instanceof ShopifyUserError || error instanceof NoPolicyError || error instanceof OrderNotFoundError;

export type IntakeClaimOptions = {
  /** How long a second attempt waits for the holder's case before answering 409. */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => Date;
};

export async function underIntakeClaim<T>(
  db: Db,
  key: { shop: string; requestKey: string },
  io: { find: () => Promise<T | null>; open: (claim: IntakeClaimHeld) => Promise<T> },
  options: IntakeClaimOptions = {},
): Promise<T> {
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = clock().getTime() + (options.waitMs ?? 10_000);
  for (;;) {
    const claim = await claimIntake(db, key.shop, key.requestKey, clock());
    if (claim) {
      // The holder before us may have finished between our first look and our claim.
      const done = await io.find();
      if (done) {
        await releaseIntake(db, key.shop, key.requestKey, claim.token);
        return done;
      }
      try {
        const opened = await io.open(claim);
        await releaseIntake(db, key.shop, key.requestKey, claim.token);
        return opened;
      } catch (error) {
        if (createdNothing(error)) await releaseIntake(db, key.shop, key.requestKey, claim.token);
        else await abandonIntake(db, key.shop, key.requestKey, claim.token);
        throw error;
      }
    }
    const done = await io.find();
    if (done) return done;
    if (clock().getTime() >= deadline) throw new SubmitInProgressError();
    await sleep(options.pollMs ?? 100);
  }
}
