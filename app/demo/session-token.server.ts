// Session tokens for the demo, shaped and signed as Shopify admin signs them (HS256 with the
// app's secret), so authenticate.admin verifies them unchanged.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { env } from "~/env.server";
import { DEMO_USER_ID } from "./demo-shops";

export async function mintAdminSessionToken(opts: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId: number;
  ttlSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: `https://${opts.shop}/admin`,
    dest: `https://${opts.shop}`,
    aud: opts.apiKey,
    sub: String(opts.userId),
    sid: randomUUID(),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + (opts.ttlSeconds ?? 60))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(opts.apiSecret));
}

/** A demo shop's admin session token, signed with this app's own key and secret. */
export async function mintDemoSessionToken(shop: string, ttlSeconds: number): Promise<string> {
  const { SHOPIFY_API_KEY: apiKey, SHOPIFY_API_SECRET: apiSecret } = env();
  return mintAdminSessionToken({ shop, apiKey, apiSecret, userId: DEMO_USER_ID, ttlSeconds });
}
