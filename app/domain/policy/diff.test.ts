import { describe, expect, it } from "vitest";
import { diffPolicies, policyPathLabel, type PolicyChange } from "./diff";
import { PRESET_IDS, presets } from "./presets";
import { parsePolicy, resolvePolicyPath, type Policy } from "./schema";

/** A modified copy of a preset, validated like a saved version. */
function edit(base: Policy, change: (draft: Policy) => void): Policy {
  const draft = structuredClone(base);
  change(draft);
  return parsePolicy(draft);
}

const purtly = presets.purtly;
const texts = (changes: PolicyChange[]) => changes.map((c) => c.text);

describe("diffPolicies", () => {
  it("finds nothing between identical versions", () => {
    expect(diffPolicies(purtly, purtly)).toEqual([]);
    expect(diffPolicies(purtly, parsePolicy(structuredClone(purtly)))).toEqual([]);
    for (const id of PRESET_IDS) expect(diffPolicies(presets[id], edit(presets[id], () => {}))).toEqual([]);
  });

  it("reports one changed percentage with before and after in merchant words", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.conditions.OPENED = { accepted: true, refundPercent: 80 };
      }),
    );
    expect(changes).toEqual([
      { path: "conditions.OPENED.refundPercent", label: "Opened items: refund", kind: "changed", before: "85 %", after: "80 %", text: "Opened items: refund 85 % → 80 %" },
    ]);
  });

  it("labels the important fields", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.returnWindow.days = 45;
        p.rma.prefix = "RET-";
        p.claims.DEFECTIVE.reportWindowDays = 14;
        p.partialRefunds.maxPercent = 50;
        p.refund.method = "STORE_CREDIT";
        p.claims.RETURN.returnShippingPaidBy = "MERCHANT";
        p.rejectedItems.disposition = "RETURN_TO_CUSTOMER";
        p.timeZone = "Europe/Berlin";
      }),
    );
    expect(texts(changes)).toEqual([
      "Time zone: America/New_York → Europe/Berlin",
      "Return window: 30 days → 45 days",
      "Change-of-mind returns: return shipping paid by the customer → the store",
      "Defective items: report within 30 days → 14 days",
      "Partial refunds: maximum 100 % → 50 %",
      "RMA prefix: RMA- → RET-",
      "Refund method: original payment method → store credit",
      "Items rejected at inspection: discarded → sent back to the customer",
    ]);
    expect(changes.map((c) => c.path)).toEqual([
      "timeZone",
      "returnWindow.days",
      "claims.RETURN.returnShippingPaidBy",
      "claims.DEFECTIVE.reportWindowDays",
      "partialRefunds.maxPercent",
      "rma.prefix",
      "refund.method",
      "rejectedItems.disposition",
    ]);
    expect(changes.every((c) => c.kind === "changed")).toBe(true);
  });

  it("matches exclusions by id: an added, a removed and an edited one, never shifted positions", () => {
    const soulmate = presets["soulmate-spark-studio"];
    expect(soulmate.exclusions.map((e) => e.id)).toEqual(["hygiene", "personalized", "gift-card"]);
    const hygiene = soulmate.exclusions[0]!;
    const withoutHygiene = edit(soulmate, (p) => {
      p.exclusions = p.exclusions.filter((e) => e.id !== "hygiene");
      p.assumptions = p.assumptions.filter((a) => !a.path.startsWith("exclusions.hygiene"));
      p.exclusions.find((e) => e.id === "gift-card")!.reason = "Gift cards are final.";
    });
    const removed = diffPolicies(soulmate, withoutHygiene, { assumptions: "ignore" });
    expect(removed).toEqual([
      {
        path: "exclusions.gift-card.reason",
        label: "Exclusion 'Gift cards': reason shown to shoppers",
        kind: "changed",
        before: soulmate.exclusions[2]!.reason,
        after: "Gift cards are final.",
        text: `Exclusion 'Gift cards': reason shown to shoppers "${soulmate.exclusions[2]!.reason}" → "Gift cards are final."`,
      },
      { path: "exclusions.hygiene", label: `Exclusion '${hygiene.title}'`, kind: "removed", before: `Excluded: ${hygiene.reason}`, after: null, text: `Exclusion '${hygiene.title}' removed` },
    ]);
    // And back: the same exclusion added.
    const added = diffPolicies(withoutHygiene, soulmate, { assumptions: "ignore" }).find((c) => c.path === "exclusions.hygiene");
    expect(added).toMatchObject({ kind: "added", before: null, after: `Excluded: ${hygiene.reason}`, text: `Exclusion '${hygiene.title}' added` });
  });

  it("reports a new exclusion in the merchant's words", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.exclusions.push({ id: "hygiene", title: "Personal hygiene products", match: [{ by: "productTag", values: ["hygiene"] }], code: "EXCLUDED", reason: "Opened hygiene products can't be returned.", appliesTo: ["RETURN"] });
      }),
    );
    expect(texts(changes)).toEqual(["Exclusion 'Personal hygiene products' added"]);
  });

  it("reports edits inside an exclusion's matchers and claim types", () => {
    const kendra = presets["kendra-scott-mall"];
    const finalSale = kendra.exclusions.find((e) => e.id === "final-sale")!;
    const changes = diffPolicies(
      kendra,
      edit(kendra, (p) => {
        const e = p.exclusions.find((x) => x.id === "final-sale")!;
        e.appliesTo = ["RETURN", "WRONG_ITEM"];
        e.match = [...e.match, { by: "vendor", values: ["Outlet"] }] as typeof e.match;
      }),
    );
    expect(changes.map((c) => [c.path, c.kind])).toEqual([
      ["exclusions.final-sale.match.vendor", "added"],
      ["exclusions.final-sale.appliesTo", "changed"],
    ]);
    expect(changes[0]).toMatchObject({ label: `Exclusion '${finalSale.title}': matches vendors`, after: "vendors Outlet" });
    expect(changes[1]).toMatchObject({ label: `Exclusion '${finalSale.title}': applies to`, before: "change-of-mind returns", after: "change-of-mind returns, wrong items" });
  });

  it("compares list items without a unique key as wholes", () => {
    const kendra = presets["kendra-scott-mall"];
    const changes = diffPolicies(
      kendra,
      edit(kendra, (p) => {
        const e = p.exclusions.find((x) => x.id === "final-sale")!;
        // Two matchers "by" productTag: no unique key, so items are compared whole.
        e.match = [...e.match, { by: "productTag", values: ["clearance"] }, { by: "productTag", values: ["outlet"] }] as typeof e.match;
      }),
    );
    expect(changes.map((c) => c.kind)).toEqual(["added", "added"]);
    expect(changes.map((c) => c.after)).toEqual(["product tags clearance", "product tags outlet"]);
  });

  it("matches closures by date and recurring holidays by name", () => {
    const base = edit(purtly, (p) => {
      p.calendar.holidays = [{ date: "2026-12-25", name: "Christmas" }];
    });
    const next = edit(base, (p) => {
      p.calendar.holidays = [{ date: "2026-12-31", name: "New Year's Eve" }];
      p.calendar.holidayRules = p.calendar.holidayRules.filter((r) => r.name !== "Columbus Day");
    });
    const changes = diffPolicies(base, next, { assumptions: "ignore" });
    expect(changes).toEqual([
      { path: "calendar.holidays.2026-12-31", label: "Holiday 2026-12-31", kind: "added", before: null, after: "New Year's Eve", text: "Holiday 2026-12-31 added" },
      { path: "calendar.holidays.2026-12-25", label: "Holiday 2026-12-25", kind: "removed", before: "Christmas", after: null, text: "Holiday 2026-12-25 removed" },
      {
        path: "calendar.holidayRules.Columbus Day",
        label: "Holiday 'Columbus Day'",
        kind: "removed",
        before: "Columbus Day: second Monday of October",
        after: null,
        text: "Holiday 'Columbus Day' removed",
      },
    ]);
  });

  it("treats lists of plain values as sets", () => {
    const reordered = edit(purtly, (p) => {
      p.calendar.weekendDays = [7, 6];
      p.exchanges.replacementFor = ["DAMAGED_IN_TRANSIT", "DEFECTIVE"];
    });
    expect(diffPolicies(purtly, reordered)).toEqual([]);
    const sundayOnly = edit(purtly, (p) => {
      p.calendar.weekendDays = [7];
    });
    expect(texts(diffPolicies(purtly, sundayOnly, { assumptions: "ignore" }))).toEqual(["Weekend days: Saturday, Sunday → Sunday"]);
  });

  it("reports a reordering of exclusions (the policy text lists them in that order)", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.exclusions = [...p.exclusions].reverse();
      }),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: "exclusions", kind: "changed", label: "Order of exclusions" });
    expect(changes[0]!.before).toBe("Exclusion 'Subscriptions and memberships', Exclusion 'Gift cards'");
  });

  it("reports a rule whose kind changed as one change", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.conditions.DAMAGED = { accepted: true, refundPercent: 50 };
        p.conditions.USED = { accepted: false };
        p.originalShipping = { mode: "FIXED", amount: { amount: "5.00", currencyCode: "USD" } };
        p.returnShipping.labelCost = { mode: "FIXED", amount: { amount: "7.99", currencyCode: "USD" } };
      }),
    );
    expect(texts(changes)).toEqual([
      "Used items: refund 85 % → not accepted",
      "Damaged items: not accepted → refund 50 %",
      "Original shipping deducted: the order's shipping charge → fixed 5.00 USD",
      "Label cost deducted when no fault is found: the actual label cost → fixed 7.99 USD",
    ]);
  });

  it("reports durations, amounts and optional sections set or cleared", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.inspection.within = null;
        p.refund.processingTime = { min: 2, max: 5, unit: "BUSINESS_DAYS" };
        p.service.firstReply = { min: null, max: 1, unit: "BUSINESS_DAYS" };
        p.returnShipping.customerLabelFee = { amount: "7.99", currencyCode: "USD" };
        p.returnToSender = null;
      }),
      { assumptions: "ignore" },
    );
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ["returnShipping.customerLabelFee", "none (the customer ships at their own cost)", "7.99 USD"],
      ["inspection.within", "7 business days", "not stated"],
      ["refund.processingTime", "3–5 business days", "2–5 business days"],
      ["returnToSender", expect.stringContaining("wrong address: refund deducts: return shipping"), "not covered by the policy"],
      ["service.firstReply", "not stated", "1 business day"],
    ]);
    expect(changes[1]!.text).toBe("Inspection time: 7 business days → not stated");
  });

  it("compares nested fields of a claim rule", () => {
    const changes = diffPolicies(
      purtly,
      edit(purtly, (p) => {
        p.claims.DEFECTIVE.evidence = { required: false, kinds: ["photo"], onMissing: "REJECT" };
        p.claims.MISSING_ITEM.offered = false;
      }),
    );
    expect(texts(changes)).toEqual([
      "Defective items: evidence required yes → no",
      "Defective items: evidence accepted photo, video → photo",
      "Defective items: without evidence handle as a change-of-mind return → reject the item",
      "Missing items: offered yes → no",
    ]);
  });

  it("shows confirmed assumptions, or ignores them on request", () => {
    const confirmed = edit(purtly, (p) => {
      p.assumptions = p.assumptions.filter((a) => a.path !== "rma.prefix" && a.path !== "exclusions.gift-card");
    });
    const changes = diffPolicies(purtly, confirmed);
    expect(changes).toEqual([
      { path: "assumptions.exclusions.gift-card", label: "Confirmed: Exclusion 'Gift cards'", kind: "confirmed", before: purtly.assumptions.find((a) => a.path === "exclusions.gift-card")!.note, after: null, text: "Confirmed: Exclusion 'Gift cards'" },
      { path: "assumptions.rma.prefix", label: "Confirmed: RMA prefix", kind: "confirmed", before: purtly.assumptions.find((a) => a.path === "rma.prefix")!.note, after: null, text: "Confirmed: RMA prefix" },
    ]);
    expect(diffPolicies(purtly, confirmed, { assumptions: "ignore" })).toEqual([]);
    // The other way round: a new assumption.
    expect(diffPolicies(confirmed, purtly).map((c) => [c.kind, c.text])).toEqual([
      ["assumed", "Assumed: Exclusion 'Gift cards'"],
      ["assumed", "Assumed: RMA prefix"],
    ]);
    // A changed note alone is not a change of the rules.
    const reworded = edit(purtly, (p) => {
      p.assumptions = p.assumptions.map((a) => ({ ...a, note: `${a.note} (reworded)` }));
    });
    expect(diffPolicies(purtly, reworded)).toEqual([]);
  });

  it("labels a field it does not know from its path", () => {
    const future = { ...purtly, returnWindow: { ...purtly.returnWindow, graceHours: 4 } } as unknown as Policy;
    expect(diffPolicies(purtly, future)).toEqual([
      { path: "returnWindow.graceHours", label: "Grace hours", kind: "changed", before: "not stated", after: "4", text: "Grace hours: not stated → 4" },
    ]);
  });

  it("finds every edit of every leaf of every preset, under that leaf's path, with a label", () => {
    for (const id of PRESET_IDS) {
      const base = presets[id];
      for (const leaf of leaves(base).filter((l) => !l.path.startsWith("assumptions."))) {
        const changed = structuredClone(base) as unknown as Record<string, unknown>;
        setPath(changed, leaf.segments, leaf.value === null && leaf.path.endsWith(".min") ? 1 : mutate(leaf.value));
        const changes = diffPolicies(base, changed as unknown as Policy, { assumptions: "ignore" });
        expect(changes.length, `${id} ${leaf.path}`).toBeGreaterThan(0);
        // Editing the key a list item is matched by makes it another item: one removed, one added.
        if (leaf.isKey) expect(changes.map((c) => c.kind).sort(), `${id} ${leaf.path}`).toEqual(["added", "removed"]);
        for (const c of leaf.isKey ? [] : changes) {
          expect(leaf.path === c.path || leaf.path.startsWith(`${c.path}.`), `${id} ${leaf.path} reported as ${c.path}`).toBe(true);
          expect(c.label).not.toMatch(/undefined|\[object|^Policy$/);
          expect(c.text).not.toMatch(/undefined|\[object/);
          expect(c.text.startsWith(c.label)).toBe(true);
        }
      }
    }
  });

  it("is symmetric: every preset against every other, added and removed swap", () => {
    for (const x of PRESET_IDS) {
      for (const y of PRESET_IDS) {
        const forward = diffPolicies(presets[x], presets[y]);
        const backward = diffPolicies(presets[y], presets[x]);
        if (x === y) expect(forward).toEqual([]);
        const swap = { added: "removed", removed: "added", confirmed: "assumed", assumed: "confirmed", changed: "changed" } as const;
        expect(backward.map((c) => `${swap[c.kind]} ${c.path}`).sort()).toEqual(forward.map((c) => `${c.kind} ${c.path}`).sort());
        for (const c of forward) {
          expect(c.text.length).toBeGreaterThan(0);
          expect(c.text).not.toMatch(/undefined|\[object/);
          if (c.kind === "changed") expect(c.before).not.toBe(c.after);
        }
      }
    }
  });
});

describe("policyPathLabel", () => {
  it("labels every assumption path of every preset", () => {
    for (const id of PRESET_IDS) {
      for (const a of presets[id].assumptions) {
        expect(resolvePolicyPath(presets[id], a.path)).not.toBeUndefined();
        const label = policyPathLabel(presets[id], a.path);
        expect(label, `${id} ${a.path}`).not.toMatch(/^Policy$|undefined|(^|: )item /);
      }
    }
    expect(policyPathLabel(purtly, "claims.MISSING_ITEM.reportWindowDays")).toBe("Missing items: report within");
    expect(policyPathLabel(purtly, "exclusions.gift-card")).toBe("Exclusion 'Gift cards'");
    expect(policyPathLabel(purtly, "calendar.weekendDays")).toBe("Weekend days");
    expect(policyPathLabel(purtly, "conditions")).toBe("Refunds by item condition");
    expect(policyPathLabel(purtly, "claims.DEFECTIVE.evidence.onMissing")).toBe("Defective items: without evidence");
  });
});

// ─── Leaf walking for the exhaustive test ───────────────────────────────────

type Leaf = { path: string; segments: Array<string | number>; value: unknown; isKey?: boolean };

/** Every primitive (or null) in a policy, with its diff path (list items by key) and its real location. */
function leaves(value: unknown, path: string[] = [], segments: Array<string | number> = [], out: Leaf[] = [], itemKey?: string): Leaf[] {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) {
      out.push({ path: path.join("."), segments, value });
      return out;
    }
    const key = ["id", "date", "path", "name", "address", "by"].find((k) => {
      const vals = value.map((v) => (v as Record<string, unknown>)[k]);
      return vals.every((v) => typeof v === "string") && new Set(vals).size === vals.length;
    });
    value.forEach((item, i) => leaves(item, [...path, key ? String((item as Record<string, unknown>)[key]) : String(i)], [...segments, i], out, key));
    return out;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === itemKey) out.push({ path: [...path, k].join("."), segments: [...segments, k], value: v, isKey: true });
      else leaves(v, [...path, k], [...segments, k], out);
    }
    return out;
  }
  out.push({ path: path.join("."), segments, value });
  return out;
}

function mutate(v: unknown): unknown {
  if (typeof v === "number") return v + 1;
  if (typeof v === "boolean") return !v;
  if (typeof v === "string") return `${v}-x`;
  if (Array.isArray(v)) return [...v, v.length ? `${String(v[0])}-x` : "x"];
  return { min: null, max: 3, unit: "BUSINESS_DAYS" }; // null: a duration set
}

function setPath(target: Record<string, unknown>, segments: Array<string | number>, value: unknown) {
  let cur: Record<string | number, unknown> = target;
  for (const s of segments.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
  cur[segments[segments.length - 1]!] = value;
}
