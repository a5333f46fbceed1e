// The case steps that are Clause's own records (Shopify's Returns API has no "received" or
// "inspected" state): shipment and receipt, inspection with the engine's final refund,
// escalation and urgency, internal notes and messages to the shopper. Every change goes
// through applyCaseChange: state check, optimistic lock, SLA due time and audit together.
import type { Db } from "~/db.server";
import { inspectedDecision, inspectionFormSchema, isOpen, type CaseStatus, type InspectionForm } from "~/domain/cases";
import { applyCaseChange, CaseConflictError, getCase } from "~/models/return-case.server";
import { zodMessage } from "~/lib/zod-message";
import { CaseInputError } from "./case-errors";
import type { CaseRef } from "./case-review.server";

export function markInTransit(db: Db, ref: CaseRef & { trackingNumber?: string | null }) {
  return applyCaseChange(db, { ...ref, action: "markInTransit", changes: ref.trackingNumber?.trim() ? { trackingNumber: ref.trackingNumber.trim() } : {} });
}

export function markReceived(db: Db, ref: CaseRef) {
  return applyCaseChange(db, { ...ref, action: "markReceived", changes: { receivedAt: ref.now ?? new Date() } });
}

/**
 * Saves the inspection: the graded condition, a confirmed or unconfirmed defect, a partial
 * refund within the policy's bounds (with its reason) and the disposition of each line; the
 * engine's final decision is stored with it. Inspecting again replaces the earlier grading.
 */
export async function inspectCase(db: Db, ref: CaseRef & { form: InspectionForm }) {
  const parsed = inspectionFormSchema.safeParse(ref.form);
  if (!parsed.success) throw new CaseInputError(zodMessage(parsed.error), "lines");
  const form = parsed.data;
  const now = ref.now ?? new Date();
  return applyCaseChange(db, {
    ...ref,
    action: "inspect",
    guard: (c) => {
      // The refund in flight was computed from the current grading: it must not change under it.
      if (c.refundClaimKey) throw new CaseInputError("A refund for this case is on its way to Shopify; the inspection can no longer change.");
    },
    changes: async (tx, before) => {
      const known = new Set(before.lines.map((l) => l.lineItemId));
      const graded = new Set(form.lines.map((l) => l.lineItemId));
      const stranger = form.lines.find((l) => !known.has(l.lineItemId));
      if (stranger) throw new CaseInputError(`Line ${stranger.lineItemId} is not part of this return.`, "lines");
      const missing = before.lines.find((l) => !graded.has(l.lineItemId));
      if (missing) throw new CaseInputError(`Grade every line: "${missing.title}" has no grading.`, "lines");
      const decision = inspectedDecision(before, form); // PolicyEngineError for an override outside the bounds
      for (const line of before.lines) {
        const graded = form.lines.find((l) => l.lineItemId === line.lineItemId)!;
        const decided = decision.lines.find((l) => l.lineItemId === line.lineItemId);
        await tx.returnCaseLine.update({
          where: { id: line.id },
          data: {
            gradedCondition: graded.condition,
            defectConfirmed: graded.defectConfirmed ?? null,
            overrideReason: graded.overridePercent === null || graded.overridePercent === undefined ? null : (graded.overrideReason ?? null),
            disposition: graded.disposition,
            refundBasisPoints: decided?.refundPercent === null || decided?.refundPercent === undefined ? null : Math.round(decided.refundPercent * 100),
            code: decided?.code ?? line.code,
            clause: decided?.clause ?? line.clause,
            explanation: decided?.explanation ?? line.explanation,
          },
        });
      }
      return { inspectionJson: JSON.stringify(form), finalDecisionJson: JSON.stringify(decision), inspectedAt: now, refundEstimate: decision.refundTotal };
    },
  });
}

const requireOpen = (c: { status: string }) => {
  if (!isOpen(c.status as CaseStatus)) throw new CaseInputError("This case is closed.");
};

export function escalateCase(db: Db, ref: CaseRef & { reason: string }) {
  const reason = ref.reason.trim();
  if (!reason) throw new CaseInputError("Say why the case is escalated.", "reason");
  return applyCaseChange(db, {
    ...ref,
    action: "escalate",
    guard: (c) => {
      requireOpen(c);
      if (c.escalated && !c.escalationDecidedAt) throw new CaseInputError("This case is already escalated.");
    },
    changes: { escalated: true, escalatedAt: ref.now ?? new Date(), escalationDecidedAt: null, escalationReason: reason.slice(0, 500) },
  });
}

/** Records the escalation's decision (the note says what was decided); the escalation timer stops. */
export function resolveEscalation(db: Db, ref: CaseRef & { note: string }) {
  const note = ref.note.trim();
  if (!note) throw new CaseInputError("Say what was decided.", "note");
  return applyCaseChange(db, {
    ...ref,
    action: "resolveEscalation",
    guard: (c) => {
      if (!c.escalated || c.escalationDecidedAt) throw new CaseInputError("This case has no open escalation.");
    },
    changes: async (tx) => {
      await tx.caseNote.create({ data: { caseId: ref.caseId, author: ref.actor, visibility: "INTERNAL", body: `Escalation decided: ${note}`.slice(0, 2000) } });
      return { escalationDecidedAt: ref.now ?? new Date() };
    },
  });
}

export function setUrgent(db: Db, ref: CaseRef & { urgent: boolean }) {
  return applyCaseChange(db, { ...ref, action: ref.urgent ? "markUrgent" : "clearUrgent", guard: requireOpen, changes: { urgent: ref.urgent } });
}

const MAX_NOTE = 2000;

function noteBody(body: string): string {
  const text = body.trim();
  if (!text) throw new CaseInputError("Write something first.", "body");
  if (text.length > MAX_NOTE) throw new CaseInputError(`Keep it under ${MAX_NOTE} characters.`, "body");
  return text;
}

/** An internal note: append-only, audited, and no version bump (a note never conflicts with a decision). */
export async function addNote(db: Db, args: { shop: string; caseId: string; actor: string; body: string }) {
  const body = noteBody(args.body);
  return db.$transaction(async (tx) => {
    await getCase(tx, args.shop, args.caseId);
    const note = await tx.caseNote.create({ data: { caseId: args.caseId, author: args.actor, visibility: "INTERNAL", body } });
    await tx.caseAuditEntry.create({ data: { caseId: args.caseId, shop: args.shop, actor: args.actor, action: "note", afterJson: JSON.stringify({ noteId: note.id }) } });
    return note;
  });
}

/**
 * A message to the shopper: shown with the return's status on their order page, and it counts
 * as the update the policy's update cadence asks for (the next-update timer restarts).
 */
export async function messageCustomer(db: Db, args: { shop: string; caseId: string; actor: string; body: string; now?: Date }) {
  const body = noteBody(args.body);
  for (let attempt = 0; ; attempt++) {
    const current = await getCase(db, args.shop, args.caseId);
    try {
      return await applyCaseChange(db, {
        shop: args.shop,
        caseId: args.caseId,
        expectedVersion: current.version,
        actor: args.actor,
        action: "message",
        now: args.now,
        guard: requireOpen,
        changes: async (tx) => {
          await tx.caseNote.create({ data: { caseId: args.caseId, author: args.actor, visibility: "CUSTOMER", body } });
          const now = args.now ?? new Date();
          return { lastUpdateSentAt: now, firstRepliedAt: current.firstRepliedAt ?? now };
        },
      });
    } catch (error) {
      // A message is not a decision: someone else's change in between is no reason to drop it.
      if (!(error instanceof CaseConflictError) || attempt >= 3) throw error;
    }
  }
}
