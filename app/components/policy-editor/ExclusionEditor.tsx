// One exclusion: what it matches (product tags, types, vendors, line-item properties, gift
// cards, subscriptions), whether it is final sale or excluded, why, and for which claims.
import { BlockStack, Box, Button, ChoiceList, FormLayout, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { CLAIM_TYPES, type ExclusionMatcher } from "~/domain/policy";
import { CLAIM_TYPE_LABELS, MATCHER_KINDS, autoExclusionId, changeMatcherKind, renameExclusion, setIn, splitValues, type MatcherKind } from "~/lib/policy-form";
import { AssumptionList, FieldLabel } from "./Assumptions";
import { Choice, ContainerError, TextInput } from "./fields";
import { MatchCounts } from "./MatchCounts";
import { usePolicyForm } from "./usePolicyForm";

const MATCHER_LABELS: Record<MatcherKind, string> = {
  productTag: "Product tag",
  productType: "Product type",
  vendor: "Vendor",
  lineItemPropertyKey: "Line-item property (key contains)",
  giftCard: "Gift cards",
  sellingPlan: "Bought on a subscription",
};

function matcherValues(m: ExclusionMatcher): readonly string[] | null {
  return "values" in m ? m.values : "contains" in m ? m.contains : null;
}

function MatcherRow({ index, j, matcher, removable }: { index: number; j: number; matcher: ExclusionMatcher; removable: boolean }) {
  const { set, update, errorAt } = usePolicyForm();
  const path = ["exclusions", index, "match", j] as const;
  const values = matcherValues(matcher);
  const valuesKey = "contains" in matcher ? "contains" : "values";
  // The text as typed ("hygiene, "); the list is what the policy holds.
  const [draft, setDraft] = useState(values ? values.join(", ") : "");
  return (
    <InlineGrid columns={["oneThird", "twoThirds"]} gap="200" alignItems="end">
      <Select
        label="Matches by"
        options={MATCHER_KINDS.map((k) => ({ label: MATCHER_LABELS[k], value: k }))}
        value={matcher.by}
        onChange={(by) => {
          const next = changeMatcherKind(matcher, by as MatcherKind);
          set(path, next);
          const nextValues = matcherValues(next);
          setDraft(nextValues ? nextValues.join(", ") : "");
        }}
        error={errorAt([...path, "by"])}
      />
      <InlineStack align="start" gap="200" blockAlign="end" wrap={false}>
        <div style={{ flex: 1 }}>
          {values ? (
            <TextField
              label={matcher.by === "lineItemPropertyKey" ? "Key contains (comma-separated)" : "Values (comma-separated)"}
              value={draft}
              onChange={(text) => {
                setDraft(text);
                set([...path, valuesKey], splitValues(text));
              }}
              error={errorAt([...path, valuesKey]) ?? errorAt([...path, valuesKey, 0]) ?? errorAt(path)}
              placeholder={matcher.by === "lineItemPropertyKey" ? "engrav, monogram" : "final-sale, hygiene"}
              autoComplete="off"
            />
          ) : (
            <Text as="p" tone="subdued">
              {matcher.by === "giftCard" ? "Every gift card product." : "Any item bought on a subscription plan."}
            </Text>
          )}
        </div>
        {removable ? (
          <Button
            variant="plain"
            tone="critical"
            accessibilityLabel="Remove this match"
            onClick={() => update((f) => setIn(f, ["exclusions", index, "match"], f.exclusions[index]!.match.filter((_, k) => k !== j)), ["exclusions", index, "match"])}
          >
            Remove
          </Button>
        ) : null}
      </InlineStack>
    </InlineGrid>
  );
}

export function ExclusionEditor({ index }: { index: number }) {
  const { form, set, update, errorAt } = usePolicyForm();
  const exclusion = form.exclusions[index]!;
  const base = ["exclusions", index] as const;
  return (
    <Box borderColor="border" borderWidth="025" borderRadius="200" padding="400">
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            <FieldLabel label={exclusion.title || "New exclusion"} path={["exclusions", exclusion.id]} />
          </Text>
          <Button variant="plain" tone="critical" onClick={() => update((f) => ({ ...f, exclusions: f.exclusions.filter((_, i) => i !== index) }), ["exclusions"])}>
            Remove exclusion
          </Button>
        </InlineStack>
        <AssumptionList prefixes={[`exclusions.${exclusion.id}`, `exclusions.${index}`]} />
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Title"
              value={exclusion.title}
              onChange={(title) => set([...base, "title"], title)}
              onBlur={() => {
                const id = autoExclusionId(form, index);
                if (id) update((f) => renameExclusion(f, index, id), [...base, "id"]);
              }}
              error={errorAt([...base, "title"])}
              placeholder="Final-sale items"
              autoComplete="off"
            />
            <TextField
              label="Clause id"
              value={exclusion.id}
              onChange={(id) => update((f) => renameExclusion(f, index, id), [...base, "id"])}
              error={errorAt([...base, "id"])}
              helpText={`Cited as exclusion.${exclusion.id}`}
              monospaced
              autoComplete="off"
            />
          </FormLayout.Group>
          <Choice
            path={[...base, "code"]}
            label="Outcome"
            options={[
              { label: "Final sale (FINAL_SALE)", value: "FINAL_SALE" },
              { label: "Excluded (EXCLUDED)", value: "EXCLUDED" },
            ]}
          />
          <TextInput path={[...base, "reason"]} label="Reason shown to the customer" placeholder="Final-sale items can't be returned." />
        </FormLayout>
        <BlockStack gap="200">
          <Text as="p" fontWeight="semibold">
            Matches an item when any of these match
          </Text>
          {exclusion.match.map((m, j) => (
            <MatcherRow key={`${j}-${m.by}-${exclusion.match.length}`} index={index} j={j} matcher={m} removable={exclusion.match.length > 1} />
          ))}
          <ContainerError path={[...base, "match"]} />
          <InlineStack align="start">
            <Button
              size="slim"
              onClick={() => update((f) => setIn(f, [...base, "match"], [...f.exclusions[index]!.match, { by: "productTag", values: [] }]), [...base, "match"])}
            >
              Add a match
            </Button>
          </InlineStack>
          <MatchCounts matchers={exclusion.match} />
        </BlockStack>
        <ChoiceList
          allowMultiple
          title={<FieldLabel label="Applies to" path={[...base, "appliesTo"]} />}
          choices={CLAIM_TYPES.map((c) => ({ label: CLAIM_TYPE_LABELS[c], value: c }))}
          selected={[...exclusion.appliesTo]}
          onChange={(selected) => set([...base, "appliesTo"], CLAIM_TYPES.filter((c) => selected.includes(c)))}
          error={errorAt([...base, "appliesTo"])}
        />
      </BlockStack>
    </Box>
  );
}
