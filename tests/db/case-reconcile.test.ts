// The reconciler (app/services/case-reconcile.server.ts): what Shopify did that a case does not
// know yet is recorded from Shopify's word; and a refund whose calls outlast the send window
// sends nothing late, so the stale rule may release its claim.
import { afterEach, expect, it, vi } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";
import { caseScene, db } from "../helpers/case-scene";
import { standIn } from "../helpers/shopify-test-app";
import { standInGraphql } from "../standin/graphql-client";

const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };
type Scene = Awaited<ReturnType<typeof caseScene>>;

async function requested() {
  const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
  const c = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
  return { s, c, ref: { shop: s.shop, caseId: c.id, actor: "agent" } };
}

/** Approves the return in Shopify only, as a process killed before recording it would leave it. */
async function approveInShopifyOnly(s: Scene, returnId: string) {
  const { approveReturn } = await import("~/services/return-review.server");
  return approveReturn(s.api, { returnId, notifyCustomer: false });
}

afterEach(() => {
  vi.useRealTimers();
});

describeDb(`case reconciliation (${dbProvider})`, () => {
  it("records an approval and a label Shopify holds; the claims-only pass leaves decisions alone", async () => {
    const { reconcileShop, RECONCILE_ACTOR } = await import("~/services/case-reconcile.server");
    const { getCaseDetail } = await import("~/models/return-case.server");
    const { s, c } = await requested();
    await approveInShopifyOnly(s, c.shopifyReturnId!);

    expect(await reconcileShop(await db(), s.api, s.shop, { full: false })).toEqual({ checked: 0, changed: 0, failed: 0 });
    expect((await getCaseDetail(await db(), s.shop, c.id)).status).toBe("REQUESTED");
    expect(await reconcileShop(await db(), s.api, s.shop, { full: true })).toMatchObject({ changed: 1, failed: 0 });
    const approved = await getCaseDetail(await db(), s.shop, c.id);
    expect(approved).toMatchObject({ status: "APPROVED", reverseDeliveryId: null });
    expect(approved.rmaNumber).toBeTruthy();

    // A label created in Shopify that the case never recorded.
    const { getReturn } = await import("~/services/return-state.server");
    const { createReverseDelivery } = await import("~/services/reverse-logistics.server");
    const rfo = (await getReturn(s.api, c.shopifyReturnId!))!.reverseFulfillmentOrders[0]!;
    const delivery = await createReverseDelivery(s.api, {
      reverseFulfillmentOrderId: rfo.id,
      lines: rfo.lineItems.map((l) => ({ reverseFulfillmentOrderLineItemId: l.id, quantity: l.totalQuantity })),
      labelFileUrl: "https://carrier.example/label.pdf",
      tracking: { number: "1Z999", url: null },
      notifyCustomer: false,
    });
    await reconcileShop(await db(), s.api, s.shop, { full: true });
    const labelled = await getCaseDetail(await db(), s.shop, c.id);
    expect(labelled).toMatchObject({ status: "APPROVED", reverseDeliveryId: delivery.id, labelUrl: "https://carrier.example/label.pdf", trackingNumber: "1Z999" });
    expect(labelled.audit.filter((a) => a.action === "label").map((a) => a.actor)).toEqual([RECONCILE_ACTOR]);

    // Nothing more to do: a further pass changes nothing.
    expect(await reconcileShop(await db(), s.api, s.shop, { full: true })).toMatchObject({ checked: 0, changed: 0 });
  });

  it("a refund whose calls outlast the send window sends nothing late; the stale claim is then released and refunded once", async () => {
    const { refundCase, RefundInFlightError, SEND_WINDOW_MS, STALE_CLAIM_MS } = await import("~/services/case-refund.server");
    const { reconcileShop } = await import("~/services/case-reconcile.server");
    const { approveCase } = await import("~/services/case-review.server");
    const { markReceived, inspectCase } = await import("~/services/case-handling.server");
    const { createAdminClient } = await import("~/services/admin-client");
    const { s, c, ref } = await requested();
    const approved = await approveCase(await db(), s.api, { ...ref, expectedVersion: c.version, notifyCustomer: false });
    const received = await markReceived(await db(), { ...ref, expectedVersion: approved.version });
    const inspected = await inspectCase(await db(), { ...ref, expectedVersion: received.version, form: { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "NO_RESTOCK" }] } });

    // Shopify answers the first read so slowly that the window has closed by then.
    vi.useFakeTimers({ toFake: ["Date"] });
    const raw = standInGraphql(standIn, s.shop);
    const slow = createAdminClient(async (query, options) => {
      const answer = await raw(query, options);
      vi.setSystemTime(Date.now() + SEND_WINDOW_MS + 1);
      return answer;
    });
    await expect(refundCase(await db(), slow, { ...ref, expectedVersion: inspected.version, notifyCustomer: false })).rejects.toBeInstanceOf(RefundInFlightError);
    expect(standIn.ledger.forOperation("ReturnProcess", s.shop)).toHaveLength(0);
    const { getCase } = await import("~/models/return-case.server");
    const held = await getCase(await db(), s.shop, c.id);
    expect(held.refundClaimKey).toBeTruthy();

    await reconcileShop(await db(), s.api, s.shop, { full: false, now: new Date(held.refundClaimedAt!.getTime() + STALE_CLAIM_MS + 1) });
    const released = await getCase(await db(), s.shop, c.id);
    expect(released).toMatchObject({ status: "INSPECTED", refundClaimKey: null });
    vi.useRealTimers();
    const refunded = await refundCase(await db(), s.api, { ...ref, expectedVersion: released.version, notifyCustomer: false });
    expect(refunded.status).toBe("REFUNDED");
    expect(standIn.store(s.shop).returns.get(c.shopifyReturnId!)!.refundIds).toHaveLength(1);
  });
});
