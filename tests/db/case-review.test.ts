// Approve and decline through Shopify's Returns API (the stand-in) and the case store together.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createAdminClient } from "~/services/admin-client";
import { requestReturn } from "~/services/return-request.server";
import { formatRma, presets } from "~/domain/policy";
import { describeDb, dbProvider } from "../setup/describe-db";
import { standIn } from "../helpers/shopify-test-app";
import { standInGraphql } from "../standin/graphql-client";
import { addOrder, addProduct } from "../standin/seed";

const db = async () => (await import("~/db.server")).default;

async function scene() {
  const shop = `review-${randomUUID().slice(0, 8)}.myshopify.com`;
  standIn.addShop(shop);
  const store = standIn.store(shop);
  const product = addProduct(store, { title: "Purifier", productType: "Air purifier", vendor: "Purtly", price: "100.00" });
  const now = Date.now();
  const order = addOrder(store, { createdAt: now - 5 * 86_400_000, lines: [{ product, quantity: 1 }], shipping: "7.99", fulfillments: [{ createdAt: now - 4 * 86_400_000, deliveredAt: now - 86_400_000 }] });
  const api = createAdminClient(standInGraphql(standIn, shop), { sleep: async () => {} });
  const shopifyReturn = await requestReturn(api, { orderId: order.id, lines: [{ fulfillmentLineItemId: order.fulfillments[0]!.lineItems[0]!.id, quantity: 1 }] }, { existingReturnIds: [] });
  const { createCase } = await import("~/models/return-case.server");
  const created = await createCase(await db(), shop, {
    orderId: order.id, orderName: order.name, claimType: "RETURN", policyId: "purtly", policyVersion: 1,
    policyJson: JSON.stringify(presets.purtly), decisionJson: "{}", orderJson: "{}", requestJson: "{}", currency: "USD", refundEstimate: "0.00", shopifyReturnId: shopifyReturn.id,
    lines: [{ lineItemId: order.lineItems[0]!.id, title: "Purifier", quantity: 1, declaredCondition: "OPENED", refundBasisPoints: 8500, code: "OK", clause: "condition.opened", explanation: "Opened items are refunded at 85%." }],
  }, "customer");
  const status = async () => (await standInGraphql(standIn, shop)(`#graphql
    query ReturnStatusForTest($id: ID!) { return(id: $id) { status } }`, { variables: { id: shopifyReturn.id } }).then((r) => r.json())).data.return.status;
  return { shop, api, created, status };
}

describeDb(`case review (${dbProvider})`, () => {
  it("approve: Shopify's return opens, the case gets its RMA and the first reply is recorded", async () => {
    const { approveCase } = await import("~/services/case-review.server");
    const { shop, api, created, status } = await scene();
    const approved = await approveCase(await db(), api, { shop, caseId: created.id, expectedVersion: 0, actor: "agent@shop", notifyCustomer: true });
    expect(await status()).toBe("OPEN");
    expect(approved).toMatchObject({ status: "APPROVED", version: 1, rmaNumber: formatRma(presets.purtly.rma, 1001) });
    expect(approved.firstRepliedAt).not.toBeNull();
  });

  it("a decline after an approval is refused before Shopify is called, and nothing changes", async () => {
    const { approveCase, declineCase } = await import("~/services/case-review.server");
    const { shop, api, created, status } = await scene();
    await approveCase(await db(), api, { shop, caseId: created.id, expectedVersion: 0, actor: "a", notifyCustomer: false });
    const calls = standIn.ledger.forShop(shop).length;
    await expect(
      declineCase(await db(), api, { shop, caseId: created.id, expectedVersion: 1, actor: "b", reason: "OTHER", explanation: "No.", clauseId: "window.return", notifyCustomer: false }),
    ).rejects.toThrow(/does not allow "decline"/);
    expect(standIn.ledger.forShop(shop).length).toBe(calls);
    expect(await status()).toBe("OPEN");
  });

  it("two agents, approve and decline at once: Shopify and the case agree on the one that won", async () => {
    const { approveCase, declineCase } = await import("~/services/case-review.server");
    const { getCase } = await import("~/models/return-case.server");
    const { shop, api, created, status } = await scene();
    const outcomes = await Promise.allSettled([
      approveCase(await db(), api, { shop, caseId: created.id, expectedVersion: 0, actor: "a", notifyCustomer: false }),
      declineCase(await db(), api, { shop, caseId: created.id, expectedVersion: 0, actor: "b", reason: "OTHER", explanation: "No.", clauseId: "window.return", notifyCustomer: false }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const finalCase = await getCase(await db(), shop, created.id);
    expect({ APPROVED: "OPEN", DECLINED: "DECLINED" }[finalCase.status as "APPROVED" | "DECLINED"]).toBe(await status());
  });

  it("suggests the decline from the engine's first refused line", async () => {
    const { suggestedDecline } = await import("~/services/case-review.server");
    expect(suggestedDecline([{ code: "OK", clause: "condition.opened", explanation: "ok" }, { code: "FINAL_SALE", clause: "exclusion.final-sale", explanation: "Final sale items cannot be returned." }])).toEqual({
      reason: "FINAL_SALE",
      clause: { id: "exclusion.final-sale" },
      explanation: "Final sale items cannot be returned.",
    });
    expect(suggestedDecline([{ code: "OK", clause: "x", explanation: "y" }])).toBeNull();
  });
});
