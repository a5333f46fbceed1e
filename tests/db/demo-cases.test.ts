// The offline demo's return cases (tests/standin/demo-cases.ts), seeded through the real intake
// and review services into a real database, against a freshly seeded demo stand-in.
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { presets } from "~/domain/policy";
import { describeDb, dbProvider } from "../setup/describe-db";
import { createDemoStandIn } from "../standin/seed";
import { DEMO_SCENARIOS, demoDefectPhoto, eraseDemoShopData, seedDemoCases } from "../standin/demo-cases";
import { useTempEvidenceDir } from "../helpers/temp-evidence-dir";

const db = async () => (await import("~/db.server")).default;
const evidenceDir = useTempEvidenceDir("demo");

const PURTLY = "purtly-demo.myshopify.com";
const SOULMATE = "soulmate-spark-studio-demo.myshopify.com";
const KENDRA = "kendra-scott-mall-demo.myshopify.com";

async function seed() {
  const now = new Date();
  const { standIn } = createDemoStandIn({ now: now.getTime() });
  return seedDemoCases({ db: await db(), standIn, now });
}

const casesOf = async (shop: string) =>
  (await db()).returnCase.findMany({ where: { shop }, include: { lines: true, evidence: true }, orderBy: { createdAt: "asc" } });

describeDb(`demo return cases (${dbProvider})`, () => {
  it("the photo is a PNG the evidence store accepts", async () => {
    const bytes = demoDefectPhoto();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { sniffEvidence } = await import("~/models/evidence-store.server");
    expect(sniffEvidence(bytes)).toEqual({ kind: "photo", contentType: "image/png" });
  });

  it("every demo shop gets its preset as policy version 1 and 6–8 cases, some approved", async () => {
    const seeded = await seed();
    expect(seeded.shops.flatMap((s) => s.skipped)).toEqual([]);
    expect(seeded.total).toBe(Object.values(DEMO_SCENARIOS).reduce((n, list) => n + list.length, 0));
    for (const { shop, preset } of DEMO_SHOPS) {
      const versions = await (await db()).policyVersion.findMany({ where: { shop } });
      expect(versions).toEqual([expect.objectContaining({ version: 1, presetId: preset, createdBy: "demo" })]);
      expect(JSON.parse(versions[0]!.policyJson).id).toBe(presets[preset].id);
      const cases = await casesOf(shop);
      expect(cases.length).toBeGreaterThanOrEqual(6);
      expect(cases.length).toBeLessThanOrEqual(8);
      const statuses = new Set(cases.map((c) => c.status));
      expect(statuses).toEqual(new Set(["REQUESTED", "APPROVED"]));
      for (const c of cases.filter((c) => c.status === "APPROVED")) expect(c.rmaNumber).toMatch(/^RMA-\d{4}$/);
      expect(cases.every((c) => c.shopifyReturnId)).toBe(true);
      expect(new Set(cases.map((c) => c.orderId)).size).toBe(cases.length);
    }
  });

  it("includes the named scenarios with the engine's codes and clauses", async () => {
    await seed();
    // Purtly: an opened purifier at 85 %, less the original shipping.
    const purtly = await casesOf(PURTLY);
    const opened = purtly.find((c) => c.claimType === "RETURN" && c.lines.some((l) => /Purifier/.test(l.title) && l.declaredCondition === "OPENED"));
    expect(opened?.lines).toEqual([expect.objectContaining({ code: "OK", clause: "condition.opened", refundBasisPoints: 8500 })]);
    const decision = JSON.parse(opened!.decisionJson) as { deductions: Array<{ kind: string; clause: string; amount: string }> };
    expect(decision.deductions).toEqual([expect.objectContaining({ kind: "ORIGINAL_SHIPPING", clause: "shipping.original" })]);
    expect(Number(decision.deductions[0]!.amount)).toBeGreaterThan(0);

    // Soulmate Spark Studio: a return with a hygiene item, that line excluded.
    const soulmate = await casesOf(SOULMATE);
    const hygiene = soulmate.find((c) => c.claimType === "RETURN" && c.lines.some((l) => l.clause === "exclusion.hygiene"));
    expect(hygiene?.lines).toContainEqual(expect.objectContaining({ code: "EXCLUDED", clause: "exclusion.hygiene", refundBasisPoints: null }));
    expect(hygiene?.fullyEligible).toBe(false);

    // Kendra Scott: a defect claim with a photo stored by the evidence store.
    const kendra = await casesOf(KENDRA);
    const defect = kendra.find((c) => c.claimType === "DEFECTIVE" && c.evidence.length > 0);
    expect(defect?.lines).toEqual([expect.objectContaining({ code: "OK", clause: "claim.defective", refundBasisPoints: 10000 })]);
    expect(defect?.evidence).toEqual([expect.objectContaining({ kind: "photo", contentType: "image/png", lineItemId: defect!.lines[0]!.lineItemId })]);
    const { readEvidence } = await import("~/models/evidence-store.server");
    expect((await readEvidence(KENDRA, defect!.evidence[0]!.storageKey)).byteLength).toBe(defect!.evidence[0]!.byteSize);

    // A mix elsewhere: several claim types and refusals across the shops.
    const all = await (await db()).returnCase.findMany({ where: { shop: { in: DEMO_SHOPS.map((d) => d.shop) } }, include: { lines: true } });
    expect(new Set(all.map((c) => c.claimType))).toEqual(new Set(["RETURN", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM"]));
    const codes = new Set(all.flatMap((c) => c.lines.map((l) => l.code)));
    for (const code of ["OK", "EXCLUDED", "FINAL_SALE", "RETURN_WINDOW_EXPIRED", "CONDITION_NOT_ACCEPTED", "EVIDENCE_REQUIRED", "DEFECT_REPORT_WINDOW_EXPIRED"]) {
      expect(codes).toContain(code);
    }
  });

  it("seeding again replaces the demo shops' cases, policies, RMA counters and webhook inbox instead of adding to them", async () => {
    const first = await seed();
    await (await db()).webhookDelivery.create({ data: { webhookId: "demo-cases-old-delivery", shop: PURTLY, topic: "RETURNS_REQUEST", processedAt: new Date() } });
    const firstIds = first.shops.flatMap((s) => s.opened.map((c) => c.caseId));
    const firstEvidence = await (await db()).caseEvidence.findMany({ where: { caseId: { in: firstIds } } });
    expect(firstEvidence.length).toBeGreaterThan(0);
    const second = await seed();
    expect(second.total).toBe(first.total);
    const shops = DEMO_SHOPS.map((d) => d.shop);
    expect(await (await db()).returnCase.count({ where: { shop: { in: shops } } })).toBe(first.total);
    expect(await (await db()).returnCase.count({ where: { id: { in: firstIds } } })).toBe(0);
    expect(await (await db()).caseAuditEntry.count({ where: { caseId: { in: firstIds } } })).toBe(0);
    expect(await (await db()).policyVersion.count({ where: { shop: { in: shops } } })).toBe(shops.length);
    // The rebuilt stand-in numbers its webhooks from 1 again: the last run's inbox rows are gone.
    expect(await (await db()).webhookDelivery.count({ where: { webhookId: "demo-cases-old-delivery" } })).toBe(0);
    // The counters started over: the first request of each shop is RMA-1001 again.
    const numbered = await (await db()).returnCase.findMany({ where: { shop: PURTLY }, orderBy: { rmaNumber: "asc" } });
    expect(numbered[0]?.rmaNumber).toBe("RMA-1001");
    // The old cases' photos are gone from the evidence store.
    for (const e of firstEvidence) {
      const shop = first.shops.find((s) => s.opened.some((c) => c.caseId === e.caseId))!.shop;
      expect(existsSync(path.join(evidenceDir, shop, e.storageKey))).toBe(false);
    }
  });

  it("never touches another shop's cases, policies, RMA counter or webhooks", async () => {
    const shop = "not-a-demo-shop.myshopify.com";
    const d = await db();
    await d.policyVersion.create({ data: { shop, version: 1, policyJson: JSON.stringify(presets.purtly), presetId: "purtly", createdBy: "test" } });
    await d.rmaCounter.create({ data: { shop, next: 1042 } });
    await d.webhookDelivery.create({ data: { webhookId: "demo-cases-other-shop", shop, topic: "RETURNS_REQUEST" } });
    const { createCase } = await import("~/models/return-case.server");
    const kept = await createCase(d, shop, {
      orderId: "gid://shopify/Order/1", orderName: "#1001", claimType: "RETURN", policyId: "purtly", policyVersion: 1,
      policyJson: JSON.stringify(presets.purtly), decisionJson: "{}", orderJson: "{}", requestJson: "{}", currency: "USD", refundEstimate: "0.00",
      lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Purifier", quantity: 1, declaredCondition: "OPENED", refundBasisPoints: 8500, code: "OK", clause: "condition.opened", explanation: "Opened items are refunded at 85%." }],
    }, "customer");

    await seed();

    expect(await d.returnCase.findUnique({ where: { id: kept.id }, include: { lines: true } })).toMatchObject({ shop, lines: [expect.objectContaining({ title: "Purifier" })] });
    expect(await d.policyVersion.count({ where: { shop } })).toBe(1);
    expect(await d.rmaCounter.findUnique({ where: { shop } })).toMatchObject({ next: 1042 });
    expect(await d.webhookDelivery.count({ where: { webhookId: "demo-cases-other-shop" } })).toBe(1);
    await expect(eraseDemoShopData(d, shop)).rejects.toThrow(/not a demo shop/);
  });
});
