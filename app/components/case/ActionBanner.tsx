import { Banner, Text } from "@shopify/polaris";
import type { CaseActionFailure } from "./useCaseAction";

const TITLES: Record<number, string> = {
  400: "Check the form",
  404: "Not found",
  409: "The case changed",
  422: "This could not be done",
  503: "Shopify is not answering",
};

/** A failed action's message, in a critical Banner (a warning for an approval whose label failed). */
export function ActionBanner({ error, warning, onDismiss }: { error?: CaseActionFailure | null; warning?: string | null; onDismiss?: () => void }) {
  if (error) {
    return (
      <Banner tone="critical" title={TITLES[error.status] ?? "Something went wrong"} onDismiss={onDismiss}>
        <Text as="p">{error.error}</Text>
      </Banner>
    );
  }
  if (warning) {
    return (
      <Banner tone="warning" title="Done, with a problem" onDismiss={onDismiss}>
        <Text as="p">{warning}</Text>
      </Banner>
    );
  }
  return null;
}
