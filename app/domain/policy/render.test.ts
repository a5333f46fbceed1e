import { describe, expect, it } from "vitest";
import { PRESET_IDS, citableClauseIds, policySchema, presetInputs, presets, renderPolicyText, resolveLocale } from "./index";

describe("renderPolicyText", () => {
  it.each(PRESET_IDS)("%s: one section per clause, with stable unique ids, in Markdown and HTML", (id) => {
    const r = renderPolicyText(presets[id], "en");
    const ids = r.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of r.clauses) {
      expect(c.id).toMatch(/^[a-z]+(?:[.-][a-z0-9]+)*$/);
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.text.length).toBeGreaterThan(0);
      expect(r.markdown).toContain(`<a id="${c.id}"></a>`);
      expect(r.html).toContain(`<section id="${c.id}" data-clause="${c.id}">`);
    }
    expect(r.markdown.startsWith(`# Returns and refunds at ${presets[id].name}`)).toBe(true);
  });
  it.each(PRESET_IDS)("%s: every clause a decision can cite is in the text", (id) => {
    const rendered = new Set(renderPolicyText(presets[id]).clauses.map((c) => c.id));
    for (const c of citableClauseIds(presets[id])) expect(rendered.has(c), c).toBe(true);
  });
  it("states the rules with their numbers", () => {
    const purtly = renderPolicyText(presets.purtly).clauses;
    const text = (id: string) => purtly.find((c) => c.id === id)?.text ?? "";
    expect(text("window.return")).toContain("within 30 days of delivery");
    expect(text("condition.opened")).toBe("Opened items are refunded at 85% of the price paid; the remaining 15% covers restocking.");
    expect(text("shipping.original")).toContain("once per order");
    expect(text("claim.defective.evidence")).toContain("a photo or a video");
    expect(text("inspection")).toContain("7 business days");
    const pura = renderPolicyText(presets.pura).clauses;
    expect(pura.find((c) => c.id === "service.first-reply")?.text).toContain("24–48 business hours");
    expect(pura.find((c) => c.id === "service.escalation")?.text).toContain("3 business days");
    const ksm = renderPolicyText(presets["kendra-scott-mall"]).clauses;
    expect(ksm.find((c) => c.id === "exclusion.final-sale")?.text).toContain("Final Sale");
  });
  it("escapes merchant text in HTML and Markdown", () => {
    const input = structuredClone(presetInputs.purtly);
    input.name = 'Bob & <script>alert("x")</script>';
    const r = renderPolicyText(policySchema.parse(input));
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain("Bob &amp; &lt;script&gt;");
    expect(r.markdown).not.toContain("<script>");
  });
  it("resolves locales to a supported catalog (English now)", () => {
    expect(resolveLocale("en-US")).toBe("en");
    expect(resolveLocale("fr-CA")).toBe("en");
    expect(renderPolicyText(presets.purtly, "en-GB").locale).toBe("en");
  });
});
