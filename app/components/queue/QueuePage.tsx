// The return queue page: filter bar, table and the bulk approve Banners, or the empty state for a
// shop with no return requests. The route (app/routes/app.returns._index.tsx) hands in its loader data.
import { BlockStack, Card, Page } from "@shopify/polaris";
import { useNavigation, type useLoaderData } from "@remix-run/react";
import { QUEUE_PARAM_KEYS } from "~/lib/queue-filters";
import type { loader } from "~/routes/app.returns._index";
import { ApproveBlockedBanner, BulkApproveOutcomeBanners } from "./BulkApproveBanners";
import { NoReturnsYetPage } from "./QueueEmptyStates";
import { QueueFilters } from "./QueueFilters";
import { QueueTable } from "./QueueTable";
import { useBulkApprove } from "./useBulkApprove";
import { useQueueSearch } from "./useQueueSearch";
import { useQueueUrl } from "./useQueueUrl";

export type QueuePageData = ReturnType<typeof useLoaderData<typeof loader>>;

export function QueuePage({ data }: { data: QueuePageData }) {
  const { filters, update, goToPage } = useQueueUrl(data.filters);
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname.replace(/\/$/, "") === "/app/returns";
  const [query, setQuery] = useQueueSearch(filters.q, update);
  const rows = data.rows;
  const bulk = useBulkApprove(rows);

  const clearAll = () => {
    setQuery("");
    update((next) => {
      for (const key of QUEUE_PARAM_KEYS) if (key !== "sort") next.delete(key);
    });
  };

  if (!data.shopHasCases) return <NoReturnsYetPage />;

  return (
    <Page title="Returns" fullWidth subtitle={`Sorted by ${filters.sort === "newest" ? "newest first" : "SLA due, soonest first"} · dates in ${data.timeZone}`}>
      <BlockStack gap="400">
        <BulkApproveOutcomeBanners outcome={bulk.outcome} onDismiss={bulk.dismissOutcome} />
        <ApproveBlockedBanner blocked={bulk.blocked} />
        <Card padding="0">
          <QueueFilters filters={filters} update={update} query={query} onQueryChange={setQuery} onClearAll={clearAll} loading={loading} />
          <QueueTable
            rows={rows}
            selection={bulk.selection}
            selectedCount={bulk.selectedRows.length}
            canApprove={bulk.canApprove}
            onApprove={bulk.approve}
            onClearAll={clearAll}
            loading={loading}
            pagination={{
              hasNext: data.hasNext,
              hasPrevious: data.hasPrevious,
              onNext: () => data.nextCursor && goToPage("after", data.nextCursor),
              onPrevious: () => data.previousCursor && goToPage("before", data.previousCursor),
            }}
          />
        </Card>
      </BlockStack>
    </Page>
  );
}
