// Inspection and the final refund, pure: the engine decides again on what the request was
// decided on (policy, order snapshot, request, submission time) with the agent's grading, so
// the case page can show the refund live as the agent grades and the server computes the
// same figure when the inspection is saved.
import { z } from "zod";
import { CONDITIONS, decide, type Decision, type Inspection, type OrderSnapshot, type Policy, type ReturnRequest } from "../policy";

export const DISPOSITIONS = ["RESTOCK", "NO_RESTOCK"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

const percent = z.coerce
  .number()
  .min(0, "Enter a percentage from 0 to 100")
  .max(100, "Enter a percentage from 0 to 100")
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, "Use at most two decimals (12.5, not 12.345)");

/** What the agent fills in per line; shared by the form and the server. */
export const inspectionFormSchema = z.object({
  lines: z
    .array(
      z.object({
        lineItemId: z.string().min(1),
        condition: z.enum(CONDITIONS, { message: "Grade the item's condition" }),
        defectConfirmed: z.boolean().nullable().optional(),
        overridePercent: percent.nullable().optional(),
        overrideReason: z.string().trim().max(500).nullable().optional(),
        disposition: z.enum(DISPOSITIONS, { message: "Choose whether the item goes back to stock" }),
      }),
    )
    .min(1, "Grade at least one line"),
  labelCost: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, "Enter the label cost as an amount, e.g. 7.50")
    .nullable()
    .optional(),
});
export type InspectionForm = z.infer<typeof inspectionFormSchema>;

/** The stored facts a case was decided on (JSON strings as the case row keeps them). */
export type DecidedOn = { policyJson: string; orderJson: string; requestJson: string; createdAt: Date | string; shopifyReturnId: string | null };

export function engineInspection(form: InspectionForm, returnId: string | null): Inspection {
  return {
    ...(returnId ? { returnId } : {}),
    lines: form.lines.map((l) => ({
      lineItemId: l.lineItemId,
      condition: l.condition,
      ...(l.defectConfirmed === null || l.defectConfirmed === undefined ? {} : { defectConfirmed: l.defectConfirmed }),
      ...(l.overridePercent === null || l.overridePercent === undefined ? {} : { overridePercent: l.overridePercent, overrideReason: l.overrideReason ?? "" }),
    })),
    ...(form.labelCost ? { labelCost: form.labelCost } : {}),
  };
}

/**
 * The final decision with the agent's grading. Windows are judged at the submission time, as
 * the engine requires; an override outside the policy's bounds throws PolicyEngineError.
 */
export function inspectedDecision(decidedOn: DecidedOn, form: InspectionForm): Decision {
  const policy = JSON.parse(decidedOn.policyJson) as Policy;
  const order = JSON.parse(decidedOn.orderJson) as OrderSnapshot;
  const request = JSON.parse(decidedOn.requestJson) as ReturnRequest;
  return decide(policy, order, request, new Date(decidedOn.createdAt), engineInspection(form, decidedOn.shopifyReturnId));
}

export type BreakdownLine = {
  lineItemId: string;
  title: string;
  quantity: number;
  gross: string | null;
  refund: string | null;
  restockingFee: string | null;
  percent: number | null;
  clause: string;
  explanation: string;
};

/** What the refund confirmation shows: each line, each deduction with its clause, and the total. */
export function refundBreakdown(decision: Decision, titles: ReadonlyMap<string, string>) {
  return {
    currency: decision.currency,
    lines: decision.lines.map(
      (l): BreakdownLine => ({
        lineItemId: l.lineItemId,
        title: titles.get(l.lineItemId) ?? l.lineItemId,
        quantity: l.quantity,
        gross: l.grossAmount,
        refund: l.refundAmount,
        restockingFee: l.restockingFee,
        percent: l.refundPercent,
        clause: l.clause,
        explanation: l.explanation,
      }),
    ),
    itemsSubtotal: decision.subtotal,
    deductions: decision.deductions.map((d) => ({ kind: d.kind, amount: d.amount, clause: d.clause, explanation: d.explanation })),
    total: decision.refundTotal,
  };
}
