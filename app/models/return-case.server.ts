// Return cases in the database, always scoped by shop. Every state change goes through
// applyCaseTransition: the lifecycle check, the optimistic lock and the audit entry commit
// together, so a change is either wholly applied and recorded or not at all.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "./prisma-errors.server";
import { CASE_ACTIONS, nextStatus, slaDueAtOf, type CaseAction, type CaseStatus } from "~/domain/cases";
import { formatRma, type Policy, type RmaFormat } from "~/domain/policy";

type Tx = Prisma.TransactionClient;

export type NewCaseLine = Omit<Prisma.ReturnCaseLineCreateManyCaseInput, "id">;
export type NewCase = Omit<Prisma.ReturnCaseCreateInput, "id" | "shop" | "lines" | "notes" | "audit" | "status" | "version" | "searchText" | "slaDueAt" | "createdAt"> & {
  lines: NewCaseLine[];
};

export class CaseNotFoundError extends Error {
  override name = "CaseNotFoundError";
  constructor(readonly caseId: string) {
    super(`Return case ${caseId} was not found.`);
  }
}

/** Another agent changed the case first: show them this message and the fresh state. */
export class CaseConflictError extends Error {
  override name = "CaseConflictError";
  constructor(
    readonly current: { status: string; version: number },
    message?: string,
  ) {
    super(message ?? `This case was changed by someone else (it is now ${current.status.toLowerCase()}). The page shows the latest state; check it and try again.`);
  }
}

const include = { lines: true } as const;

type Searchable = { orderName: string; rmaNumber?: string | null; customerEmail?: string | null; customerName?: string | null };

/** What the queue's search box matches: order name, RMA, email and name, lower-cased. */
export function searchTextOf(c: Searchable): string {
  return [c.orderName, c.rmaNumber, c.customerEmail, c.customerName].filter(Boolean).join(" ").toLowerCase();
}

/**
 * Creates a case with its lines and first audit entry; a repeated requestKey returns the first.
 * With `rma`, the case's RMA number is issued from the shop's counter in the same transaction.
 */
export async function createCase(db: Db, shop: string, input: NewCase, actor: string, now = new Date(), rma?: RmaFormat) {
  const { lines, ...fields } = input;
  const createdAt = now;
  const slaDueAt = slaDueAtOf(JSON.parse(input.policyJson) as Policy, { status: "REQUESTED", createdAt }, now);
  try {
    return await db.$transaction(async (tx) => {
      const rmaNumber = rma ? formatRma(rma, await nextRmaSequence(tx, shop)) : (fields.rmaNumber ?? null);
      const created = await tx.returnCase.create({
        data: { ...fields, rmaNumber, createdAt, slaDueAt, searchText: searchTextOf({ ...input, rmaNumber }), shop, lines: { createMany: { data: lines } } },
        include,
      });
      await tx.caseAuditEntry.create({
        data: { caseId: created.id, shop, actor, action: "create", afterJson: JSON.stringify({ status: created.status, claimType: created.claimType }) },
      });
      return created;
    });
  } catch (error) {
    if (input.requestKey && isUniqueViolation(error)) {
      const existing = await db.returnCase.findUnique({ where: { shop_requestKey: { shop, requestKey: input.requestKey } }, include });
      if (existing) return existing;
    }
    throw error;
  }
}

export function findCaseByShopifyReturn(db: Db | Tx, shop: string, shopifyReturnId: string) {
  return db.returnCase.findUnique({ where: { shop_shopifyReturnId: { shop, shopifyReturnId } }, include });
}

export function findCaseByRequestKey(db: Db, shop: string, requestKey: string) {
  return db.returnCase.findUnique({ where: { shop_requestKey: { shop, requestKey } }, include });
}

export async function getCase(db: Db | Tx, shop: string, id: string) {
  const found = await db.returnCase.findFirst({ where: { id, shop }, include });
  if (!found) throw new CaseNotFoundError(id);
  return found;
}

/** The next RMA sequence number of a shop (1001, 1002, …), inside the caller's transaction. */
export async function nextRmaSequence(tx: Tx, shop: string): Promise<number> {
  const counter = await tx.rmaCounter.upsert({ where: { shop }, create: { shop, next: 1002 }, update: { next: { increment: 1 } } });
  return counter.next - 1;
}

/** Runs `work` in a transaction, or in the caller's when it already holds one (webhook work does). */
function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(work) : work(db);
}

type CaseFields = Omit<Prisma.ReturnCaseUpdateManyMutationInput, "status" | "version" | "shop">;
type CaseRow = Awaited<ReturnType<typeof getCase>>;

export type CaseChange = {
  shop: string;
  caseId: string;
  /** The version the agent acted on: anything else is a conflict. */
  expectedVersion: number;
  /** A lifecycle action (checked by nextStatus) or another recorded change: "escalate", "label", … */
  action: CaseAction | (string & {});
  actor: string;
  /** For changes outside the lifecycle: throws when the case's state does not allow it. */
  guard?: (before: CaseRow) => void;
  /** May be a function of the transaction and the case as read (to assign an RMA number, say). */
  changes?: CaseFields | ((tx: Tx, before: CaseRow) => Promise<CaseFields> | CaseFields);
  now?: Date;
  /** Why, in words, kept with the audit entry (a refusal message, say). */
  detail?: string;
};

const isLifecycleAction = (action: string): action is CaseAction => (CASE_ACTIONS as readonly string[]).includes(action);

/**
 * Applies one change to a case: the state check, the optimistic lock on `version`, the SLA
 * due time and the audit entry (before → after of every changed field) commit together.
 */
export async function applyCaseChange(db: Db | Tx, args: CaseChange) {
  return inTransaction(db, async (tx) => {
    const before = await getCase(tx, args.shop, args.caseId);
    if (before.version !== args.expectedVersion) throw new CaseConflictError(before);
    const status: CaseStatus = isLifecycleAction(args.action) ? nextStatus(before.status as CaseStatus, args.action) : (before.status as CaseStatus);
    args.guard?.(before);
    const changes = typeof args.changes === "function" ? await args.changes(tx, before) : (args.changes ?? {});
    const merged = { ...before, ...(changes as Record<string, unknown>), status } as CaseRow;
    const slaDueAt = slaDueAtOf(JSON.parse(before.policyJson) as Policy, merged, args.now ?? new Date());
    const updated = await tx.returnCase.updateMany({
      where: { id: args.caseId, shop: args.shop, version: args.expectedVersion },
      data: { ...changes, status, slaDueAt, searchText: searchTextOf(merged), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new CaseConflictError(await getCase(tx, args.shop, args.caseId));
    const after = await getCase(tx, args.shop, args.caseId);
    const changed = Object.keys({ ...changes, status: 1 }) as Array<keyof CaseRow>;
    const pick = (c: CaseRow) => Object.fromEntries(changed.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) || k === "status").map((k) => [k, c[k]]));
    await tx.caseAuditEntry.create({
      data: { caseId: args.caseId, shop: args.shop, actor: args.actor, action: args.action, beforeJson: JSON.stringify(pick(before)), afterJson: JSON.stringify({ ...pick(after), ...(args.detail ? { detail: args.detail } : {}) }) },
    });
    return after;
  });
}

/** Moves a case by one lifecycle action (see applyCaseChange). */
export function applyCaseTransition(db: Db | Tx, args: CaseChange & { action: CaseAction }) {
  return applyCaseChange(db, args);
}

/** Everything the case page shows: lines, evidence, notes and the audit trail, oldest first. */
export async function getCaseDetail(db: Db, shop: string, id: string) {
  const found = await db.returnCase.findFirst({
    where: { id, shop },
    include: { lines: true, evidence: { orderBy: { createdAt: "asc" } }, notes: { orderBy: { createdAt: "asc" } }, audit: { orderBy: { at: "asc" } } },
  });
  if (!found) throw new CaseNotFoundError(id);
  return found;
}

export function caseAudit(db: Db, shop: string, caseId: string) {
  return db.caseAuditEntry.findMany({ where: { shop, caseId }, orderBy: { at: "asc" } });
}
