// Links and words the policy pages and the home page's drift warning share (browser-safe: no
// policy engine, no presets).
import type { DriftState } from "~/services/refund-policy-drift.server";

export const POLICY_OVERVIEW_URL = "/app/policy";
export const POLICY_EDIT_URL = "/app/policy/edit";
export const POLICY_SIMULATE_URL = "/app/policy/simulate";

export const presetEditUrl = (id: string) => `${POLICY_EDIT_URL}?preset=${encodeURIComponent(id)}`;

export const DRIFT_TITLE = "Your store's refund policy differs from the rules Clause enforces";

/** The sentence the home page and the overview show for a drift state. */
export function driftMessage(state: DriftState): string {
  switch (state) {
    case "missing":
      return "Your store has no refund policy, so shoppers cannot read the rules Clause decides their returns by. Publish the text Clause writes from your rules.";
    case "differs":
      return "Shoppers read a refund policy that says something different from the rules Clause decides their returns by. Review the text and publish it to your store.";
    case "in-sync":
      return "Your store's refund policy says exactly what Clause enforces.";
  }
}
