// customers/data_request: Shopify forwards a customer's request for their data; Clause answers
// with what it holds about them, assembled into one JSON document (a DataRequestExport row) that
// the merchant downloads from the home page and sends on. The customer is found as the redaction
// finds them: by customer id, email, or the orders Shopify names. What is theirs to see: their
// cases with each line's decision and the clause behind it, the messages they were sent (not the
// agents' internal notes), the list of evidence they sent (not the files), the case's history
// (the steps it went through and when, not which agent took them), and uploads still pending.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

type Tx = Prisma.TransactionClient;

export type DataRequest = {
  webhookId: string;
  dataRequestId: string | null;
  customerId: string | null;
  email: string | null;
  phone: string | null;
  orderIds: string[];
};

export const EXPORT_FORMAT = "clause.customer-data/1";

const parse = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const statusIn = (json: string | null): string | null => {
  const value = parse(json);
  return value && typeof value === "object" && typeof (value as { status?: unknown }).status === "string" ? (value as { status: string }).status : null;
};

/** Builds and stores the export; a redelivered request (same webhook id) keeps the first one. */
export async function createDataRequestExport(tx: Tx, shop: string, request: DataRequest, now = new Date()) {
  const existing = await tx.dataRequestExport.findUnique({ where: { webhookId: request.webhookId } });
  if (existing) return existing;
  const or: Prisma.ReturnCaseWhereInput[] = [];
  if (request.customerId) or.push({ customerId: request.customerId });
  if (request.email) or.push({ customerEmail: request.email.toLowerCase() });
  if (request.orderIds.length) or.push({ orderId: { in: request.orderIds } });
  const cases = or.length
    ? await tx.returnCase.findMany({
        where: { shop, OR: or },
        orderBy: { createdAt: "asc" },
        include: {
          lines: true,
          evidence: { orderBy: { createdAt: "asc" } },
          notes: { where: { visibility: "CUSTOMER" }, orderBy: { createdAt: "asc" } },
          audit: { orderBy: { at: "asc" } },
        },
      })
    : [];
  const uploads = request.customerId ? await tx.evidenceUpload.findMany({ where: { shop, customerId: request.customerId, caseId: null }, orderBy: { createdAt: "asc" } }) : [];

  const document = {
    format: EXPORT_FORMAT,
    shop,
    createdAt: now.toISOString(),
    request: { dataRequestId: request.dataRequestId, customer: { id: request.customerId, email: request.email, phone: request.phone }, ordersRequested: request.orderIds },
    cases: cases.map((c) => ({
      id: c.id,
      rmaNumber: c.rmaNumber,
      order: { id: c.orderId, name: c.orderName },
      customer: { id: c.customerId, email: c.customerEmail, name: c.customerName },
      claimType: c.claimType,
      status: c.status,
      currency: c.currency,
      refundEstimate: c.refundEstimate,
      refundAmount: c.refundAmount,
      requestedAt: c.createdAt.toISOString(),
      approvedAt: c.approvedAt?.toISOString() ?? null,
      receivedAt: c.receivedAt?.toISOString() ?? null,
      inspectedAt: c.inspectedAt?.toISOString() ?? null,
      refundedAt: c.refundedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      trackingNumber: c.trackingNumber,
      lines: c.lines.map((l) => ({
        title: l.title,
        quantity: l.quantity,
        reason: l.reason,
        declaredCondition: l.declaredCondition,
        gradedCondition: l.gradedCondition,
        decision: { code: l.code, clause: l.clause, explanation: l.explanation, refundPercent: l.refundBasisPoints === null ? null : l.refundBasisPoints / 100 },
      })),
      decision: parse(c.finalDecisionJson ?? c.decisionJson),
      messages: c.notes.map((n) => ({ sentAt: n.createdAt.toISOString(), body: n.body })),
      evidence: c.evidence.map((e) => ({ kind: e.kind, contentType: e.contentType, byteSize: e.byteSize, uploadedAt: e.createdAt.toISOString() })),
      history: c.audit.flatMap((a) => {
        // The steps the customer's return went through (and the messages they were sent); the
        // agents' internal steps (notes, urgency flags, escalations) are not theirs.
        const before = statusIn(a.beforeJson);
        const after = statusIn(a.afterJson);
        return a.action === "create" || a.action === "message" || (after && after !== before) ? [{ at: a.at.toISOString(), action: a.action, status: after }] : [];
      }),
    })),
    pendingUploads: uploads.map((u) => ({ orderId: u.orderId, kind: u.kind, contentType: u.contentType, byteSize: u.byteSize, uploadedAt: u.createdAt.toISOString() })),
  };
  return tx.dataRequestExport.create({
    data: {
      shop,
      webhookId: request.webhookId,
      dataRequestId: request.dataRequestId,
      customerId: request.customerId,
      customerEmail: request.email?.toLowerCase() ?? null,
      caseCount: cases.length,
      exportJson: JSON.stringify(document, null, 2),
      createdAt: now,
    },
  });
}

export type DataRequestExportSummary = { id: string; createdAt: Date; dataRequestId: string | null; customerEmail: string | null; caseCount: number };

/** The shop's exports, newest first (the home page lists them). */
export function listDataRequestExports(db: Db, shop: string, take = 20): Promise<DataRequestExportSummary[]> {
  return db.dataRequestExport.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, dataRequestId: true, customerEmail: true, caseCount: true },
  });
}

/** One export of the shop; null for an unknown id or another shop's. */
export function findDataRequestExport(db: Db, shop: string, id: string) {
  return db.dataRequestExport.findFirst({ where: { shop, id } });
}
