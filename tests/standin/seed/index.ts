// The demo's data: one shop per seed preset (domains from app/demo/demo-shops.ts), each with its
// catalog (catalogs.ts) and, by default, 60 orders placed over the 150 days before `now`:
// delivered inside and outside the presets' return windows (14, 30, 60 days), in transit
// without a delivery date, partly fulfilled, split over two fulfillments, re-fulfilled after a
// canceled fulfillment, unfulfilled; some paid in two captures; some with earlier returns in
// every status (CLOSED ones processed and refunded). Deterministic: the same `now` and `seed`
// give the same shops, orders and ids.
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { AdminApiStandIn, type StandInOptions } from "../admin-api-standin";
import { randomInt, seededRandom, type Random } from "../prng";
import type { ReturnStatus, ShopStore } from "../store";
import { addOrder, addProduct, type EarlierReturnSpec, type FulfillmentSpec, type OrderLineSpec } from "./builders";
import { SHOP_PRESETS, type CatalogItem, type PresetId } from "./catalogs";

export { SHOP_PRESETS, type PresetId } from "./catalogs";
export * from "./builders";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type SeedOptions = {
  /** The reference instant every order date is counted back from (ms or ISO-8601). */
  now: number | string;
  ordersPerShop?: number;
  seed?: number;
};

export type SeededShop = { preset: PresetId; shop: string; products: number; orders: number; returns: number };

const FIRST = ["Ava", "Noah", "Mia", "Liam", "Sofia", "Ethan", "Yuki", "Haruto", "Isla", "Mateo", "Chloe", "Kenji", "Grace", "Leo", "Aiko"];
const LAST = ["Garcia", "Smith", "Tanaka", "Nguyen", "Brown", "Sato", "Miller", "Lopez", "Kim", "Walker"];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function weightedPick(random: Random, items: readonly CatalogItem[], taken: Set<CatalogItem>): CatalogItem {
  const free = items.filter((i) => !taken.has(i));
  const pool = free.length ? free : items;
  const total = pool.reduce((sum, i) => sum + (i.weight ?? 1), 0);
  let roll = random() * total;
  for (const item of pool) {
    roll -= item.weight ?? 1;
    if (roll < 0) return item;
  }
  return pool[pool.length - 1] as CatalogItem;
}

/** Days before `now` an order was placed: spread so deliveries fall inside and outside 14/30/60-day windows. */
function orderAgeDays(random: Random): number {
  const roll = random();
  if (roll < 0.15) return randomInt(random, 1, 7);
  if (roll < 0.4) return randomInt(random, 8, 20);
  if (roll < 0.65) return randomInt(random, 21, 45);
  if (roll < 0.9) return randomInt(random, 46, 90);
  return randomInt(random, 91, 150);
}

const EARLIER_STATUSES: ReturnStatus[] = ["CLOSED", "DECLINED", "OPEN", "REQUESTED", "CANCELED"];

export function seedShop(standIn: AdminApiStandIn, domain: string, preset: PresetId, options: SeedOptions): SeededShop {
  const now = typeof options.now === "string" ? Date.parse(options.now) : options.now;
  if (!Number.isFinite(now)) throw new Error(`seed: invalid reference date ${String(options.now)}`);
  const config = SHOP_PRESETS[preset];
  if (!standIn.shops.has(domain)) {
    standIn.addShop(domain, { name: config.name, currencyCode: config.currencyCode, ianaTimezone: config.ianaTimezone, email: config.email });
  }
  const store: ShopStore = standIn.store(domain);
  const random = seededRandom(hash(preset) ^ (options.seed ?? 2026));
  const products = new Map(config.catalog.map((item) => [item, addProduct(store, item)]));
  const customers = Array.from({ length: 25 }, (_, i) => {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i * 7) % LAST.length] as string;
    return { firstName: first, lastName: last, email: `${first}.${last}.${i}@example.com`.toLowerCase() };
  });

  let returns = 0;
  const count = options.ordersPerShop ?? 60;
  for (let n = 0; n < count; n++) {
    const age = orderAgeDays(random);
    const createdAt = now - age * DAY - randomInt(random, 0, 20) * HOUR;
    const lineCount = (() => {
      const roll = random();
      return roll < 0.5 ? 1 : roll < 0.8 ? 2 : roll < 0.95 ? 3 : 4;
    })();
    const taken = new Set<CatalogItem>();
    const lines: OrderLineSpec[] = [];
    for (let l = 0; l < lineCount; l++) {
      const item = weightedPick(random, config.catalog, taken);
      taken.add(item);
      const qtyRoll = random();
      lines.push({
        product: products.get(item) ?? null,
        quantity: qtyRoll < 0.7 ? 1 : qtyRoll < 0.92 ? 2 : 3,
        discountPercent: random() < 0.15 ? 10 : 0,
        customAttributes: item.properties ? item.properties(n + l) : [],
        subscription: item.sellingPlan ? random() < (item.subscriptionShare ?? 0) : false,
      });
    }

    const shippedAt = createdAt + randomInt(random, 1, 3) * DAY;
    const transit = randomInt(random, 2, 8) * DAY + randomInt(random, 0, 10) * HOUR;
    const deliveredAt = (at: number) => (at + transit <= now ? at + transit : null);
    const everything = lines.map((l, i) => ({ line: i, quantity: l.quantity }));
    const fulfillments: FulfillmentSpec[] = [];
    const scenario = age < 2 ? 0 : random();
    if (age < 2 || scenario < 0.06) {
      // Unfulfilled.
    } else if (scenario < 0.2 && (lines.length > 1 || (lines[0]?.quantity ?? 0) > 1)) {
      // Partly fulfilled: the first line only, or part of a single line.
      const partial = lines.length > 1 ? [{ line: 0, quantity: lines[0]!.quantity }] : [{ line: 0, quantity: lines[0]!.quantity - 1 }];
      fulfillments.push({ createdAt: shippedAt, deliveredAt: deliveredAt(shippedAt), lines: partial });
    } else if (scenario < 0.3) {
      // Shipped without tracking, or still in transit: no delivery date.
      fulfillments.push({ createdAt: shippedAt, deliveredAt: null, displayStatus: random() < 0.5 ? "FULFILLED" : "IN_TRANSIT", lines: everything });
    } else if (scenario < 0.4 && lines.length > 1) {
      // Two shipments delivered on different days.
      const later = shippedAt + randomInt(random, 2, 6) * DAY;
      fulfillments.push({ createdAt: shippedAt, deliveredAt: deliveredAt(shippedAt), lines: [{ line: 0, quantity: lines[0]!.quantity }] });
      fulfillments.push({ createdAt: later, deliveredAt: deliveredAt(later), lines: everything.slice(1) });
    } else if (scenario < 0.45) {
      // A canceled fulfillment, then the real one.
      fulfillments.push({ createdAt: shippedAt, canceled: true, lines: everything });
      const again = shippedAt + DAY;
      fulfillments.push({ createdAt: again, deliveredAt: deliveredAt(again), lines: everything });
    } else {
      fulfillments.push({ createdAt: shippedAt, deliveredAt: deliveredAt(shippedAt), lines: everything });
    }

    const earlier: EarlierReturnSpec[] = [];
    const deliveredIndex = fulfillments.findIndex((f) => !f.canceled && f.deliveredAt);
    const delivered = deliveredIndex >= 0 ? fulfillments[deliveredIndex] : undefined;
    if (delivered?.deliveredAt && now - delivered.deliveredAt > 3 * DAY && random() < 0.2) {
      const status = EARLIER_STATUSES[returns % EARLIER_STATUSES.length] as ReturnStatus;
      earlier.push({
        status,
        createdAt: Math.min(now - DAY, delivered.deliveredAt + randomInt(random, 1, 5) * DAY),
        lines: [{ fulfillment: deliveredIndex, line: 0, quantity: 1 }],
        restockingFeePercent: status === "CLOSED" && random() < 0.5 ? 15 : undefined,
        declineReason: status === "DECLINED" ? (random() < 0.5 ? "FINAL_SALE" : "RETURN_PERIOD_ENDED") : undefined,
      });
      returns += 1;
    }

    const customer = customers[randomInt(random, 0, customers.length - 1)] ?? null;
    addOrder(store, {
      createdAt,
      customer,
      lines,
      shipping: config.shipping[randomInt(random, 0, config.shipping.length - 1)],
      fulfillments,
      gateway: config.gateways[randomInt(random, 0, config.gateways.length - 1)],
      payments: random() < 0.1 ? "split" : "single",
      returns: earlier,
    });
  }
  return { preset, shop: domain, products: products.size, orders: count, returns };
}

/** Seeds every demo shop (DEMO_SHOPS) into the stand-in. */
export function seedDemoShops(standIn: AdminApiStandIn, options: SeedOptions): SeededShop[] {
  return DEMO_SHOPS.map((demo) => seedShop(standIn, demo.shop, demo.preset as PresetId, options));
}

export const DEMO_SHOP_DOMAINS: readonly string[] = DEMO_SHOPS.map((d) => d.shop);

/**
 * A stand-in with every demo shop seeded: what the offline demo plugs in behind
 * setAbstractFetchFunc (`setAbstractFetchFunc(standIn.fetch as typeof fetch)`).
 */
export function createDemoStandIn(
  options: SeedOptions & { clock?: StandInOptions["now"]; throttle?: StandInOptions["throttle"]; faults?: StandInOptions["faults"] },
): { standIn: AdminApiStandIn; shops: SeededShop[] } {
  const standIn = new AdminApiStandIn({ now: options.clock, throttle: options.throttle, faults: options.faults });
  return { standIn, shops: seedDemoShops(standIn, options) };
}
