// customers/redact through the real compliance route: the customer's personal data leaves
// their cases (and their evidence files go), the cases' money and decisions stay.
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
