import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentResponseHeaders } from "./shopify.server";
import { startWebhookSweeper } from "./webhooks/inbox-worker.server";
import { startSimulationSweeper } from "./services/policy-simulation.server";
import { startCaseReconciler } from "./services/case-reconcile.server";
import { demoEnabled } from "./demo/demo-mode.server";

// Webhook deliveries left pending by a crash or a failed attempt are picked up again, and
// policy simulations a restart interrupted resume from their last page, and cases a crash left
// behind Shopify (a refund claim, an approval or label not recorded) are reconciled.
if (process.env.NODE_ENV !== "test") {
  startWebhookSweeper();
  startSimulationSweeper();
  startCaseReconciler();
}

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Shopify's document headers: Content-Security-Policy frame-ancestors for the shop's admin.
  addDocumentResponseHeaders(request, responseHeaders);
  // Offline, the demo serves its own App Bridge; do not ask browsers to preload Shopify's.
  if (demoEnabled()) responseHeaders.delete("Link");
  const userAgent = request.headers.get("user-agent");
  const readyEvent = userAgent && isbot(userAgent) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        [readyEvent]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
