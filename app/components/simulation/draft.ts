// The simulation page's small draft editor: a base policy (the version in force, a preset, or a
// draft handed over from the policy editor) with a few fields changed. Pure, so the browser
// builds exactly the JSON the server validates.
import type { Condition } from "~/domain/policy/schema";

export const EDITABLE_CONDITIONS = ["UNOPENED", "OPENED", "USED", "DAMAGED"] as const satisfies readonly Condition[];

export type DraftEdits = {
  windowDays: string;
  conditions: Record<Condition, { accepted: boolean; percent: string }>;
  /** Exclusion id → kept. */
  exclusions: Record<string, boolean>;
  deductOriginalShipping: boolean;
};

type PolicyLike = {
  returnWindow?: { days?: unknown };
  conditions?: Partial<Record<Condition, { accepted?: unknown; refundPercent?: unknown }>>;
  exclusions?: Array<{ id?: unknown; title?: unknown }>;
  claims?: { RETURN?: { deductOriginalShipping?: unknown } };
  assumptions?: Array<{ path?: unknown }>;
};

function asPolicy(policy: unknown): PolicyLike {
  return policy !== null && typeof policy === "object" ? (policy as PolicyLike) : {};
}

/** The editable fields as the policy has them. */
export function editsOf(policy: unknown): DraftEdits {
  const p = asPolicy(policy);
  const conditions = {} as DraftEdits["conditions"];
  for (const c of EDITABLE_CONDITIONS) {
    const rule = p.conditions?.[c];
    conditions[c] = { accepted: rule?.accepted === true, percent: rule?.accepted === true && typeof rule.refundPercent === "number" ? String(rule.refundPercent) : "100" };
  }
  const exclusions: Record<string, boolean> = {};
  for (const e of p.exclusions ?? []) if (typeof e.id === "string") exclusions[e.id] = true;
  return {
    windowDays: typeof p.returnWindow?.days === "number" ? String(p.returnWindow.days) : "",
    conditions,
    exclusions,
    deductOriginalShipping: p.claims?.RETURN?.deductOriginalShipping === true,
  };
}

/** The exclusions of the base policy, for the on/off checkboxes. */
export function exclusionsOf(policy: unknown): Array<{ id: string; title: string }> {
  return (asPolicy(policy).exclusions ?? []).flatMap((e) => (typeof e.id === "string" ? [{ id: e.id, title: typeof e.title === "string" ? e.title : e.id }] : []));
}

/** A number from a form field; text that is not one is kept so the server names the field. */
function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/**
 * The base policy with the edits applied (a new object). An exclusion switched off is removed
 * with the assumptions that point into it (their paths would no longer exist).
 */
export function applyEdits(base: unknown, edits: DraftEdits): Record<string, unknown> {
  const draft = structuredClone(asPolicy(base)) as PolicyLike & Record<string, unknown>;
  draft.returnWindow = { ...(draft.returnWindow ?? {}), days: numberOrText(edits.windowDays) };
  const conditions: Record<string, unknown> = { ...(draft.conditions ?? {}) };
  for (const c of EDITABLE_CONDITIONS) {
    const e = edits.conditions[c];
    conditions[c] = e.accepted ? { accepted: true, refundPercent: numberOrText(e.percent) } : { accepted: false };
  }
  draft.conditions = conditions as PolicyLike["conditions"];
  const removed = new Set(Object.entries(edits.exclusions).flatMap(([id, kept]) => (kept ? [] : [id])));
  if (removed.size > 0) {
    draft.exclusions = (draft.exclusions ?? []).filter((e) => !(typeof e.id === "string" && removed.has(e.id)));
    draft.assumptions = (draft.assumptions ?? []).filter((a) => {
      if (typeof a.path !== "string") return true;
      for (const id of removed) if (a.path === `exclusions.${id}` || a.path.startsWith(`exclusions.${id}.`)) return false;
      return true;
    });
  }
  if (draft.claims?.RETURN) draft.claims = { ...draft.claims, RETURN: { ...draft.claims.RETURN, deductOriginalShipping: edits.deductOriginalShipping } };
  return draft;
}

/** Which quick field a server field error belongs to ("draft.conditions.OPENED.refundPercent" → "conditions.OPENED"). */
export function quickFieldOf(errorKey: string): string | null {
  if (errorKey === "days") return "days";
  if (errorKey.startsWith("draft.returnWindow.days")) return "windowDays";
  const m = /^draft\.conditions\.(UNOPENED|OPENED|USED|DAMAGED)\b/.exec(errorKey);
  return m ? `conditions.${m[1]}` : null;
}
