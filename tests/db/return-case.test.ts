import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { formatRma, presets } from "~/domain/policy";
import { describeDb, dbProvider } from "../setup/describe-db";

const models = () => import("~/models/return-case.server");
const db = async () => (await import("~/db.server")).default;

function newCase(overrides: Record<string, unknown> = {}) {
  return {
    orderId: "gid://shopify/Order/1",
    orderName: "#1001",
    customerEmail: "ana@example.com",
    claimType: "RETURN",
    policyId: "purtly",
    policyVersion: 1,
    policyJson: JSON.stringify(presets.purtly),
    decisionJson: "{}",
    orderJson: "{}",
    requestJson: "{}",
    currency: "USD",
    refundEstimate: "0.00",
    lines: [{ lineItemId: "gid://shopify/LineItem/11", title: "Purifier", quantity: 1, declaredCondition: "OPENED", refundBasisPoints: 8500, code: "OK", clause: "condition.opened", explanation: "Opened items are refunded at 85%." }],
    ...overrides,
  };
}

describeDb(`return cases (${dbProvider})`, () => {
  it("creates a case with its lines and an audit entry; a repeated request key returns the same case", async () => {
    const { createCase, caseAudit } = await models();
    const shop = `cases-${randomUUID()}.myshopify.com`;
    const requestKey = randomUUID();
    const first = await createCase(await db(), shop, newCase({ requestKey }), "customer");
    const again = await createCase(await db(), shop, newCase({ requestKey }), "customer");
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: "REQUESTED", version: 0, lines: [expect.objectContaining({ refundBasisPoints: 8500 })] });
    expect((await caseAudit(await db(), shop, first.id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("moves through the lifecycle with RMA numbers per shop, recording before → after", async () => {
    const { createCase, applyCaseTransition, nextRmaSequence, caseAudit } = await models();
    const shop = `rma-${randomUUID()}.myshopify.com`;
    const rmaFormat = presets.purtly.rma;
    const approve = async (id: string) =>
      applyCaseTransition(await db(), {
        shop,
        caseId: id,
        expectedVersion: 0,
        action: "approve",
        actor: "agent@shop",
        changes: async (tx) => ({ rmaNumber: formatRma(rmaFormat, await nextRmaSequence(tx, shop)), approvedAt: new Date() }),
      });
    const a = await approve((await createCase(await db(), shop, newCase(), "customer")).id);
    const b = await approve((await createCase(await db(), shop, newCase(), "customer")).id);
    expect([a.rmaNumber, b.rmaNumber]).toEqual([formatRma(rmaFormat, 1001), formatRma(rmaFormat, 1002)]);
    expect(a).toMatchObject({ status: "APPROVED", version: 1 });
    const audit = await caseAudit(await db(), shop, a.id);
    expect(audit.map((e) => e.action)).toEqual(["create", "approve"]);
    expect(JSON.parse(audit[1]!.beforeJson!)).toMatchObject({ status: "REQUESTED", rmaNumber: null });
    expect(JSON.parse(audit[1]!.afterJson!)).toMatchObject({ status: "APPROVED", rmaNumber: a.rmaNumber });
  });

  it("of two agents acting on one version, one wins and the other gets a conflict", async () => {
    const { createCase, applyCaseTransition, CaseConflictError, getCase } = await models();
    const shop = `race-${randomUUID()}.myshopify.com`;
    const created = await createCase(await db(), shop, newCase(), "customer");
    const act = async (action: "approve" | "decline") => applyCaseTransition(await db(), { shop, caseId: created.id, expectedVersion: 0, action, actor: action });
    const outcomes = await Promise.allSettled([act("approve"), act("decline")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(CaseConflictError);
    expect(rejected.reason.message).toMatch(/changed by someone else/);
    expect((await getCase(await db(), shop, created.id)).version).toBe(1);
  });

  it("refuses an action the status does not allow and changes nothing", async () => {
    const { createCase, applyCaseTransition, caseAudit, getCase } = await models();
    const shop = `invalid-${randomUUID()}.myshopify.com`;
    const created = await createCase(await db(), shop, newCase(), "customer");
    await expect(applyCaseTransition(await db(), { shop, caseId: created.id, expectedVersion: 0, action: "refund", actor: "agent" })).rejects.toThrow(/does not allow "refund"/);
    expect(await getCase(await db(), shop, created.id)).toMatchObject({ status: "REQUESTED", version: 0 });
    expect(await caseAudit(await db(), shop, created.id)).toHaveLength(1);
  });

  it("is invisible to another shop", async () => {
    const { createCase, applyCaseTransition, getCase, CaseNotFoundError } = await models();
    const shop = `owner-${randomUUID()}.myshopify.com`;
    const created = await createCase(await db(), shop, newCase(), "customer");
    await expect(getCase(await db(), "other.myshopify.com", created.id)).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(applyCaseTransition(await db(), { shop: "other.myshopify.com", caseId: created.id, expectedVersion: 0, action: "approve", actor: "x" })).rejects.toBeInstanceOf(CaseNotFoundError);
    expect((await getCase(await db(), shop, created.id)).status).toBe("REQUESTED");
  });

  it("shop/redact erases the shop's cases with their lines and audit", async () => {
    const { createCase } = await models();
    const { eraseShop } = await import("~/models/shop.server");
    const shop = `erase-${randomUUID()}.myshopify.com`;
    const created = await createCase(await db(), shop, newCase(), "customer");
    await (await db()).$transaction((tx) => eraseShop(tx, shop, "none"));
    const d = await db();
    expect(await d.returnCase.count({ where: { shop } })).toBe(0);
    expect(await d.returnCaseLine.count({ where: { caseId: created.id } })).toBe(0);
    expect(await d.caseAuditEntry.count({ where: { shop } })).toBe(0);
  });
});
