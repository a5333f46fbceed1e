// Session tokens for the demo, shaped and signed as Shopify admin signs them (HS256 with the
// app's secret), so authenticate.admin verifies them unchanged.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

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
