// /demo/shopper: the offline shopper preview. Without parameters, the index of demo orders to try
// (`?shop=<demo shop>` for one shop's, `&format=json` for the same list as data); with
// `?shop=<demo shop>&order=<numeric id>`
// (optionally `&locale=fr|de|es`), that order as its customer sees it in customer accounts,
// through Clause's real extension code and the demo's portal API. 404 outside the demo.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { assertDemo } from "~/demo/demo-mode.server";
import { shopperIndexHtml, shopperPreviewHtml } from "~/demo/shopper-html.server";
import { demoShop, listShopperOrders, readShopperOrder } from "~/demo/shopper-orders.server";

const LOCALES = new Set(["en", "fr", "de", "es"]);

const html = (body: string, status = 200) => new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ request }: LoaderFunctionArgs) {
  assertDemo();
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop");
  const order = url.searchParams.get("order");
  const demo = shop ? demoShop(shop) : null;
  if (shop && !demo) return Response.json({ error: `"${shop}" is not a demo shop` }, { status: 400 });
  if (!order) {
    const orders = await listShopperOrders({ shop: demo?.shop });
    return url.searchParams.get("format") === "json" ? Response.json({ orders }, { headers: { "Cache-Control": "no-store" } }) : html(shopperIndexHtml(orders));
  }
  if (!demo) return Response.json({ error: "which demo shop? (?shop=…)" }, { status: 400 });
  const snapshot = await readShopperOrder(demo.shop, order ?? "");
  if (!snapshot) return Response.json({ error: `${demo.name} has no order ${order}` }, { status: 404 });
  if (!snapshot.customer) return Response.json({ error: `${snapshot.name} was placed without a customer account` }, { status: 400 });
  const locale = url.searchParams.get("locale") ?? "en";
  return html(
    shopperPreviewHtml({
      shopName: demo.name,
      customer: snapshot.customer.displayName,
      config: {
        shop: demo.shop,
        orderId: order as string,
        orderName: snapshot.name,
        locale: LOCALES.has(locale) ? locale : "en",
        tokenUrl: `/demo/shopper-token?${new URLSearchParams({ shop: demo.shop, order: order as string })}`,
      },
    }),
  );
}
