// Shopify's privacy webhooks, on Clause's own data.
//
// customers/redact: the customer's personal data leaves every case of theirs — name, email and
// id on the case, the customer in the stored order snapshot, the reasons they wrote and the
// messages they were sent, their evidence files and pending uploads, their data-request exports
// — and their identifiers (email, phone, name, customer id) are scrubbed from the text that
// stays: internal notes, escalation reasons, audit before → after, line titles, webhook payloads
// still waiting in the inbox. The case itself (amounts, decisions, the audit trail's shape)
// stays, as the merchant's accounting needs it; order ids are Shopify's references, not the
// person, and stay too.
//
// shop/redact: every row of the shop goes, from every table with a `shop` column (found from
// the schema, so a new table is covered without remembering to add it here), including the
// redaction's own inbox row: the erasure is idempotent, so nothing needs to remember it ran.
import { Prisma } from "@prisma/client";
import { deleteCustomerUploads } from "./evidence-upload.server";
import { removeEvidenceFiles } from "./evidence-store.server";
import { searchTextOf } from "./return-case.server";
import { eraseShop } from "./shop.server";
import { isPostgresUrl } from "../../scripts/db/database-url.mjs";

type Tx = Prisma.TransactionClient;

export type RedactRequest = { customerId: string | null; email: string | null; phone?: string | null; orderIds: string[] };

export const REDACTED = "[redacted]";
/** What a message to the shopper reads after they were redacted (the row stays for the timeline). */
export const REDACTED_MESSAGE = "[message removed: the customer's data was redacted]";

/** Everything that identifies the customer, as patterns to scrub from text and JSON. */
export type Identity = {
  patterns: RegExp[];
  /** Customer gids and their numeric (REST) ids, and lower-cased emails: to spot a customer object in JSON. */
  ids: Set<string>;
  emails: Set<string>;
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A name or a word of it, not inside another word ("Ava" is not scrubbed from "available").
const wordPattern = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(s).replace(/\s+/g, "\\s+")}(?![\\p{L}\\p{N}])`, "giu");

export type Known = { emails: string[]; phones: string[]; customerIds: string[]; names: string[]; addresses: string[] };

export function identityOf(who: Known): Identity {
  const patterns: RegExp[] = [];
  const emails = new Set(who.emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  for (const email of emails) patterns.push(new RegExp(escapeRegex(email), "gi"));
  const ids = new Set<string>();
  for (const id of who.customerIds) {
    const numeric = /(\d+)$/.exec(id)?.[1];
    if (!numeric) continue;
    ids.add(`gid://shopify/Customer/${numeric}`).add(numeric);
    patterns.push(new RegExp(`gid://shopify/Customer/${numeric}(?!\\d)`, "g"));
  }
  for (const phone of who.phones) {
    // The national number, however it was typed: "+1 (613) 555-0142", "613.555.0142".
    const digits = phone.replace(/\D/g, "").slice(-10);
    if (digits.length >= 7) patterns.push(new RegExp(`(?<!\\d)${digits.split("").join("[\\s().-]*")}(?!\\d)`, "g"));
  }
  const words = new Set<string>();
  for (const name of who.names) {
    const full = name.trim();
    if (!full) continue;
    words.add(full);
    for (const part of full.split(/\s+/)) if (part.length >= 2) words.add(part);
  }
  for (const line of who.addresses) if (line.trim().length >= 4) words.add(line.trim());
  // Longest first, so the full name goes as one "[redacted]".
  for (const w of [...words].sort((a, b) => b.length - a.length)) patterns.push(wordPattern(w));
  return { patterns, ids, emails };
}

export function scrubText(text: string, identity: Identity): string {
  return identity.patterns.reduce((t, p) => t.replace(p, REDACTED), text);
}

const isCustomerKey = (key: string) => /customer/i.test(key);

function isThisCustomer(value: unknown, identity: Identity): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return [o.id, o.admin_graphql_api_id].some((v) => v !== undefined && v !== null && identity.ids.has(String(v))) || (typeof o.email === "string" && identity.emails.has(o.email.toLowerCase()));
}

const ADDRESS_LINES = ["address1", "address2"];

/**
 * What a payload says about the customer (Shopify's customer objects carry their name, phone
 * and addresses): learnt before scrubbing, so those are scrubbed wherever else they were quoted.
 */
export function learnFromJson(value: unknown, identity: Identity, known: Known, key = "") {
  if (Array.isArray(value)) return value.forEach((v) => learnFromJson(v, identity, known, key));
  if (!value || typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  if (isCustomerKey(key) && isThisCustomer(o, identity)) {
    const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === "object" ? Object.values(v).flatMap(strings) : []);
    const field = (k: string) => (typeof o[k] === "string" ? [o[k] as string] : []);
    known.names.push(...field("first_name"), ...field("last_name"), ...field("name"), ...field("display_name"));
    known.phones.push(...field("phone"));
    known.emails.push(...field("email"));
    const addresses = [o.default_address, ...(Array.isArray(o.addresses) ? o.addresses : [])];
    for (const a of addresses) if (a && typeof a === "object") known.addresses.push(...ADDRESS_LINES.flatMap((k) => strings((a as Record<string, unknown>)[k])));
    return;
  }
  for (const [k, v] of Object.entries(o)) learnFromJson(v, identity, known, k);
}

/** The JSON with the customer taken out: their customer object and id fields emptied, their identifiers scrubbed from every string. */
export function scrubJson(value: unknown, identity: Identity, key = ""): unknown {
  if (typeof value === "string") return scrubText(value, identity);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, identity, key));
  if (value && typeof value === "object") {
    if (isCustomerKey(key) && isThisCustomer(value, identity)) return null;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        // customer_id: 1001, or { customer: { id: 1001 } } once inside a customer object.
        const idOfCustomer = (isCustomerKey(k) || (k === "id" && isCustomerKey(key))) && (typeof v === "number" || typeof v === "string") && identity.ids.has(String(v));
        return [k, idOfCustomer ? null : scrubJson(v, identity, k)];
      }),
    );
  }
  return value;
}

const parseJson = (text: string | null): unknown => {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
};

function scrubJsonText(text: string | null, identity: Identity, transform: (v: unknown) => unknown = (v) => v): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(scrubJson(transform(JSON.parse(text)), identity));
  } catch {
    return scrubText(text, identity); // not JSON after all: scrub it as text
  }
}

type JsonObject = Record<string, unknown>;
const asObject = (v: unknown): JsonObject => (v && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {});

/** The shopper's request without the reasons they wrote (their own words, about themselves). */
const withoutReasons = (request: unknown) => {
  const r = asObject(request);
  return Array.isArray(r.lines) ? { ...r, lines: r.lines.map((l) => ({ ...asObject(l), reason: "" })) } : r;
};

export async function redactCustomer(tx: Tx, shop: string, who: RedactRequest) {
  const or: Prisma.ReturnCaseWhereInput[] = [];
  if (who.customerId) or.push({ customerId: who.customerId });
  if (who.email) or.push({ customerEmail: who.email.toLowerCase() });
  if (who.orderIds.length) or.push({ orderId: { in: who.orderIds } });
  const cases = or.length ? await tx.returnCase.findMany({ where: { shop, OR: or }, include: { evidence: true, lines: true, notes: true, audit: true } }) : [];

  // Who they are: from the request, from what the cases knew of them (the name is only there),
  // and from the customer objects in deliveries still waiting in the inbox (name, phone, address).
  const snapshotCustomer = (c: (typeof cases)[number]) => asObject(asObject(JSON.parse(c.orderJson)).customer);
  const known: Known = {
    emails: [who.email, ...cases.flatMap((c) => [c.customerEmail, snapshotCustomer(c).email])].filter((v): v is string => typeof v === "string"),
    phones: who.phone ? [who.phone] : [],
    customerIds: [who.customerId, ...cases.map((c) => c.customerId)].filter((v): v is string => !!v),
    names: cases.flatMap((c) => [c.customerName, snapshotCustomer(c).displayName]).filter((v): v is string => typeof v === "string"),
    addresses: [],
  };
  const inbox = await tx.webhookDelivery.findMany({ where: { shop, OR: [{ payload: { not: null } }, { lastError: { not: null } }] } });
  const matcher = identityOf(known);
  for (const row of inbox) learnFromJson(parseJson(row.payload), matcher, known);
  const identity = identityOf(known);

  const files: string[] = [];
  for (const c of cases) {
    await tx.returnCase.update({
      where: { id: c.id },
      data: {
        customerId: null,
        customerEmail: null,
        customerName: null,
        searchText: searchTextOf({ orderName: c.orderName, rmaNumber: c.rmaNumber }),
        orderJson: scrubJsonText(c.orderJson, identity, (o) => ({ ...asObject(o), customer: null }))!,
        requestJson: scrubJsonText(c.requestJson, identity, withoutReasons)!,
        decisionJson: scrubJsonText(c.decisionJson, identity)!,
        inspectionJson: scrubJsonText(c.inspectionJson, identity),
        finalDecisionJson: scrubJsonText(c.finalDecisionJson, identity),
        escalationReason: c.escalationReason === null ? null : scrubText(c.escalationReason, identity),
        // The return label carries their name and address.
        labelUrl: null,
      },
    });
    for (const l of c.lines) {
      await tx.returnCaseLine.update({
        where: { id: l.id },
        data: { reason: "", title: scrubText(l.title, identity), explanation: scrubText(l.explanation, identity), overrideReason: l.overrideReason === null ? null : scrubText(l.overrideReason, identity) },
      });
    }
    for (const n of c.notes) {
      const body = n.visibility === "CUSTOMER" ? REDACTED_MESSAGE : scrubText(n.body, identity);
      await tx.caseNote.update({ where: { id: n.id }, data: { body, author: scrubText(n.author, identity) } });
    }
    for (const a of c.audit) {
      await tx.caseAuditEntry.update({
        where: { id: a.id },
        data: { actor: scrubText(a.actor, identity), beforeJson: scrubJsonText(a.beforeJson, identity), afterJson: scrubJsonText(a.afterJson, identity) },
      });
    }
    await tx.caseEvidence.deleteMany({ where: { caseId: c.id } });
    files.push(...c.evidence.map((e) => e.storageKey));
  }

  // Uploads for a return still being filled in: theirs, or on their orders.
  if (who.customerId) files.push(...(await deleteCustomerUploads(tx, shop, who.customerId)));
  if (who.orderIds.length) {
    const onOrders = await tx.evidenceUpload.findMany({ where: { shop, orderId: { in: who.orderIds } }, select: { storageKey: true } });
    await tx.evidenceUpload.deleteMany({ where: { shop, orderId: { in: who.orderIds } } });
    files.push(...onOrders.map((u) => u.storageKey));
  }

  await tx.dataRequestExport.deleteMany({
    where: { shop, OR: [{ customerId: { in: [...identity.ids].filter((id) => id.startsWith("gid:")) } }, { customerEmail: { in: [...identity.emails] } }] },
  });
  await scrubOtherCases(tx, shop, identity, cases.map((c) => c.id));
  await scrubInbox(tx, inbox, identity);
  await removeEvidenceFiles(shop, files);
  return cases.length;
}

/**
 * Another customer's case may quote this one ("same person as ava@…"): notes, escalation
 * reasons and audit entries of the shop that contain their email or customer id are scrubbed.
 */
async function scrubOtherCases(tx: Tx, shop: string, identity: Identity, skip: string[]) {
  const needles = [...identity.emails, ...[...identity.ids].filter((id) => id.startsWith("gid:"))];
  if (!needles.length) return;
  // Case-insensitive, as people type emails: SQLite's LIKE already is, PostgreSQL's needs asking.
  const mode = isPostgresUrl(process.env.DATABASE_URL) ? { mode: "insensitive" } : {};
  const contains = (field: string) => needles.map((n) => ({ [field]: { contains: n, ...mode } }));
  const notes = await tx.caseNote.findMany({ where: { case: { shop }, caseId: { notIn: skip }, OR: contains("body") } });
  for (const n of notes) await tx.caseNote.update({ where: { id: n.id }, data: { body: scrubText(n.body, identity) } });
  const escalated = await tx.returnCase.findMany({ where: { shop, id: { notIn: skip }, OR: contains("escalationReason") }, select: { id: true, escalationReason: true } });
  for (const c of escalated) await tx.returnCase.update({ where: { id: c.id }, data: { escalationReason: scrubText(c.escalationReason ?? "", identity) } });
  const audit = await tx.caseAuditEntry.findMany({ where: { shop, caseId: { notIn: skip }, OR: [...contains("beforeJson"), ...contains("afterJson")] } });
  for (const a of audit) await tx.caseAuditEntry.update({ where: { id: a.id }, data: { beforeJson: scrubJsonText(a.beforeJson, identity), afterJson: scrubJsonText(a.afterJson, identity) } });
}

/**
 * Deliveries of the shop still waiting in the inbox (processed ones keep no payload) may carry
 * the customer: their payloads lose the customer's data but keep what the work needs (ids of
 * the return, the refund, the order).
 */
async function scrubInbox(tx: Tx, rows: Array<{ webhookId: string; payload: string | null; lastError: string | null }>, identity: Identity) {
  for (const row of rows) {
    const payload = scrubJsonText(row.payload, identity);
    const lastError = row.lastError === null ? null : scrubText(row.lastError, identity);
    if (payload !== row.payload || lastError !== row.lastError) await tx.webhookDelivery.update({ where: { webhookId: row.webhookId }, data: { payload, lastError } });
  }
}

type ShopScoped = { deleteMany(args: { where: { shop: string } }): Promise<unknown> };

/** The models with a `shop` column, read from the schema. */
export const shopScopedModels = (): string[] =>
  Prisma.dmmf.datamodel.models.filter((m) => m.fields.some((f) => f.name === "shop" && f.kind === "scalar" && f.type === "String")).map((m) => m.name);

/** shop/redact: every row of the shop, in every table (see the header). */
export async function eraseShopData(tx: Tx, shop: string, webhookId: string) {
  await eraseShop(tx, shop, webhookId); // cases first: their lines, evidence rows and notes cascade
  for (const model of shopScopedModels()) {
    const delegate = (tx as unknown as Record<string, ShopScoped>)[model.charAt(0).toLowerCase() + model.slice(1)];
    if (!delegate) throw new Error(`shop/redact: no Prisma delegate for ${model}`);
    await delegate.deleteMany({ where: { shop } });
  }
}
