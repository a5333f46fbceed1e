// Customer-account session tokens for the offline shopper preview, shaped and signed as Shopify
// signs the tokens a customer-account extension gets from `shopify.sessionToken.get()` (HS256
// with the app's secret; `dest` the shop's hostname, `sub` the signed-in customer), so the portal
// API's authenticate.public.customerAccount verifies them unchanged.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { env } from "~/env.server";

/** Shopify's customer-account tokens last five minutes. */
export const SHOPPER_TOKEN_TTL_SECONDS = 300;

export async function mintCustomerSessionToken(opts: { shop: string; customerId: string; apiKey: string; apiSecret: string; ttlSeconds?: number; now?: number }): Promise<string> {
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  return new SignJWT({ iss: `https://${opts.shop}`, dest: opts.shop, aud: opts.apiKey, sub: opts.customerId, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + (opts.ttlSeconds ?? SHOPPER_TOKEN_TTL_SECONDS))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(opts.apiSecret));
}

/** A demo customer's token, signed with this app's own key and secret. */
export function mintDemoCustomerToken(shop: string, customerId: string): Promise<string> {
  const { SHOPIFY_API_KEY: apiKey, SHOPIFY_API_SECRET: apiSecret } = env();
  return mintCustomerSessionToken({ shop, customerId, apiKey, apiSecret });
}
