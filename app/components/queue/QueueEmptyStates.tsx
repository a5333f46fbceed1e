// The queue's two empty states: a shop with no return requests at all, and filters that match none.
import { Card, EmptyState, Page } from "@shopify/polaris";

const EMPTY_IMAGE = "https://cdn.shopify.com/s/files/1/0262/4071/2726/files/emptystate-files.png";

/** The whole page for a shop that has never had a return request. */
export function NoReturnsYetPage() {
  return (
    <Page title="Returns" fullWidth>
      <Card>
        <EmptyState heading="No return requests yet" image={EMPTY_IMAGE}>
          <p>When a shopper asks to return an order, the request appears here with your policy&apos;s decision for every item and the time you have to answer it.</p>
        </EmptyState>
      </Card>
    </Page>
  );
}

/** The table's empty state when the filters or the search match no return. */
export function NoMatchingReturns({ onClearAll }: { onClearAll: () => void }) {
  return (
    <EmptyState heading="No returns match these filters" image={EMPTY_IMAGE} action={{ content: "Clear filters", onAction: onClearAll }}>
      <p>Try other filters or another search.</p>
    </EmptyState>
  );
}
