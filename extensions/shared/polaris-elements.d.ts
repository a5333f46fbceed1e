// Types of the Polaris web components (`s-*`) customer-account extensions render with Preact:
// the order page target's set is the full customer-account set (the menu item and the block use
// a subset of it).
import "@shopify/ui-extensions/customer-account.order.page.render";
