// Saving: the whole form goes to the server as JSON; a refusal comes back with the field
// errors (shown inline and in a Banner), a success with the new version (a toast).
import { useFetcher, useNavigate } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PolicySaveRequest, PolicySaveResult } from "~/lib/policy-form";
import type { PolicyFormApi } from "./usePolicyForm";

type Failure = Extract<PolicySaveResult, { ok: false }>;

export function usePolicySave(api: PolicyFormApi, meta: { presetId: string | null; baseVersion: number | null; reloadAfterSave: boolean }) {
  const fetcher = useFetcher<PolicySaveResult>();
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Failure | null>(null);
  const handled = useRef<PolicySaveResult | undefined>(undefined);
  const { setErrors } = api;
  const saving = fetcher.state !== "idle";
  const result = fetcher.data;

  useEffect(() => {
    if (fetcher.state === "submitting" || !result || handled.current === result) return;
    handled.current = result;
    if (result.ok) {
      setFailure(null);
      setErrors([]);
      shopify.toast.show(result.message);
      // The form came from a preset or the blank skeleton: show the version now in force.
      if (meta.reloadAfterSave) navigate("/app/policy/edit", { replace: true });
    } else {
      setFailure(result);
      setErrors(result.errors);
    }
  }, [fetcher.state, result, shopify, navigate, setErrors, meta.reloadAfterSave]);

  const save = useCallback(() => {
    const body: PolicySaveRequest = { intent: "save", policy: api.form, presetId: meta.presetId, baseVersion: meta.baseVersion };
    fetcher.submit(body as never, { method: "post", encType: "application/json", action: "/app/policy/edit" });
  }, [fetcher, api.form, meta.presetId, meta.baseVersion]);

  return { save, saving, failure, dismiss: () => setFailure(null) };
}
