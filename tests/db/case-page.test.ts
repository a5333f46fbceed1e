// The agent's case page (/app/returns/:id) and its evidence route, called as Remix calls them:
// the real loader and action with signed admin requests, a real database, Shopify = the stand-in.
import { expect, it } from "vitest";
import { inspectedDecision } from "~/domain/cases";
import { policyClauses, presets } from "~/domain/policy";
import type { CaseActionResult } from "~/lib/case-action-schema";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { demoDefectPhoto } from "../standin/demo-cases";
import { useTempEvidenceDir } from "../helpers/temp-evidence-dir";

useTempEvidenceDir("case-page");

const route = () => import("~/routes/app.returns.$id");
const evidenceRoute = () => import("~/routes/app.returns.$id.evidence.$evidenceId");

async function load(store: string, caseId: string) {
  const { loader } = await route();
  return loader({ request: await adminDocumentRequest(store, `/app/returns/${caseId}`), params: { id: caseId }, context: {} });
}

/** The loader's answer when it throws a Response (404): status and body text. */
async function loadFailure(store: string, caseId: string) {
  const thrown = await load(store, caseId).then(
    () => null,
    (e: unknown) => e
  );
  expect(thrown).toBeInstanceOf(Response);
  const res = thrown as Response;
  return { status: res.status, text: await res.text() };
}

async function act(store: string, caseId: string, fields: Record<string, string>) {
  const { action } = await route();
  const request = await adminFetchRequest(store, `/app/returns/${caseId}`, { method: "POST", body: new URLSearchParams(fields) });
  const res = await action({ request, params: { id: caseId }, context: {} });
  return { status: res.status, body: (await res.json()) as CaseActionResult };
}

async function evidence(store: string, caseId: string, evidenceId: string) {
  const { loader } = await evidenceRoute();
  const request = await adminFetchRequest(store, `/app/returns/${caseId}/evidence/${evidenceId}`);
  return loader({ request, params: { id: caseId, evidenceId }, context: {} }).catch((e: unknown) => {
    if (e instanceof Response) return e;
    throw e;
  });
}

const necklace = { title: "Elisa Pendant Necklace", productType: "Necklace", vendor: "Kendra Scott", tags: ["necklace"], price: "65.00" };
const purifier = { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99" };

/** A Kendra Scott defect claim with one photo, still REQUESTED. */
async function defectCase() {
  const s = await caseScene({ preset: "kendra-scott-mall", shipping: "5.00", lines: [{ product: necklace }] });
  const { saveEvidence } = await import("~/models/evidence-store.server");
  const photo = demoDefectPhoto();
  const stored = await saveEvidence(s.shop, photo);
  const opened = await s.open(
    { type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED", reason: "The clasp broke on day two" }] },
    { evidence: [{ lineItemId: s.lineId(0), kind: "photo", contentType: stored.contentType, byteSize: stored.byteSize, storageKey: stored.storageKey }] }
  );
  return { s, opened, photo };
}

const caseRow = async (shop: string, id: string) => (await db()).returnCase.findFirstOrThrow({ where: { shop, id }, include: { audit: true, notes: true, lines: true } });

describeDb(`case page (${dbProvider})`, () => {
  it("loads the case: header, lines with clause titles, evidence, SLA timers, actions, inspection facts, timeline", async () => {
    const { s, opened } = await defectCase();
    const calls = standIn.ledger.forShop(s.shop).length;
    const data = await load(s.store, opened.id);
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls); // the page reads the database only

    const policy = presets["kendra-scott-mall"];
    const titleOf = (id: string) => policyClauses(policy).find((c) => c.id === id)!.title;
    expect(data.case).toMatchObject({
      id: opened.id,
      version: 0,
      // The RMA is issued when the shopper submits (they quote it on the parcel).
      title: `${opened.rmaNumber} · ${opened.orderName}`,
      rmaNumber: expect.stringMatching(/^RMA-\d+$/),
      orderName: opened.orderName,
      customerName: "Ava Garcia",
      customerEmail: `shopper-${s.store}@example.com`,
      claimType: "DEFECTIVE",
      status: "REQUESTED",
      statusLabel: "Requested",
      urgent: false,
      escalationOpen: false,
      policyVersion: 1,
      policyName: "Kendra Scott Mall",
      currency: "USD",
      refundEstimate: "65.00",
      refundPending: false,
    });
    expect(new Date(data.case.createdAt).getTime()).toBe(opened.createdAt.getTime());

    expect(data.lines).toEqual([
      expect.objectContaining({
        lineItemId: s.lineId(0),
        title: "Elisa Pendant Necklace",
        quantity: 1,
        declaredCondition: "OPENED",
        gradedCondition: null,
        code: "OK",
        eligible: true,
        clause: { id: "claim.defective", title: titleOf("claim.defective") },
        refundPercent: 100,
        refundAmount: "65.00",
        reason: "The clasp broke on day two",
      }),
    ]);
    expect(data.lines[0]!.explanation.length).toBeGreaterThan(10);

    expect(data.evidence).toEqual([
      expect.objectContaining({
        kind: "photo",
        contentType: "image/png",
        lineItemId: s.lineId(0),
        lineTitle: "Elisa Pendant Necklace",
        url: `/app/returns/${opened.id}/evidence/${data.evidence[0]!.id}`,
      }),
    ]);

    // Kendra Scott commits to a first reply within 2 business days.
    expect(data.sla.map((t) => t.kind)).toEqual(["firstReply"]);
    expect(data.sla[0]).toMatchObject({ label: "First reply", state: "open", metAt: null });
    expect(data.sla[0]!.text).toMatch(/^due in \d+ business (day|hour)s?$/);
    expect(data.nextDue?.kind).toBe("firstReply");

    expect(data.actions).toEqual({
      approve: true,
      decline: true,
      attachLabel: false,
      markInTransit: false,
      markReceived: false,
      inspect: false,
      refund: false,
      escalate: true,
      resolveEscalation: false,
      setUrgent: true,
      note: true,
      message: true,
      close: false,
    });
    expect(data.declineSuggestion).toBeNull(); // every line is eligible
    expect(data.clauses.find((c) => c.id === "claim.defective")?.title).toBe(titleOf("claim.defective"));

    // The raw facts let the browser decide the inspected refund exactly as the server will.
    expect(data.inspection).toMatchObject({ faultClaim: true, saved: null, inspectedAt: null, partialRefunds: { allowed: false } });
    const live = inspectedDecision(data.inspection.decidedOn, { lines: [{ lineItemId: s.lineId(0), condition: "OPENED", defectConfirmed: true, disposition: "NO_RESTOCK" }] });
    expect(live.refundTotal).toBe("65.00");
    expect(data.estimate?.total).toBe("65.00");
    expect(data.refund).toBeNull();

    expect(data.timeline).toEqual([expect.objectContaining({ action: "create", label: "Return requested", actor: "customer" })]);
    expect(data.case.rmaNumber).toBe("RMA-1001");
    expect(data.timeline[0]!.changes).toEqual(["Status: Requested", "Claim: Defective item"]);
    expect(data.notes).toEqual([]);
    expect(data.notice).toBeNull();

    // After approval: the RMA (issued at the request) still leads the title; the timeline says what changed.
    const approved = await act(s.store, opened.id, { intent: "approve", expectedVersion: "0", notifyCustomer: "false" });
    expect(approved).toEqual({ status: 200, body: { ok: true, intent: "approve", message: "Return approved — RMA-1001", warning: null } });
    const after = await load(s.store, opened.id);
    expect(after.case.title).toBe(`RMA-1001 · ${opened.orderName}`);
    expect(after.case.version).toBe(1);
    const approval = after.timeline.at(-1)!;
    expect(approval).toMatchObject({ action: "approve", label: "Approved", actor: "staff:12345" });
    expect(approval.changes).toEqual(expect.arrayContaining(["Status: Requested → Approved", "Approved recorded"]));
    expect(after.sla[0]).toMatchObject({ kind: "firstReply", state: "met", text: "met" });
    expect(after.actions).toMatchObject({ approve: false, decline: false, attachLabel: true, markInTransit: true, markReceived: true, close: true });
  });

  it("another shop's case, or an unknown id, is a bare 404: no data from it, nothing changed", async () => {
    const { s, opened } = await defectCase();
    const other = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const before = await caseRow(s.shop, opened.id);

    const foreign = await loadFailure(other.store, opened.id);
    expect(foreign.status).toBe(404);
    for (const secret of [opened.orderName, "Ava", "Garcia", s.shop, s.store, "Elisa", "RMA"]) expect(foreign.text).not.toContain(secret);
    expect((await loadFailure(other.store, "no-such-case")).status).toBe(404);

    const calls = [standIn.ledger.forShop(s.shop).length, standIn.ledger.forShop(other.shop).length];
    const attempt = await act(other.store, opened.id, { intent: "approve", expectedVersion: "0", notifyCustomer: "false" });
    expect(attempt.status).toBe(404);
    expect(attempt.body).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(JSON.stringify(attempt.body)).not.toContain(opened.orderName);
    expect((await act(other.store, opened.id, { intent: "note", body: "peeking" })).status).toBe(404);
    expect([standIn.ledger.forShop(s.shop).length, standIn.ledger.forShop(other.shop).length]).toEqual(calls);
    const after = await caseRow(s.shop, opened.id);
    expect(after.version).toBe(before.version);
    expect(after.notes).toEqual([]);
    expect(after.audit).toHaveLength(1);
  });

  it("bad input is a 4xx with a readable message; the case and Shopify are untouched", async () => {
    const { s, opened } = await defectCase();
    const v = "0";
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{}, 400, /Unknown action/],
      [{ intent: "explode", expectedVersion: v }, 400, /Unknown action/],
      [{ intent: "approve", notifyCustomer: "true" }, 400, /version is missing/],
      [{ intent: "approve", expectedVersion: "abc" }, 400, /version/],
      [{ intent: "approve", expectedVersion: "-1" }, 400, /version is not valid/],
      [{ intent: "approve", expectedVersion: v, notifyCustomer: "perhaps" }, 400, /notifyCustomer/],
      [{ intent: "approve", expectedVersion: v, fileUrl: "http://labels.example/label.pdf" }, 400, /label link must be a full https:\/\/ address/],
      [{ intent: "approve", expectedVersion: v, fileUrl: "https://[label]/label.pdf" }, 400, /label link must be a full https:\/\/ address/],
      [{ intent: "attachLabel", expectedVersion: v, trackingNumber: "1Z", trackingUrl: "javascript:alert(1)" }, 400, /tracking link must be a full https:\/\/ address/],
      [{ intent: "decline", expectedVersion: v, reason: "OTHER", clauseId: "claim.defective", explanation: "   " }, 400, /Say why the return is declined/],
      [{ intent: "decline", expectedVersion: v, reason: "MAYBE", clauseId: "claim.defective", explanation: "No." }, 400, /decline reason/],
      [{ intent: "decline", expectedVersion: v, reason: "OTHER", clauseId: "made.up", explanation: "No." }, 422, /not a clause of the policy/],
      [{ intent: "decline", expectedVersion: v, reason: "OTHER", clauseId: "claim.defective", explanation: "x".repeat(451) }, 400, /too long/],
      [{ intent: "attachLabel", expectedVersion: v, notifyCustomer: "false" }, 422, /label file URL or a tracking number/],
      [{ intent: "markInTransit", expectedVersion: v }, 409, /does not allow "mark in transit"/],
      [{ intent: "markReceived", expectedVersion: v }, 409, /does not allow "mark received"/],
      [{ intent: "inspect", expectedVersion: v }, 400, /inspection is missing/],
      [{ intent: "inspect", expectedVersion: v, inspection: "{not json" }, 400, /could not be read/],
      [{ intent: "inspect", expectedVersion: v, inspection: JSON.stringify({ lines: [{ lineItemId: s.lineId(0), condition: "BROKEN", disposition: "RESTOCK" }] }) }, 400, /Grade the item's condition/],
      [{ intent: "inspect", expectedVersion: v, inspection: JSON.stringify({ lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK" }] }) }, 409, /does not allow "inspect"/],
      [{ intent: "refund", expectedVersion: v, notifyCustomer: "false" }, 422, /Only an inspected case can be refunded/],
      [{ intent: "escalate", expectedVersion: v, reason: "   " }, 400, /Say why the case is escalated/],
      [{ intent: "resolveEscalation", expectedVersion: v, note: "Decided" }, 422, /no open escalation/],
      [{ intent: "setUrgent", expectedVersion: v, urgent: "maybe" }, 400, /urgent/],
      [{ intent: "note", body: "" }, 400, /Write something first/],
      [{ intent: "message", body: "x".repeat(2001) }, 400, /too long/],
      [{ intent: "close", expectedVersion: v }, 422, /cannot be closed/],
    ];
    const calls = standIn.ledger.forShop(s.shop).length;
    for (const [fields, status, message] of cases) {
      const res = await act(s.store, opened.id, fields);
      expect({ fields, status: res.status }).toEqual({ fields, status });
      expect(res.body.ok).toBe(false);
      if (!res.body.ok) {
        expect(res.body.status).toBe(status);
        expect(res.body.error).toMatch(message);
      }
    }
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    const after = await caseRow(s.shop, opened.id);
    expect(after).toMatchObject({ version: 0, status: "REQUESTED", urgent: false, escalated: false, rmaNumber: opened.rmaNumber });
    expect(after.notes).toEqual([]);
    expect(after.audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("inspection input the engine refuses is a 4xx with its message, and the case keeps its state", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
    expect((await act(s.store, opened.id, { intent: "approve", expectedVersion: "0", notifyCustomer: "false" })).status).toBe(200);
    expect((await act(s.store, opened.id, { intent: "markReceived", expectedVersion: "1" })).status).toBe(200);
    const received = await caseRow(s.shop, opened.id);
    const line = (extra: Record<string, unknown>) => JSON.stringify({ lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK", ...extra }] });
    const calls = standIn.ledger.forShop(s.shop).length;
    const cases: Array<[string, number, RegExp]> = [
      [line({ overridePercent: 150, overrideReason: "Scratched" }), 400, /percentage from 0 to 100/],
      [line({ overridePercent: 12.345, overrideReason: "Scratched" }), 400, /at most two decimals/],
      [line({ overridePercent: 50 }), 422, /partial refund needs a reason/],
      [line({ disposition: "SELL_IT" }), 400, /goes back to stock/],
      [JSON.stringify({ lines: [] }), 400, /Grade at least one line/],
      [JSON.stringify({ lines: [{ lineItemId: "gid://shopify/LineItem/999999", condition: "OPENED", disposition: "RESTOCK" }] }), 422, /not part of this return/],
      [JSON.stringify({ lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "RESTOCK" }], labelCost: "seven" }), 400, /label cost as an amount/],
    ];
    for (const [inspection, status, message] of cases) {
      const res = await act(s.store, opened.id, { intent: "inspect", expectedVersion: String(received.version), inspection });
      expect({ inspection, status: res.status }).toEqual({ inspection, status });
      if (!res.body.ok) expect(res.body.error).toMatch(message);
    }
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    const after = await caseRow(s.shop, opened.id);
    expect(after).toMatchObject({ version: received.version, status: "RECEIVED", inspectionJson: null, finalDecisionJson: null });
    expect(after.lines[0]).toMatchObject({ gradedCondition: null, disposition: null });
  });

  it("a stale version is a 409 with the conflict message; the page then shows the fresh state", async () => {
    const { s, opened } = await defectCase();
    expect((await act(s.store, opened.id, { intent: "approve", expectedVersion: "0", notifyCustomer: "false" })).status).toBe(200);
    const calls = standIn.ledger.forShop(s.shop).length;

    const again = await act(s.store, opened.id, { intent: "decline", expectedVersion: "0", reason: "OTHER", clauseId: "claim.defective", explanation: "No." });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/^This case was changed by someone else \(it is now approved\)/) });
    const stale: Array<Record<string, string>> = [
      { intent: "markReceived", expectedVersion: "0" },
      { intent: "escalate", expectedVersion: "0", reason: "Customer is upset" },
      { intent: "setUrgent", expectedVersion: "0", urgent: "true" },
      { intent: "close", expectedVersion: "0" },
    ];
    for (const fields of stale) {
      const res = await act(s.store, opened.id, fields);
      expect({ intent: fields.intent, status: res.status }).toEqual({ intent: fields.intent, status: 409 });
      expect(res.body).toMatchObject({ ok: false, error: expect.stringMatching(/changed by someone else/) });
    }
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    const fresh = await load(s.store, opened.id);
    expect(fresh.case).toMatchObject({ version: 1, status: "APPROVED", urgent: false, escalationOpen: false });

    // A note or a message never conflicts: they are not decisions.
    expect((await act(s.store, opened.id, { intent: "note", body: "Called the shopper", expectedVersion: "0" })).body).toMatchObject({ ok: true, message: "Note added" });
    expect((await act(s.store, opened.id, { intent: "message", body: "Your label is on its way.", expectedVersion: "0" })).body).toMatchObject({ ok: true });
    const withNotes = await load(s.store, opened.id);
    expect(withNotes.notes.map((n) => [n.visibility, n.body])).toEqual([
      ["INTERNAL", "Called the shopper"],
      ["CUSTOMER", "Your label is on its way."],
    ]);
  });

  it("an approval stands when only its label fails: the answer carries the warning, and the label can be attached again", async () => {
    const { s, opened } = await defectCase();
    // Shopify keeps refusing the reverse delivery (rate limited past the client's patience).
    standIn.faults.next(...Array.from({ length: 12 }, () => ({ kind: "THROTTLED" as const, operationName: "ReverseDeliveryCreateWithShipping" })));
    const label = { fileUrl: "https://labels.example.com/label.pdf", trackingNumber: "1Z999AA10123456784" };
    const approved = await act(s.store, opened.id, { intent: "approve", expectedVersion: "0", notifyCustomer: "false", ...label });
    standIn.faults.reset();
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ ok: true, message: "Return approved — RMA-1001", warning: expect.stringMatching(/^The return was approved, but the label could not be attached: /) });
    const row = await caseRow(s.shop, opened.id);
    expect(row).toMatchObject({ status: "APPROVED", rmaNumber: "RMA-1001", labelUrl: null, reverseDeliveryId: null });

    const page = await load(s.store, opened.id);
    expect(page.actions.attachLabel).toBe(true);
    const attached = await act(s.store, opened.id, { intent: "attachLabel", expectedVersion: String(page.case.version), notifyCustomer: "false", ...label });
    expect(attached.body).toEqual({ ok: true, intent: "attachLabel", message: "Label attached — RMA-1001", warning: null });
    expect(await caseRow(s.shop, opened.id)).toMatchObject({ labelUrl: label.fileUrl, trackingNumber: label.trackingNumber });
  });

  it("the page settles a refund whose answer was lost: confirmed from Shopify when it landed, pending while too young to tell", async () => {
    const s = await caseScene({ preset: "purtly", shipping: "9.99", lines: [{ product: purifier }] });
    const opened = await s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "OPENED" }] });
    for (const [fields, version] of [
      [{ intent: "approve", notifyCustomer: "false" }, 0],
      [{ intent: "markReceived" }, 1],
      [{ intent: "inspect", inspection: JSON.stringify({ lines: [{ lineItemId: s.lineId(0), condition: "OPENED", disposition: "NO_RESTOCK" }] }) }, 2],
    ] as const) {
      expect((await act(s.store, opened.id, { ...fields, expectedVersion: String(version) })).status).toBe(200);
    }
    // A refund claim whose request died before Shopify answered (or before it was sent).
    const { applyCaseChange } = await import("~/models/return-case.server");
    const claimed = await applyCaseChange(await db(), {
      shop: s.shop,
      caseId: opened.id,
      expectedVersion: 3,
      actor: "staff:12345",
      action: "refundStarted",
      changes: { refundClaimKey: "lost-answer", refundClaimedAt: new Date() },
    });
    const pending = await load(s.store, opened.id);
    expect(pending.case).toMatchObject({ status: "INSPECTED", refundPending: true });
    expect(pending.actions).toMatchObject({ refund: false, inspect: false, close: false });
    expect((await act(s.store, opened.id, { intent: "refund", expectedVersion: String(claimed.version), notifyCustomer: "false" })).body).toMatchObject({
      ok: false,
      status: 422,
      error: expect.stringMatching(/already on its way to Shopify/),
    });

    // Shopify did process it: the next page load confirms it without refunding again.
    const { getReturn } = await import("~/services/return-state.server");
    const { processReturn } = await import("~/services/return-process.server");
    const state = (await getReturn(s.api, opened.shopifyReturnId!))!;
    await processReturn(s.api, {
      returnId: state.id,
      lines: state.lines.map((l) => ({ returnLineItemId: l.id, quantity: l.unprocessedQuantity })),
      refund: null,
      refundShipping: null,
      notifyCustomer: false,
    });
    const processes = standIn.ledger.forOperation("ReturnProcess", s.shop).length;
    const settled = await load(s.store, opened.id);
    expect(settled.case).toMatchObject({ status: "REFUNDED", refundPending: false });
    expect(settled.timeline.at(-1)).toMatchObject({ action: "refund" });
    expect(standIn.ledger.forOperation("ReturnProcess", s.shop)).toHaveLength(processes);
  });

  it("the evidence route serves the file to the case's own shop only", async () => {
    const { s, opened, photo } = await defectCase();
    const other = await caseScene({ preset: "purtly", lines: [{ product: purifier }] });
    const [item] = (await load(s.store, opened.id)).evidence;

    const served = await evidence(s.store, opened.id, item!.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("Cache-Control")).toMatch(/^private\b/);
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(photo);

    const foreign = await evidence(other.store, opened.id, item!.id);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe("This evidence file was not found in your store.");
    // The other shop's own case id with this file's id: still not theirs.
    const theirs = await other.open({ type: "RETURN", lines: [{ lineItemId: other.lineId(0), quantity: 1, condition: "UNOPENED" }] });
    expect((await evidence(other.store, theirs.id, item!.id)).status).toBe(404);
    expect((await evidence(s.store, opened.id, "no-such-file")).status).toBe(404);
    expect((await evidence(s.store, theirs.id, item!.id)).status).toBe(404); // right shop, wrong case

    // Without a session token there is no file at all.
    const { loader } = await evidenceRoute();
    const anonymous = await loader({
      request: new Request(`https://clause.test/app/returns/${opened.id}/evidence/${item!.id}`, { headers: { Authorization: "Bearer nope" } }),
      params: { id: opened.id, evidenceId: item!.id },
      context: {},
    }).catch((e: unknown) => e);
    expect((anonymous as Response).status).toBe(401);
  });
});
