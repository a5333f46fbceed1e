/** @jsxImportSource preact */
// Target customer-account.order.page.render: the "Request a return" page of one order, opened
// from the order action menu item of extension clause-returns.
// (No `@shopify/ui-extensions/preact` import: it hands @preact/signals to the host for reactive
// host values; Clause reads the order id once, and the 8 KB stay out of the bundle.)
import { render } from "preact";
import { returnFlowApi } from "../../shared/api";
import { host, numericOrderId } from "../../shared/host";
import { ReturnFlow } from "./return-flow";

/** Renders the target into `root` (Shopify: document.body; the offline preview: its own element). */
export function mount(root: Element) {
  const orderId = numericOrderId();
  render(orderId ? <ReturnFlow api={returnFlowApi(orderId)} orderId={orderId} navigate={(url) => host().navigation.navigate(url)} /> : null, root);
}

export default () => mount(document.body);
