// Failures of the shopper portal that the shopper can act on, with the HTTP status and a stable
// code the extension can branch on. The message is a plain English sentence shown as given.
export class PortalError extends Error {
  override name = "PortalError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The one answer for an order that is unknown, another shop's, or another customer's. */
export const ORDER_NOT_FOUND_MESSAGE = "We couldn't find this order in your account.";

export const orderNotFound = () => new PortalError(404, "NOT_FOUND", ORDER_NOT_FOUND_MESSAGE);
