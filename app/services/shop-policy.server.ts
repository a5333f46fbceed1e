// Publishes the refund policy Clause generates from the merchant's rules as the shop's Refund
// policy (shopPolicyUpdate). Setting a body is idempotent, so plain retries are safe.
import { ShopPolicyUpdateMutation } from "~/graphql/ShopPolicyUpdateMutation";
import { adminClient, requirePayload, ShopifyGraphqlError, type AdminApi } from "./admin-client";

export type PublishedPolicy = { id: string; type: string; title: string; url: string; updatedAt: string };

/** Shopify refuses bodies over 512 KB (ShopPolicyUserError TOO_BIG). */
export async function publishRefundPolicy(api: AdminApi, input: { body: string }): Promise<PublishedPolicy> {
  const result = await adminClient(api).mutate<{
    shopPolicyUpdate: { shopPolicy: PublishedPolicy | null; userErrors: Array<{ field: string[] | null; message: string; code: string | null }> } | null;
  }>(ShopPolicyUpdateMutation, { shopPolicy: { type: "REFUND_POLICY", body: input.body } });
  const policy = requirePayload("shopPolicyUpdate", result.answered?.shopPolicyUpdate).shopPolicy;
  if (!policy) throw new ShopifyGraphqlError("shopPolicyUpdate answered neither a policy nor userErrors", []);
  return policy;
}
