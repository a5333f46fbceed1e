// The policy editor: every rule of the return policy in Polaris cards, started from the policy
// in force, a seed preset or a blank skeleton, saved as a new version. While anything is
// unsaved, App Bridge's save bar offers Save and Discard.
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PolicyForm } from "~/lib/policy-form";
import { BasicsCard } from "./BasicsCard";
import { CalendarCard } from "./CalendarCard";
import { ClaimsCard } from "./ClaimsCard";
import { ConditionsCard } from "./ConditionsCard";
import { ExclusionsCard } from "./ExclusionsCard";
import { OtherRulesCard } from "./OtherRulesCard";
import { PartialRefundsCard } from "./PartialRefundsCard";
import { ReturnWindowCard } from "./ReturnWindowCard";
import { RmaCard } from "./RmaCard";
import { SaveErrorsBanner } from "./SaveErrorsBanner";
import { ServiceLevelsCard } from "./ServiceLevelsCard";
import { ShippingCard } from "./ShippingCard";
import { StartFromCard, type StartOption } from "./StartFromCard";
import { PolicyFormContext, usePolicyFormState } from "./usePolicyForm";
import { usePolicySave } from "./usePolicySave";

export type PolicyEditorData = {
  active: { version: number; presetId: string | null; name: string } | null;
  presets: ReadonlyArray<{ id: string; name: string }>;
  start: StartOption;
  /** The preset recorded with a save (where the rules came from). */
  presetId: string | null;
  form: PolicyForm;
  timeZones: readonly string[];
  /** Today in the policy's time zone ("YYYY-MM-DD"). */
  today: string;
  notice: string | null;
};

const SAVE_BAR_ID = "policy-editor-save-bar";

type SaveBarHost = HTMLElement & { show?: () => Promise<void>; hide?: () => Promise<void> };

/**
 * App Bridge React's SaveBar calls the element's own show()/hide() (on unmount, too). The
 * offline demo's App Bridge stand-in defines <ui-save-bar> without them and draws its buttons
 * in the page: there they fall back to the `shopify.saveBar` API it provides, and the buttons
 * are shown only while something is unsaved. Returns whether the element is the stand-in's.
 */
function adaptStandInSaveBar(element: SaveBarHost): boolean {
  // Shopify's element (defined by App Bridge, perhaps not yet upgraded) is left alone.
  const defined = customElements.get("ui-save-bar");
  if (!defined || typeof (defined.prototype as SaveBarHost).hide === "function" || typeof element.hide === "function") return false;
  element.show = () => window.shopify?.saveBar?.show?.(SAVE_BAR_ID) ?? Promise.resolve();
  element.hide = () => window.shopify?.saveBar?.hide?.(SAVE_BAR_ID) ?? Promise.resolve();
  return true;
}

function subtitle(data: PolicyEditorData): string {
  const inForce = data.active ? `Version ${data.active.version} is in force` : "No policy is in force yet";
  const from = data.start.kind === "preset" ? ` · editing preset ${data.presets.find((p) => p.id === data.start.presetId)?.name ?? data.start.presetId}` : data.start.kind === "blank" ? " · editing a blank policy" : "";
  return inForce + from;
}

export function PolicyEditorPage({ data }: { data: PolicyEditorData }) {
  const api = usePolicyFormState(data.form);
  const shopify = useAppBridge();
  // Bumped on Discard: inputs that keep what is being typed start again from the form.
  const [generation, setGeneration] = useState(0);
  const { save, saving, failure, dismiss } = usePolicySave(api, {
    presetId: data.presetId,
    baseVersion: data.active?.version ?? null,
    reloadAfterSave: data.start.kind !== "current",
  });
  const { dirty, reset } = api;
  const discard = useCallback(() => {
    reset();
    dismiss();
    setGeneration((g) => g + 1);
  }, [reset, dismiss]);

  // The demo stand-in's <ui-save-bar>, when that is what the page runs with.
  const standInSaveBar = useRef<SaveBarHost | null>(null);
  const saveBarRef = useCallback((element: SaveBarHost | null) => {
    if (element && adaptStandInSaveBar(element)) {
      standInSaveBar.current = element;
      element.hidden = true;
    }
  }, []);
  useEffect(() => {
    if (dirty) void shopify.saveBar.show(SAVE_BAR_ID);
    else void shopify.saveBar.hide(SAVE_BAR_ID);
    if (standInSaveBar.current) standInSaveBar.current.hidden = !dirty;
  }, [dirty, shopify]);

  const year = Number(data.today.slice(0, 4));
  const assumed = api.form.assumptions.length;
  return (
    <PolicyFormContext.Provider value={api}>
      <Page
        title="Edit return policy"
        subtitle={subtitle(data)}
        backAction={{ content: "Policy", url: "/app/policy" }}
        titleMetadata={assumed ? <Badge tone="attention">{`${assumed} assumed ${assumed === 1 ? "rule" : "rules"} to confirm`}</Badge> : <Badge tone="success">All rules confirmed</Badge>}
        primaryAction={{ content: "Save as new version", onAction: save, loading: saving, disabled: !dirty && data.start.kind === "current" }}
        secondaryActions={dirty ? [{ content: "Discard changes", onAction: discard, disabled: saving }] : []}
      >
        <SaveBar id={SAVE_BAR_ID} ref={saveBarRef}>
          <button variant="primary" onClick={save} disabled={saving} loading={saving ? "" : undefined}>
            Save
          </button>
          <button onClick={discard} disabled={saving}>
            Discard
          </button>
        </SaveBar>
        <Layout>
          {failure ? (
            <Layout.Section>
              <SaveErrorsBanner failure={failure} onDismiss={dismiss} />
            </Layout.Section>
          ) : null}
          {data.notice ? (
            <Layout.Section>
              <Banner tone="warning">
                <Text as="p">{data.notice}</Text>
              </Banner>
            </Layout.Section>
          ) : null}
          <Layout.Section>
            <BlockStack gap="400" key={generation}>
              <StartFromCard start={data.start} presets={data.presets} hasPolicy={data.active !== null} dirty={dirty} />
              <BasicsCard timeZones={data.timeZones} />
              <ReturnWindowCard />
              <ConditionsCard />
              <ExclusionsCard />
              <ShippingCard />
              <ClaimsCard />
              <PartialRefundsCard />
              <RmaCard />
              <ServiceLevelsCard />
              <CalendarCard year={year} />
              <OtherRulesCard />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Page>
    </PolicyFormContext.Provider>
  );
}
