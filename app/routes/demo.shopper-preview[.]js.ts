// /demo/shopper-preview.js: the shopper preview's browser bundle (app/demo/shopper-bundle.server.ts).
// 404 outside the demo.
import { assertDemo } from "~/demo/demo-mode.server";
import { shopperPreviewBundle } from "~/demo/shopper-bundle.server";

export async function loader() {
  assertDemo();
  return new Response(await shopperPreviewBundle(), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" },
  });
}
