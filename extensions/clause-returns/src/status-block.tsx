/** @jsxImportSource preact */
// Target customer-account.order-status.block.render: the return requests already made on the
// order, with their status, refund, label and the store's messages.
// (No `@shopify/ui-extensions/preact` import: see menu-item.tsx.)
import { render } from "preact";
import { getReturns } from "../../shared/api";
import { numericOrderId } from "../../shared/host";
import { ReturnStatusBlock } from "./return-status-block";

/** Renders the target into `root` (Shopify: document.body; the offline preview: its own element). */
export function mount(root: Element) {
  const orderId = numericOrderId();
  render(orderId ? <ReturnStatusBlock api={{ returns: () => getReturns(orderId) }} /> : null, root);
}

export default () => mount(document.body);
