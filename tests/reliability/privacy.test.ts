// Privacy: after customers/redact and shop/redact, a scan of every table (every model in the
// Prisma schema, every string column, every row) finds none of that customer's or shop's
// personal data, and their evidence files are gone from disk. The scanner proves it can see:
// the other customer's data (control) is still found after the redaction.
//
// Shop A: customers A1 and A2, each with a case (photo evidence, a reason quoting them, an
// internal note and a message naming them, an escalation whose audit entry quotes them), a
// pending upload, a data-request export, webhook deliveries from returns/* and refunds/create
// (processed ones, and ones still pending in the inbox whose payloads carry the customer).
// customers/redact for A1 goes through the real compliance route (signed HMAC) and the inbox
// worker. Shop B (customer B1, sessions incl. a staff member's online one) then gets shop/redact.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { expect, it } from "vitest";
import { settleWebhookWork } from "~/webhooks/inbox-worker.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { shopDomain, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import { webhookRequest } from "../helpers/webhook-request";
import { useTempEvidenceDir } from "../helpers/temp-evidence-dir";
import { addOrder, addProduct, type ProductSpec } from "../standin/seed";
import { demoDefectPhoto } from "../standin/demo-cases";
import { recordFigures } from "./figures";

const DAY = 86_400_000;
const bracelet: ProductSpec = { title: "Elton Bangle Bracelet", productType: "Bracelet", vendor: "Kendra Scott", tags: ["jewelry"], price: "65.00" };
const numericId = (gid: string) => gid.split("/").pop()!;
const evidenceDir = useTempEvidenceDir("reliability-privacy");

type Person = { email: string; firstName: string; lastName: string; phone: string; address: string };
const person = (firstName: string, lastName: string, phone: string, address: string): Person => ({
  firstName,
  lastName,
  phone,
  address,
  email: `${firstName}.${lastName}+${randomUUID().slice(0, 6)}@Example.com`.toLowerCase(),
});

// ---- The scanner: every model of the schema, every string column, every row. ----------------

type Row = Record<string, unknown>;
type ScannedRow = { model: string; shop: string | null; row: Row };

const delegateOf = (d: Awaited<ReturnType<typeof db>>, model: string) =>
  (d as unknown as Record<string, { findMany(args?: object): Promise<Row[]> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

/** Every row of every table, each with the shop it belongs to (its own `shop`, or its parent's). */
async function allRows(): Promise<ScannedRow[]> {
  const d = await db();
  const models = Prisma.dmmf.datamodel.models;
  const hasShop = (name: string) => !!models.find((m) => m.name === name)?.fields.some((f) => f.name === "shop");
  const out: ScannedRow[] = [];
  for (const model of models) {
    const own = model.fields.some((f) => f.name === "shop");
    // A row without a shop column belongs to the shop of the parent it points at (a case line → its case).
    const parent = own ? undefined : model.fields.find((f) => f.kind === "object" && hasShop(f.type) && model.fields.some((s) => s.name === `${f.name}Id`));
    const rows = await delegateOf(d, model.name).findMany(parent ? { include: { [parent.name]: { select: { shop: true } } } } : undefined);
    for (const row of rows) {
      const shop = own ? (row.shop as string) : parent ? ((row[parent.name] as { shop: string } | null)?.shop ?? null) : null;
      if (parent) delete row[parent.name];
      out.push({ model: model.name, shop, row });
    }
  }
  expect(out.length).toBeGreaterThan(0);
  return out;
}

type Needles = { shop: string; emails: string[]; names: string[]; phones: string[]; addresses: string[]; customerIds: string[]; domains: string[] };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What of `n` a string holds (a list of labels; empty when nothing). Ids only count in the shop's own rows. */
function findIn(value: string, n: Needles, ownShop: boolean): string[] {
  const hits: string[] = [];
  const lower = value.toLowerCase();
  for (const e of [...n.emails, ...n.domains, ...n.addresses]) if (lower.includes(e.toLowerCase())) hits.push(e);
  for (const name of n.names) if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(name)}(?![\\p{L}\\p{N}])`, "iu").test(value)) hits.push(name);
  for (const phone of n.phones) {
    const digits = phone.replace(/\D/g, "").slice(-10);
    if (new RegExp(`(?<!\\d)${digits.split("").join("[\\s().+-]*")}(?!\\d)`).test(value)) hits.push(phone);
  }
  if (!ownShop) return hits;
  for (const id of n.customerIds) {
    const numeric = numericId(id);
    if (new RegExp(`gid://shopify/Customer/${numeric}(?!\\d)`).test(value)) hits.push(id);
    // The REST id in a JSON payload: customer_id: 1002, or customer: { id: 1002 }.
    try {
      const walk = (v: unknown, key: string): boolean =>
        Array.isArray(v)
          ? v.some((x) => walk(x, key))
          : v && typeof v === "object"
            ? Object.entries(v).some(([k, x]) => ((/customer/i.test(k) || (k === "id" && /customer/i.test(key))) && String(x) === numeric) || walk(x, k))
            : false;
      if (walk(JSON.parse(value), "")) hits.push(`customer id ${numeric}`);
    } catch {
      // not JSON
    }
  }
  return hits;
}

const rowKey = ({ model, row }: ScannedRow) => `${model} ${String(row.id ?? row.webhookId ?? row.shop)}`;

/** Rows naming anything of `n`, as "Model id column: what" lines (one per row). */
function scan(rows: ScannedRow[], n: Needles): string[] {
  const found: string[] = [];
  for (const r of rows) {
    const hits = Object.entries(r.row).flatMap(([column, v]) => (typeof v === "string" ? findIn(v, n, r.shop === n.shop || r.shop === null).map((h) => `${column}: ${h}`) : []));
    if (hits.length) found.push(`${rowKey(r)} ${hits.join("; ")}`);
  }
  return found;
}

const needlesOf = (shop: string, p: Person, customerId: string, extra: Partial<Needles> = {}): Needles => ({
  shop,
  emails: [p.email],
  names: [p.firstName, p.lastName],
  phones: [p.phone],
  addresses: [p.address],
  customerIds: [customerId],
  domains: [],
  ...extra,
});

/** The files under the evidence folder of `shop`. */
const shopFiles = (shop: string) => (existsSync(path.join(evidenceDir, shop)) ? readdirSync(path.join(evidenceDir, shop)) : []);

// ---- The scene ------------------------------------------------------------------------------

async function tenant(tag: string, people: Person[]) {
  const s = await caseScene({ preset: "kendra-scott-mall", lines: [{ product: bracelet }], store: `privacy-${tag}-${randomUUID().slice(0, 8)}` });
  const d = await db();
  const records = standIn.store(s.shop);
  const now = Date.now();
  const { openCase } = await import("~/services/case-intake.server");
  const { saveEvidence } = await import("~/models/evidence-store.server");
  const { createUpload } = await import("~/models/evidence-upload.server");
  const { addNote, messageCustomer, escalateCase } = await import("~/services/case-handling.server");
  const customers = [];
  for (const p of people) {
    const order = (n: number) =>
      addOrder(records, {
        createdAt: now - (8 + n) * DAY,
        customer: { email: p.email, firstName: p.firstName, lastName: p.lastName },
        lines: [{ product: addProduct(records, bracelet), quantity: 1 }],
        fulfillments: [{ createdAt: now - 6 * DAY, deliveredAt: now - 3 * DAY }],
      });
    const first = order(0);
    const second = order(1);
    const photo = await saveEvidence(s.shop, demoDefectPhoto());
    const opened = await openCase(d, s.api, {
      shop: s.shop,
      orderId: first.id,
      actor: "customer",
      request: { type: "DEFECTIVE", lines: [{ lineItemId: first.lineItems[0]!.id, quantity: 1, condition: "USED", reason: `Clasp broke. ${p.firstName} here, call ${p.phone} or write ${p.email}`, evidence: [] }] },
      evidence: [{ lineItemId: first.lineItems[0]!.id, kind: "photo", contentType: photo.contentType, byteSize: photo.byteSize, storageKey: photo.storageKey }],
    });
    const staff = "agent@merchant.example";
    await addNote(d, { shop: s.shop, caseId: opened.id, actor: staff, body: `Spoke with ${p.firstName} ${p.lastName} (${p.email}, ${p.phone}); ships from ${p.address}.` });
    await messageCustomer(d, { shop: s.shop, caseId: opened.id, actor: staff, body: `Hi ${p.firstName}, we have your photo and will reply to ${p.email} within a day.` });
    const current = await d.returnCase.findUniqueOrThrow({ where: { id: opened.id } });
    await escalateCase(d, { shop: s.shop, caseId: opened.id, actor: staff, expectedVersion: current.version, reason: `${p.firstName} ${p.lastName} (${p.email}) asked for a manager` });
    // A photo uploaded for a return on the second order, not submitted yet.
    const pending = await saveEvidence(s.shop, demoDefectPhoto(40));
    await createUpload(d, { shop: s.shop, customerId: first.customerId!, orderId: second.id }, { kind: "photo", contentType: pending.contentType, byteSize: pending.byteSize, storageKey: pending.storageKey });
    customers.push({ person: p, customerId: first.customerId!, orders: [first, second], caseId: opened.id, files: [photo.storageKey, pending.storageKey], returnId: opened.shopifyReturnId! });
  }
  const { createSimulationRun } = await import("~/models/simulation-run.server");
  await createSimulationRun(d, s.shop, { draftJson: "{}", baseVersion: 1, baseJson: "{}", days: 30, asOf: new Date(), createdBy: "agent@merchant.example" });
  return { ...s, customers };
}

/** Deliveries as Shopify sends them, through the app's real webhook routes. */
async function deliver(routePath: string, topic: string, shop: string, payload: unknown, webhookId = randomUUID()) {
  const route = routePath === "/webhooks/compliance" ? await import("~/routes/webhooks.compliance") : routePath === "/webhooks/returns" ? await import("~/routes/webhooks.returns") : await import("~/routes/webhooks.refunds.create");
  const response = await route.action({ request: webhookRequest({ path: routePath, topic, shop, payload, webhookId }), params: {}, context: {} });
  expect(response.status, `${topic} answered ${response.status}`).toBe(200);
  return webhookId;
}

/** What Shopify's returns/* and refunds/create payloads carry of the customer (the note they wrote, the order's customer). */
function customerPayloads(c: { person: Person; customerId: string; orders: Array<{ id: string }>; returnId: string }) {
  const p = c.person;
  const customer = { id: Number(numericId(c.customerId)), email: p.email, first_name: p.firstName, last_name: p.lastName, phone: p.phone, default_address: { address1: p.address } };
  return {
    returnRequest: { id: Number(numericId(c.returnId)), admin_graphql_api_id: c.returnId, status: "requested", order: { id: Number(numericId(c.orders[0]!.id)) }, return_line_items: [{ customer_note: `From ${p.firstName}: reach me at ${p.email}` }] },
    refund: { id: 999_000 + Number(numericId(c.customerId)), order_id: Number(numericId(c.orders[0]!.id)), note: `Refund for ${p.firstName} ${p.lastName}`, customer, customer_id: Number(numericId(c.customerId)) },
  };
}

describeDb(`privacy (${dbProvider})`, () => {
  it("after customers/redact and shop/redact no table holds that customer's or shop's personal data", { timeout: 120_000 }, async () => {
    const started = Date.now();
    const d = await db();
    const a1 = person("Philippa", "Quenneville", "+1 613-555-0142", "42 Wellington Crescent");
    const a2 = person("Ignatius", "Vandermolen", "+1 (902) 555-0187", "7 Juniper Wharf");
    const b1 = person("Oriane", "Szczepanski", "+44 20 7946 0958", "19 Fenwick Mews");
    const shopA = await tenant("a", [a1, a2]);
    const shopB = await tenant("b", [b1]);
    const [A1, A2] = shopA.customers as [(typeof shopA.customers)[number], (typeof shopA.customers)[number]];
    const B1 = shopB.customers[0]!;
    // An agent linked the two customers on A2's case (typing A1's email in capitals): A1's email
    // must go from it, A2's note stay.
    const { addNote } = await import("~/services/case-handling.server");
    await addNote(d, { shop: shopA.shop, caseId: A2.caseId, actor: "agent@merchant.example", body: `${a2.firstName} shares an address with ${a1.email.toUpperCase()}` });

    // Webhook deliveries naming the customers: processed ones through the routes, and ones still
    // waiting in the inbox (a process died before their work ran; the sweep will pick them up).
    const { receiveDelivery } = await import("~/models/webhook-inbox.server");
    for (const [s, c] of [[shopA, A1], [shopA, A2], [shopB, B1]] as const) {
      const p = customerPayloads(c);
      await deliver("/webhooks/returns", "returns/request", s.shop, p.returnRequest);
      await deliver("/webhooks/refunds/create", "refunds/create", s.shop, p.refund);
      await settleWebhookWork();
      await receiveDelivery(d, { webhookId: randomUUID(), shop: s.shop, topic: "RETURNS_APPROVE", apiVersion: "2026-07", payload: { ...p.returnRequest, status: "open" } });
      await receiveDelivery(d, { webhookId: randomUUID(), shop: s.shop, topic: "REFUNDS_CREATE", apiVersion: "2026-07", payload: p.refund });
      // The customer asked for their data before asking to be forgotten.
      await deliver("/webhooks/compliance", "customers/data_request", s.shop, {
        shop_domain: s.shop,
        customer: { id: Number(numericId(c.customerId)), email: c.person.email, phone: c.person.phone },
        orders_requested: c.orders.map((o) => Number(numericId(o.id))),
        data_request: { id: Math.floor(Math.random() * 1e6) },
      });
      await settleWebhookWork();
    }
    expect(await d.dataRequestExport.count({ where: { shop: { in: [shopA.shop, shopB.shop] } } })).toBe(3);

    // Shop B: its Shop record (from a scopes update) and a staff member's online session.
    const scopes = await import("~/routes/webhooks.app.scopes_update");
    await scopes.action({ request: webhookRequest({ path: "/webhooks/app/scopes_update", topic: "app/scopes_update", shop: shopB.shop, payload: { current: ["read_orders", "write_returns"] } }), params: {}, context: {} });
    const staffB = setUpValidSession({ shop: shopB.shop, isOnline: true, onlineAccessInfo: { associated_user: { email: `owner@${shopB.store}.example`, first_name: "Casimir", last_name: "Oyelaran-Brandt" } } } as Parameters<typeof setUpValidSession>[0]);
    const { sessionStorage } = await import("~/shopify.server");
    await sessionStorage.storeSession(staffB);
    await settleWebhookWork();

    const needlesA1 = needlesOf(shopA.shop, a1, A1.customerId);
    const needlesA2 = needlesOf(shopA.shop, a2, A2.customerId);
    const before = await allRows();
    // The scanner sees the data before the redaction (else "none left" would prove nothing).
    expect(scan(before, needlesA1).length).toBeGreaterThan(5);
    for (const key of A1.files) expect(existsSync(path.join(evidenceDir, shopA.shop, key))).toBe(true);

    // ---- customers/redact for A1, through the real route, twice delivered. -------------------
    const redactPayload = {
      shop_id: 1,
      shop_domain: shopA.shop,
      customer: { id: Number(numericId(A1.customerId)), email: a1.email, phone: a1.phone },
      orders_to_redact: A1.orders.map((o) => Number(numericId(o.id))),
    };
    const redactId = randomUUID();
    await deliver("/webhooks/compliance", "customers/redact", shopA.shop, redactPayload, redactId);
    await deliver("/webhooks/compliance", "customers/redact", shopA.shop, redactPayload, redactId);
    await settleWebhookWork();
    expect(await d.webhookDelivery.findUniqueOrThrow({ where: { webhookId: redactId } })).toMatchObject({ payload: null });

    const afterCustomer = await allRows();
    const customerLeft = scan(afterCustomer, needlesA1);
    const control = scan(afterCustomer, needlesA2);
    const a1FilesLeft = A1.files.filter((key) => existsSync(path.join(evidenceDir, shopA.shop, key)));
    const a2FilesLeft = A2.files.filter((key) => existsSync(path.join(evidenceDir, shopA.shop, key)));
    // The case stays for the merchant's books: same amounts, same status.
    const kept = await d.returnCase.findUniqueOrThrow({ where: { id: A1.caseId }, include: { lines: true, notes: true, audit: true } });
    expect(kept).toMatchObject({ customerId: null, customerEmail: null, customerName: null });
    expect(kept.audit.length).toBeGreaterThanOrEqual(3);
    const linked = await d.caseNote.findFirstOrThrow({ where: { caseId: A2.caseId, body: { contains: "shares an address" } } });
    expect(linked.body).toBe(`${a2.firstName} shares an address with [redacted]`);
    // The pending deliveries still carry what their work needs.
    const pendingA = await d.webhookDelivery.findMany({ where: { shop: shopA.shop, processedAt: null } });
    for (const row of pendingA.filter((r) => r.topic === "RETURNS_APPROVE")) expect(JSON.parse(row.payload!).admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/Return\//);

    // ---- shop/redact for shop B. ------------------------------------------------------------
    const shopARows = (rows: ScannedRow[]) => JSON.stringify(rows.filter((r) => r.shop === shopA.shop), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    const shopABefore = shopARows(afterCustomer);
    const shopAFiles = shopFiles(shopA.shop).sort();
    expect(shopFiles(shopB.shop).length).toBeGreaterThan(0);
    await deliver("/webhooks/compliance", "shop/redact", shopB.shop, { shop_id: 2, shop_domain: shopB.shop });
    await settleWebhookWork();

    const afterShop = await allRows();
    const needlesB = needlesOf(shopB.shop, b1, B1.customerId, { domains: [shopB.shop, shopB.store], emails: [b1.email, staffB.onlineAccessInfo!.associated_user.email!], names: [b1.firstName, b1.lastName, "Casimir", "Oyelaran-Brandt"] });
    // Any row still filed under shop B, or naming it or its people anywhere.
    const shopLeft = [...scan(afterShop, needlesB), ...afterShop.filter((r) => r.shop === shopB.shop).map((r) => `${rowKey(r)} filed under shop B`)];
    const shopRowsLeft = new Set(shopLeft.map((line) => line.split(" ").slice(0, 2).join(" ")));
    const bFilesLeft = shopFiles(shopB.shop);
    // Shop A is untouched: every row and file as it was.
    expect(shopARows(afterShop)).toBe(shopABefore);
    expect(shopFiles(shopA.shop).sort()).toEqual(shopAFiles);
    // The scanner still finds shop A (its domain) — it would have found shop B.
    expect(scan(afterShop, { ...needlesOf(shopA.shop, a2, A2.customerId), domains: [shopA.shop] }).length).toBeGreaterThan(0);

    const figures = {
      rows_scanned: before.length + afterCustomer.length + afterShop.length,
      customer_rows_left: customerLeft.length,
      shop_rows_left: shopRowsLeft.size,
      files_left: a1FilesLeft.length + bFilesLeft.length,
      control_rows_found: control.length,
    };
    recordFigures("privacy", dbProvider, figures);
    console.log(`privacy (${dbProvider}): ${JSON.stringify(figures)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const line of [...customerLeft, ...shopLeft]) console.log(`  left: ${line}`);
    expect(customerLeft, "rows still naming customer A1").toEqual([]);
    expect(shopLeft, "rows still naming shop B").toEqual([]);
    expect(a1FilesLeft, "A1's evidence files").toEqual([]);
    expect(bFilesLeft, "shop B's evidence files").toEqual([]);
    expect(control.length, "A2's data is still found").toBeGreaterThan(0);
    expect(a2FilesLeft, "A2's evidence files stay").toEqual(A2.files);
    expect(shopDomain(shopB.store)).toBe(shopB.shop);
  });
});
