// customers/redact through the real compliance route: the customer's personal data leaves
// their cases (and their evidence files go), the cases' money and decisions stay. Also: the
// scrubbing of identifiers from text and JSON, and shop/redact over every shop-scoped table.
// (tests/reliability/privacy.test.ts scans every table after both.)
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { saveEvidence } from "~/models/evidence-store.server";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { caseScene, db } from "../helpers/case-scene";
import { webhookRequest } from "../helpers/webhook-request";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const bracelet = { title: "Elton Bangle Bracelet", productType: "Bracelet", vendor: "Kendra Scott", tags: ["jewelry"], price: "65.00" };

describeDb(`customers/redact (${dbProvider})`, () => {
  it("scrubs the customer from every case of theirs, twice delivered or not", async () => {
    const s = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }] });
    const photo = await saveEvidence(s.shop, png);
    const opened = await s.open(
      { type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "USED", reason: "Clasp broke" }] },
      { evidence: [{ lineItemId: s.lineId(0), kind: "photo", contentType: photo.contentType, byteSize: photo.byteSize, storageKey: photo.storageKey }] },
    );
    const email = opened.customerEmail!;
    expect(email).toContain("@");
    const file = path.join(process.env.CLAUSE_EVIDENCE_DIR ?? path.join(process.cwd(), "data", "evidence"), s.shop, photo.storageKey);
    expect(existsSync(file)).toBe(true);

    const { action } = await import("~/routes/webhooks.compliance");
    const payload = { shop_domain: s.shop, customer: { id: Number(opened.customerId!.split("/").pop()), email }, orders_to_redact: [Number(opened.orderId.split("/").pop())] };
    const webhookId = `redact-${opened.id}`;
    for (let i = 0; i < 2; i++) {
      const response = await action({ request: webhookRequest({ path: "/webhooks/compliance", topic: "customers/redact", shop: s.shop, payload, webhookId }), params: {}, context: {} });
      expect(response.status).toBe(200);
    }
    await settleWebhookWork();

    const after = await (await db()).returnCase.findUniqueOrThrow({ where: { id: opened.id }, include: { evidence: true, lines: true } });
    expect(after).toMatchObject({ customerId: null, customerEmail: null, customerName: null, refundEstimate: opened.refundEstimate, status: opened.status });
    expect(after.evidence).toEqual([]);
    expect(existsSync(file)).toBe(false);
    const everything = JSON.stringify(after);
    for (const personal of [email, "Ava", "Garcia", opened.customerId!]) expect(everything).not.toContain(personal);
  });
});

describeDb(`privacy scrubbing (${dbProvider})`, () => {
  it("scrubs the customer's identifiers from text and JSON, and nothing else", async () => {
    const { identityOf, scrubText, scrubJson, REDACTED } = await import("~/models/customer-privacy.server");
    const id = identityOf({ emails: ["Ava.Garcia@Example.com"], phones: ["+1 613-555-0142"], customerIds: ["gid://shopify/Customer/1002"], names: ["Ava Garcia"], addresses: ["42 Wellington Crescent"] });
    expect(scrubText("Ava Garcia (ava.garcia@example.com, 613 555 0142) at 42 wellington crescent; available: yes", id)).toBe(`${REDACTED} (${REDACTED}, ${REDACTED}) at ${REDACTED}; available: yes`);
    expect(scrubText("gid://shopify/Customer/1002 and gid://shopify/Customer/10021; order #1002", id)).toBe(`${REDACTED} and gid://shopify/Customer/10021; order #1002`);
    expect(scrubJson({ customer: { id: 1002, email: "x@y" }, order: { id: 1002, customer_id: 1002, note: "for Ava" }, other_customer: { id: 7, first_name: "Noor" } }, id)).toEqual({
      customer: null,
      order: { id: 1002, customer_id: null, note: `for ${REDACTED}` },
      other_customer: { id: 7, first_name: "Noor" },
    });
  });

  it("shop/redact leaves no row of the shop in any table, its own delivery included; other shops keep theirs", async () => {
    const d = await db();
    const s = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }] });
    const keep = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }] });
    await s.open({ type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "USED", reason: "Clasp broke" }] });
    await keep.open({ type: "DEFECTIVE", lines: [{ lineItemId: keep.lineId(0), quantity: 1, condition: "USED", reason: "Clasp broke" }] });
    for (const shop of [s.shop, keep.shop]) {
      await d.dataRequestExport.create({ data: { shop, webhookId: `export-${shop}`, caseCount: 0, exportJson: "{}" } });
      await d.intakeClaim.create({ data: { shop, requestKey: "k", token: "t", claimedAt: new Date() } });
    }
    const { shopScopedModels } = await import("~/models/customer-privacy.server");
    const models = shopScopedModels();
    expect(models).toEqual(expect.arrayContaining(["Session", "Shop", "WebhookDelivery", "ReturnCase", "CaseAuditEntry", "DataRequestExport", "IntakeClaim"]));
    const count = (model: string, shop: string) => (d as unknown as Record<string, { count(a: object): Promise<number> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!.count({ where: { shop } });
    const keptBefore = await Promise.all(models.map((m) => count(m, keep.shop)));

    const { action } = await import("~/routes/webhooks.compliance");
    const webhookId = randomUUID();
    const response = await action({ request: webhookRequest({ path: "/webhooks/compliance", topic: "shop/redact", shop: s.shop, payload: { shop_domain: s.shop }, webhookId }), params: {}, context: {} });
    expect(response.status).toBe(200);
    await settleWebhookWork();

    for (const m of models) expect(await count(m, s.shop), m).toBe(0);
    expect(await d.webhookDelivery.count({ where: { webhookId } })).toBe(0);
    expect(await d.returnCaseLine.count({ where: { case: { shop: s.shop } } })).toBe(0);
    expect(await Promise.all(models.map((m) => count(m, keep.shop)))).toEqual(keptBefore);
  });
});
