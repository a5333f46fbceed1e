// The editor's state: the policy being edited (as JSON), the one it started from (to tell
// whether anything changed) and the field errors of the last refused save. Every card reads
// and writes it through the context, by path.
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { confirmAssumption, pathKey, pruneAssumptions, setIn, type FieldError, type PathSegment, type PolicyForm } from "~/lib/policy-form";

export type PolicyFormApi = {
  form: PolicyForm;
  dirty: boolean;
  errors: readonly FieldError[];
  /** Sets one field. */
  set: (path: readonly PathSegment[], value: unknown) => void;
  /** Any other change (add/remove list items); `touched` is the path whose errors it clears. */
  update: (change: (form: PolicyForm) => PolicyForm, touched?: readonly PathSegment[]) => void;
  /** The first error at exactly this path. */
  errorAt: (path: readonly PathSegment[]) => string | undefined;
  confirm: (assumptionPath: string) => void;
  reset: () => void;
  setErrors: (errors: readonly FieldError[]) => void;
};

function clearErrors(errors: readonly FieldError[], touched: string): readonly FieldError[] {
  if (!errors.length) return errors;
  // The field itself, anything under it, and the object or list it sits in ("add at least one").
  return errors.filter((e) => !(e.path === touched || e.path.startsWith(touched + ".") || touched.startsWith(e.path + ".")));
}

export function usePolicyFormState(initial: PolicyForm): PolicyFormApi {
  const [form, setForm] = useState(initial);
  const [errors, setErrorsState] = useState<readonly FieldError[]>([]);
  const baseline = useMemo(() => JSON.stringify(initial), [initial]);
  const dirty = useMemo(() => JSON.stringify(form) !== baseline, [form, baseline]);

  const update = useCallback((change: (form: PolicyForm) => PolicyForm, touched?: readonly PathSegment[]) => {
    setForm((current) => pruneAssumptions(change(current)));
    if (touched) setErrorsState((current) => clearErrors(current, pathKey(touched)));
  }, []);
  const set = useCallback((path: readonly PathSegment[], value: unknown) => update((f) => setIn(f, path, value), path), [update]);
  const errorAt = useCallback(
    (path: readonly PathSegment[]) => {
      const key = pathKey(path);
      return errors.find((e) => e.path === key)?.message;
    },
    [errors],
  );
  const confirm = useCallback((assumptionPath: string) => setForm((f) => confirmAssumption(f, assumptionPath)), []);
  const reset = useCallback(() => {
    setForm(initial);
    setErrorsState([]);
  }, [initial]);
  const setErrors = useCallback((next: readonly FieldError[]) => setErrorsState(next), []);

  return { form, dirty, errors, set, update, errorAt, confirm, reset, setErrors };
}

export const PolicyFormContext = createContext<PolicyFormApi | null>(null);

export function usePolicyForm(): PolicyFormApi {
  const api = useContext(PolicyFormContext);
  if (!api) throw new Error("usePolicyForm outside the policy editor");
  return api;
}
