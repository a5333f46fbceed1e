// Photos and videos a shopper uploaded for a return request they are still filling in. Every
// read and write is scoped by shop, customer and order: only the uploader can see, count or
// attach an upload. An upload is attached to one case at most (`caseId`); while a submit is in
// flight it holds a claim marker instead, so two submits cannot attach the same file.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

export type UploadOwner = { shop: string; customerId: string; orderId: string };

export type NewUpload = { kind: "photo" | "video"; contentType: string; byteSize: number; storageKey: string };

export type EvidenceUploadRow = NewUpload & { id: string; caseId: string | null; createdAt: Date };

const scope = (o: UploadOwner) => ({ shop: o.shop, customerId: o.customerId, orderId: o.orderId });

/** The marker a submit puts on the uploads it is attaching, until its case exists. */
export const pendingClaim = (requestKey: string) => `pending:${requestKey}`;

export async function createUpload(db: Db, owner: UploadOwner, upload: NewUpload, now = new Date()) {
  return db.evidenceUpload.create({ data: { ...scope(owner), ...upload, createdAt: now } });
}

/** Uploads by this customer on this order since `since` (attached or not): the rate limit counts them. */
export function countUploadsSince(db: Db, owner: UploadOwner, since: Date): Promise<number> {
  return db.evidenceUpload.count({ where: { ...scope(owner), createdAt: { gte: since } } });
}

/** The owner's uploads among `ids`; ids of other customers, orders or shops are simply absent. */
export async function findUploads(db: Db, owner: UploadOwner, ids: readonly string[]): Promise<EvidenceUploadRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.evidenceUpload.findMany({ where: { ...scope(owner), id: { in: [...ids] } } });
  return rows.map((r) => ({ ...r, kind: r.kind as NewUpload["kind"] }));
}

/** Marks the owner's unattached uploads among `ids` with `claim`; returns how many it marked. */
export async function claimUploads(db: Db, owner: UploadOwner, ids: readonly string[], claim: string): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.evidenceUpload.updateMany({ where: { ...scope(owner), id: { in: [...ids] }, caseId: null }, data: { caseId: claim } });
  return count;
}

/** The claimed uploads now belong to the case. */
export async function attachClaimedUploads(db: Db, owner: UploadOwner, claim: string, caseId: string): Promise<number> {
  const { count } = await db.evidenceUpload.updateMany({ where: { ...scope(owner), caseId: claim }, data: { caseId } });
  return count;
}

/** Gives the claimed uploads back (the submit failed): they can be attached again. */
export async function releaseClaimedUploads(db: Db, owner: UploadOwner, claim: string): Promise<number> {
  const { count } = await db.evidenceUpload.updateMany({ where: { ...scope(owner), caseId: claim }, data: { caseId: null } });
  return count;
}

/** Uploads attached to a case (for the shopper's own view of it). */
export function uploadsOfCase(db: Db, owner: UploadOwner, caseId: string) {
  return db.evidenceUpload.findMany({ where: { ...scope(owner), caseId }, orderBy: { createdAt: "asc" } });
}

/**
 * Forgets a customer's uploads in a shop (customers/redact): deletes the rows and answers the
 * storage keys whose files the caller removes (removeEvidenceFiles) once its transaction commits.
 */
export async function deleteCustomerUploads(db: Db | Prisma.TransactionClient, shop: string, customerId: string): Promise<string[]> {
  const rows = await db.evidenceUpload.findMany({ where: { shop, customerId }, select: { storageKey: true } });
  await db.evidenceUpload.deleteMany({ where: { shop, customerId } });
  return rows.map((r) => r.storageKey);
}
