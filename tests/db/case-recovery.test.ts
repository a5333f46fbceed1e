// What keeps a case right when things happen outside the agent's click: decisions taken in
// Shopify admin (webhooks, duplicated and shuffled), a refund whose answer was lost, and a
// refund claim left behind by a crash.
import type { ActionFunctionArgs } from "@remix-run/node";
import { expect, it } from "vitest";
import { parseAmount } from "~/domain/money/money";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { caseScene, db } from "../helpers/case-scene";
import { standIn } from "../helpers/shopify-test-app";
import { standInGraphql } from "../standin/graphql-client";
import { seededRandom } from "../standin/prng";

const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };

async function deliverWebhooks(shop: string) {
  const { action } = (await import("~/routes/webhooks.returns")) as { action: (a: ActionFunctionArgs) => Promise<Response> };
  const report = await standIn.webhooks.deliver({
    shop,
    secret: "testApiSecretKey",
    duplicate: 2,
    shuffle: true,
    random: seededRandom(5),
    target: async (request) => (new URL(request.url).pathname === "/webhooks/returns" ? action({ request, params: {}, context: {} }) : new Response(null, { status: 200 })),
  });
  await settleWebhookWork();
  return report;
}

/** A Purtly case walked to INSPECTED through the services. */
async function inspectedCase() {
  const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
  const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
  const { approveCase } = await import("~/services/case-review.server");
  const { markReceived, inspectCase } = await import("~/services/case-handling.server");
  const ref = { shop: s.shop, caseId: opened.id, actor: "agent" };
  const approved = await approveCase(await db(), s.api, { ...ref, expectedVersion: 0, notifyCustomer: false });
  const received = await markReceived(await db(), { ...ref, expectedVersion: approved.version });
  const inspected = await inspectCase(await db(), { ...ref, expectedVersion: received.version, form: { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "NO_RESTOCK" }] } });
  return { s, ref, inspected };
}

describeDb(`case recovery (${dbProvider})`, () => {
  it("a return declined in Shopify admin declines its case once, whatever the webhook order and duplicates", async () => {
    const s = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] });
    await standInGraphql(standIn, s.shop)(
      `#graphql
      mutation DeclineInAdmin($id: ID!) { returnDeclineRequest(input: { id: $id, declineReason: OTHER, notifyCustomer: false }) { userErrors { message } } }`,
      { variables: { id: opened.shopifyReturnId } },
    );
    const report = await deliverWebhooks(s.shop);
    expect(report.failed).toEqual([]);
    const { getCaseDetail } = await import("~/models/return-case.server");
    const after = await getCaseDetail(await db(), s.shop, opened.id);
    expect(after.status).toBe("DECLINED");
    expect(after.audit.filter((a) => a.action === "decline").map((a) => a.actor)).toEqual(["Shopify admin"]);
  });

  it("Clause's own approval produces webhooks that change nothing more", async () => {
    const s = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] });
    const { approveCase } = await import("~/services/case-review.server");
    const approved = await approveCase(await db(), s.api, { shop: s.shop, caseId: opened.id, actor: "agent", expectedVersion: 0, notifyCustomer: false });
    await deliverWebhooks(s.shop);
    const { getCaseDetail } = await import("~/models/return-case.server");
    const after = await getCaseDetail(await db(), s.shop, opened.id);
    expect(after.version).toBe(approved.version);
    expect(after.audit.map((a) => a.action)).toEqual(["create", "approve"]);
  });

  it("a refund whose answer was lost after Shopify processed it is recovered, not sent again", async () => {
    const { s, ref, inspected } = await inspectedCase();
    standIn.faults.next({ kind: "5xx", afterCommit: true, operationName: "ReturnProcess" }, { kind: "5xx", afterCommit: false, operationName: "ReturnProcess" });
    const { refundCase } = await import("~/services/case-refund.server");
    const refunded = await refundCase(await db(), s.api, { ...ref, expectedVersion: inspected.version, notifyCustomer: false });
    expect(refunded.status).toBe("REFUNDED");
    const ret = await s.shopifyReturn(inspected.shopifyReturnId!);
    expect(ret.refunds.nodes).toHaveLength(1);
    // Shopify writes Decimals its own way ("160.0"): compare amounts, not strings.
    expect(parseAmount(ret.refunds.nodes[0]!.totalRefundedSet.shopMoney.amount, "USD")).toBe(parseAmount(JSON.parse(inspected.finalDecisionJson!).refundTotal, "USD"));
    expect(JSON.parse(refunded.shopifyRefundIds!)).toEqual([ret.refunds.nodes[0]!.id]);
  });

  it("a claim a crash left behind: confirmed from Shopify when the refund landed, released when it did not", async () => {
    const { settleRefund, refundCase, RefundInFlightError, STALE_CLAIM_MS } = await import("~/services/case-refund.server");
    const { applyCaseChange } = await import("~/models/return-case.server");
    // Crash before Shopify was called: the claim is there, Shopify has nothing.
    const first = await inspectedCase();
    const claimedAt = new Date();
    const claimed = await applyCaseChange(await db(), { ...first.ref, expectedVersion: first.inspected.version, action: "refundStarted", changes: { refundClaimKey: "crashed-claim", refundClaimedAt: claimedAt } });
    await expect(refundCase(await db(), first.s.api, { ...first.ref, expectedVersion: claimed.version, notifyCustomer: false })).rejects.toBeInstanceOf(RefundInFlightError);
    const young = await settleRefund(await db(), first.s.api, { shop: first.s.shop, caseId: claimed.id, actor: "system", now: new Date(claimedAt.getTime() + 1000) });
    expect(young.refundClaimKey).toBe("crashed-claim"); // the caller may still be waiting on Shopify
    const released = await settleRefund(await db(), first.s.api, { shop: first.s.shop, caseId: claimed.id, actor: "system", now: new Date(claimedAt.getTime() + STALE_CLAIM_MS + 1) });
    expect(released).toMatchObject({ status: "INSPECTED", refundClaimKey: null });
    const refunded = await refundCase(await db(), first.s.api, { ...first.ref, expectedVersion: released.version, notifyCustomer: false });
    expect(refunded.status).toBe("REFUNDED");
    expect((await first.s.shopifyReturn(claimed.shopifyReturnId!)).refunds.nodes).toHaveLength(1);

    // Crash after Shopify processed the refund but before the case was updated.
    const second = await inspectedCase();
    const { processReturn } = await import("~/services/return-process.server");
    const { getReturn } = await import("~/services/return-state.server");
    const claimed2 = await applyCaseChange(await db(), { ...second.ref, expectedVersion: second.inspected.version, action: "refundStarted", changes: { refundClaimKey: "crashed-after-shopify", refundClaimedAt: new Date() } });
    const state = (await getReturn(second.s.api, claimed2.shopifyReturnId!))!;
    await processReturn(second.s.api, {
      returnId: state.id,
      lines: state.lines.map((l) => ({ returnLineItemId: l.id, quantity: l.unprocessedQuantity })),
      refund: null,
      refundShipping: null,
      notifyCustomer: false,
    });
    const settled = await settleRefund(await db(), second.s.api, { shop: second.s.shop, caseId: claimed2.id, actor: "system" });
    expect(settled.status).toBe("REFUNDED");
    expect(standIn.ledger.forShop(second.s.shop).filter((c) => c.operationName === "ReturnProcess")).toHaveLength(1);
  });

  it("a message sent while Shopify refunds does not lose the refund; the grading cannot change under it", async () => {
    const { s, ref, inspected } = await inspectedCase();
    const { messageCustomer, inspectCase } = await import("~/services/case-handling.server");
    const { refundCase } = await import("~/services/case-refund.server");
    const { createAdminClient } = await import("~/services/admin-client");
    const raw = standInGraphql(standIn, s.shop);
    let duringRefund: Promise<unknown> | null = null;
    const api = createAdminClient(
      async (query, options) => {
        if (query.includes("mutation ReturnProcess")) {
          // Another agent acts on the case while Shopify is refunding it.
          await messageCustomer(await db(), { shop: s.shop, caseId: ref.caseId, actor: "colleague", body: "Your refund is on its way." });
          duringRefund = inspectCase(await db(), { ...ref, expectedVersion: inspected.version + 2, form: { lines: [{ lineItemId: s.lineId(0), condition: "UNOPENED", disposition: "RESTOCK" }] } }).catch((e: unknown) => e);
          await duringRefund;
        }
        return raw(query, options);
      },
      { sleep: async () => {} },
    );
    const refunded = await refundCase(await db(), api, { ...ref, expectedVersion: inspected.version, notifyCustomer: false });
    expect(refunded.status).toBe("REFUNDED");
    expect(refunded.refundAmount).toBe(JSON.parse(inspected.finalDecisionJson!).refundTotal);
    expect(String(await duringRefund)).toMatch(/refund for this case is on its way/);
    expect((await s.shopifyReturn(inspected.shopifyReturnId!)).refunds.nodes).toHaveLength(1);
  });
});
