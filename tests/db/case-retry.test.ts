// Trying an action again after it failed with its outcome unknown: Shopify applied the change,
// but every answer was lost, so the service gave up with ShopifyUnavailableError. The shopper
// or agent trying again must get the change recorded — not a second return or label, and not a
// refusal because Shopify already holds the change.
import { afterEach, expect, it } from "vitest";
import { createAdminClient, ShopifyUnavailableError } from "~/services/admin-client";
import { CaseInputError } from "~/services/case-errors";
import { describeDb, dbProvider } from "../setup/describe-db";
import { caseScene, db } from "../helpers/case-scene";
import { standIn } from "../helpers/shopify-test-app";
import { standInGraphql } from "../standin/graphql-client";

const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
type Scene = Awaited<ReturnType<typeof caseScene>>;

/** A client that gives up on the first failure: one lost answer is a failed action. */
const impatient = (s: Scene) => createAdminClient(standInGraphql(standIn, s.shop), { sleep: async () => {}, maxRetries: 0 });
const lostAfterLanding = (operationName: string) => standIn.faults.next({ kind: "5xx", afterCommit: true, operationName });
const opened = (s: Scene) => ({ type: "RETURN" as const, lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" as const }] });

afterEach(() => {
  standIn.faults = null;
});

describeDb(`trying again after a lost answer (${dbProvider})`, () => {
  it("intake: submitting again with the same request key adopts the return that landed", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
    const { openCase } = await import("~/services/case-intake.server");
    lostAfterLanding("ReturnRequest");
    const request = { type: "RETURN" as const, lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" as const, reason: "", evidence: [] }] };
    const failed = await openCase(await db(), impatient(s), { shop: s.shop, orderId: s.order.id, request, requestKey: "submit-1", actor: "customer" }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ShopifyUnavailableError);
    const [landed] = standIn.store(s.shop).returns.values();
    expect(landed).toBeDefined();

    const c = await s.open(opened(s), { requestKey: "submit-1" });
    expect(c.shopifyReturnId).toBe(landed!.id);
    expect(standIn.store(s.shop).orders.get(s.order.id)!.returnIds).toEqual([landed!.id]);
    expect(c.lines[0]).toMatchObject({ code: "OK", shopifyReturnLineItemId: landed!.lines[0]!.id });
    expect(standIn.ledger.forOperation("ReturnRequest", s.shop)).toHaveLength(1);

    // Held by a case now: another request for the same item is refused as before.
    await expect(s.open(opened(s), { requestKey: "submit-2" })).rejects.toBeInstanceOf(CaseInputError);
  });

  it("intake: a requested return with other fees is not this request's, and is not adopted", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
    const { requestReturn } = await import("~/services/return-request.server");
    const fli = s.order.fulfillments[0]!.lineItems[0]!.id;
    await requestReturn(s.api, { orderId: s.order.id, lines: [{ fulfillmentLineItemId: fli, quantity: 1 }] }, { existingReturnIds: [] });
    await expect(s.open(opened(s), { requestKey: "submit-1" })).rejects.toBeInstanceOf(CaseInputError);
    expect(standIn.store(s.shop).orders.get(s.order.id)!.returnIds).toHaveLength(1);
  });

  it("approve: trying again records the approval Shopify already holds, instead of a conflict", async () => {
    const s = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const c = await s.open(opened(s), { requestKey: "submit-1" });
    const { approveCase } = await import("~/services/case-review.server");
    const ref = { shop: s.shop, caseId: c.id, actor: "agent", expectedVersion: c.version, notifyCustomer: false };
    lostAfterLanding("ReturnApproveRequest");
    expect(await approveCase(await db(), impatient(s), ref).catch((e: unknown) => e)).toBeInstanceOf(ShopifyUnavailableError);
    expect((await s.shopifyReturn(c.shopifyReturnId!)).status).toBe("OPEN");

    const approved = await approveCase(await db(), s.api, ref);
    expect(approved).toMatchObject({ status: "APPROVED", version: c.version + 1, labelError: null });
    expect(approved.rmaNumber).toBe(c.rmaNumber);
    expect(standIn.store(s.shop).notifications.filter((n) => n.mutation === "returnApproveRequest")).toHaveLength(1);
  });

  it("label: attaching again finds the delivery that landed, instead of Shopify refusing a second one", async () => {
    const s = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const c = await s.open(opened(s), { requestKey: "submit-1" });
    const { approveCase, attachLabel } = await import("~/services/case-review.server");
    const approved = await approveCase(await db(), s.api, { shop: s.shop, caseId: c.id, actor: "agent", expectedVersion: c.version, notifyCustomer: false });
    const label = { fileUrl: "https://labels.example.com/l.pdf", trackingNumber: "1Z999AA10123456784", notifyCustomer: false };
    const ref = { shop: s.shop, caseId: c.id, actor: "agent", expectedVersion: approved.version, ...label };
    lostAfterLanding("ReverseDeliveryCreateWithShipping");
    expect(await attachLabel(await db(), impatient(s), ref).catch((e: unknown) => e)).toBeInstanceOf(ShopifyUnavailableError);

    const labelled = await attachLabel(await db(), s.api, ref);
    const deliveries = [...standIn.store(s.shop).reverseFulfillmentOrders.values()].flatMap((r) => r.deliveries);
    expect(deliveries).toHaveLength(1);
    expect(labelled).toMatchObject({ reverseDeliveryId: deliveries[0]!.id, labelUrl: label.fileUrl, trackingNumber: label.trackingNumber });
    expect(standIn.ledger.forOperation("ReverseDeliveryCreateWithShipping", s.shop)).toHaveLength(1);
  });
});
