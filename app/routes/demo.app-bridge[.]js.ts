// /demo/app-bridge.js: the offline App Bridge stand-in. 404 outside the demo.
import { assertDemo } from "~/demo/demo-mode.server";
import script from "~/demo/app-bridge-standin.js?raw";

export function loader() {
  assertDemo();
  return new Response(script, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" },
  });
}
