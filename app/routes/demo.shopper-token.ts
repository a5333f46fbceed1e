// /demo/shopper-token?shop=…&order=…: a customer-account session token for the customer who
// placed the order, as `shopify.sessionToken.get()` hands one to the extension in customer
// accounts (signed with the app's secret). 404 outside the demo, and for an unknown or guest
// order; 400 for a shop that is not a demo shop.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { assertDemo } from "~/demo/demo-mode.server";
import { demoShop, readOrderCustomer } from "~/demo/shopper-orders.server";
import { mintDemoCustomerToken, SHOPPER_TOKEN_TTL_SECONDS } from "~/demo/shopper-token.server";

export async function loader({ request }: LoaderFunctionArgs) {
  assertDemo();
  const url = new URL(request.url);
  const demo = demoShop(url.searchParams.get("shop") ?? "");
  if (!demo) return Response.json({ error: "not a demo shop" }, { status: 400 });
  const customerId = await readOrderCustomer(demo.shop, url.searchParams.get("order") ?? "");
  if (!customerId) return Response.json({ error: "no such order, or a guest order (no customer to sign in)" }, { status: 404 });
  const token = await mintDemoCustomerToken(demo.shop, customerId);
  return Response.json({ token, expiresAt: Date.now() + SHOPPER_TOKEN_TTL_SECONDS * 1000 }, { headers: { "Cache-Control": "no-store" } });
}
