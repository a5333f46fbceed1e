// The shopper's own return cases on one order, as the portal's status list shows them: the
// ownership check's read of the order's returns supplies the decline notes Shopify sent, so
// the list costs one Admin API call. Internal notes never leave the desk.
import type { Db } from "~/db.server";
import type { UploadOwner } from "~/models/evidence-upload.server";
import type { PortalShopifyReturn } from "./portal-orders.server";
import { caseStatusView } from "./portal-view";

export async function portalReturns(db: Db, input: { owner: UploadOwner; shopifyReturns: readonly PortalShopifyReturn[] }) {
  const { owner } = input;
  const cases = await db.returnCase.findMany({
    where: { shop: owner.shop, orderId: owner.orderId, customerId: owner.customerId },
    include: { lines: true, notes: { where: { visibility: "CUSTOMER" }, orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "desc" },
  });
  const notes = new Map(input.shopifyReturns.map((r) => [r.id, r.declineNote]));
  return { returns: cases.map((c) => caseStatusView(c, c.shopifyReturnId ? (notes.get(c.shopifyReturnId) ?? null) : null)) };
}
