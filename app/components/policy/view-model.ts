// The policy overview's data, shaped on the server (dates formatted in the policy's zone, labels
// in merchant words) so the page only lays it out. Pure: the route reads the database and
// Shopify and hands the results in.
import { diffPolicies, policyPathLabel, type PolicyChange } from "~/domain/policy/diff";
import { PRESET_IDS, presets, type PresetId } from "~/domain/policy/presets";
import { renderPolicyText } from "~/domain/policy/render";
import type { Policy } from "~/domain/policy/schema";
import type { RefundPolicyDrift } from "~/services/refund-policy-drift.server";
import { formatDateTime } from "../case/format";
import { presetEditUrl } from "./policy-ui";

export type PresetEntry = { id: PresetId; name: string; url: string };

export type VersionRow = { version: number; presetId: string | null; presetName: string | null; createdBy: string; createdAt: string; savedAt: string };

export type CurrentVersion = VersionRow & { name: string; timeZone: string };

export type Comparison = {
  /** Compared: version a (before) → version b (after). */
  a: number;
  b: number;
  changes: PolicyChange[];
  /** Set when the URL asked for a version the shop does not have (the default pair is shown instead). */
  notice: string | null;
};

export type DriftView = RefundPolicyDrift & { publishedAtText: string | null };

export type PolicyOverviewData = {
  presets: PresetEntry[];
  /** The version in force; null when the shop has no policy yet. */
  current: CurrentVersion | null;
  /** Assumptions still to confirm in the version in force. */
  assumptions: Array<{ path: string; label: string; note: string }>;
  /** Newest first. */
  history: VersionRow[];
  /** Null with fewer than two versions. */
  compare: Comparison | null;
  /** The customer-facing text of the version in force. */
  preview: { title: string; html: string } | null;
  /** Whether the shop's refund policy says what the version in force says; null without a policy or when Shopify could not be read. */
  drift: DriftView | null;
  /** Why the drift could not be checked. */
  driftError: string | null;
};

export function presetEntries(): PresetEntry[] {
  return PRESET_IDS.map((id) => ({ id, name: presets[id].name, url: presetEditUrl(id) }));
}

export function presetName(id: string | null): string | null {
  if (!id) return null;
  return (PRESET_IDS as readonly string[]).includes(id) ? presets[id as PresetId].name : id;
}

export function versionRow(v: { version: number; presetId: string | null; createdBy: string; createdAt: Date }, timeZone: string): VersionRow {
  return {
    version: v.version,
    presetId: v.presetId,
    presetName: presetName(v.presetId),
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    savedAt: formatDateTime(v.createdAt.toISOString(), timeZone),
  };
}

/** The two versions to compare: what the URL asks for (?a=&b=), else the latest against the one before it. */
export function comparePair(versions: readonly number[], params: URLSearchParams): { a: number; b: number; notice: string | null } | null {
  if (versions.length < 2) return null;
  const known = new Set(versions);
  const pick = (key: "a" | "b", fallback: number): { value: number; bad: string | null } => {
    const raw = params.get(key);
    if (raw === null || raw === "") return { value: fallback, bad: null };
    const n = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
    return known.has(n) ? { value: n, bad: null } : { value: fallback, bad: raw };
  };
  const a = pick("a", versions[1]!);
  const b = pick("b", versions[0]!);
  const bad = [a.bad, b.bad].filter((x): x is string => x !== null);
  if (bad.length) {
    return { a: versions[1]!, b: versions[0]!, notice: `Version ${bad.join(" and ")} does not exist in your store; showing the latest version against the one before it.` };
  }
  return { a: a.value, b: b.value, notice: null };
}

export function comparison(pair: { a: number; b: number; notice: string | null }, before: Policy, after: Policy): Comparison {
  return { ...pair, changes: diffPolicies(before, after) };
}

export function assumptionsOf(policy: Policy): PolicyOverviewData["assumptions"] {
  return policy.assumptions.map((a) => ({ path: a.path, label: policyPathLabel(policy, a.path), note: a.note }));
}

export function previewOf(policy: Policy): PolicyOverviewData["preview"] {
  const rendered = renderPolicyText(policy);
  return { title: rendered.title, html: rendered.html };
}

export function driftView(drift: RefundPolicyDrift, timeZone: string): DriftView {
  return { ...drift, publishedAtText: drift.publishedAt ? formatDateTime(drift.publishedAt, timeZone) : null };
}
