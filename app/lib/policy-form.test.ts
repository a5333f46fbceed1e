import { describe, expect, it } from "vitest";
import { policySchema, presets, resolvePolicyPath } from "~/domain/policy";
import {
  autoExclusionId,
  blankPolicy,
  changeMatcherKind,
  confirmAssumption,
  fieldErrors,
  fieldLabel,
  getIn,
  matchCountParams,
  newExclusion,
  numberInput,
  policyIdForShop,
  pruneAssumptions,
  renameExclusion,
  setIn,
  splitValues,
  toFormState,
} from "./policy-form";

const errorsOf = (input: unknown) => {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) throw new Error("expected the policy to be refused");
  return fieldErrors(parsed.error);
};

describe("blankPolicy", () => {
  const blank = policySchema.parse(blankPolicy({ id: "clause-dev", name: "Clause Dev", timeZone: "Europe/Berlin" }));

  it("is a valid policy with the stated defaults", () => {
    expect(blank.timeZone).toBe("Europe/Berlin");
    expect(blank.returnWindow).toEqual({ days: 30, countFrom: "DELIVERY", assumedTransitDays: 7 });
    expect(blank.conditions).toEqual({
      UNOPENED: { accepted: true, refundPercent: 100 },
      OPENED: { accepted: true, refundPercent: 100 },
      USED: { accepted: true, refundPercent: 100 },
      DAMAGED: { accepted: false },
    });
    expect(blank.calendar.weekendDays).toEqual([6, 7]);
    expect(blank.exclusions).toEqual([]);
  });

  it("marks every default as an assumption, each at a path that exists", () => {
    const paths = blank.assumptions.map((a) => a.path);
    for (const path of paths) expect(resolvePolicyPath(blank, path), path).not.toBeUndefined();
    for (const expected of ["timeZone", "calendar.weekendDays", "returnWindow.days", "returnWindow.assumedTransitDays", "conditions", "exclusions", "claims.RETURN", "claims.DEFECTIVE", "rma", "service"]) {
      expect(paths).toContain(expected);
    }
    // Every top-level rule is covered by at least one assumption.
    for (const key of ["calendar", "returnWindow", "conditions", "exclusions", "originalShipping", "returnShipping", "claims", "partialRefunds", "rma", "refund", "rejectedItems", "exchanges", "service"]) {
      expect(paths.some((p) => p === key || p.startsWith(key + ".")), key).toBe(true);
    }
  });

  it("takes the policy id from the shop's handle", () => {
    expect(policyIdForShop("Clause-Dev.myshopify.com")).toBe("clause-dev");
    expect(policyIdForShop("--.myshopify.com")).toBe("store");
  });
});

describe("path edits", () => {
  it("setIn copies along the path and shares the rest", () => {
    const form = toFormState(presets.purtly);
    const next = setIn(form, ["returnWindow", "days"], 45);
    expect(next.returnWindow.days).toBe(45);
    expect(form.returnWindow.days).toBe(30);
    expect(next.claims).toBe(form.claims);
    expect(getIn(setIn(form, ["exclusions", 0, "title"], "Subs"), ["exclusions", 0, "title"])).toBe("Subs");
  });

  it("numberInput keeps what is not a number yet as text", () => {
    expect(numberInput("85")).toBe(85);
    expect(numberInput(" 12.5 ")).toBe(12.5);
    expect(numberInput("-1")).toBe(-1);
    expect(numberInput("")).toBe("");
    expect(numberInput("3.")).toBe("3.");
  });

  it("splitValues splits on commas and drops blanks", () => {
    expect(splitValues("hygiene, final sale,, ")).toEqual(["hygiene", "final sale"]);
  });
});

describe("assumptions", () => {
  it("confirming removes exactly that assumption", () => {
    const form = toFormState(presets.pura);
    const confirmed = confirmAssumption(form, "returnWindow.days");
    expect(confirmed.assumptions.map((a) => a.path)).not.toContain("returnWindow.days");
    expect(confirmed.assumptions).toHaveLength(form.assumptions.length - 1);
  });

  it("an exclusion removed takes its assumptions with it; a renamed one moves them", () => {
    const form = toFormState(presets.pura);
    expect(form.assumptions.some((a) => a.path === "exclusions.gift-card")).toBe(true);
    const removed = pruneAssumptions({ ...form, exclusions: [] });
    expect(removed.assumptions.some((a) => a.path.startsWith("exclusions."))).toBe(false);
    const renamed = renameExclusion(form, 0, "gift-cards");
    expect(renamed.exclusions[0]!.id).toBe("gift-cards");
    expect(renamed.assumptions.some((a) => a.path === "exclusions.gift-cards")).toBe(true);
    expect(policySchema.safeParse(renamed).success).toBe(true);
  });

  it("a new exclusion takes an id from its title while it has the placeholder id", () => {
    const form = toFormState(presets.pura);
    const added = { ...form, exclusions: [...form.exclusions, { ...newExclusion(form.exclusions), title: "Final Sale Items!" }] };
    expect(added.exclusions[1]!.id).toBe("exclusion-2");
    expect(autoExclusionId(added, 1)).toBe("final-sale-items");
    expect(autoExclusionId(added, 0)).toBeNull();
  });
});

describe("fieldErrors", () => {
  const valid = toFormState(presets.purtly);

  it("puts each problem at its field's path, in words a merchant can act on", () => {
    const input = setIn(setIn(setIn(valid, ["returnWindow", "days"], -1), ["partialRefunds", "minPercent"], 90), ["partialRefunds", "maxPercent"], 50);
    const withDate = setIn(setIn(input, ["calendar", "holidays"], [{ date: "2026-02-30", name: "Nope" }]), ["conditions", "USED", "accepted"], "MAYBE");
    const errors = errorsOf(setIn(withDate, ["returnWindow", "assumedTransitDays"], "seven"));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "returnWindow.days", message: "Enter 0 or more" },
        { path: "returnWindow.assumedTransitDays", message: "Enter a number" },
        { path: "calendar.holidays.0.date", message: "Enter a YYYY-MM-DD date" },
        { path: "conditions.USED.accepted", message: "Choose one of: true, false" },
      ]),
    );
  });

  it("reports the cross-field rules (min above max) at the field to fix", () => {
    const errors = errorsOf(setIn(setIn(valid, ["partialRefunds", "minPercent"], 90), ["partialRefunds", "maxPercent"], 50));
    expect(errors).toEqual([{ path: "partialRefunds.minPercent", message: "Must not be more than the maximum" }]);
  });

  it("labels paths for the summary", () => {
    expect(fieldLabel("calendar.holidays.2.date")).toBe("Business calendar › Holidays #3 › Date");
    expect(fieldLabel("claims.DEFECTIVE.reportWindowDays")).toBe("Claims › Defective item › Report window (days)");
    expect(fieldLabel("returnWindow.days")).toBe("Return window › Days");
  });
});

describe("exclusion matchers", () => {
  it("changing the kind keeps the values where the new kind has them", () => {
    expect(changeMatcherKind({ by: "productTag", values: ["a", "b"] }, "vendor")).toEqual({ by: "vendor", values: ["a", "b"] });
    expect(changeMatcherKind({ by: "productTag", values: ["engrav"] }, "lineItemPropertyKey")).toEqual({ by: "lineItemPropertyKey", contains: ["engrav"] });
    expect(changeMatcherKind({ by: "productTag", values: ["a"] }, "giftCard")).toEqual({ by: "giftCard" });
  });

  it("match-count parameters name each countable value once", () => {
    const params = new URLSearchParams(
      matchCountParams([
        { by: "productTag", values: ["hygiene", " hygiene ", "final sale"] },
        { by: "vendor", values: ["Acme"] },
        { by: "giftCard" },
        { by: "lineItemPropertyKey", contains: ["engrav"] },
        { by: "sellingPlan" },
      ]),
    );
    expect([...params]).toEqual([
      ["productTag", "hygiene"],
      ["productTag", "final sale"],
      ["vendor", "Acme"],
      ["giftCard", "true"],
    ]);
    expect(matchCountParams([{ by: "sellingPlan" }])).toBe("");
  });
});
