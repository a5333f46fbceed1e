// The shop's return policy versions. The highest version is in force; each save adds one.
import type { Db } from "~/db.server";
import { parsePolicy, type Policy } from "~/domain/policy";
import { isUniqueViolation } from "./prisma-errors.server";

export type ActivePolicy = { id: string; version: number; policy: Policy; presetId: string | null };

/** Raised when a shop has not set up a policy yet: nothing can be decided without one. */
export class NoPolicyError extends Error {
  override name = "NoPolicyError";
  constructor(readonly shop: string) {
    super("This store has no return policy set up yet. Choose a preset or write one in Clause's policy settings first.");
  }
}

export async function activePolicy(db: Db, shop: string): Promise<ActivePolicy | null> {
  const row = await db.policyVersion.findFirst({ where: { shop }, orderBy: { version: "desc" } });
  return row ? { id: row.id, version: row.version, policy: parsePolicy(JSON.parse(row.policyJson)), presetId: row.presetId } : null;
}

export async function requireActivePolicy(db: Db, shop: string): Promise<ActivePolicy> {
  const found = await activePolicy(db, shop);
  if (!found) throw new NoPolicyError(shop);
  return found;
}

/** Saves a new version (validated again here); two saves racing get consecutive numbers. */
export async function savePolicyVersion(db: Db, shop: string, input: unknown, meta: { actor: string; presetId?: string | null }): Promise<ActivePolicy> {
  const policy = parsePolicy(input);
  for (let attempt = 0; ; attempt++) {
    const latest = await db.policyVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: { version: true } });
    try {
      const row = await db.policyVersion.create({
        data: { shop, version: (latest?.version ?? 0) + 1, policyJson: JSON.stringify(policy), presetId: meta.presetId ?? null, createdBy: meta.actor },
      });
      return { id: row.id, version: row.version, policy, presetId: row.presetId };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** One saved version, without its rules (for the history list). */
export type PolicyVersionSummary = { version: number; presetId: string | null; createdBy: string; createdAt: Date };

/** One saved version with its rules and who saved it when. */
export type PolicyVersionRecord = ActivePolicy & { createdBy: string; createdAt: Date };

/** The shop's versions, newest first (at most `take`, default 100). */
export async function listPolicyVersions(db: Db, shop: string, options: { take?: number } = {}): Promise<PolicyVersionSummary[]> {
  return db.policyVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    take: options.take ?? 100,
    select: { version: true, presetId: true, createdBy: true, createdAt: true },
  });
}

/** One of the shop's versions by number, or null when the shop has no such version. */
export async function getPolicyVersion(db: Db, shop: string, version: number): Promise<PolicyVersionRecord | null> {
  if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) return null; // the column is a 32-bit integer
  const row = await db.policyVersion.findUnique({ where: { shop_version: { shop, version } } });
  return row
    ? { id: row.id, version: row.version, policy: parsePolicy(JSON.parse(row.policyJson)), presetId: row.presetId, createdBy: row.createdBy, createdAt: row.createdAt }
    : null;
}
