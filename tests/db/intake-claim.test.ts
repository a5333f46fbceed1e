// One request key, several app instances: openCase is what each instance runs below its own
// in-process de-duplication, so calling it concurrently is two instances racing. The intake claim
// must let one of them ask Shopify, and hand the others its case.
import { afterEach, expect, it } from "vitest";
import { STALE_INTAKE_CLAIM_MS } from "~/models/intake-claim.server";
import { createAdminClient, ShopifyUnavailableError } from "~/services/admin-client";
import { SubmitInProgressError } from "~/services/intake-claim.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { caseScene, db } from "../helpers/case-scene";
import { standIn } from "../helpers/shopify-test-app";
import { standInGraphql } from "../standin/graphql-client";

const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
type Scene = Awaited<ReturnType<typeof caseScene>>;
const request = (s: Scene) => ({ type: "RETURN" as const, lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" as const, reason: "", evidence: [] }] });
const fast = { pollMs: 5, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

afterEach(() => {
  standIn.faults = null;
});

describeDb(`intake claims across app instances (${dbProvider})`, () => {
  it("five instances submitting one request key at once: one Shopify return, one case, the same answer for all", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier, quantity: 2 }] });
    const { openCase } = await import("~/services/case-intake.server");
    const d = await db();
    const input = { shop: s.shop, orderId: s.order.id, request: request(s), requestKey: "race-1", actor: "customer", claimOptions: fast };
    const cases = await Promise.all(Array.from({ length: 5 }, () => openCase(d, s.api, input)));
    expect(new Set(cases.map((c) => c.id)).size).toBe(1);
    expect(standIn.ledger.forOperation("ReturnRequest", s.shop)).toHaveLength(1);
    expect(standIn.store(s.shop).orders.get(s.order.id)!.returnIds).toHaveLength(1);
    expect(await d.returnCase.count({ where: { shop: s.shop } })).toBe(1);
    // The claim has done its job and is gone; the case's unique key guards from now on.
    expect(await d.intakeClaim.count({ where: { shop: s.shop } })).toBe(0);
  });

  it("a live claim held by another instance: the second waits, then answers 409 without calling Shopify", async () => {
    const s = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const { openCase } = await import("~/services/case-intake.server");
    const d = await db();
    await d.intakeClaim.create({ data: { shop: s.shop, requestKey: "held-1", token: "other-instance", claimedAt: new Date() } });
    const before = standIn.ledger.length;
    const error = await openCase(d, s.api, { shop: s.shop, orderId: s.order.id, request: request(s), requestKey: "held-1", actor: "customer", claimOptions: { ...fast, waitMs: 50 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitInProgressError);
    expect((error as SubmitInProgressError).status).toBe(409);
    expect(standIn.ledger.length).toBe(before);
    expect(await d.returnCase.count({ where: { shop: s.shop } })).toBe(0);
  });

  it("a claim left by a crashed instance after Shopify created the return: the next attempt takes over and adopts it", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
    const { openCase } = await import("~/services/case-intake.server");
    const d = await db();
    // The first instance: Shopify creates the return, the answer is lost and the instance dies
    // (its claim stays fresh until it goes stale).
    const impatient = createAdminClient(standInGraphql(standIn, s.shop), { sleep: async () => {}, maxRetries: 0 });
    standIn.faults.next({ kind: "5xx", afterCommit: true, operationName: "ReturnRequest" });
    const crashed = await openCase(d, impatient, { shop: s.shop, orderId: s.order.id, request: request(s), requestKey: "crash-1", actor: "customer" }).catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(ShopifyUnavailableError);
    const landed = [...standIn.store(s.shop).returns.values()];
    expect(landed).toHaveLength(1);
    // A crash (not a clean failure) leaves the claim as it was taken: fresh for a minute.
    await d.intakeClaim.updateMany({ where: { shop: s.shop, requestKey: "crash-1" }, data: { claimedAt: new Date() } });
    const later = new Date(Date.now() + STALE_INTAKE_CLAIM_MS + 1_000);
    const c = await openCase(d, s.api, { shop: s.shop, orderId: s.order.id, request: request(s), requestKey: "crash-1", actor: "customer", now: later, claimOptions: { ...fast, clock: () => later } });
    expect(c.shopifyReturnId).toBe(landed[0]!.id);
    expect(standIn.ledger.forOperation("ReturnRequest", s.shop)).toHaveLength(1);
    expect(await d.intakeClaim.count({ where: { shop: s.shop } })).toBe(0);
  });

  it("a return requested outside Clause before the first attempt is never adopted by it", async () => {
    const s = await caseScene({ preset: "purtly", lines: [{ product: purifier, quantity: 2 }] });
    const { requestReturn } = await import("~/services/return-request.server");
    const { openCase } = await import("~/services/case-intake.server");
    const fli = s.order.fulfillments[0]!.lineItems[0]!.id;
    const native = await requestReturn(s.api, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 1 }] }, { existingReturnIds: [] });
    const c = await openCase(await db(), s.api, { shop: s.shop, orderId: s.order.id, request: request(s), requestKey: "own-1", actor: "customer", claimOptions: fast });
    expect(c.shopifyReturnId).not.toBe(native.id);
    expect(standIn.store(s.shop).orders.get(s.order.id)!.returnIds).toHaveLength(2);
  });
});
