// Return cases in the database, always scoped by shop. Every state change goes through
// applyCaseTransition: the lifecycle check, the optimistic lock and the audit entry commit
// together, so a change is either wholly applied and recorded or not at all.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "./prisma-errors.server";
import { nextStatus, type CaseAction, type CaseStatus } from "~/domain/cases";

type Tx = Prisma.TransactionClient;

export type NewCaseLine = Omit<Prisma.ReturnCaseLineCreateManyCaseInput, "id">;
export type NewCase = Omit<Prisma.ReturnCaseCreateInput, "id" | "shop" | "lines" | "evidence" | "notes" | "audit" | "status" | "version"> & {
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
  constructor(readonly current: { status: string; version: number }) {
    super(`This case was changed by someone else (it is now ${current.status.toLowerCase()}). The page shows the latest state; check it and try again.`);
  }
}

const include = { lines: true } as const;

/** Creates a case with its lines and first audit entry; a repeated requestKey returns the first. */
export async function createCase(db: Db, shop: string, input: NewCase, actor: string) {
  const { lines, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.returnCase.create({
        data: { ...fields, shop, lines: { createMany: { data: lines } } },
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

type CaseFields = Omit<Prisma.ReturnCaseUpdateManyMutationInput, "status" | "version" | "shop">;

/**
 * Moves a case by one lifecycle action. `expectedVersion` is the version the agent acted on;
 * `changes` may be a function of the transaction (to assign an RMA number, say).
 */
export async function applyCaseTransition(
  db: Db,
  args: {
    shop: string;
    caseId: string;
    expectedVersion: number;
    action: CaseAction;
    actor: string;
    changes?: CaseFields | ((tx: Tx) => Promise<CaseFields>);
  },
) {
  return db.$transaction(async (tx) => {
    const before = await getCase(tx, args.shop, args.caseId);
    if (before.version !== args.expectedVersion) throw new CaseConflictError(before);
    const status: CaseStatus = nextStatus(before.status as CaseStatus, args.action);
    const changes = typeof args.changes === "function" ? await args.changes(tx) : (args.changes ?? {});
    const updated = await tx.returnCase.updateMany({
      where: { id: args.caseId, shop: args.shop, version: args.expectedVersion },
      data: { ...changes, status, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new CaseConflictError(await getCase(tx, args.shop, args.caseId));
    const after = await getCase(tx, args.shop, args.caseId);
    const changed = Object.keys({ ...changes, status: 1 }) as Array<keyof typeof before>;
    const pick = (c: typeof before) => Object.fromEntries(changed.map((k) => [k, c[k]]));
    await tx.caseAuditEntry.create({
      data: { caseId: args.caseId, shop: args.shop, actor: args.actor, action: args.action, beforeJson: JSON.stringify(pick(before)), afterJson: JSON.stringify(pick(after)) },
    });
    return after;
  });
}

export function caseAudit(db: Db, shop: string, caseId: string) {
  return db.caseAuditEntry.findMany({ where: { shop, caseId }, orderBy: { at: "asc" } });
}
