// The demo seed: one shop per preset with the products its policy talks about, at least 50
// varied orders each, deterministic, and every order readable as the engine's snapshot.
import { describe, expect, it } from "vitest";
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { orderSchema } from "~/domain/policy/order";
import { createAdminClient } from "~/services/admin-client";
import { getOrderSnapshot } from "~/services/order-snapshot.server";
import { getReturnableFulfillments } from "~/services/returnable-fulfillments.server";
import { manualClock, standInGraphql } from "../../standin/graphql-client";
import { createDemoStandIn } from "../../standin/seed";
import type { ShopStore } from "../../standin/store";

const NOW = "2026-06-15T12:00:00Z";

function seeded() {
  const clock = manualClock(Date.parse(NOW));
  const { standIn, shops: summary } = createDemoStandIn({ now: NOW, clock: clock.now });
  return { standIn, summary, clock };
}

const products = (store: ShopStore) => [...store.products.values()];
const lines = (store: ShopStore) => [...store.orders.values()].flatMap((o) => o.lineItems);

describe("seedDemoShops", () => {
  it("creates one shop per demo preset, at the demo domains, with at least 50 orders each", () => {
    const { standIn, summary } = seeded();
    expect(summary.map((s) => s.shop)).toEqual(DEMO_SHOPS.map((d) => d.shop));
    for (const s of summary) {
      expect(s.orders).toBeGreaterThanOrEqual(50);
      expect(standIn.store(s.shop).orders.size).toBe(s.orders);
    }
    expect(standIn.shops.get("clean-beauty-demo.myshopify.com")).toMatchObject({ currencyCode: "JPY", ianaTimezone: "Asia/Tokyo" });
    expect(standIn.shops.get("pura-demo.myshopify.com")).toMatchObject({ currencyCode: "USD", ianaTimezone: "America/Los_Angeles" });
    expect(standIn.shops.get("soulmate-spark-studio-demo.myshopify.com")).toMatchObject({ currencyCode: "USD", ianaTimezone: "America/New_York" });
  });

  it("tags products as the policies imply", () => {
    const { standIn } = seeded();
    const store = (preset: string) => standIn.store(DEMO_SHOPS.find((d) => d.preset === preset)!.shop);
    const ks = store("kendra-scott-mall");
    expect(products(ks).some((p) => p.tags.includes("final-sale"))).toBe(true);
    expect(products(ks).some((p) => p.isGiftCard)).toBe(true);
    expect(products(store("clean-beauty")).filter((p) => p.tags.includes("hygiene")).length).toBeGreaterThan(0);
    expect(products(store("clean-beauty")).some((p) => p.productType === "Serum")).toBe(true);
    const soulmate = store("soulmate-spark-studio");
    expect(products(soulmate).some((p) => p.tags.includes("hygiene"))).toBe(true);
    expect(lines(soulmate).some((l) => l.customAttributes.some((a) => a.key === "Engraving"))).toBe(true);
    expect(products(store("pura")).some((p) => p.productType === "Diffuser")).toBe(true);
    expect(lines(store("pura")).some((l) => l.sellingPlan !== null)).toBe(true);
    expect(products(store("purtly")).some((p) => p.productType === "Air Purifier")).toBe(true);
  });

  it("varies the orders: delivery dates inside and outside the windows, partly fulfilled, undelivered, earlier returns", () => {
    const { standIn } = seeded();
    const now = Date.parse(NOW);
    for (const demo of DEMO_SHOPS) {
      const store = standIn.store(demo.shop);
      const orders = [...store.orders.values()];
      const delivered = orders.flatMap((o) => o.fulfillments).flatMap((f) => (f.deliveredAt ? [(now - f.deliveredAt) / 86_400_000] : []));
      expect(delivered.some((d) => d < 14), demo.shop).toBe(true);
      expect(delivered.some((d) => d > 30 && d < 60), demo.shop).toBe(true);
      expect(delivered.some((d) => d > 60), demo.shop).toBe(true);
      expect(orders.some((o) => o.fulfillments.some((f) => f.status === "SUCCESS" && f.deliveredAt === null)), demo.shop).toBe(true);
      expect(
        orders.some((o) => {
          const fulfilled = o.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItems).reduce((s, l) => s + l.quantity, 0);
          const ordered = o.lineItems.reduce((s, l) => s + l.quantity, 0);
          return fulfilled > 0 && fulfilled < ordered;
        }),
        demo.shop,
      ).toBe(true);
      expect(orders.some((o) => o.fulfillments.length === 0), demo.shop).toBe(true);
      expect(orders.every((o) => o.transactions.some((t) => t.kind === "SALE" || t.kind === "CAPTURE") || o.lineItems.length === 0)).toBe(true);
    }
    const statuses = new Set(DEMO_SHOPS.flatMap((d) => [...standIn.store(d.shop).returns.values()].map((r) => r.status)));
    expect([...statuses].sort()).toEqual(["CANCELED", "CLOSED", "DECLINED", "OPEN", "REQUESTED"]);
  });

  it("is deterministic for a reference date and seed", () => {
    const a = seeded().standIn;
    const b = seeded().standIn;
    for (const demo of DEMO_SHOPS) expect([...b.store(demo.shop).orders.values()]).toEqual([...a.store(demo.shop).orders.values()]);
  });

  it("serves every seeded order as a snapshot the policy engine accepts", async () => {
    const { standIn, clock } = seeded();
    for (const demo of DEMO_SHOPS) {
      // Reading 60 orders drains the bucket: the client waits (on the stand-in's clock) as it would on Shopify.
      const client = createAdminClient(standInGraphql(standIn, demo.shop), { sleep: async (ms) => clock.advance(ms) });
      for (const order of standIn.store(demo.shop).orders.values()) {
        const snapshot = await getOrderSnapshot(client, order.id);
        const parsed = orderSchema.safeParse(snapshot);
        expect(parsed.success, `${demo.shop} ${order.name}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      }
      const sample = [...standIn.store(demo.shop).orders.values()].find((o) => o.fulfillments.some((f) => f.deliveredAt));
      expect((await getReturnableFulfillments(client, sample!.id)).length).toBeGreaterThan(0);
    }
    expect(standIn.ledger.filter((e) => !e.ok && !e.errorCodes?.includes("THROTTLED"))).toEqual([]);
  });
});
