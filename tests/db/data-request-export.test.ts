// customers/data_request through the real compliance route: one export per request (a
// redelivery makes no second), holding the customer's cases, the messages they were sent (not
// internal notes), their evidence list and the decisions; downloadable by the shop's own admin
// only, listed on the home page, and gone once the customer is redacted.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { caseScene, db } from "../helpers/case-scene";
import { adminDocumentRequest, adminFetchRequest, standIn } from "../helpers/shopify-test-app";
import { webhookRequest } from "../helpers/webhook-request";
import { responseStatus } from "../helpers/response-status";
import { addOrder, addProduct } from "../standin/seed";
import { useTempEvidenceDir } from "../helpers/temp-evidence-dir";

const DAY = 86_400_000;
const bracelet = { title: "Elton Bangle Bracelet", productType: "Bracelet", vendor: "Kendra Scott", tags: ["jewelry"], price: "65.00" };
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const numeric = (gid: string) => Number(gid.split("/").pop());

useTempEvidenceDir("data-request");

async function compliance(shop: string, topic: string, payload: unknown, webhookId = randomUUID()) {
  const { action } = await import("~/routes/webhooks.compliance");
  const response = await action({ request: webhookRequest({ path: "/webhooks/compliance", topic, shop, payload, webhookId }), params: {}, context: {} });
  expect(response.status).toBe(200);
  await settleWebhookWork();
}

describeDb(`customers/data_request (${dbProvider})`, () => {
  it("exports the customer's data once, for their shop's admin only, until they are redacted", async () => {
    const d = await db();
    const s = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }], store: `export-${randomUUID().slice(0, 8)}` });
    const other = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }], store: `export-other-${randomUUID().slice(0, 8)}` });
    const { saveEvidence } = await import("~/models/evidence-store.server");
    const { addNote, messageCustomer } = await import("~/services/case-handling.server");
    const { createUpload } = await import("~/models/evidence-upload.server");
    const photo = await saveEvidence(s.shop, png);
    const opened = await s.open(
      { type: "DEFECTIVE", lines: [{ lineItemId: s.lineId(0), quantity: 1, condition: "USED", reason: "Clasp broke" }] },
      { evidence: [{ lineItemId: s.lineId(0), kind: "photo", contentType: photo.contentType, byteSize: photo.byteSize, storageKey: photo.storageKey }] },
    );
    await addNote(d, { shop: s.shop, caseId: opened.id, actor: "agent@merchant.example", body: "Internal: looks like wear, not a defect" });
    await messageCustomer(d, { shop: s.shop, caseId: opened.id, actor: "agent@merchant.example", body: "We have your photo and will decide within a day." });
    const pending = await saveEvidence(s.shop, png);
    await createUpload(d, { shop: s.shop, customerId: opened.customerId!, orderId: s.order.id }, { kind: "photo", contentType: pending.contentType, byteSize: pending.byteSize, storageKey: pending.storageKey });
    // Another customer of the same shop: not in the export.
    const records = standIn.store(s.shop);
    const stranger = addOrder(records, {
      createdAt: Date.now() - 8 * DAY,
      customer: { email: `stranger-${s.store}@example.com`, firstName: "Noor", lastName: "Haddad" },
      lines: [{ product: addProduct(records, bracelet), quantity: 1 }],
      fulfillments: [{ createdAt: Date.now() - 6 * DAY, deliveredAt: Date.now() - 3 * DAY }],
    });
    const { openCase } = await import("~/services/case-intake.server");
    const strangerCase = await openCase(d, s.api, { shop: s.shop, orderId: stranger.id, actor: "customer", request: { type: "RETURN", lines: [{ lineItemId: stranger.lineItems[0]!.id, quantity: 1, condition: "UNOPENED", reason: "", evidence: [] }] } });

    const payload = {
      shop_id: 1,
      shop_domain: s.shop,
      customer: { id: numeric(opened.customerId!), email: opened.customerEmail, phone: "+1 613 555 0142" },
      orders_requested: [numeric(s.order.id)],
      data_request: { id: 9999 },
    };
    const webhookId = randomUUID();
    await compliance(s.shop, "customers/data_request", payload, webhookId);
    await compliance(s.shop, "customers/data_request", payload, webhookId);
    const rows = await d.dataRequestExport.findMany({ where: { shop: s.shop } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ dataRequestId: "9999", customerId: opened.customerId, customerEmail: opened.customerEmail, caseCount: 1 });
    // The delivery keeps no payload once its export exists.
    expect((await d.webhookDelivery.findUniqueOrThrow({ where: { webhookId } })).payload).toBeNull();

    const exported = JSON.parse(row.exportJson);
    expect(exported.request.customer).toEqual({ id: opened.customerId, email: opened.customerEmail, phone: "+1 613 555 0142" });
    expect(exported.cases).toHaveLength(1);
    const c = exported.cases[0];
    expect(c).toMatchObject({ id: opened.id, order: { id: s.order.id, name: s.order.name }, claimType: "DEFECTIVE", refundEstimate: opened.refundEstimate, customer: { email: opened.customerEmail } });
    expect(c.lines).toEqual([expect.objectContaining({ title: bracelet.title, quantity: 1, reason: "Clasp broke", decision: expect.objectContaining({ code: opened.lines[0]!.code, clause: opened.lines[0]!.clause }) })]);
    expect(c.messages.map((m: { body: string }) => m.body)).toEqual(["We have your photo and will decide within a day."]);
    expect(c.evidence).toEqual([expect.objectContaining({ kind: "photo", contentType: "image/png", byteSize: png.byteLength })]);
    expect(c.history.map((h: { action: string; status: string }) => `${h.action} ${h.status}`)).toEqual(["create REQUESTED", "message REQUESTED"]);
    expect(exported.pendingUploads).toEqual([expect.objectContaining({ orderId: s.order.id, kind: "photo" })]);
    // Nothing of the agents' side or of the other customer, and no storage keys.
    for (const absent of ["Internal: looks like wear", "agent@merchant.example", strangerCase.id, `stranger-${s.store}`, photo.storageKey, pending.storageKey]) expect(row.exportJson).not.toContain(absent);

    // The download: the shop's own admin only.
    const route = await import("~/routes/app.privacy.exports.$id");
    const download = (await route.loader({ request: await adminFetchRequest(s.store, `/app/privacy/exports/${row.id}`), params: { id: row.id }, context: {} })) as Response;
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    expect(download.headers.get("Cache-Control")).toContain("no-store");
    expect(await download.json()).toEqual(exported);
    expect(await responseStatus(route.loader({ request: await adminFetchRequest(other.store, `/app/privacy/exports/${row.id}`), params: { id: row.id }, context: {} }))).toBe(404);
    expect(await responseStatus(route.loader({ request: await adminFetchRequest(s.store, "/app/privacy/exports/nope"), params: { id: "nope" }, context: {} }))).toBe(404);

    // The home page lists it for this shop, not for the other.
    const home = await import("~/routes/app._index");
    const listed = await home.loader({ request: await adminDocumentRequest(s.store, "/app"), params: {}, context: {} });
    expect(listed.dataRequests).toEqual([expect.objectContaining({ id: row.id, customerEmail: opened.customerEmail, caseCount: 1, dataRequestId: "9999" })]);
    expect((await home.loader({ request: await adminDocumentRequest(other.store, "/app"), params: {}, context: {} })).dataRequests).toEqual([]);

    // Forgotten: the export goes with the customer.
    await compliance(s.shop, "customers/redact", { shop_domain: s.shop, customer: { id: numeric(opened.customerId!), email: opened.customerEmail }, orders_to_redact: [numeric(s.order.id)] });
    expect(await d.dataRequestExport.count({ where: { shop: s.shop } })).toBe(0);
  });

  it("a request naming no case of the store still gets an (empty) export", async () => {
    const d = await db();
    const s = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }], store: `export-empty-${randomUUID().slice(0, 8)}` });
    await compliance(s.shop, "customers/data_request", { shop_domain: s.shop, customer: { id: 424242, email: "nobody@example.com" }, orders_requested: [] });
    const row = await d.dataRequestExport.findFirstOrThrow({ where: { shop: s.shop } });
    expect(row.caseCount).toBe(0);
    expect(JSON.parse(row.exportJson)).toMatchObject({ cases: [], pendingUploads: [], request: { customer: { email: "nobody@example.com" } } });
  });
});
