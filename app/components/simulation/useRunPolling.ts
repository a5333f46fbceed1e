// While a run is waiting or running, ask its route for progress every second (only while the
// tab is visible); when it ends, reload the page data once so the list of runs catches up.
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { isActiveStatus, type RunView } from "./view-model";

const RANK: Record<string, number> = { QUEUED: 0, RUNNING: 1, DONE: 2, FAILED: 2 };

/** The further along of two views of one run. */
function newer(a: RunView, b: RunView | undefined): RunView {
  if (!b || b.id !== a.id) return a;
  const ra = RANK[a.status] ?? 0;
  const rb = RANK[b.status] ?? 0;
  if (rb !== ra) return rb > ra ? b : a;
  return b.processed >= a.processed ? b : a;
}

export function useRunPolling(run: RunView | null, everyMs = 1000): RunView | null {
  const fetcher = useFetcher<RunView>();
  const revalidator = useRevalidator();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  const idle = useRef(true);
  idle.current = fetcher.state === "idle";
  const active = run !== null && isActiveStatus(run.status);
  const runId = run?.id ?? null;

  useEffect(() => {
    if (!active || runId === null) return;
    const timer = setInterval(() => {
      if (idle.current && document.visibilityState === "visible") load.current(`/app/policy/simulate/${encodeURIComponent(runId)}`);
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, runId, everyMs]);

  const polled = fetcher.data as RunView | undefined;
  const ended = polled !== undefined && polled.id === runId && !isActiveStatus(polled.status);
  const revalidated = useRef<string | null>(null);
  useEffect(() => {
    if (!ended || !active || revalidated.current === runId) return;
    revalidated.current = runId;
    revalidator.revalidate();
  }, [ended, active, runId, revalidator]);

  return run ? newer(run, polled) : null;
}
