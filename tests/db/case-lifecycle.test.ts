// Whole return cases driven through the case page's own action (/app/returns/:id) — approve →
// [label] → receive → inspect → refund → close — with Shopify = the stand-in: what Shopify ends
// up holding (return status, reverse delivery, refunds and their amounts), what the case and its
// audit trail say, and how many Admin API calls each step costs.
import { expect, it } from "vitest";
import { inspectedDecision, type InspectionForm } from "~/domain/cases";
import { parseAmount } from "~/domain/money/money";
import { policyClauses, presets, serviceDueAt, type Decision } from "~/domain/policy";
import type { CaseActionResult } from "~/lib/case-action-schema";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { demoDefectPhoto } from "../standin/demo-cases";
import { useTempEvidenceDir } from "../helpers/temp-evidence-dir";

useTempEvidenceDir("case-lifecycle");

const route = () => import("~/routes/app.returns.$id");

type Scene = Awaited<ReturnType<typeof caseScene>>;

async function load(s: Scene, caseId: string) {
  const { loader } = await route();
  return loader({ request: await adminDocumentRequest(s.store, `/app/returns/${caseId}`), params: { id: caseId }, context: {} });
}

async function act(s: Scene, caseId: string, fields: Record<string, string>) {
  const { action } = await route();
  const request = await adminFetchRequest(s.store, `/app/returns/${caseId}`, { method: "POST", body: new URLSearchParams(fields) });
  const res = await action({ request, params: { id: caseId }, context: {} });
  return { status: res.status, body: (await res.json()) as CaseActionResult };
}

/** Runs one page action at the case's current version; returns its answer and the Admin API operations it sent. */
async function step(s: Scene, caseId: string, fields: Record<string, string>) {
  const { version } = (await load(s, caseId)).case;
  const before = standIn.ledger.forShop(s.shop).length;
  const res = await act(s, caseId, { expectedVersion: String(version), ...fields });
  const operations = standIn.ledger
    .forShop(s.shop)
    .slice(before)
    .map((e) => e.operationName);
  return { ...res, operations };
}

async function expectOk(s: Scene, caseId: string, fields: Record<string, string>, message?: string | RegExp) {
  const res = await step(s, caseId, fields);
  if (!res.body.ok) throw new Error(`${fields.intent} failed: ${res.status} ${res.body.error}`);
  expect(res.status).toBe(200);
  if (message) expect(res.body.message).toMatch(message);
  return res;
}

const caseRow = async (shop: string, id: string) => (await db()).returnCase.findFirstOrThrow({ where: { shop, id }, include: { lines: true, notes: true, audit: { orderBy: { at: "asc" } } } });

const minor = (amount: string) => parseAmount(amount, "USD");

const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };

/** A Purtly purifier returned opened, walked to INSPECTED through the page's actions. */
async function inspectedPurtlyCase() {
  const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
  const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
  await expectOk(s, opened.id, { intent: "approve", notifyCustomer: "false" });
  await expectOk(s, opened.id, { intent: "markReceived" });
  const form: InspectionForm = { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK" }] };
  await expectOk(s, opened.id, { intent: "inspect", inspection: JSON.stringify(form) });
  return { s, opened, form };
}

describeDb(`case lifecycle through the page (${dbProvider})`, () => {
  it("Purtly, opened box: approve → receive → inspect → refund 85 % less original shipping → close", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
    const ops: Record<string, Array<string | null>> = {};

    const approved = await expectOk(s, opened.id, { intent: "approve", notifyCustomer: "true" }, /^Return approved — RMA-1001$/);
    ops.approve = approved.operations;
    expect((await s.shopifyReturn(opened.shopifyReturnId!)).status).toBe("OPEN");
    ops.receive = (await expectOk(s, opened.id, { intent: "markReceived" }, /^Marked received — RMA-1001$/)).operations;

    // The inspection the agent saves, and the refund the page showed live for it.
    const form: InspectionForm = { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK" }] };
    const page = await load(s, opened.id);
    const live = inspectedDecision(page.inspection.decidedOn, form);
    const inspected = await expectOk(s, opened.id, { intent: "inspect", inspection: JSON.stringify(form) });
    ops.inspect = inspected.operations;

    // The figure from the numbers: 85 % of 199.99, rounded half up once on the line (169.9915 → 169.99), less 9.99 shipping.
    const line = (19_999n * 8_500n + 5_000n) / 10_000n;
    expect(line).toBe(16_999n);
    const expected = line - 999n;
    expect(expected).toBe(16_000n);
    // … and the engine's, three ways: the live preview, the stored final decision, the page's breakdown.
    const row = await caseRow(s.shop, opened.id);
    const stored = JSON.parse(row.finalDecisionJson!) as Decision;
    expect(minor(live.refundTotal)).toBe(expected);
    expect(stored).toEqual(live);
    expect(minor(stored.lines[0]!.refundAmount!)).toBe(line);
    expect(stored.lines[0]).toMatchObject({ refundPercent: 85, clause: "condition.opened", restockingFee: "30.00" });
    expect(stored.deductions).toEqual([expect.objectContaining({ kind: "ORIGINAL_SHIPPING", amount: "9.99", clause: "shipping.original" })]);
    expect(inspected.body).toMatchObject({ ok: true, message: "Inspection saved — refund $160.00" });
    const breakdown = (await load(s, opened.id)).refund!;
    expect(breakdown).toMatchObject({ itemsSubtotal: "169.99", total: "160.00", lines: [expect.objectContaining({ refund: "169.99", restockingFee: "30.00", percent: 85 })] });
    expect(row.lines[0]).toMatchObject({ gradedCondition: "OPENED", disposition: "RESTOCK", refundBasisPoints: 8500 });

    const refunded = await expectOk(s, opened.id, { intent: "refund", notifyCustomer: "true" }, /^Refunded \$160\.00 — RMA-1001$/);
    ops.refund = refunded.operations;
    const ret = await s.shopifyReturn(opened.shopifyReturnId!);
    expect(ret.refunds.nodes).toHaveLength(1);
    expect(minor(ret.refunds.nodes[0]!.totalRefundedSet.shopMoney.amount)).toBe(expected);
    // Restocked, as graded: the refund's line went back to stock.
    const refundRecord = standIn.store(s.shop).refunds.get(ret.refunds.nodes[0]!.id)!;
    expect(refundRecord.lineItems).toEqual([expect.objectContaining({ lineItemId: s.lineId(0), quantity: 1, restockType: "RETURN" })]);
    expect(await caseRow(s.shop, opened.id)).toMatchObject({ status: "REFUNDED", refundAmount: "160.00", shopifyRefundIds: JSON.stringify([ret.refunds.nodes[0]!.id]) });
    const refundedPage = await load(s, opened.id);
    expect(refundedPage.case.refundPending).toBe(false);
    expect(refundedPage.actions).toMatchObject({ refund: false, inspect: false, close: true });

    ops.close = (await expectOk(s, opened.id, { intent: "close" }, /^Case closed — RMA-1001$/)).operations;
    expect((await s.shopifyReturn(opened.shopifyReturnId!)).status).toBe("CLOSED");

    const final = await caseRow(s.shop, opened.id);
    expect(final).toMatchObject({ status: "CLOSED", rmaNumber: "RMA-1001", slaDueAt: null });
    expect(final.audit.map((a) => [a.action, a.actor])).toEqual([
      ["create", "customer"],
      ["approve", "staff:12345"],
      ["markReceived", "staff:12345"],
      ["inspect", "staff:12345"],
      ["refundStarted", "staff:12345"],
      ["refund", "staff:12345"],
      ["close", "staff:12345"],
    ]);
    const timeline = (await load(s, opened.id)).timeline;
    expect(timeline.map((t) => t.label)).toEqual(["Return requested", "Approved", "Marked received", "Inspected", "Refund sent to Shopify", "Refunded", "Closed"]);
    expect(timeline.find((t) => t.action === "refund")!.changes).toEqual(expect.arrayContaining(["Status: Inspected → Refunded", "Refunded amount: — → 160.00"]));

    // Admin API calls per step (the page's own reads cost none).
    expect(ops).toEqual({
      approve: ["ReturnApproveRequest"],
      receive: [],
      inspect: [],
      refund: expect.arrayContaining(["ReturnProcess"]),
      close: ["ReturnState", "ReturnClose"],
    });
    expect(ops.refund!.filter((o) => o === "ReturnProcess")).toHaveLength(1);
    console.info(`[${dbProvider}] Admin API calls per step (Purtly): ${JSON.stringify(ops)}`);
  });

  it("Soulmate, hygiene item: excluded by exclusion.hygiene, declined citing it, Shopify return DECLINED, case closed", async () => {
    const s = await caseScene({
      preset: "soulmate-spark-studio",
      lines: [
        { product: { title: "Lavender Bath Bomb Set", productType: "Bath", vendor: "Soulmate", tags: ["hygiene", "bath"], price: "24.00" } },
        { product: { title: "Rose Quartz Bracelet", productType: "Bracelet", vendor: "Soulmate", tags: ["jewelry"], price: "38.00" } },
      ],
    });
    const opened = await s.open({
      type: "RETURN",
      lines: [
        { lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" },
        { lineItemId: s.lineId(1), quantity: 1, condition: "UNOPENED" },
      ],
    });
    const page = await load(s, opened.id);
    const hygieneTitle = policyClauses(presets["soulmate-spark-studio"]).find((c) => c.id === "exclusion.hygiene")!.title;
    expect(page.lines.map((l) => [l.title, l.code, l.clause.id])).toEqual([
      ["Lavender Bath Bomb Set", "EXCLUDED", "exclusion.hygiene"],
      ["Rose Quartz Bracelet", "OK", "condition.unopened"],
    ]);
    expect(page.lines[0]!.clause.title).toBe(hygieneTitle);
    expect(page.declineSuggestion).toMatchObject({ reason: "OTHER", clause: { id: "exclusion.hygiene", title: hygieneTitle }, lineTitle: "Lavender Bath Bomb Set" });
    expect(page.declineSuggestion!.explanation).toMatch(/hygiene/i);

    const suggestion = page.declineSuggestion!;
    const declined = await expectOk(
      s,
      opened.id,
      { intent: "decline", reason: suggestion.reason, clauseId: suggestion.clause.id, explanation: suggestion.explanation, notifyCustomer: "true" },
      `Return declined — ${opened.rmaNumber}`
    );
    expect(declined.operations).toEqual(["ReturnDeclineRequest"]);
    const shopifySide = standIn.store(s.shop).returns.get(opened.shopifyReturnId!)!;
    expect(shopifySide.status).toBe("DECLINED");
    expect(shopifySide.decline).toEqual({ reason: "OTHER", note: `${suggestion.explanation} (Policy: ${hygieneTitle}, clause exclusion.hygiene)` });
    expect((await caseRow(s.shop, opened.id)).status).toBe("DECLINED");
    const afterDecline = await load(s, opened.id);
    expect(afterDecline.actions).toMatchObject({ approve: false, decline: false, close: true, refund: false });

    const closed = await expectOk(s, opened.id, { intent: "close" }, `Case closed — ${opened.rmaNumber}`);
    expect(closed.operations).toEqual([]); // a declined return is already final in Shopify
    const final = await caseRow(s.shop, opened.id);
    expect(final.status).toBe("CLOSED");
    expect(final.audit.map((a) => a.action)).toEqual(["create", "decline", "close"]);
    expect((await load(s, opened.id)).actions).toMatchObject({ escalate: false, note: false, message: false, close: false, setUrgent: false });
  });

  it("Kendra Scott defect with a photo: approve with a label → reverse delivery; confirmed defect → full refund, no label deduction", async () => {
    const s = await caseScene({
      preset: "kendra-scott-mall",
      shipping: "5.00",
      lines: [{ product: { title: "Elisa Pendant Necklace", productType: "Necklace", vendor: "Kendra Scott", tags: ["necklace"], price: "65.00" } }],
    });
    const { saveEvidence } = await import("~/models/evidence-store.server");
    const stored = await saveEvidence(s.shop, demoDefectPhoto());
    const opened = await s.open(
      { type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", reason: "Stone fell out" }] },
      { evidence: [{ lineItemId: s.lineId(0), kind: "photo", contentType: stored.contentType, byteSize: stored.byteSize, storageKey: stored.storageKey }] }
    );
    expect((await load(s, opened.id)).evidence).toEqual([expect.objectContaining({ kind: "photo", contentType: "image/png" })]);

    const label = { fileUrl: "https://labels.example.com/rma/label.pdf", trackingNumber: "1Z999AA10123456784", trackingUrl: "https://track.example.com/1Z999AA10123456784" };
    const approved = await expectOk(s, opened.id, { intent: "approve", notifyCustomer: "true", ...label }, /^Return approved — RMA-1001 · label attached$/);
    expect(approved.body).toMatchObject({ warning: null });
    expect(approved.operations).toEqual(["ReturnApproveRequest", "ReverseFulfillmentOrderState", "ReverseDeliveryCreateWithShipping"]);
    const rfos = standIn
      .store(s.shop)
      .returns.get(opened.shopifyReturnId!)!
      .reverseFulfillmentOrderIds.map((id) => standIn.store(s.shop).reverseFulfillmentOrders.get(id)!);
    const deliveries = rfos.flatMap((r) => r.deliveries);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ label: { fileUrl: label.fileUrl }, tracking: { number: label.trackingNumber, url: label.trackingUrl } });
    expect(await caseRow(s.shop, opened.id)).toMatchObject({
      status: "APPROVED",
      labelUrl: label.fileUrl,
      trackingNumber: label.trackingNumber,
      trackingUrl: label.trackingUrl,
      reverseDeliveryId: deliveries[0]!.id,
    });

    await expectOk(s, opened.id, { intent: "markInTransit" }, /^Marked in transit/);
    await expectOk(s, opened.id, { intent: "markReceived" });
    const form: InspectionForm = { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", defectConfirmed: true, disposition: "NO_RESTOCK" }] };
    await expectOk(s, opened.id, { intent: "inspect", inspection: JSON.stringify(form) }, "Inspection saved — refund $65.00");
    const decision = JSON.parse((await caseRow(s.shop, opened.id)).finalDecisionJson!) as Decision;
    expect(decision).toMatchObject({ refundTotal: "65.00", subtotal: "65.00", deductions: [], returnShippingPaidBy: "MERCHANT" });
    expect(decision.lines[0]).toMatchObject({ refundPercent: 100, clause: "claim.defective" });

    const refunded = await expectOk(s, opened.id, { intent: "refund", notifyCustomer: "false" }, /^Refunded \$65\.00 — RMA-1001$/);
    expect(refunded.operations.filter((o) => o === "ReturnProcess")).toHaveLength(1);
    const ret = await s.shopifyReturn(opened.shopifyReturnId!);
    expect(ret.refunds.nodes.map((r) => minor(r.totalRefundedSet.shopMoney.amount))).toEqual([minor("65.00")]);
    await expectOk(s, opened.id, { intent: "close" });
    const final = await caseRow(s.shop, opened.id);
    expect(final.audit.map((a) => a.action)).toEqual(["create", "approve", "label", "markInTransit", "markReceived", "inspect", "refundStarted", "refund", "close"]);
  });

  it("escalation: a timer due by the policy's business days while open, met once decided, both audited", async () => {
    const s = await caseScene({ preset: "pura", lines: [{ product: { title: "Pura 4 Diffuser", productType: "Diffuser", vendor: "Pura", tags: ["device"], price: "49.99" } }] });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] });
    expect((await load(s, opened.id)).sla.map((t) => t.kind)).not.toContain("escalationDecision");

    const escalated = await expectOk(s, opened.id, { intent: "escalate", reason: "Shopper says the diffuser was a gift; wants store credit" }, "Case escalated");
    expect(escalated.operations).toEqual([]);
    const row = await caseRow(s.shop, opened.id);
    expect(row).toMatchObject({ escalated: true, escalationDecidedAt: null, escalationReason: "Shopper says the diffuser was a gift; wants store credit" });
    const page = await load(s, opened.id);
    const timer = page.sla.find((t) => t.kind === "escalationDecision")!;
    // Pura: "escalated cases are decided within 3 business days".
    expect(presets.pura.service.escalationDecision).toMatchObject({ max: 3, unit: "BUSINESS_DAYS" });
    expect(timer).toMatchObject({ label: "Escalation decision", state: "open", metAt: null, dueAt: serviceDueAt(presets.pura, "escalationDecision", row.escalatedAt!)!.toISOString() });
    expect(new Date(timer.dueAt).getTime()).toBeGreaterThanOrEqual(row.escalatedAt!.getTime() + 3 * 86_400_000);
    expect(timer.text).toMatch(/^due in \d+ business (day|hour)s?$/);
    expect(page.case.escalationOpen).toBe(true);
    expect(page.actions).toMatchObject({ escalate: false, resolveEscalation: true });

    // A second escalation while one is open is refused.
    const twice = await step(s, opened.id, { intent: "escalate", reason: "again" });
    expect(twice.status).toBe(422);

    await expectOk(s, opened.id, { intent: "resolveEscalation", note: "Store credit offered; the shopper accepted" }, "Escalation decided");
    const resolved = await load(s, opened.id);
    expect(resolved.sla.find((t) => t.kind === "escalationDecision")).toMatchObject({ state: "met", text: "met", metAt: expect.any(String) });
    expect(resolved.case.escalationOpen).toBe(false);
    expect(resolved.actions).toMatchObject({ escalate: true, resolveEscalation: false });
    expect(resolved.notes).toEqual([expect.objectContaining({ visibility: "INTERNAL", body: "Escalation decided: Store credit offered; the shopper accepted" })]);
    const audit = (await caseRow(s.shop, opened.id)).audit;
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["create", "customer"],
      ["escalate", "staff:12345"],
      ["resolveEscalation", "staff:12345"],
    ]);
    expect(resolved.timeline.map((t) => t.label)).toEqual(["Return requested", "Escalated", "Escalation decided"]);
    expect(resolved.timeline[1]!.changes).toEqual(expect.arrayContaining(["Escalated: no → yes", "Escalation reason: — → Shopper says the diffuser was a gift; wants store credit"]));
  });

  it("50 refund clicks at once: one refund in Shopify, 49 readable 409s, case REFUNDED", async () => {
    const { s, opened } = await inspectedPurtlyCase();
    const { version } = (await load(s, opened.id)).case;
    const before = standIn.ledger.forShop(s.shop).length;
    const answers = await Promise.all(Array.from({ length: 50 }, () => act(s, opened.id, { intent: "refund", expectedVersion: String(version), notifyCustomer: "false" })));

    const won = answers.filter((a) => a.body.ok);
    expect(won).toHaveLength(1);
    expect(won[0]!.body).toMatchObject({ message: "Refunded $160.00 — RMA-1001" });
    const lost = answers.filter((a) => !a.body.ok);
    expect(lost).toHaveLength(49);
    for (const a of lost) {
      expect(a.status).toBe(409);
      expect(a.body).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/^This case was changed by someone else/) });
    }
    const sent = standIn.ledger
      .forShop(s.shop)
      .slice(before)
      .map((e) => e.operationName);
    expect(sent.filter((o) => o === "ReturnProcess")).toHaveLength(1);
    const ret = await s.shopifyReturn(opened.shopifyReturnId!);
    expect(ret.refunds.nodes).toHaveLength(1);
    expect(minor(ret.refunds.nodes[0]!.totalRefundedSet.shopMoney.amount)).toBe(minor("160.00"));
    const row = await caseRow(s.shop, opened.id);
    expect(row).toMatchObject({ status: "REFUNDED", refundAmount: "160.00" });
    expect(row.audit.filter((a) => a.action === "refundStarted")).toHaveLength(1);
    expect(row.audit.filter((a) => a.action === "refund")).toHaveLength(1);
    console.info(`[${dbProvider}] 50 concurrent refunds: ${sent.length} Admin API calls in all (${JSON.stringify(sent)})`);
  });

  it("a refund Shopify refuses leaves the case INSPECTED with no claim, and the agent sees why", async () => {
    const { s, opened } = await inspectedPurtlyCase();
    // Staff closed the return in Shopify admin meanwhile: Shopify will not process it.
    const { closeReturn } = await import("~/services/return-process.server");
    await closeReturn(s.api, { returnId: opened.shopifyReturnId! });
    const before = await caseRow(s.shop, opened.id);

    const refused = await step(s, opened.id, { intent: "refund", notifyCustomer: "false" });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, code: "SHOPIFY_REFUSED", error: expect.stringMatching(/^Shopify refused this: .*OPEN/) });
    expect(refused.operations.filter((o) => o === "ReturnProcess")).toHaveLength(1);
    expect((await s.shopifyReturn(opened.shopifyReturnId!)).refunds.nodes).toEqual([]);

    const after = await caseRow(s.shop, opened.id);
    expect(after).toMatchObject({ status: "INSPECTED", refundClaimKey: null, refundClaimedAt: null, refundedAt: null });
    expect(after.audit.slice(before.audit.length).map((a) => a.action)).toEqual(["refundStarted", "refundReleased"]);
    const page = await load(s, opened.id);
    expect(page.case.refundPending).toBe(false);
    expect(page.actions.refund).toBe(true);
    const released = page.timeline.at(-1)!;
    expect(released).toMatchObject({ action: "refundReleased", detail: expect.stringMatching(/OPEN/) });
  });

  it("two agents, approve and decline at once: one wins, the other gets a 409, Shopify and the case agree", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
      const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "UNOPENED" }] });
      const [approve, decline] = await Promise.all([
        act(s, opened.id, { intent: "approve", expectedVersion: "0", notifyCustomer: "false" }),
        act(s, opened.id, { intent: "decline", expectedVersion: "0", reason: "OTHER", clauseId: "window.return", explanation: "Outside the window.", notifyCustomer: "false" }),
      ]);
      const answers = [approve, decline];
      expect(answers.filter((a) => a.body.ok)).toHaveLength(1);
      const loser = answers.find((a) => !a.body.ok)!;
      expect(loser.status).toBe(409);
      expect(loser.body).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/someone else/) });
      const row = await caseRow(s.shop, opened.id);
      const shopifyStatus = (await s.shopifyReturn(opened.shopifyReturnId!)).status;
      expect({ APPROVED: "OPEN", DECLINED: "DECLINED" }[row.status as "APPROVED" | "DECLINED"]).toBe(shopifyStatus);
      expect(row.status).toBe(approve.body.ok ? "APPROVED" : "DECLINED");
      expect(row.version).toBe(1);
    }
  });
});
