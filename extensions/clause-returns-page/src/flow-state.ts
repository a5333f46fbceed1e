// The return flow's state and every change to it, as a pure reducer, plus what the screens
// derive from it (which steps apply, whether the shopper may go on, the request to send).
// The calls to the portal API are the container's (return-flow.tsx); their outcomes come back
// here as actions.
import { covers } from "../../shared/eligibility-rules";
import type { ClaimOption, ClaimTypeCode, Condition, Eligibility, EvidenceUpload, OrderLine, Preview, ReturnRequestBody, Submitted } from "../../shared/portal-types";

export type Step = "lines" | "claim" | "condition" | "evidence" | "review";

export type Picked = { quantity: number; condition: Condition | null };

export type PreviewState = { status: "idle" } | { status: "loading" } | { status: "ready"; value: Preview } | { status: "error"; error: unknown };
export type SubmitState = { status: "idle" } | { status: "submitting" } | { status: "error"; error: unknown } | { status: "done"; result: Submitted };

export type FlowState = {
  step: Step;
  /** The lines chosen, by line item id, in the order they were chosen. */
  picked: Record<string, Picked>;
  claimType: ClaimTypeCode | null;
  reasonId: string | null;
  note: string;
  evidence: Record<string, EvidenceUpload[]>;
  /** Uploads still running, per line. */
  uploading: Record<string, number>;
  uploadError: unknown;
  preview: PreviewState;
  /** Generated when a review's preview arrives; reused by every retry of that submission. */
  requestKey: string | null;
  submit: SubmitState;
};

export const initialFlow: FlowState = {
  step: "lines",
  picked: {},
  claimType: null,
  reasonId: null,
  note: "",
  evidence: {},
  uploading: {},
  uploadError: null,
  preview: { status: "idle" },
  requestKey: null,
  submit: { status: "idle" },
};

export type FlowAction =
  | { type: "pick"; lineItemId: string; picked: boolean }
  | { type: "quantity"; lineItemId: string; quantity: number }
  | { type: "claim"; claimType: ClaimTypeCode }
  | { type: "reason"; reasonId: string | null }
  | { type: "note"; note: string }
  | { type: "condition"; lineItemId: string; condition: Condition }
  | { type: "uploadStarted"; lineItemId: string }
  | { type: "uploaded"; lineItemId: string; upload: EvidenceUpload }
  | { type: "uploadFailed"; lineItemId: string; error: unknown }
  | { type: "removeEvidence"; lineItemId: string; id: string }
  | { type: "goto"; step: Step }
  | { type: "previewStarted" }
  | { type: "previewLoaded"; preview: Preview; requestKey: string }
  | { type: "previewFailed"; error: unknown }
  | { type: "submitStarted" }
  | { type: "submitted"; result: Submitted }
  | { type: "submitFailed"; error: unknown };

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const next = { ...record };
  delete next[key];
  return next;
};

/** Any change to the request drops the review built on the earlier one (and its request key). */
const edited = (state: FlowState, patch: Partial<FlowState>): FlowState => ({
  ...state,
  ...patch,
  preview: { status: "idle" },
  requestKey: null,
  submit: { status: "idle" },
});

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case "pick":
      if (action.picked) return edited(state, { picked: { ...state.picked, [action.lineItemId]: state.picked[action.lineItemId] || { quantity: 1, condition: null } } });
      return edited(state, { picked: without(state.picked, action.lineItemId), evidence: without(state.evidence, action.lineItemId) });
    case "quantity": {
      const line = state.picked[action.lineItemId];
      return line ? edited(state, { picked: { ...state.picked, [action.lineItemId]: { ...line, quantity: action.quantity } } }) : state;
    }
    case "claim":
      return edited(state, { claimType: action.claimType });
    case "reason":
      return edited(state, { reasonId: action.reasonId });
    case "note":
      return edited(state, { note: action.note });
    case "condition": {
      const line = state.picked[action.lineItemId];
      return line ? edited(state, { picked: { ...state.picked, [action.lineItemId]: { ...line, condition: action.condition } } }) : state;
    }
    case "uploadStarted":
      return { ...state, uploadError: null, uploading: { ...state.uploading, [action.lineItemId]: (state.uploading[action.lineItemId] || 0) + 1 } };
    case "uploaded":
    case "uploadFailed": {
      const uploading = { ...state.uploading, [action.lineItemId]: Math.max(0, (state.uploading[action.lineItemId] || 1) - 1) };
      if (action.type === "uploadFailed") return { ...state, uploading, uploadError: action.error };
      // A file for a line unpicked meanwhile is not kept.
      if (!state.picked[action.lineItemId]) return { ...state, uploading };
      return edited(state, { uploading, evidence: { ...state.evidence, [action.lineItemId]: [...(state.evidence[action.lineItemId] || []), action.upload] } });
    }
    case "removeEvidence":
      return edited(state, { evidence: { ...state.evidence, [action.lineItemId]: (state.evidence[action.lineItemId] || []).filter((e) => e.id !== action.id) } });
    case "goto":
      return action.step === "review" ? { ...state, step: "review" } : edited(state, { step: action.step, uploadError: null });
    case "previewStarted":
      return { ...state, preview: { status: "loading" }, requestKey: null, submit: { status: "idle" } };
    case "previewLoaded":
      return { ...state, preview: { status: "ready", value: action.preview }, requestKey: action.requestKey };
    case "previewFailed":
      return { ...state, preview: { status: "error", error: action.error } };
    case "submitStarted":
      return { ...state, submit: { status: "submitting" } };
    case "submitted":
      return { ...state, submit: { status: "done", result: action.result } };
    case "submitFailed":
      return { ...state, submit: { status: "error", error: action.error } };
  }
}

// ── What the screens derive ─────────────────────────────────────────────────────────────────

export function pickedLines(eligibility: Eligibility, state: FlowState): OrderLine[] {
  return eligibility.lines.filter((l) => state.picked[l.lineItemId]);
}

/** The claims that cover every chosen line. */
export function claimsFor(eligibility: Eligibility, state: FlowState): ClaimOption[] {
  const lines = pickedLines(eligibility, state);
  return eligibility.claimTypes.filter((c) => lines.every((l) => covers(c, l)));
}

export function chosenClaim(eligibility: Eligibility, state: FlowState): ClaimOption | null {
  return claimsFor(eligibility, state).find((c) => c.type === state.claimType) || null;
}

/** The steps of this request: the evidence step only when the chosen claim takes photos or video. */
export function stepsFor(eligibility: Eligibility, state: FlowState): Step[] {
  const claim = chosenClaim(eligibility, state);
  return claim && claim.evidence.kinds.length > 0 ? ["lines", "claim", "condition", "evidence", "review"] : ["lines", "claim", "condition", "review"];
}

export function evidenceComplete(eligibility: Eligibility, state: FlowState): boolean {
  const claim = chosenClaim(eligibility, state);
  if (!claim || !claim.evidence.required) return true;
  const min = Math.max(1, claim.evidence.minCount);
  return pickedLines(eligibility, state).every((l) => (state.evidence[l.lineItemId] || []).length >= min);
}

const uploadsRunning = (state: FlowState) => Object.values(state.uploading).some((n) => n > 0);

/** Whether the shopper may leave `step` for the next one. */
export function canContinue(eligibility: Eligibility, state: FlowState, step: Step = state.step): boolean {
  const lines = pickedLines(eligibility, state);
  switch (step) {
    case "lines":
      return lines.length > 0;
    case "claim":
      return chosenClaim(eligibility, state) !== null && (eligibility.reasons.length === 0 || state.reasonId !== null);
    case "condition":
      return lines.every((l) => state.picked[l.lineItemId]?.condition);
    case "evidence":
      return !uploadsRunning(state) && evidenceComplete(eligibility, state);
    case "review":
      return state.preview.status === "ready" && state.preview.value.eligible && state.requestKey !== null && evidenceComplete(eligibility, state);
  }
}

export function nextStep(eligibility: Eligibility, state: FlowState): Step | null {
  const steps = stepsFor(eligibility, state);
  return steps[steps.indexOf(state.step) + 1] || null;
}

export function previousStep(eligibility: Eligibility, state: FlowState): Step | null {
  const steps = stepsFor(eligibility, state);
  return steps[steps.indexOf(state.step) - 1] || null;
}

/** The reason sent with each line: the return reason chosen, then the shopper's note. */
export function reasonText(eligibility: Eligibility, state: FlowState): string {
  const reason = eligibility.reasons.find((r) => r.id === state.reasonId)?.name ?? "";
  return [reason, state.note.trim()].filter(Boolean).join(" — ").slice(0, 300);
}

/** The request as the preview and the submit send it. */
export function requestBody(eligibility: Eligibility, state: FlowState): ReturnRequestBody {
  const reason = reasonText(eligibility, state);
  return {
    type: state.claimType || "RETURN",
    lines: pickedLines(eligibility, state).map((l) => {
      const picked = state.picked[l.lineItemId] as Picked;
      const evidenceIds = (state.evidence[l.lineItemId] || []).map((e) => e.id);
      return {
        lineItemId: l.lineItemId,
        quantity: picked.quantity,
        condition: picked.condition || "UNOPENED",
        ...(reason ? { reason } : {}),
        ...(state.reasonId ? { reasonId: state.reasonId } : {}),
        ...(evidenceIds.length ? { evidenceIds } : {}),
      };
    }),
  };
}
