// The return flow's rules (extensions/clause-returns-page/src/flow-state.ts), pure.
import { describe, expect, it } from "vitest";
import { canContinue, flowReducer, initialFlow, requestBody, stepsFor, type FlowAction, type FlowState } from "../../extensions/clause-returns-page/src/flow-state";
import { toEligibility, toPreview } from "../../extensions/shared/api";
import { FILTER, openedPurifierPreview, PURIFIER, purtlyEligibility } from "./support/fixtures";

const eligibility = toEligibility(purtlyEligibility());
const run = (...actions: FlowAction[]): FlowState => actions.reduce(flowReducer, initialFlow);

describe("the return flow's state", () => {
  it("sends the chosen lines with their quantity, condition, reason and evidence", () => {
    const state = run(
      { type: "pick", lineItemId: FILTER, picked: true },
      { type: "quantity", lineItemId: FILTER, quantity: 2 },
      { type: "pick", lineItemId: PURIFIER, picked: true },
      { type: "claim", claimType: "DEFECTIVE" },
      { type: "reason", reasonId: "gid://shopify/ReturnReasonDefinition/2" },
      { type: "note", note: "  The fan rattles.  " },
      { type: "condition", lineItemId: PURIFIER, condition: "USED" },
      { type: "condition", lineItemId: FILTER, condition: "UNOPENED" },
      { type: "uploaded", lineItemId: PURIFIER, upload: { id: "ev_1", kind: "photo", contentType: "image/jpeg", byteSize: 10 } },
    );
    expect(requestBody(eligibility, state)).toEqual({
      type: "DEFECTIVE",
      lines: [
        { lineItemId: PURIFIER, quantity: 1, condition: "USED", reason: "Damaged or defective — The fan rattles.", reasonId: "gid://shopify/ReturnReasonDefinition/2", evidenceIds: ["ev_1"] },
        { lineItemId: FILTER, quantity: 2, condition: "UNOPENED", reason: "Damaged or defective — The fan rattles.", reasonId: "gid://shopify/ReturnReasonDefinition/2" },
      ],
    });
  });

  it("adds the evidence step only for a claim that takes photos or video", () => {
    const picked = run({ type: "pick", lineItemId: PURIFIER, picked: true });
    expect(stepsFor(eligibility, flowReducer(picked, { type: "claim", claimType: "RETURN" }))).toEqual(["lines", "claim", "condition", "review"]);
    expect(stepsFor(eligibility, flowReducer(picked, { type: "claim", claimType: "DEFECTIVE" }))).toEqual(["lines", "claim", "condition", "evidence", "review"]);
  });

  it("needs a claim and a reason, a condition per line, and minCount files per line before going on", () => {
    let state = run({ type: "pick", lineItemId: PURIFIER, picked: true });
    expect(canContinue(eligibility, state, "lines")).toBe(true);
    expect(canContinue(eligibility, state, "claim")).toBe(false);
    state = flowReducer(state, { type: "claim", claimType: "DEFECTIVE" });
    expect(canContinue(eligibility, state, "claim")).toBe(false);
    state = flowReducer(state, { type: "reason", reasonId: "gid://shopify/ReturnReasonDefinition/2" });
    expect(canContinue(eligibility, state, "claim")).toBe(true);
    expect(canContinue(eligibility, state, "condition")).toBe(false);
    state = flowReducer(state, { type: "condition", lineItemId: PURIFIER, condition: "USED" });
    expect(canContinue(eligibility, state, "condition")).toBe(true);
    expect(canContinue(eligibility, state, "evidence")).toBe(false);
    const upload = (id: string): FlowAction => ({ type: "uploaded", lineItemId: PURIFIER, upload: { id, kind: "photo", contentType: "image/png", byteSize: 1 } });
    state = flowReducer(flowReducer(state, { type: "uploadStarted", lineItemId: PURIFIER }), upload("a"));
    expect(canContinue(eligibility, state, "evidence")).toBe(false);
    state = flowReducer(state, { type: "uploadStarted", lineItemId: PURIFIER });
    expect(canContinue(eligibility, flowReducer(state, upload("b")), "evidence")).toBe(true);
    // Still uploading: not yet.
    expect(canContinue(eligibility, state, "evidence")).toBe(false);
  });

  it("keeps a review's request key for retries, and drops it (and the preview) when the request changes", () => {
    const preview = toPreview(openedPurifierPreview());
    let state = run({ type: "pick", lineItemId: PURIFIER, picked: true }, { type: "claim", claimType: "RETURN" }, { type: "goto", step: "review" }, { type: "previewStarted" }, { type: "previewLoaded", preview, requestKey: "ret-a" });
    state = flowReducer(flowReducer(state, { type: "submitStarted" }), { type: "submitFailed", error: new Error("x") });
    expect(state.requestKey).toBe("ret-a");
    state = flowReducer(state, { type: "goto", step: "condition" });
    expect(state.requestKey).toBeNull();
    expect(state.preview.status).toBe("idle");
  });

  it("forgets a line's evidence when the line is unpicked, and ignores an upload that lands after", () => {
    let state = run({ type: "pick", lineItemId: PURIFIER, picked: true }, { type: "uploaded", lineItemId: PURIFIER, upload: { id: "a", kind: "photo", contentType: "image/png", byteSize: 1 } });
    state = flowReducer(state, { type: "uploadStarted", lineItemId: PURIFIER });
    state = flowReducer(state, { type: "pick", lineItemId: PURIFIER, picked: false });
    expect(state.evidence[PURIFIER]).toBeUndefined();
    state = flowReducer(state, { type: "uploaded", lineItemId: PURIFIER, upload: { id: "b", kind: "photo", contentType: "image/png", byteSize: 1 } });
    expect(state.evidence[PURIFIER]).toBeUndefined();
    expect(state.uploading[PURIFIER]).toBe(0);
  });
});
