// The search box's text, debounced into the URL's `q` (and following the URL on back/forward).
import { useEffect, useState } from "react";
import { setOne, type UpdateQueueUrl } from "./useQueueUrl";

export function useQueueSearch(urlQuery: string | undefined, update: UpdateQueueUrl) {
  const [query, setQuery] = useState(urlQuery ?? "");
  useEffect(() => {
    // Back/forward or a cleared filter changed the URL's search: show it.
    setQuery((typed) => (typed.trim() === (urlQuery ?? "") ? typed : (urlQuery ?? "")));
  }, [urlQuery]);
  useEffect(() => {
    const wanted = query.trim();
    if (wanted === (urlQuery ?? "")) return;
    const timer = setTimeout(() => update(setOne("q", wanted), { replace: true }), 350);
    return () => clearTimeout(timer);
  }, [query, urlQuery, update]);
  return [query, setQuery] as const;
}
