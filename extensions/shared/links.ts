// Where the extensions send the shopper, in customer accounts' own URL schemes.

/** The full-page return flow (extension clause-returns-page) for an order. */
export const returnPageUrl = (orderId: string) => `extension:clause-returns-page/customer-account.order.page.render/${orderId}/`;

/** The order's page in customer accounts. */
export const orderPageUrl = (orderId: string) => `shopify:customer-account/orders/${orderId}`;
