// A shop with one order in the stand-in, its policy in force (a seed preset), and helpers to
// open a return case through the real intake service. Used by the desk's integration tests.
import { randomUUID } from "node:crypto";
import { getPreset, type PresetId, type ReturnRequest } from "~/domain/policy";
import { createAdminClient } from "~/services/admin-client";
import type { StoredEvidence } from "~/services/case-intake.server";
import { standInGraphql } from "../standin/graphql-client";
import { addOrder, addProduct, type ProductSpec } from "../standin/seed";
import { installShop, standIn } from "./shopify-test-app";

const DAY = 86_400_000;
export const db = async () => (await import("~/db.server")).default;

export type SceneLine = { product: ProductSpec; quantity?: number };

/** Installs a fresh shop on `preset`'s policy with one order delivered `deliveredDaysAgo` days ago. */
export async function caseScene(opts: { preset: PresetId; lines: SceneLine[]; shipping?: string; deliveredDaysAgo?: number; store?: string }) {
  const store = opts.store ?? `${opts.preset}-${randomUUID().slice(0, 8)}`;
  const session = await installShop(store);
  const shop = session.shop;
  const records = standIn.store(shop);
  const now = Date.now();
  const delivered = now - (opts.deliveredDaysAgo ?? 3) * DAY;
  const order = addOrder(records, {
    createdAt: delivered - 4 * DAY,
    customer: { email: `shopper-${store}@example.com`, firstName: "Ava", lastName: "Garcia" },
    lines: opts.lines.map((l) => ({ product: addProduct(records, l.product), quantity: l.quantity ?? 1 })),
    shipping: opts.shipping ?? "0",
    fulfillments: [{ createdAt: delivered - 2 * DAY, deliveredAt: delivered }],
  });
  const { savePolicyVersion } = await import("~/models/policy-version.server");
  await savePolicyVersion(await db(), shop, getPreset(opts.preset), { actor: "test", presetId: opts.preset });
  const api = createAdminClient(standInGraphql(standIn, shop), { sleep: async () => {} });
  const lineId = (i: number) => order.lineItems[i]!.id;

  async function open(request: { type: ReturnRequest["type"]; lines: Array<Omit<ReturnRequest["lines"][number], "evidence" | "reason"> & { reason?: string }> }, extra: { requestKey?: string; evidence?: StoredEvidence[] } = {}) {
    const { openCase } = await import("~/services/case-intake.server");
    return openCase(await db(), api, {
      shop,
      orderId: order.id,
      request: { type: request.type, lines: request.lines.map((l) => ({ reason: "", evidence: [], ...l })) },
      actor: "customer",
      ...extra,
    });
  }

  /** Shopify's view of a return, straight from the stand-in. */
  async function shopifyReturn(id: string) {
    const res = await standInGraphql(standIn, shop)(
      `#graphql
      query SceneReturn($id: ID!) { return(id: $id) { status returnLineItems(first: 10) { nodes { ... on ReturnLineItem { processedQuantity } } } refunds(first: 10) { nodes { id totalRefundedSet { shopMoney { amount } } } } } }`,
      { variables: { id } },
    );
    return (await res.json()).data.return as { status: string; refunds: { nodes: Array<{ id: string; totalRefundedSet: { shopMoney: { amount: string } } }> } };
  }

  return { shop, store, api, order, lineId, open, shopifyReturn };
}
