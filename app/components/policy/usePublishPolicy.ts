// "Publish to store": its own fetcher, the version the merchant reviewed, a toast when Shopify
// took the text and the failure (Shopify's refusal, a newer version, bad input) to show in a
// Banner until the next try.
import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PolicyActionResult } from "~/routes/app.policy._index";

export type PublishFailure = Extract<PolicyActionResult, { ok: false }>;

export function usePublishPolicy(version: number) {
  const fetcher = useFetcher<PolicyActionResult>();
  const shopify = useAppBridge();
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";
  const handled = useRef<PolicyActionResult | undefined>(undefined);
  const [dismissed, setDismissed] = useState<PolicyActionResult | undefined>(undefined);

  // The answer is there once the fetcher stops submitting (it may still be reloading the page).
  const answered = fetcher.state !== "submitting";
  useEffect(() => {
    if (!answered || !result || handled.current === result) return;
    handled.current = result;
    if (result.ok) shopify.toast.show(result.message);
  }, [answered, result, shopify]);

  const publish = useCallback(() => {
    fetcher.submit({ intent: "publish", expectedVersion: String(version) }, { method: "post" });
  }, [fetcher, version]);

  const shown = !busy && result && dismissed !== result && !result.ok ? result : null;
  return { publish, busy, error: shown, dismiss: () => setDismissed(result) };
}
