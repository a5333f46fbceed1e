/** @jsxImportSource preact */
// Target customer-account.order.action.menu-item.render: "Request a return" in the order's
// action menu, leading to the full-page flow (extension clause-returns-page).
// (No `@shopify/ui-extensions/preact` import: it hands @preact/signals to the host for reactive
// host values; Clause reads the order id once, and the 8 KB stay out of the bundle.)
import { render } from "preact";
import { getEligibility } from "../../shared/api";
import { numericOrderId } from "../../shared/host";
import { RequestReturnButton } from "./request-return-button";

/** Renders the target into `root` (Shopify: document.body; the offline preview: its own element). */
export function mount(root: Element) {
  const orderId = numericOrderId();
  render(orderId ? <RequestReturnButton api={{ eligibility: () => getEligibility(orderId) }} orderId={orderId} /> : null, root);
}

export default () => mount(document.body);
