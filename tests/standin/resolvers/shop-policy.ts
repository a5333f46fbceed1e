// shopPolicyUpdate: sets one of the shop's legal policies (Clause publishes the refund policy
// it generates). The body is HTML; Shopify refuses bodies over 512 KB with TOO_BIG.
import type { ShopPolicyType } from "../store";
import { viewShopPolicy } from "../views";
import type { ResolverContext } from "./context";

export const MAX_POLICY_BODY = 512 * 1024;

const TITLES: Record<ShopPolicyType, [string, string]> = {
  CONTACT_INFORMATION: ["Contact information", "contact-information"],
  LEGAL_NOTICE: ["Legal notice", "legal-notice"],
  PRIVACY_POLICY: ["Privacy policy", "privacy-policy"],
  REFUND_POLICY: ["Refund policy", "refund-policy"],
  SHIPPING_POLICY: ["Shipping policy", "shipping-policy"],
  SUBSCRIPTION_POLICY: ["Cancellation policy", "subscription-policy"],
  TERMS_OF_SALE: ["Terms of sale", "terms-of-sale"],
  TERMS_OF_SERVICE: ["Terms of service", "terms-of-service"],
};

export function shopPolicyUpdate({ shopPolicy }: { shopPolicy: { body: string; type: ShopPolicyType } }, ctx: ResolverContext) {
  const store = ctx.store;
  if (shopPolicy.body.length > MAX_POLICY_BODY) {
    return { shopPolicy: null, userErrors: [{ field: ["shopPolicy", "body"], message: "Body is too big (maximum is 512 KB).", code: "TOO_BIG" }] };
  }
  const now = ctx.now();
  const [title, slug] = TITLES[shopPolicy.type];
  const existing = store.policies.get(shopPolicy.type);
  const record = existing
    ? Object.assign(existing, { body: shopPolicy.body, updatedAt: now })
    : { id: store.id("ShopPolicy"), type: shopPolicy.type, title, body: shopPolicy.body, createdAt: now, updatedAt: now, url: `https://${store.shop.myshopifyDomain}/policies/${slug}` };
  store.policies.set(shopPolicy.type, record);
  return { shopPolicy: viewShopPolicy(record), userErrors: [] };
}
