// The queue's filters as the URL holds them, and the ways to change them (see app/lib/queue-filters.ts).
import { useCallback } from "react";
import { useSearchParams } from "@remix-run/react";
import { parseQueueFilters, type QueueFilters } from "~/lib/queue-filters";

/** A change to the URL's search params, applied by `update`. */
export type UrlMutation = (next: URLSearchParams) => void;
export type UpdateQueueUrl = (mutate: UrlMutation, options?: { replace?: boolean }) => void;

/** The URL's filters, read with the loader's own schema; the loader's copy while the URL is invalid. */
export function useQueueUrl(fallback: QueueFilters) {
  const [params, setParams] = useSearchParams();
  const parsed = parseQueueFilters(params);
  const filters = parsed.ok ? parsed.filters : fallback;
  /** Changes the filters (and goes back to the first page); Shopify's own URL keys are kept. */
  const update = useCallback<UpdateQueueUrl>(
    (mutate, options = {}) => {
      const next = new URLSearchParams(params);
      mutate(next);
      next.delete("after");
      next.delete("before");
      setParams(next, { preventScrollReset: true, replace: options.replace });
    },
    [params, setParams],
  );
  const goToPage = useCallback(
    (key: "after" | "before", cursor: string) => {
      const next = new URLSearchParams(params);
      next.delete("after");
      next.delete("before");
      next.set(key, cursor);
      setParams(next, { preventScrollReset: true });
    },
    [params, setParams],
  );
  return { filters, update, goToPage };
}

/** Sets `key` to exactly these values (none removes it). */
export const setList =
  (key: string, values: readonly string[]): UrlMutation =>
  (next) => {
    next.delete(key);
    for (const v of values) next.append(key, v);
  };

/** Sets `key` to `value`, or removes it when there is none. */
export const setOne =
  (key: string, value: string | null | undefined): UrlMutation =>
  (next) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
