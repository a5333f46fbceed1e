// Shopify global ids. The stand-in numbers every resource type from its own counter (ids are
// global across shops, as Shopify's are), so seeded data gets the same ids on every run.
export type GidType =
  | "Shop"
  | "Product"
  | "Customer"
  | "Order"
  | "LineItem"
  | "ShippingLine"
  | "Fulfillment"
  | "FulfillmentLineItem"
  | "OrderTransaction"
  | "Return"
  | "ReturnLineItem"
  | "ReturnShippingFee"
  | "RestockingFee"
  | "ReverseFulfillmentOrder"
  | "ReverseFulfillmentOrderLineItem"
  | "ReverseFulfillmentOrderDisposition"
  | "ReverseDelivery"
  | "ReverseDeliveryLineItem"
  | "Refund"
  | "RefundLineItem"
  | "RefundShippingLine"
  | "ShopPolicy"
  | "Location"
  | "ReturnReasonDefinition"
  | "ReturnableFulfillment"
  | "CalculatedReturn"
  | "CalculatedRestockingFee"
  | "CalculatedReturnShippingFee"
  | "SellingPlan";

export function gid(type: GidType, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The type and numeric id of a gid, or null when it is not one. */
export function parseGid(value: unknown): { type: string; id: number } | null {
  if (typeof value !== "string") return null;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  if (!match) return null;
  return { type: match[1] as string, id: Number(match[2]) };
}

export function legacyId(id: string): number {
  const parsed = parseGid(id);
  if (!parsed) throw new Error(`not a gid: ${id}`);
  return parsed.id;
}

export class IdAllocator {
  private readonly next = new Map<GidType, number>();
  constructor(private readonly start = 1001) {}

  allocate(type: GidType): string {
    const n = this.next.get(type) ?? this.start;
    this.next.set(type, n + 1);
    return gid(type, n);
  }
}
