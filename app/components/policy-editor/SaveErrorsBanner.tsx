// A refused save: the summary Banner (each field error with where it is; the fields show their
// own inline), or the one message of a refusal that is not about a field.
import { Banner, List, Text } from "@shopify/polaris";
import { fieldLabel, type PolicySaveResult } from "~/lib/policy-form";

type Failure = Extract<PolicySaveResult, { ok: false }>;

export function SaveErrorsBanner({ failure, onDismiss }: { failure: Failure; onDismiss: () => void }) {
  if (failure.errors.length === 0) {
    return (
      <Banner tone="critical" title={failure.status === 409 ? "The policy changed" : "The policy was not saved"} onDismiss={onDismiss}>
        <Text as="p">{failure.error}</Text>
      </Banner>
    );
  }
  const n = failure.errors.length;
  return (
    <Banner tone="critical" title={`The policy was not saved: ${n} ${n === 1 ? "field needs" : "fields need"} attention`} onDismiss={onDismiss}>
      <List>
        {failure.errors.map((e) => (
          <List.Item key={e.path}>
            <Text as="span" fontWeight="semibold">
              {fieldLabel(e.path)}
            </Text>
            {`: ${e.message}`}
          </List.Item>
        ))}
      </List>
    </Banner>
  );
}
