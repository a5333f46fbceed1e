// The form's submit: post the draft and the period; on success a toast and the new run is shown
// (?run=<id>); on failure the message and the field errors stay until the next try.
import { useFetcher, useNavigate } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useCallback, useEffect, useRef } from "react";
import type { SimulationActionResult } from "./view-model";

export function useStartSimulation() {
  const fetcher = useFetcher<SimulationActionResult>();
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const handled = useRef<SimulationActionResult | undefined>(undefined);
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";

  useEffect(() => {
    if (fetcher.state !== "idle" || !result || handled.current === result) return;
    handled.current = result;
    if (result.ok) {
      shopify.toast.show(result.message);
      navigate(`/app/policy/simulate?run=${encodeURIComponent(result.runId)}`);
    }
  }, [fetcher.state, result, shopify, navigate]);

  const start = useCallback((draft: string, days: string) => fetcher.submit({ draft, days }, { method: "post", action: "/app/policy/simulate" }), [fetcher]);
  const failure = !busy && result && !result.ok ? result : null;
  return { start, busy, failure };
}
