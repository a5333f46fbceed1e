// Which lines of an order the shopper may put in a request, from the portal API's eligibility:
// a line goes back as a change-of-mind return when the policy allows it, and a line the policy
// excludes from returns (a hygiene item, say) may still be covered by a claim (faulty, damaged).
import type { ClaimOption, Eligibility, OrderLine } from "./portal-types";

export const covers = (claim: ClaimOption, line: OrderLine) => claim.lineItemIds.includes(line.lineItemId);

/** A line the shopper may choose: something of it can still go back, as a return or under some claim. */
export function selectable(eligibility: Eligibility, line: OrderLine): boolean {
  if (line.returnableQuantity < 1) return false;
  return line.returnable || eligibility.claimTypes.some((c) => covers(c, line));
}

/** Whether the order has anything a request could cover (the menu item shows only then). */
export function anythingToRequest(eligibility: Eligibility): boolean {
  return eligibility.anythingReturnable || eligibility.lines.some((l) => selectable(eligibility, l));
}
