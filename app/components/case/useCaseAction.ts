// One form of the case page: its own fetcher, the case version it acts on, a toast when it
// succeeded and the failure (message and status) to show in a Banner until the next try.
import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { CaseActionResult, CaseIntent } from "~/lib/case-action-schema";

export type CaseActionFailure = Extract<CaseActionResult, { ok: false }>;

/**
 * Where a conflict (409) is also reported: the page shows it at the top, because the fresh
 * state it reloads may no longer have the form that failed (a decline form once approved).
 */
export const CaseConflictContext = createContext<(failure: CaseActionFailure) => void>(() => {});

export function useCaseAction(intent: CaseIntent, version: number, onSuccess?: (message: string) => void) {
  const fetcher = useFetcher();
  const shopify = useAppBridge();
  const result = fetcher.data as CaseActionResult | undefined;
  const busy = fetcher.state !== "idle";
  const reportConflict = useContext(CaseConflictContext);
  const handled = useRef<CaseActionResult | undefined>(undefined);
  const [dismissed, setDismissed] = useState<CaseActionResult | undefined>(undefined);
  const success = useRef(onSuccess);
  success.current = onSuccess;

  // The answer is there once the fetcher stops submitting (it may still be reloading the page).
  const answered = fetcher.state !== "submitting";
  useEffect(() => {
    if (!answered || !result || handled.current === result) return;
    handled.current = result;
    if (result.ok) {
      shopify.toast.show(result.message);
      success.current?.(result.message);
    } else if (result.status === 409) {
      reportConflict(result);
    }
  }, [answered, result, shopify, reportConflict]);

  const submit = useCallback(
    (fields: Record<string, string | number | boolean | null | undefined> = {}) => {
      const body: Record<string, string> = { intent, expectedVersion: String(version) };
      for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) body[key] = String(value);
      fetcher.submit(body, { method: "post" });
    },
    [fetcher, intent, version]
  );

  const shown = !busy && result && dismissed !== result ? result : undefined;
  return {
    submit,
    busy,
    error: shown && !shown.ok ? shown : null,
    warning: shown && shown.ok && shown.warning ? shown.warning : null,
    dismiss: () => setDismissed(result),
  };
}
