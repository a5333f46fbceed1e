// A stand-in with one shop, a manual clock, and a client whose waits are recorded (and move the
// stand-in's clock) instead of slept, for the services' contract tests.
import { createAdminClient, type AdminClientOptions } from "~/services/admin-client";
import { AdminApiStandIn } from "../../standin/admin-api-standin";
import { manualClock, standInGraphql } from "../../standin/graphql-client";
import { addOrder, addProduct, type OrderSpec } from "../../standin/seed";

export const DAY = 86_400_000;

export function contractSetup(options: { currencyCode?: string; client?: AdminClientOptions } = {}) {
  const clock = manualClock();
  const standIn = new AdminApiStandIn({ now: clock.now });
  const shop = "contract-shop.myshopify.com";
  standIn.addShop(shop, { currencyCode: options.currencyCode ?? "USD", ianaTimezone: "America/New_York" });
  const store = standIn.store(shop);
  const sleeps: number[] = [];
  const graphql = standInGraphql(standIn, shop);
  const client = createAdminClient(graphql, {
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    timeoutMs: 40,
    ...options.client,
  });
  return { clock, standIn, shop, store, sleeps, graphql, client };
}

/** An order of `lines` products (price each, quantity each), delivered `deliveredDaysAgo` days ago, paid in one sale. */
export function deliveredOrder(
  setup: ReturnType<typeof contractSetup>,
  spec: { lines?: Array<{ price: string; quantity: number; tags?: string[]; title?: string }>; shipping?: string; deliveredDaysAgo?: number; extra?: Partial<OrderSpec> } = {},
) {
  const { store, clock } = setup;
  const now = clock.now();
  const lines = (spec.lines ?? [{ price: "40.00", quantity: 2 }]).map((l, i) => ({
    product: addProduct(store, { title: l.title ?? `Item ${store.products.size + 1}`, productType: "Thing", vendor: "Acme", tags: l.tags ?? [], price: l.price }),
    quantity: l.quantity,
    name: l.title ?? `Item ${i + 1}`,
  }));
  const delivered = now - (spec.deliveredDaysAgo ?? 3) * DAY;
  return addOrder(store, {
    createdAt: delivered - 4 * DAY,
    customer: { email: "shopper@example.com", firstName: "Sam", lastName: "Shopper" },
    lines,
    shipping: spec.shipping ?? "5.00",
    fulfillments: [{ createdAt: delivered - 3 * DAY, deliveredAt: delivered }],
    ...spec.extra,
  });
}
