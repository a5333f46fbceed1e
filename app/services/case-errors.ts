// Failures of a case action that the agent or shopper can fix: the route answers 4xx with the
// message, and nothing was changed.
export class CaseInputError extends Error {
  override name = "CaseInputError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The case has no Shopify return yet (or lost it): nothing in Shopify to act on. */
export class CaseNotInShopifyError extends Error {
  override name = "CaseNotInShopifyError";
  constructor(caseId: string) {
    super(`Return case ${caseId} has no Shopify return to act on yet.`);
  }
}

/** The order is not in the store (or not this shop's). */
export class OrderNotFoundError extends Error {
  override name = "OrderNotFoundError";
  constructor(orderId: string) {
    super(`Order ${orderId} was not found in this store.`);
  }
}
