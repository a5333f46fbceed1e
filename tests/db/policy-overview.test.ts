// The policy overview (/app/policy) and the home page's drift warning, called as Remix calls
// them: the real loader and action with signed admin requests, a real database, Shopify = the
// stand-in (its shop policies are what the shop's customers read).
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { presets, renderPolicyText, type Policy } from "~/domain/policy";
import type { PolicyActionResult } from "~/routes/app.policy._index";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, installShop, shopDomain, standIn } from "../helpers/shopify-test-app";
import { db } from "../helpers/case-scene";

const route = () => import("~/routes/app.policy._index");
const home = () => import("~/routes/app._index");

async function overview(store: string, search = "") {
  const { loader } = await route();
  return loader({ request: await adminDocumentRequest(store, `/app/policy${search}`), params: {}, context: {} });
}

async function homePage(store: string) {
  const { loader } = await home();
  return loader({ request: await adminDocumentRequest(store, "/app"), params: {}, context: {} });
}

async function act(store: string, fields: Record<string, string>) {
  const { action } = await route();
  const request = await adminFetchRequest(store, "/app/policy?index", { method: "POST", body: new URLSearchParams(fields) });
  const res = await action({ request, params: {}, context: {} });
  return { status: res.status, body: (await res.json()) as PolicyActionResult };
}

async function newShop(prefix: string) {
  const store = `${prefix}-${randomUUID().slice(0, 8)}`;
  await installShop(store);
  return { store, shop: shopDomain(store) };
}

async function save(shop: string, policy: Policy, meta: { actor: string; presetId?: string | null }) {
  const { savePolicyVersion } = await import("~/models/policy-version.server");
  return savePolicyVersion(await db(), shop, policy, meta);
}

/** Purtly with opened items refunded at 80 % instead of 85 %. */
function purtlyAt80(): Policy {
  const p = structuredClone(presets.purtly);
  p.conditions.OPENED = { accepted: true, refundPercent: 80 };
  return p;
}

/** Sets the shop's refund policy in the stand-in directly (as the merchant would in Shopify admin). */
function setStoreRefundPolicy(shop: string, body: string) {
  const store = standIn.store(shop);
  const now = Date.now();
  store.policies.set("REFUND_POLICY", { id: "gid://shopify/ShopPolicy/999", type: "REFUND_POLICY", title: "Refund policy", body, createdAt: now, updatedAt: now, url: `https://${shop}/policies/refund-policy` });
}

describeDb(`policy overview (${dbProvider})`, () => {
  it("without a policy: an empty state with the five presets, and nothing asked of Shopify", async () => {
    const { store, shop } = await newShop("policy-empty");
    const calls = standIn.ledger.forShop(shop).length;
    const data = await overview(store);
    expect(standIn.ledger.forShop(shop).length).toBe(calls);
    expect(data).toMatchObject({ current: null, history: [], compare: null, preview: null, drift: null, assumptions: [] });
    expect(data.presets.map((p) => [p.id, p.url])).toEqual([
      ["pura", "/app/policy/edit?preset=pura"],
      ["kendra-scott-mall", "/app/policy/edit?preset=kendra-scott-mall"],
      ["clean-beauty", "/app/policy/edit?preset=clean-beauty"],
      ["purtly", "/app/policy/edit?preset=purtly"],
      ["soulmate-spark-studio", "/app/policy/edit?preset=soulmate-spark-studio"],
    ]);
    expect(data.presets.find((p) => p.id === "purtly")?.name).toBe("Purtly");

    // The home page shows no drift warning without a policy in force.
    expect((await homePage(store)).policyDrift).toBeNull();
  });

  it("two versions: the version in force, the history newest first and the diff that lists exactly the change", async () => {
    const { store, shop } = await newShop("policy-two");
    await save(shop, presets.purtly, { actor: "ana@purtly.example", presetId: "purtly" });
    await save(shop, purtlyAt80(), { actor: "ben@purtly.example", presetId: "purtly" });

    const data = await overview(store);
    expect(data.current).toMatchObject({ version: 2, name: "Purtly", presetId: "purtly", presetName: "Purtly", createdBy: "ben@purtly.example", timeZone: "America/New_York" });
    expect(data.current!.savedAt).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T$/);
    expect(data.history.map((v) => [v.version, v.createdBy, v.presetName])).toEqual([
      [2, "ben@purtly.example", "Purtly"],
      [1, "ana@purtly.example", "Purtly"],
    ]);
    expect(new Date(data.history[0]!.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(data.history[1]!.createdAt).getTime());

    // Default comparison: the latest against the one before it.
    expect(data.compare).toEqual({
      a: 1,
      b: 2,
      notice: null,
      changes: [
        { path: "conditions.OPENED.refundPercent", label: "Opened items: refund", kind: "changed", before: "85 %", after: "80 %", text: "Opened items: refund 85 % → 80 %" },
      ],
    });
    // Any two versions, either way round.
    const reversed = await overview(store, "?a=2&b=1");
    expect(reversed.compare?.changes.map((c) => [c.before, c.after])).toEqual([["80 %", "85 %"]]);
    expect((await overview(store, "?a=2&b=2")).compare).toMatchObject({ a: 2, b: 2, changes: [] });
    // A version the shop does not have: the default pair, with a notice.
    const unknown = await overview(store, "?a=7&b=x");
    expect(unknown.compare).toMatchObject({ a: 1, b: 2, notice: expect.stringContaining("Version 7 and x does not exist") });
    expect(unknown.compare?.changes).toHaveLength(1);

    // The live text and the assumptions still to confirm are those of the version in force.
    expect(data.preview).toEqual({ title: renderPolicyText(purtlyAt80()).title, html: renderPolicyText(purtlyAt80()).html });
    expect(data.preview!.html).toContain("80%");
    expect(data.assumptions).toHaveLength(presets.purtly.assumptions.length);
    expect(data.assumptions.find((a) => a.path === "rma.prefix")).toEqual({ path: "rma.prefix", label: "RMA prefix", note: presets.purtly.assumptions.find((a) => a.path === "rma.prefix")!.note });
  });

  it("one version: no comparison yet", async () => {
    const { store, shop } = await newShop("policy-one");
    await save(shop, presets.pura, { actor: "staff", presetId: "pura" });
    const data = await overview(store);
    expect(data.current).toMatchObject({ version: 1, presetName: "Pura" });
    expect(data.history).toHaveLength(1);
    expect(data.compare).toBeNull();
  });

  it("publishing sends the rendered HTML to Shopify; the drift warning shows before, goes after, and returns with a new version", async () => {
    const { store, shop } = await newShop("policy-publish");
    await save(shop, presets.purtly, { actor: "staff", presetId: "purtly" });

    // The shop has no refund policy: missing, on the overview and the home page.
    expect((await overview(store)).drift).toMatchObject({ state: "missing", publishedAt: null, url: null });
    expect((await homePage(store)).policyDrift).toEqual({ state: "missing", publishedAt: null });
    expect(standIn.ledger.forOperation("ShopRefundPolicy", shop).length).toBe(2);

    // The merchant wrote their own text in Shopify admin: it differs.
    setStoreRefundPolicy(shop, "<p>Returns within 30 days. Opened items are refunded in full.</p>");
    expect((await homePage(store)).policyDrift).toMatchObject({ state: "differs", publishedAt: expect.any(String) });
    expect((await overview(store)).drift?.state).toBe("differs");

    const published = await act(store, { intent: "publish", expectedVersion: "1" });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ ok: true, intent: "publish", message: "Version 1 published to your store", version: 1, url: `https://${shop}/policies/refund-policy` });
    const mutations = standIn.ledger.forOperation("ShopPolicyUpdate", shop);
    expect(mutations).toHaveLength(1);
    expect(mutations[0]).toMatchObject({ ok: true });
    expect(standIn.store(shop).policies.get("REFUND_POLICY")?.body).toBe(renderPolicyText(presets.purtly).html);

    // In sync now: the warning is gone.
    expect((await homePage(store)).policyDrift).toMatchObject({ state: "in-sync" });
    const synced = await overview(store);
    expect(synced.drift).toMatchObject({ state: "in-sync", url: `https://${shop}/policies/refund-policy` });
    expect(synced.drift!.publishedAtText).toMatch(/E[SD]T$/);

    // A new version with different text: the store now shows the old rules.
    await save(shop, purtlyAt80(), { actor: "staff", presetId: "purtly" });
    expect((await homePage(store)).policyDrift?.state).toBe("differs");
    // Publishing the reviewed version 1 again is refused: version 2 is in force.
    const stale = await act(store, { intent: "publish", expectedVersion: "1" });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Version 2 was saved after you opened this page") });
    expect(standIn.ledger.forOperation("ShopPolicyUpdate", shop)).toHaveLength(1);

    expect((await act(store, { intent: "publish", expectedVersion: "2" })).body).toMatchObject({ ok: true, version: 2 });
    expect(standIn.store(shop).policies.get("REFUND_POLICY")?.body).toBe(renderPolicyText(purtlyAt80()).html);
    expect((await homePage(store)).policyDrift?.state).toBe("in-sync");
  });

  it("drift compares what shoppers read: markup and whitespace Shopify rewrites do not count, words do", async () => {
    const { compareRefundPolicyBody, policyBodyText } = await import("~/services/refund-policy-drift.server");
    const html = renderPolicyText(presets.purtly).html;
    const rewritten = html
      .replace(/ data-clause="[^"]*"/g, "")
      .replace(/\n/g, "\n\n   ")
      .replace(/&#39;/g, "&#x27;")
      .replace(/<article[^>]*>/, "<div>")
      .replace("</article>", "</div>");
    expect(compareRefundPolicyBody(rewritten, presets.purtly)).toBe("in-sync");
    expect(compareRefundPolicyBody(html.replace("85%", "80%"), presets.purtly)).toBe("differs");
    expect(compareRefundPolicyBody(html, purtlyAt80())).toBe("differs");
    expect(compareRefundPolicyBody("", presets.purtly)).toBe("missing");
    expect(compareRefundPolicyBody(" <p> </p>\n", presets.purtly)).toBe("missing");
    expect(compareRefundPolicyBody(null, presets.purtly)).toBe("missing");
    expect(policyBodyText("<p>Don&#39;t&nbsp;<b>panic</b> &amp; relax</p>")).toBe("Don't panic & relax");
  });

  it("Shopify's refusal comes back as a 422 with its message; a bad intent is a 400 and nothing reaches Shopify", async () => {
    const { store, shop } = await newShop("policy-refused");
    // A policy whose text is over Shopify's 512 KB limit for a shop policy body.
    const huge = structuredClone(presets.purtly);
    huge.exclusions[0]!.reason = `${"This subscription rule is long. ".repeat(20_000)}`;
    await save(shop, huge, { actor: "staff", presetId: null });

    const before = standIn.ledger.forShop(shop).length;
    const bad: Array<Record<string, string>> = [{ intent: "delete", expectedVersion: "1" }, { expectedVersion: "1" }, { intent: "publish" }, { intent: "publish", expectedVersion: "one" }];
    for (const fields of bad) {
      const refused = await act(store, fields);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ ok: false, status: 400, code: "INVALID_INPUT", error: expect.any(String) });
      expect((refused.body as { error: string }).error.length).toBeGreaterThan(10);
    }
    expect((await act(store, { intent: "delete", expectedVersion: "1" })).body).toMatchObject({ error: expect.stringContaining('Unknown action "delete"') });
    expect(standIn.ledger.forShop(shop).length).toBe(before);

    const tooBig = await act(store, { intent: "publish", expectedVersion: "1" });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body).toMatchObject({ ok: false, code: "SHOPIFY_REFUSED", error: expect.stringContaining("Body is too big") });
    expect(standIn.store(shop).policies.has("REFUND_POLICY")).toBe(false);
  });

  it("publishing without a policy is refused (409), nothing sent", async () => {
    const { store, shop } = await newShop("policy-none");
    const res = await act(store, { intent: "publish", expectedVersion: "1" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, code: "NOT_READY" });
    expect(standIn.ledger.forOperation("ShopPolicyUpdate", shop)).toHaveLength(0);
  });

  it("another shop's versions never appear, and its publish touches only its own store", async () => {
    const a = await newShop("policy-shop-a");
    const b = await newShop("policy-shop-b");
    await save(a.shop, presets.purtly, { actor: "a-staff", presetId: "purtly" });
    await save(a.shop, purtlyAt80(), { actor: "a-staff", presetId: "purtly" });
    await save(b.shop, presets.pura, { actor: "b-staff", presetId: "pura" });

    const dataB = await overview(b.store, "?a=2&b=1");
    expect(dataB.history.map((v) => [v.version, v.createdBy])).toEqual([[1, "b-staff"]]);
    expect(dataB.current).toMatchObject({ version: 1, name: "Pura", createdBy: "b-staff" });
    expect(dataB.compare).toBeNull();
    expect(dataB.preview?.html).toBe(renderPolicyText(presets.pura).html);

    const dataA = await overview(a.store);
    expect(dataA.history.every((v) => v.createdBy === "a-staff")).toBe(true);

    // Shop B cannot publish shop A's version 2 (it has no version 2).
    expect((await act(b.store, { intent: "publish", expectedVersion: "2" })).status).toBe(409);
    expect((await act(b.store, { intent: "publish", expectedVersion: "1" })).body).toMatchObject({ ok: true, version: 1 });
    expect(standIn.store(b.shop).policies.get("REFUND_POLICY")?.body).toBe(renderPolicyText(presets.pura).html);
    expect(standIn.store(a.shop).policies.has("REFUND_POLICY")).toBe(false);

    const { getPolicyVersion, listPolicyVersions } = await import("~/models/policy-version.server");
    expect(await getPolicyVersion(await db(), b.shop, 2)).toBeNull();
    expect((await getPolicyVersion(await db(), a.shop, 2))?.policy.conditions.OPENED).toEqual({ accepted: true, refundPercent: 80 });
    expect(await getPolicyVersion(await db(), a.shop, 0)).toBeNull();
    expect(await getPolicyVersion(await db(), a.shop, 2 ** 40)).toBeNull();
    expect((await listPolicyVersions(await db(), a.shop, { take: 1 })).map((v) => v.version)).toEqual([2]);
  });

  it("when Shopify cannot be read, the overview says so and the home page still loads (without the warning)", async () => {
    const { store, shop } = await newShop("policy-throttled");
    await save(shop, presets.purtly, { actor: "staff", presetId: "purtly" });
    const throttled = () => standIn.faults.next(...Array.from({ length: 12 }, () => ({ kind: "THROTTLED" as const, operationName: "ShopRefundPolicy" })));
    try {
      throttled();
      const data = await overview(store);
      expect(data.drift).toBeNull();
      expect(data.driftError).toMatch(/could not be read from Shopify just now/);
      expect(data.current?.version).toBe(1);
      standIn.faults.reset();
      throttled();
      const homeData = await homePage(store);
      expect(homeData.policyDrift).toBeNull();
      expect(homeData.shop).toBe(shop);
    } finally {
      standIn.faults.reset();
    }
  });
});
