// The offline demo's network edge: the running app's Admin API calls go to the stand-in
// (seeded with the five demo shops) instead of Shopify, and the webhooks Shopify would send
// after a change are delivered to the app over HTTP. Loaded by server.mjs only in the demo.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { demoEnabled } from "~/demo/demo-mode.server";
import { createDemoStandIn } from "./seed";

export function installDemoEdge(opts: { appUrl: string; secret: string; now?: Date; webhookEveryMs?: number }) {
  if (!demoEnabled()) {
    throw new Error("The demo edge is only for the offline demo (CLAUSE_DEMO=1, never NODE_ENV=production).");
  }
  // CLAUSE_DEMO_STANDIN_THROTTLE=off: a rate-limit bucket that never runs dry, for load benchmarks
  // (bench/portal-latency.mjs) that measure the app; Shopify's per-shop limit would decide them.
  const throttle = process.env.CLAUSE_DEMO_STANDIN_THROTTLE === "off" ? { maximumAvailable: 1e12, restoreRate: 1e12 } : undefined;
  const { standIn, shops } = createDemoStandIn({ now: (opts.now ?? new Date()).getTime(), throttle });
  // The node adapter set the real fetch when the app was imported; replace it now.
  setAbstractFetchFunc(standIn.fetch as typeof fetch);
  let delivering = false;
  const timer = setInterval(async () => {
    if (delivering) return;
    delivering = true;
    try {
      await standIn.webhooks.deliver({ target: (request) => fetch(request), secret: opts.secret, baseUrl: opts.appUrl });
    } catch (error) {
      console.error("demo webhook delivery failed", error);
    } finally {
      delivering = false;
    }
  }, opts.webhookEveryMs ?? 1000);
  timer.unref();
  return { standIn, shops, stop: () => clearInterval(timer) };
}
