// Drift: does the refund policy the shop shows its customers (Settings → Policies → Refund
// policy) still say what the rules Clause enforces say? Clause writes that text itself
// (renderPolicyText) and publishes it with shopPolicyUpdate; the merchant can edit it in Shopify
// afterwards, or save a new policy version in Clause without publishing it. Either way shoppers
// would read one policy while Clause decides by another.
import { renderPolicyText, type Policy } from "~/domain/policy";
import { ShopRefundPolicyQuery } from "~/graphql/ShopRefundPolicyQuery";
import { runAdminOperation, type AdminApi } from "./admin-client";

export type DriftState = "in-sync" | "differs" | "missing";

export type RefundPolicyDrift = {
  /** in-sync: the shop's refund policy says what the rules generate; differs: it says something else; missing: the shop has none (or an empty one). */
  state: DriftState;
  /** When the shop's refund policy was last changed (in Shopify), null when it has none. */
  publishedAt: string | null;
  /** Where shoppers read it, null when it has none. */
  url: string | null;
};

type ShopPolicyNode = { id: string; type: string; body: string; url: string; updatedAt: string };

/** The body Clause publishes as the shop's refund policy: the HTML its renderer writes from the rules (a shop policy body is HTML). */
export function refundPolicyBody(policy: Policy): string {
  return renderPolicyText(policy).html;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * What a policy body says, for comparison: its text without markup, entities decoded, whitespace
 * collapsed. Comparing words rather than bytes keeps a body Shopify stored with different
 * markup (attributes dropped, entities or line breaks written differently) "in sync" as long as
 * shoppers read the same policy, while any change of wording is drift.
 */
export function policyBodyText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** Compares a published body with the one the rules generate. */
export function compareRefundPolicyBody(published: string | null | undefined, policy: Policy): DriftState {
  const current = policyBodyText(published ?? "");
  if (current === "") return "missing";
  return current === policyBodyText(refundPolicyBody(policy)) ? "in-sync" : "differs";
}

/** Reads the shop's refund policy (one Admin API query) and compares it with what `policy` generates. */
export async function refundPolicyDrift(api: AdminApi, policy: Policy): Promise<RefundPolicyDrift> {
  const data = await runAdminOperation<{ shop: { shopPolicies: ShopPolicyNode[] } }>(api, ShopRefundPolicyQuery);
  const refund = data.shop.shopPolicies.find((p) => p.type === "REFUND_POLICY") ?? null;
  const state = compareRefundPolicyBody(refund?.body, policy);
  return { state, publishedAt: state === "missing" ? null : (refund?.updatedAt ?? null), url: state === "missing" ? null : (refund?.url ?? null) };
}
