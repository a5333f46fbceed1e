// The policy editor (/app/policy/edit) and its live match count (/app/policy/match-count),
// called as Remix calls them: the real loader and action with signed admin requests, a real
// database, Shopify = the stand-in.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { usFederalHolidays } from "~/domain/calendar/us-federal-holidays";
import { PRESET_IDS, parsePolicy, presets, type Policy } from "~/domain/policy";
import { confirmAssumption, setIn, toFormState, type MatchCountResult, type PolicyForm, type PolicySaveResult } from "~/lib/policy-form";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, installShop, standIn } from "../helpers/shopify-test-app";
import { addProduct, type ProductSpec } from "../standin/seed";

const route = () => import("~/routes/app.policy.edit");
const countRoute = () => import("~/routes/app.policy.match-count");
const db = async () => (await import("~/db.server")).default;

async function newShop(prefix: string) {
  const store = `${prefix}-${randomUUID().slice(0, 8)}`;
  const session = await installShop(store);
  return { store, shop: session.shop };
}

async function load(store: string, query = "") {
  const { loader } = await route();
  return loader({ request: await adminDocumentRequest(store, `/app/policy/edit${query}`), params: {}, context: {} });
}

async function save(store: string, body: unknown) {
  const { action } = await route();
  const request = await adminFetchRequest(store, "/app/policy/edit", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const res = await action({ request, params: {}, context: {} });
  return { status: res.status, body: (await res.json()) as PolicySaveResult };
}

async function count(store: string, query: string) {
  const { loader } = await countRoute();
  const res = await loader({ request: await adminFetchRequest(store, `/app/policy/match-count?${query}`), params: {}, context: {} });
  return { status: res.status, body: (await res.json()) as MatchCountResult };
}

async function versions(shop: string) {
  return (await db()).policyVersion.findMany({ where: { shop }, orderBy: { version: "asc" } });
}

const stored = (row: { policyJson: string }): Policy => JSON.parse(row.policyJson) as Policy;

/** A shop whose policy in force is version 1, saved from `preset`. */
async function shopWithPolicy(prefix: string, preset: (typeof PRESET_IDS)[number] = "purtly") {
  const s = await newShop(prefix);
  const { savePolicyVersion } = await import("~/models/policy-version.server");
  await savePolicyVersion(await db(), s.shop, presets[preset], { actor: "test", presetId: preset });
  return s;
}

describeDb(`policy editor (${dbProvider})`, () => {
  it("without a policy: the blank skeleton in the shop's own time zone, every default marked as assumed", async () => {
    const s = await newShop("editor-blank");
    standIn.shops.get(s.shop)!.ianaTimezone = "Europe/Berlin";
    standIn.shops.get(s.shop)!.name = "Berlin Boutique";
    const data = await load(s.store);

    expect(data.active).toBeNull();
    expect(data.presets).toEqual(PRESET_IDS.map((id) => ({ id, name: presets[id].name })));
    expect(data.presets).toHaveLength(5);
    expect(data.start).toEqual({ kind: "blank", presetId: null });
    expect(data.presetId).toBeNull();
    expect(data.notice).toBeNull();

    const form = data.form;
    expect(parsePolicy(form)).toEqual(form); // valid as it stands, and complete (nothing left to default)
    expect(form).toMatchObject({ name: "Berlin Boutique", timeZone: "Europe/Berlin", id: s.store.toLowerCase() });
    expect(form.returnWindow.days).toBe(30);
    expect(form.calendar.weekendDays).toEqual([6, 7]);
    expect(form.conditions.DAMAGED).toEqual({ accepted: false });
    expect(form.conditions.OPENED).toEqual({ accepted: true, refundPercent: 100 });
    expect(form.exclusions).toEqual([]);
    expect(form.assumptions.map((a) => a.path)).toEqual(expect.arrayContaining(["timeZone", "calendar.weekendDays", "returnWindow.days", "conditions", "exclusions"]));
    expect(data.timeZones).toContain("Europe/Berlin");
    expect(data.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await versions(s.shop)).toHaveLength(0); // loading saves nothing
  });

  it("with a policy: the form is the policy in force, read from the database only", async () => {
    const s = await shopWithPolicy("editor-current", "pura");
    const calls = standIn.ledger.forShop(s.shop).length;
    const data = await load(s.store);
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    expect(data.active).toEqual({ version: 1, presetId: "pura", name: "Pura" });
    expect(data.start).toEqual({ kind: "current", presetId: "pura" });
    expect(data.form).toEqual(toFormState(presets.pura));

    // ?start=blank still offers the skeleton.
    expect((await load(s.store, "?start=blank")).start.kind).toBe("blank");
  });

  it("?preset=<id> loads that preset into the form; an unknown preset says so and keeps the policy", async () => {
    const s = await shopWithPolicy("editor-preset", "purtly");
    for (const id of PRESET_IDS) {
      const data = await load(s.store, `?preset=${id}`);
      expect(data.start).toEqual({ kind: "preset", presetId: id });
      expect(data.presetId).toBe(id);
      expect(data.form).toEqual(toFormState(presets[id]));
      expect(data.active?.version).toBe(1);
    }
    const unknown = await load(s.store, "?preset=no-such-preset");
    expect(unknown.start.kind).toBe("current");
    expect(unknown.form).toEqual(toFormState(presets.purtly));
    expect(unknown.notice).toContain('no preset called "no-such-preset"');
  });

  it("refuses bad input with 400 and each error at its field's path; nothing is saved", async () => {
    const s = await shopWithPolicy("editor-invalid");
    const form = (await load(s.store)).form;
    const before = await versions(s.shop);
    const cases: Array<{ name: string; policy: unknown; errors: Array<{ path: string; message?: string }> }> = [
      { name: "window days −1", policy: setIn(form, ["returnWindow", "days"], -1), errors: [{ path: "returnWindow.days", message: "Enter 0 or more" }] },
      {
        name: "partial refund min > max",
        policy: setIn(setIn(setIn(form, ["partialRefunds", "allowed"], true), ["partialRefunds", "minPercent"], 80), ["partialRefunds", "maxPercent"], 20),
        errors: [{ path: "partialRefunds.minPercent", message: "Must not be more than the maximum" }],
      },
      { name: "unknown condition value", policy: setIn(form, ["conditions", "USED"], { accepted: "SOMETIMES", refundPercent: 50 }), errors: [{ path: "conditions.USED.accepted" }] },
      { name: "malformed holiday date", policy: setIn(form, ["calendar", "holidays"], [{ date: "2026-13-40", name: "Nope" }]), errors: [{ path: "calendar.holidays.0.date", message: "Enter a YYYY-MM-DD date" }] },
      { name: "a number field holding text", policy: setIn(form, ["claims", "DEFECTIVE", "reportWindowDays"], "thirty"), errors: [{ path: "claims.DEFECTIVE.reportWindowDays", message: "Enter a number" }] },
      {
        name: "several at once",
        policy: setIn(setIn(form, ["returnWindow", "days"], -1), ["exclusions", 0, "appliesTo"], []),
        errors: [{ path: "returnWindow.days" }, { path: "exclusions.0.appliesTo", message: "Add at least one" }],
      },
    ];
    for (const c of cases) {
      const res = await save(s.store, { intent: "save", policy: c.policy, presetId: "purtly", baseVersion: 1 });
      expect(res.status, c.name).toBe(400);
      expect(res.body.ok, c.name).toBe(false);
      if (res.body.ok) continue;
      expect(res.body.code, c.name).toBe("INVALID_POLICY");
      expect(res.body.errors, c.name).toEqual(c.errors.map((e) => (e.message ? e : expect.objectContaining(e))));
      expect(res.body.error, c.name).toContain("nothing was saved");
    }

    // A request that is not a save at all.
    const notJson = await (async () => {
      const { action } = await route();
      const request = await adminFetchRequest(s.store, "/app/policy/edit", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
      return action({ request, params: {}, context: {} });
    })();
    expect(notJson.status).toBe(400);
    expect((await save(s.store, { policy: form, baseVersion: 1 })).status).toBe(400);

    expect(await versions(s.shop)).toEqual(before);
  });

  it("a valid save is version N+1 with exactly the submitted rules; untouched rules are kept", async () => {
    const s = await shopWithPolicy("editor-save", "purtly");
    const form: PolicyForm = (await load(s.store)).form;
    const holidays = usFederalHolidays(2026).map((h) => ({ date: h.date, name: h.name }));
    let edited = setIn(form, ["returnWindow", "days"], 45);
    edited = setIn(edited, ["conditions", "OPENED"], { accepted: true, refundPercent: 85 });
    edited = setIn(edited, ["calendar", "holidays"], holidays);
    edited = setIn(edited, ["rma", "prefix"], "RET-");
    edited = setIn(edited, ["service", "escalationDecision"], { min: null, max: 3, unit: "BUSINESS_DAYS" });
    edited = setIn(edited, ["exclusions"], [
      ...form.exclusions,
      { id: "hygiene", title: "Hygiene products", match: [{ by: "productTag", values: ["hygiene"] }], code: "FINAL_SALE", reason: "Opened hygiene products can't be returned.", appliesTo: ["RETURN"] },
    ]);

    const res = await save(s.store, { intent: "save", policy: edited, presetId: "purtly", baseVersion: 1 });
    expect(res).toEqual({ status: 200, body: { ok: true, version: 2, message: "Policy version 2 saved" } });

    const rows = await versions(s.shop);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[1]).toMatchObject({ presetId: "purtly", createdBy: "staff:12345" });
    const saved = stored(rows[1]!);
    expect(saved).toEqual(parsePolicy(edited));
    expect(saved.returnWindow.days).toBe(45);
    expect(saved.conditions.OPENED).toEqual({ accepted: true, refundPercent: 85 });
    expect(saved.calendar.holidays).toHaveLength(11);
    expect(saved.calendar.holidays).toContainEqual({ date: "2026-07-03", name: "Independence Day (observed)" });
    expect(saved.exclusions.map((e) => e.id)).toEqual([...presets.purtly.exclusions.map((e) => e.id), "hygiene"]);
    // Rules the page does not render travel unchanged.
    const v1 = stored(rows[0]!);
    for (const key of ["exchanges", "rejectedItems", "returnToSender", "subscriptions", "refund", "inspection", "source", "locale"] as const) expect(saved[key], key).toEqual(v1[key]);
    expect(saved.service.channels).toEqual(v1.service.channels);
    expect(saved.calendar.holidayRules).toEqual(v1.calendar.holidayRules);
    expect(saved.assumptions).toEqual(v1.assumptions);

    // The editor now shows version 2.
    const after = await load(s.store);
    expect(after.active?.version).toBe(2);
    expect(after.form).toEqual(toFormState(saved));
  });

  it("confirming an assumption removes it from the saved policy", async () => {
    const s = await shopWithPolicy("editor-confirm", "pura");
    const form: PolicyForm = (await load(s.store)).form;
    expect(form.assumptions.some((a) => a.path === "returnWindow.days")).toBe(true);
    const confirmed = confirmAssumption(confirmAssumption(form, "returnWindow.days"), "exclusions.gift-card");
    const res = await save(s.store, { intent: "save", policy: confirmed, presetId: "pura", baseVersion: 1 });
    expect(res.status).toBe(200);
    const saved = stored((await versions(s.shop)).at(-1)!);
    expect(saved.assumptions.map((a) => a.path)).not.toContain("returnWindow.days");
    expect(saved.assumptions.map((a) => a.path)).not.toContain("exclusions.gift-card");
    expect(saved.assumptions).toHaveLength(form.assumptions.length - 2);
    expect(saved.returnWindow.days).toBe(form.returnWindow.days); // the value stays; only the flag goes
  });

  it("a preset saved as the first version records where it came from; a blank one records none", async () => {
    const a = await newShop("editor-first");
    const fromPreset = await load(a.store, "?preset=kendra-scott-mall");
    expect((await save(a.store, { intent: "save", policy: fromPreset.form, presetId: fromPreset.presetId, baseVersion: null })).status).toBe(200);
    expect((await versions(a.shop)).map((r) => [r.version, r.presetId])).toEqual([[1, "kendra-scott-mall"]]);

    const b = await newShop("editor-first-blank");
    const blank = await load(b.store);
    expect((await save(b.store, { intent: "save", policy: blank.form, presetId: blank.presetId, baseVersion: null })).status).toBe(200);
    const rows = await versions(b.shop);
    expect(rows.map((r) => [r.version, r.presetId])).toEqual([[1, null]]);
    expect(stored(rows[0]!)).toEqual(blank.form);
  });

  it("a save over a version saved meanwhile is refused (409), nothing written", async () => {
    const s = await shopWithPolicy("editor-conflict");
    const form = (await load(s.store)).form;
    expect((await save(s.store, { intent: "save", policy: setIn(form, ["returnWindow", "days"], 40), presetId: null, baseVersion: 1 })).status).toBe(200);
    const stale = await save(s.store, { intent: "save", policy: setIn(form, ["returnWindow", "days"], 60), presetId: null, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Version 2 was saved while you were editing") });
    const rows = await versions(s.shop);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(stored(rows[1]!).returnWindow.days).toBe(40);
  });

  it("another shop's policy is never read or written", async () => {
    const a = await shopWithPolicy("editor-shop-a", "purtly");
    const b = await newShop("editor-shop-b");
    const aRows = await versions(a.shop);

    const seen = await load(b.store);
    expect(seen.active).toBeNull();
    expect(seen.start.kind).toBe("blank");
    expect(JSON.stringify(seen.form).toLowerCase()).not.toContain("purtly");

    // B claiming A's version number writes nothing anywhere.
    const claimed = await save(b.store, { intent: "save", policy: toFormState(presets.purtly), presetId: "purtly", baseVersion: 1 });
    expect(claimed.status).toBe(409);
    expect(await versions(b.shop)).toHaveLength(0);

    expect((await save(b.store, { intent: "save", policy: seen.form, presetId: null, baseVersion: null })).status).toBe(200);
    expect(await versions(a.shop)).toEqual(aRows);
    expect((await versions(b.shop)).map((r) => r.version)).toEqual([1]);
    expect((await load(a.store)).form).toEqual(toFormState(presets.purtly));
  });

  it("match count: the number of the store's products with that tag, product type or vendor, and gift cards", async () => {
    const s = await newShop("editor-count");
    const other = await newShop("editor-count-other");
    const specs: ProductSpec[] = [
      { title: "Lip Balm", productType: "Lip Care", vendor: "Acme", tags: ["hygiene", "final-sale"], price: "8.00" },
      { title: "Face Serum", productType: "Serum", vendor: "Acme", tags: ["Hygiene"], price: "28.00" },
      { title: "Night Serum", productType: "Serum", vendor: "Glow Co", tags: ["skincare"], price: "32.00" },
      { title: "Tote Bag", productType: "Bag", vendor: "Glow Co", tags: [], price: "15.00" },
      { title: "Gift Card", productType: "Gift Card", vendor: "Acme", tags: [], price: "25.00", isGiftCard: true },
      { title: "Eye Cream", productType: "Cream", vendor: "Acme", tags: ["final sale"], price: "22.00" },
    ];
    const products = specs.map((spec) => addProduct(standIn.store(s.shop), spec));
    // Another shop's products never count.
    addProduct(standIn.store(other.shop), { title: "Foreign Balm", productType: "Serum", vendor: "Acme", tags: ["hygiene"], price: "9.00" });

    const res = await count(s.store, "productTag=hygiene&productTag=final%20sale&productType=Serum&vendor=Acme&giftCard=true");
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error(res.body.error);
    const expected = (pred: (p: (typeof products)[number]) => boolean) => products.filter(pred).length;
    const lower = (t: string) => t.toLowerCase();
    expect(res.body.counts).toEqual([
      { by: "productTag", value: "hygiene", query: 'tag:"hygiene"', count: expected((p) => p.tags.some((t) => lower(t) === "hygiene")), precision: "EXACT" },
      { by: "productTag", value: "final sale", query: 'tag:"final sale"', count: expected((p) => p.tags.some((t) => lower(t) === "final sale")), precision: "EXACT" },
      { by: "productType", value: "Serum", query: 'product_type:"Serum"', count: expected((p) => lower(p.productType) === "serum"), precision: "EXACT" },
      { by: "vendor", value: "Acme", query: 'vendor:"Acme"', count: expected((p) => lower(p.vendor) === "acme"), precision: "EXACT" },
      { by: "giftCard", value: null, query: "gift_card:true", count: expected((p) => p.isGiftCard), precision: "EXACT" },
    ]);
    expect(res.body.counts.map((c) => c.count)).toEqual([2, 1, 2, 4, 1]);
    expect(standIn.ledger.forShop(s.shop).filter((c) => c.operationName === "ProductMatchCount")).toHaveLength(5);
    expect(standIn.ledger.forShop(other.shop).some((c) => c.operationName === "ProductMatchCount")).toBe(false);

    // A tag no product has counts 0; blank or too many values are refused before Shopify is asked.
    const none = await count(s.store, "productTag=no-such-tag");
    expect(none.body).toEqual({ ok: true, counts: [expect.objectContaining({ value: "no-such-tag", count: 0 })] });
    const calls = standIn.ledger.forShop(s.shop).length;
    expect((await count(s.store, "productTag=%20")).status).toBe(400);
    expect((await count(s.store, Array.from({ length: 21 }, (_, i) => `vendor=v${i}`).join("&"))).status).toBe(400);
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
  });

  it("when Shopify cannot be reached: the count says so (503) and the blank skeleton starts in UTC with a notice", async () => {
    const s = await newShop("editor-down");
    try {
      standIn.faults.next({ kind: "5xx", operationName: "ProductMatchCount" }, { kind: "5xx", operationName: "ProductMatchCount" });
      const down = await count(s.store, "productTag=hygiene");
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ok: false, status: 503, error: expect.stringContaining("could not be reached") });

      standIn.faults.next({ kind: "5xx", operationName: "ShopSummary" }, { kind: "5xx", operationName: "ShopSummary" });
      const blank = await load(s.store);
      expect(blank.start.kind).toBe("blank");
      expect(blank.form.timeZone).toBe("UTC");
      expect(blank.notice).toContain("starts in UTC");
      expect(parsePolicy(blank.form)).toEqual(blank.form);
    } finally {
      standIn.faults.reset();
    }
  });

  it("the stand-in's productsCount caps at its limit with precision AT_LEAST, as Shopify does", async () => {
    const s = await newShop("editor-count-limit");
    for (let i = 0; i < 3; i++) addProduct(standIn.store(s.shop), { title: `Soap ${i}`, productType: "Soap", vendor: "Acme", tags: ["hygiene"], price: "5.00" });
    const { authenticate } = await import("~/shopify.server");
    const { admin } = await authenticate.admin(await adminFetchRequest(s.store, "/app"));
    const run = async (limit: number | null) => {
      const res = await admin.graphql(`#graphql
        query TestProductsCountLimit($q: String!, $limit: Int) { productsCount(query: $q, limit: $limit) { count precision } }`, { variables: { q: "tag:hygiene", limit } });
      return ((await res.json()) as { data: { productsCount: { count: number; precision: string } } }).data.productsCount;
    };
    expect(await run(2)).toEqual({ count: 2, precision: "AT_LEAST" });
    expect(await run(3)).toEqual({ count: 3, precision: "EXACT" });
    expect(await run(null)).toEqual({ count: 3, precision: "EXACT" });
  });
});
