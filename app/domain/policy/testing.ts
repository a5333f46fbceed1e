/**
 * Builders for Admin API order snapshots and return requests, for tests,
 * fixtures and benchmarks. They produce the raw JSON shape Shopify returns
 * (2026-07 field names), so callers still go through `orderSchema`.
 */
import { decide, type Decision } from "./decide";
import { inspectionSchema, orderSchema, returnRequestSchema } from "./order";
import type { ClaimType, Condition, Policy } from "./schema";

export interface LineSpec {
  id: string;
  /** Unit price after all discounts, decimal string in the order currency. */
  price: string;
  quantity?: number;
  refundableQuantity?: number;
  tags?: string[];
  productType?: string | null;
  vendor?: string | null;
  isGiftCard?: boolean;
  properties?: Record<string, string>;
  sellingPlan?: boolean;
  /** Deleted product (product: null). */
  deletedProduct?: boolean;
}

export interface FulfillmentSpec {
  id?: string;
  createdAt: string;
  deliveredAt?: string | null;
  displayStatus?: string;
  /** lineItemId → quantity */
  lines: Record<string, number>;
}

export interface ReturnSpec {
  status: "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";
  id?: string;
  /** lineItemId → quantity */
  lines: Record<string, number>;
}

export interface OrderSpec {
  id?: string;
  currency?: string;
  /** Shipping line prices; omit for none. */
  shipping?: string[];
  lines: LineSpec[];
  fulfillments: FulfillmentSpec[];
  returns?: ReturnSpec[];
}

function gidNum(id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/LineItem/${id}`;
}

export function lineGid(id: string): string {
  return gidNum(id);
}

/** An Admin API `Order` JSON object. */
export function buildOrder(spec: OrderSpec): Record<string, unknown> {
  const currency = spec.currency ?? "USD";
  const money = (amount: string) => ({ shopMoney: { amount, currencyCode: currency }, presentmentMoney: { amount, currencyCode: currency } });
  let fliSeq = 1;
  return {
    id: spec.id ?? "gid://shopify/Order/1001",
    currencyCode: currency,
    shippingLines: { nodes: (spec.shipping ?? []).map((p) => ({ originalPriceSet: money(p) })) },
    fulfillments: spec.fulfillments.map((f, i) => ({
      id: f.id ?? `gid://shopify/Fulfillment/${i + 1}`,
      createdAt: f.createdAt,
      deliveredAt: f.deliveredAt ?? null,
      displayStatus: f.displayStatus ?? (f.deliveredAt ? "DELIVERED" : "IN_TRANSIT"),
      fulfillmentLineItems: {
        nodes: Object.entries(f.lines).map(([id, quantity]) => ({ id: `gid://shopify/FulfillmentLineItem/${fliSeq++}`, quantity, lineItem: { id: gidNum(id) } })),
      },
    })),
    lineItems: {
      nodes: spec.lines.map((l) => ({
        id: gidNum(l.id),
        quantity: l.quantity ?? 1,
        refundableQuantity: l.refundableQuantity ?? l.quantity ?? 1,
        isGiftCard: l.isGiftCard ?? false,
        customAttributes: Object.entries(l.properties ?? {}).map(([key, value]) => ({ key, value })),
        discountedUnitPriceAfterAllDiscountsSet: money(l.price),
        product: l.deletedProduct ? null : { tags: l.tags ?? [], productType: l.productType ?? "", vendor: l.vendor ?? "Vendor" },
        sellingPlan: l.sellingPlan ? { name: "Monthly", sellingPlanId: "gid://shopify/SellingPlan/1" } : null,
      })),
    },
    returns: {
      nodes: (spec.returns ?? []).map((r, i) => ({
        id: r.id ?? `gid://shopify/Return/${i + 1}`,
        status: r.status,
        returnLineItems: {
          nodes: Object.entries(r.lines).map(([id, quantity]) => ({ quantity, fulfillmentLineItem: { lineItem: { id: gidNum(id) } } })),
        },
      })),
    },
  };
}

export interface RequestLineSpec {
  id: string;
  quantity?: number;
  condition?: Condition;
  reason?: string;
  evidence?: ("photo" | "video")[];
}

/** A return request JSON object. */
export function buildRequest(type: ClaimType, lines: RequestLineSpec[]): Record<string, unknown> {
  return {
    type,
    lines: lines.map((l) => ({
      lineItemId: gidNum(l.id),
      quantity: l.quantity ?? 1,
      reason: l.reason ?? "",
      condition: l.condition ?? "UNOPENED",
      evidence: (l.evidence ?? []).map((kind, i) => ({ kind, url: `https://cdn.example.com/evidence/${i + 1}.${kind === "photo" ? "jpg" : "mp4"}` })),
    })),
  };
}

/** Validates raw JSON inputs with the public schemas, then decides (what the CLI does, minus I/O). */
export function decideJson(policy: Policy, orderJson: unknown, requestJson: unknown, now: string, inspectionJson?: unknown): Decision {
  const order = orderSchema.parse(orderJson);
  const request = returnRequestSchema.parse(requestJson);
  const inspection = inspectionJson === undefined ? undefined : inspectionSchema.parse(inspectionJson);
  return decide(policy, order, request, new Date(now), inspection);
}
