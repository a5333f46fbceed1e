// /demo/session-token?shop=…: a fresh admin session token for a demo shop, as App Bridge's
// idToken() would get from Shopify admin. 404 outside the demo; 400 for a shop that is not a
// demo shop.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { assertDemo } from "~/demo/demo-mode.server";
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { mintDemoSessionToken } from "~/demo/session-token.server";

const TTL_SECONDS = 60;

export async function loader({ request }: LoaderFunctionArgs) {
  assertDemo();
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  if (!DEMO_SHOPS.some((s) => s.shop === shop)) {
    return Response.json({ error: `"${shop}" is not a demo shop` }, { status: 400 });
  }
  const token = await mintDemoSessionToken(shop, TTL_SECONDS);
  return Response.json(
    { token, expiresAt: Date.now() + TTL_SECONDS * 1000 },
    { headers: { "Cache-Control": "no-store" } },
  );
}
