// The simulation page's quick draft editor builds exactly the policy the server validates.
import { describe, expect, it } from "vitest";
import { parsePolicy, policySchema, presets } from "~/domain/policy";
import { applyEdits, editsOf, exclusionsOf, quickFieldOf } from "./draft";

describe("simulation draft editor", () => {
  it("round-trips a policy unchanged when nothing is edited", () => {
    for (const policy of Object.values(presets)) expect(parsePolicy(applyEdits(policy, editsOf(policy)))).toEqual(policy);
  });

  it("applies window, condition refunds, shipping and switched-off exclusions (with their assumptions)", () => {
    const base = presets.purtly;
    const edits = editsOf(base);
    expect(edits.conditions.OPENED).toEqual({ accepted: true, percent: "85" });
    expect(exclusionsOf(base).map((e) => e.id)).toEqual(base.exclusions.map((e) => e.id));
    edits.windowDays = "45";
    edits.conditions.OPENED = { accepted: true, percent: "80" };
    edits.conditions.USED = { accepted: false, percent: "85" };
    edits.exclusions["gift-card"] = false;
    edits.deductOriginalShipping = false;
    const draft = parsePolicy(applyEdits(base, edits));
    expect(draft.returnWindow.days).toBe(45);
    expect(draft.conditions.OPENED).toEqual({ accepted: true, refundPercent: 80 });
    expect(draft.conditions.USED).toEqual({ accepted: false });
    expect(draft.exclusions.map((e) => e.id)).not.toContain("gift-card");
    expect(draft.assumptions.some((a) => a.path.startsWith("exclusions.gift-card"))).toBe(false);
    expect(draft.claims.RETURN.deductOriginalShipping).toBe(false);
    expect(presets.purtly.conditions.OPENED).toEqual({ accepted: true, refundPercent: 85 }); // the base is untouched
  });

  it("keeps text that is not a number, so the server names the field", () => {
    const edits = editsOf(presets.pura);
    edits.windowDays = "thirty";
    edits.conditions.OPENED = { accepted: true, percent: "150" };
    const parsed = policySchema.safeParse(applyEdits(presets.pura, edits));
    expect(parsed.success).toBe(false);
    const keys = parsed.error!.issues.map((i) => ["draft", ...i.path].join("."));
    expect(keys.map(quickFieldOf).sort()).toEqual(["conditions.OPENED", "windowDays"]);
  });
});
