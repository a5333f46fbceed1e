// Return cases for the offline demo: each demo shop gets its preset as policy version 1 and 7
// return requests opened through the real intake service (decided by the engine, requested from
// Shopify — the stand-in — and stored as cases), a few of them approved, so the agent queue
// starts with work in it. The stand-in is rebuilt on every demo start, so the demo shops' old
// cases (pointing at returns that no longer exist), policy versions, RMA counters and webhook
// inbox rows are erased first; no other shop is ever touched.
//
// Orders are chosen deterministically from the seeded store (first order, in creation order,
// that is delivered, still has returnable units of a fitting product and is delivered the right
// number of days ago); when no seeded order fits a scenario, one is added with the seed builders.
import { deflateSync, crc32 } from "node:zlib";
import type { Db } from "~/db.server";
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { getPreset, normalizeToken, type ClaimType, type Condition, type PresetId } from "~/domain/policy";
import { removeShopEvidence, saveEvidence } from "~/models/evidence-store.server";
import { savePolicyVersion } from "~/models/policy-version.server";
import { createAdminClient } from "~/services/admin-client";
import { openCase, type StoredEvidence } from "~/services/case-intake.server";
import { approveCase } from "~/services/case-review.server";
import type { AdminApiStandIn } from "./admin-api-standin";
import { standInGraphql } from "./graphql-client";
import { addOrder, DEMO_SHOP_DOMAINS } from "./seed";
import { returnableQuantity, returnHoldsItems } from "./semantics";
import type { LineItemRecord, OrderRecord, ProductRecord, ShopStore } from "./store";

const DAY = 86_400_000;

export const DEMO_CASE_ACTOR = "demo";

type ProductTest = (p: ProductRecord) => boolean;

/** One return request the demo opens. */
export type DemoScenario = {
  /** What it shows, for logs and tests ("opened purifier, 85 % less original shipping"). */
  label: string;
  type: ClaimType;
  condition: Condition;
  reason: string;
  /** The line to request: its product, and how many days ago it was delivered (inclusive). */
  product: ProductTest;
  deliveredDaysAgo: readonly [number, number];
  /** Also request one unit of another line of the same order with this product, when there is one. */
  alsoProduct?: ProductTest;
  /** The order charged shipping and no earlier return has borne it (so the policy deducts it now). */
  shippingCharged?: boolean;
  /** Attach a photo of the requested line (stored through the evidence store). */
  photo?: boolean;
  approve?: boolean;
  /** The order added when no seeded order fits: product titles and delivery age. */
  fallback: { titles: readonly string[]; deliveredDaysAgo: number; shipping?: string };
};

const tagged =
  (...tags: string[]): ProductTest =>
  (p) =>
    p.tags.some((t) => tags.map(normalizeToken).includes(normalizeToken(t)));
const typed =
  (...types: string[]): ProductTest =>
  (p) =>
    types.includes(p.productType);
const not =
  (test: ProductTest): ProductTest =>
  (p) =>
    !test(p);
const both =
  (a: ProductTest, b: ProductTest): ProductTest =>
  (p) =>
    a(p) && b(p);
const plain: ProductTest = (p) => !p.isGiftCard && !p.sellingPlan;

const excludedAtSoulmate = tagged("hygiene", "personalized");

/** 7 requests per demo shop, a mix of claim types, conditions and outcomes. */
export const DEMO_SCENARIOS: Record<PresetId, DemoScenario[]> = {
  purtly: [
    {
      label: "opened purifier: 85 %, less the original shipping",
      type: "RETURN",
      condition: "OPENED",
      reason: "Opened it and set it up, but it is louder than I expected in the bedroom.",
      product: typed("Air Purifier"),
      deliveredDaysAgo: [3, 25],
      shippingCharged: true,
      // Left requested: the e2e walks it from approval to refund.
      fallback: { titles: ["Purtly P1 Air Purifier"], deliveredDaysAgo: 6, shipping: "14.95" },
    },
    {
      label: "unopened filter: 100 %",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Ordered the wrong filter size; the box is still sealed.",
      product: typed("Filter"),
      deliveredDaysAgo: [2, 25],
      approve: true,
      fallback: { titles: ["HEPA Replacement Filter"], deliveredDaysAgo: 4, shipping: "9.95" },
    },
    {
      label: "defective purifier with a photo: 100 % and a prepaid label",
      type: "DEFECTIVE",
      condition: "USED",
      reason: "The fan rattles on every speed and the display flickers. Photo attached.",
      product: typed("Air Purifier"),
      deliveredDaysAgo: [1, 25],
      photo: true,
      fallback: { titles: ["Purtly Mini Air Purifier"], deliveredDaysAgo: 9, shipping: "9.95" },
    },
    {
      label: "defect claim without a photo: handled as a regular return",
      type: "DEFECTIVE",
      condition: "OPENED",
      reason: "The pre-filter smells burnt straight out of the bag.",
      product: typed("Filter"),
      deliveredDaysAgo: [1, 25],
      fallback: { titles: ["Activated Carbon Pre-Filter (2-pack)"], deliveredDaysAgo: 5, shipping: "9.95" },
    },
    {
      label: "arrived damaged in transit, with a photo",
      type: "DAMAGED_IN_TRANSIT",
      condition: "DAMAGED",
      reason: "The box was crushed and the filter frame is cracked.",
      product: both(plain, not(typed("Air Purifier"))),
      deliveredDaysAgo: [0, 20],
      photo: true,
      approve: true,
      fallback: { titles: ["HEPA Replacement Filter"], deliveredDaysAgo: 2, shipping: "9.95" },
    },
    {
      label: "rewards membership: excluded",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "I didn't mean to sign up for the membership.",
      product: tagged("membership"),
      deliveredDaysAgo: [1, 28],
      fallback: { titles: ["Purtly Rewards Membership"], deliveredDaysAgo: 8, shipping: "0" },
    },
    {
      label: "purifier past the 30-day window",
      type: "RETURN",
      condition: "USED",
      reason: "We moved and no longer need it.",
      product: typed("Air Purifier"),
      deliveredDaysAgo: [35, 150],
      fallback: { titles: ["Purtly P1 Air Purifier"], deliveredDaysAgo: 48, shipping: "14.95" },
    },
  ],
  "soulmate-spark-studio": [
    {
      label: "return with a hygiene item: that line excluded",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "My dog won't use it; still in the package.",
      product: tagged("hygiene"),
      alsoProduct: both(plain, not(excludedAtSoulmate)),
      deliveredDaysAgo: [1, 11],
      fallback: { titles: ["Pet Toothbrush Kit", "Fun Pet Collar"], deliveredDaysAgo: 4 },
    },
    {
      label: "unopened collar or leash: 100 %",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Too small for our puppy; unopened with tags.",
      product: both(plain, not(excludedAtSoulmate)),
      deliveredDaysAgo: [1, 11],
      approve: true,
      fallback: { titles: ["Everyday Leash"], deliveredDaysAgo: 3 },
    },
    {
      label: "engraved collar: personalized items excluded",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "The engraving is spelled right but we changed the puppy's name.",
      product: tagged("personalized"),
      deliveredDaysAgo: [1, 11],
      fallback: { titles: ["Engraved Name Collar"], deliveredDaysAgo: 5 },
    },
    {
      label: "opened item: only unopened items accepted",
      type: "RETURN",
      condition: "OPENED",
      reason: "Opened it, the color is darker than in the photos.",
      product: both(plain, not(excludedAtSoulmate)),
      deliveredDaysAgo: [1, 11],
      fallback: { titles: ["Fun Pet Collar"], deliveredDaysAgo: 6 },
    },
    {
      label: "defective collar with a photo, inside 7 days",
      type: "DEFECTIVE",
      condition: "DAMAGED",
      reason: "The buckle snapped on the first walk. Photo attached.",
      product: typed("Collar", "Leash"),
      deliveredDaysAgo: [0, 5],
      photo: true,
      approve: true,
      fallback: { titles: ["Fun Pet Collar"], deliveredDaysAgo: 2 },
    },
    {
      label: "damaged in transit, no photo (photos only if possible)",
      type: "DAMAGED_IN_TRANSIT",
      condition: "DAMAGED",
      reason: "The brush arrived with its handle broken off.",
      product: plain,
      deliveredDaysAgo: [0, 5],
      fallback: { titles: ["Pet Grooming Brush"], deliveredDaysAgo: 1 },
    },
    {
      label: "past the 14-day window",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Forgot to send it back earlier.",
      product: both(plain, not(excludedAtSoulmate)),
      deliveredDaysAgo: [17, 150],
      fallback: { titles: ["Everyday Leash"], deliveredDaysAgo: 26 },
    },
  ],
  "kendra-scott-mall": [
    {
      label: "defective necklace with a photo, inside 7 days",
      type: "DEFECTIVE",
      condition: "DAMAGED",
      reason: "The clasp broke the first time I wore it and a stone fell out. Photo attached.",
      product: both(tagged("jewelry"), not(tagged("final-sale"))),
      deliveredDaysAgo: [0, 5],
      photo: true,
      approve: true,
      fallback: { titles: ["Elisa Pendant Necklace"], deliveredDaysAgo: 3 },
    },
    {
      label: "final-sale item: not returnable",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Changed my mind about the color.",
      product: tagged("final-sale"),
      deliveredDaysAgo: [1, 25],
      fallback: { titles: ["Limited Edition Ari Heart Necklace"], deliveredDaysAgo: 7 },
    },
    {
      label: "opened, unused jewelry: 100 %",
      type: "RETURN",
      condition: "OPENED",
      reason: "Tried them on once; they don't suit me.",
      product: both(plain, both(tagged("jewelry"), not(tagged("final-sale", "personalized")))),
      deliveredDaysAgo: [2, 25],
      approve: true,
      fallback: { titles: ["Lee Stud Earrings"], deliveredDaysAgo: 10 },
    },
    {
      label: "used item: not accepted",
      type: "RETURN",
      condition: "USED",
      reason: "Wore it for a couple of weeks, the band irritates my wrist.",
      product: both(plain, not(tagged("final-sale"))),
      deliveredDaysAgo: [2, 25],
      fallback: { titles: ["Alex Stainless Steel Watch"], deliveredDaysAgo: 15 },
    },
    {
      label: "wrong item, inside 7 days",
      type: "WRONG_ITEM",
      condition: "UNOPENED",
      reason: "I ordered gold and received silver.",
      product: plain,
      deliveredDaysAgo: [0, 5],
      fallback: { titles: ["Elton Bangle Bracelet"], deliveredDaysAgo: 2 },
    },
    {
      label: "defect reported after the 7-day window",
      type: "DEFECTIVE",
      condition: "USED",
      reason: "The plating has started to wear off.",
      product: plain,
      deliveredDaysAgo: [10, 25],
      fallback: { titles: ["Elton Bangle Bracelet"], deliveredDaysAgo: 14 },
    },
    {
      label: "past the 30-day window",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "It was a gift that never got given.",
      product: both(plain, not(tagged("final-sale"))),
      deliveredDaysAgo: [35, 150],
      fallback: { titles: ["Lee Stud Earrings"], deliveredDaysAgo: 52 },
    },
  ],
  "clean-beauty": [
    {
      label: "unopened serum: 100 %",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Bought two by mistake; this one is sealed.",
      product: typed("Serum"),
      deliveredDaysAgo: [2, 55],
      approve: true,
      fallback: { titles: ["Hyaluronic Hydrating Serum"], deliveredDaysAgo: 12 },
    },
    {
      label: "opened, unused cleanser: 100 %",
      type: "RETURN",
      condition: "OPENED",
      reason: "Opened the box but the scent is too strong for me.",
      product: both(plain, not(tagged("hygiene"))),
      deliveredDaysAgo: [2, 55],
      fallback: { titles: ["Gentle Foaming Cleanser"], deliveredDaysAgo: 20 },
    },
    {
      label: "wrong item sent: the store's mistake, free of charge",
      type: "WRONG_ITEM",
      condition: "UNOPENED",
      reason: "I ordered the retinol serum and received vitamin C.",
      product: typed("Serum"),
      deliveredDaysAgo: [1, 55],
      approve: true,
      fallback: { titles: ["Vitamin C Brightening Serum"], deliveredDaysAgo: 6 },
    },
    {
      label: "quality problem with a photo",
      type: "DEFECTIVE",
      condition: "OPENED",
      reason: "The pump is broken and the serum has separated. Photo attached.",
      product: plain,
      deliveredDaysAgo: [1, 55],
      photo: true,
      fallback: { titles: ["Retinol Night Serum"], deliveredDaysAgo: 9 },
    },
    {
      label: "used makeup: not accepted",
      type: "RETURN",
      condition: "USED",
      reason: "Used it a few times; it smudges.",
      product: tagged("hygiene"),
      deliveredDaysAgo: [2, 55],
      fallback: { titles: ["Lengthening Mascara"], deliveredDaysAgo: 18 },
    },
    {
      label: "damaged in transit",
      type: "DAMAGED_IN_TRANSIT",
      condition: "DAMAGED",
      reason: "The bottle arrived cracked and leaking.",
      product: plain,
      deliveredDaysAgo: [0, 30],
      fallback: { titles: ["Vitamin C Brightening Serum"], deliveredDaysAgo: 1 },
    },
    {
      label: "past the 60-day window",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Found it in a drawer, never opened.",
      product: plain,
      deliveredDaysAgo: [65, 150],
      fallback: { titles: ["Gentle Foaming Cleanser"], deliveredDaysAgo: 80 },
    },
  ],
  pura: [
    {
      label: "unopened refill: 100 %",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Not a fan of this scent; unopened.",
      product: both(plain, typed("Fragrance Refill")),
      deliveredDaysAgo: [2, 25],
      approve: true,
      fallback: { titles: ["Fragrance Refill - Mahogany Teakwood"], deliveredDaysAgo: 8 },
    },
    {
      label: "malfunctioning diffuser with a photo, inside 7 days",
      type: "DEFECTIVE",
      condition: "USED",
      reason: "The diffuser won't connect to Wi-Fi and the light blinks red. Photo attached.",
      product: typed("Diffuser"),
      deliveredDaysAgo: [0, 5],
      photo: true,
      approve: true,
      fallback: { titles: ["Pura 4 Smart Home Fragrance Diffuser"], deliveredDaysAgo: 2 },
    },
    {
      label: "defect claim without the required photo",
      type: "DEFECTIVE",
      condition: "USED",
      reason: "It stopped diffusing after two days.",
      product: plain,
      deliveredDaysAgo: [0, 5],
      fallback: { titles: ["Pura Car Diffuser"], deliveredDaysAgo: 3 },
    },
    {
      label: "opened, unused diffuser: 100 %",
      type: "RETURN",
      condition: "OPENED",
      reason: "Opened it, but it doesn't fit my car's vents.",
      product: typed("Diffuser"),
      deliveredDaysAgo: [2, 25],
      fallback: { titles: ["Pura Car Diffuser"], deliveredDaysAgo: 11 },
    },
    {
      label: "refill damaged in transit, with a photo",
      type: "DAMAGED_IN_TRANSIT",
      condition: "DAMAGED",
      reason: "The refill vial arrived cracked and leaking.",
      product: both(plain, typed("Fragrance Refill")),
      deliveredDaysAgo: [0, 5],
      photo: true,
      fallback: { titles: ["Pet-Safe Fragrance Refill"], deliveredDaysAgo: 1 },
    },
    {
      label: "gift card: excluded",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Bought the gift card twice.",
      product: (p) => p.isGiftCard,
      deliveredDaysAgo: [1, 25],
      fallback: { titles: ["Pura Gift Card"], deliveredDaysAgo: 5 },
    },
    {
      label: "past the 30-day window",
      type: "RETURN",
      condition: "UNOPENED",
      reason: "Never used it.",
      product: plain,
      deliveredDaysAgo: [35, 150],
      fallback: { titles: ["Pura 4 Smart Home Fragrance Diffuser"], deliveredDaysAgo: 60 },
    },
  ],
};

/** A small valid PNG (a grey square with a red crack across it), the demo's defect photo. */
export function demoDefectPhoto(size = 48): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x++) {
      const crack = Math.abs(x - y - Math.round(4 * Math.sin(y / 4))) <= 1;
      rows.set(crack ? [200, 30, 30] : [205, 205, 200], row + 1 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]));
}

const daysAgo = (now: number, at: number) => (now - at) / DAY;

/** Units of a line delivered and still returnable, and when its last delivered shipment arrived (null: not all of it delivered). */
function deliveredReturnable(store: ShopStore, order: OrderRecord, line: LineItemRecord) {
  let units = 0;
  let deliveredAt: number | null = null;
  for (const f of order.fulfillments) {
    if (f.status !== "SUCCESS" || f.displayStatus === "CANCELED") continue;
    for (const fli of f.lineItems) {
      if (fli.lineItemId !== line.id) continue;
      if (f.deliveredAt === null) return { units: 0, deliveredAt: null };
      units += returnableQuantity(store, fli);
      deliveredAt = Math.max(deliveredAt ?? 0, f.deliveredAt);
    }
  }
  return { units, deliveredAt };
}

/** A line of the order this scenario can request, or null. */
function fittingLine(store: ShopStore, order: OrderRecord, test: ProductTest, window: readonly [number, number] | null, now: number) {
  for (const line of order.lineItems) {
    const product = line.productId ? store.products.get(line.productId) : undefined;
    if (!product || !test(product)) continue;
    const { units, deliveredAt } = deliveredReturnable(store, order, line);
    if (units < 1 || deliveredAt === null) continue;
    const age = Math.floor(daysAgo(now, deliveredAt));
    if (window && (age < window[0] || age > window[1])) continue;
    return line;
  }
  return null;
}

function shippingStillCharged(store: ShopStore, order: OrderRecord): boolean {
  const charged = order.shippingLines.some((s) => s.priceMinor > 0);
  const borne = order.returnIds.some((id) => {
    const ret = store.returns.get(id);
    return ret ? returnHoldsItems(ret) : false;
  });
  return charged && !borne;
}

function addFallbackOrder(store: ShopStore, scenario: DemoScenario, now: number): OrderRecord {
  const products = scenario.fallback.titles.map((title) => {
    const product = [...store.products.values()].find((p) => p.title === title);
    if (!product) throw new Error(`demo cases: ${store.shop.myshopifyDomain} sells no "${title}"`);
    return product;
  });
  const delivered = now - scenario.fallback.deliveredDaysAgo * DAY - 3 * 3_600_000;
  // One of the shop's own customers, picked by the order count (deterministic).
  const customers = [...store.customers.values()];
  const customer = customers.length ? customers[store.orders.size % customers.length]! : { email: "robin.fallow@example.com", firstName: "Robin", lastName: "Fallow" };
  return addOrder(store, {
    createdAt: delivered - 5 * DAY,
    customer: { email: customer.email, firstName: customer.firstName, lastName: customer.lastName },
    lines: products.map((product) => ({ product, quantity: 1 })),
    shipping: scenario.fallback.shipping ?? "0",
    fulfillments: [{ createdAt: delivered - 3 * DAY, deliveredAt: delivered }],
  });
}

/** The order and lines a scenario requests: the first seeded order that fits, or a fallback order. */
export function chooseOrder(store: ShopStore, scenario: DemoScenario, used: Set<string>, now: number) {
  for (const order of store.orders.values()) {
    if (used.has(order.id)) continue;
    if (scenario.shippingCharged && !shippingStillCharged(store, order)) continue;
    const line = fittingLine(store, order, scenario.product, scenario.deliveredDaysAgo, now);
    if (!line) continue;
    const also = scenario.alsoProduct ? fittingLine(store, order, (p) => p.id !== line.productId && scenario.alsoProduct!(p), null, now) : null;
    if (scenario.alsoProduct && !also) continue;
    return { order, lines: also ? [line, also] : [line], fallback: false };
  }
  const order = addFallbackOrder(store, scenario, now);
  const lines = order.lineItems.slice(0, scenario.alsoProduct ? 2 : 1);
  return { order, lines, fallback: true };
}

export type DemoCaseResult = {
  shop: string;
  preset: PresetId;
  opened: Array<{ caseId: string; orderName: string; label: string; status: string }>;
  skipped: Array<{ label: string; orderName: string; error: string }>;
};

/**
 * Removes a demo shop's cases (their lines, evidence, notes and audit cascade), policy versions,
 * RMA counter and webhook inbox rows. The inbox too: the rebuilt stand-in numbers its webhook
 * ids from 1 again, so the last run's rows would make this run's deliveries look like repeats.
 */
export async function eraseDemoShopData(db: Db, shop: string): Promise<void> {
  if (!DEMO_SHOP_DOMAINS.includes(shop)) throw new Error(`demo cases: refusing to erase ${shop}, which is not a demo shop`);
  await db.$transaction([
    db.returnCase.deleteMany({ where: { shop } }),
    db.policyVersion.deleteMany({ where: { shop } }),
    db.rmaCounter.deleteMany({ where: { shop } }),
    db.webhookDelivery.deleteMany({ where: { shop } }),
  ]);
  await removeShopEvidence(shop);
}

/**
 * Seeds every demo shop's return cases (see the file comment). Returns what was opened and what
 * the intake service refused (skipped: the demo still starts).
 */
export async function seedDemoCases(opts: { db: Db; standIn: AdminApiStandIn; now?: Date }): Promise<{ total: number; shops: DemoCaseResult[] }> {
  const { db, standIn } = opts;
  const now = opts.now ?? new Date();
  const results: DemoCaseResult[] = [];
  for (const demo of DEMO_SHOPS) {
    const shop = demo.shop;
    const preset = demo.preset as PresetId;
    await eraseDemoShopData(db, shop);
    await savePolicyVersion(db, shop, getPreset(preset), { actor: DEMO_CASE_ACTOR, presetId: preset });
    const store = standIn.store(shop);
    const api = createAdminClient(standInGraphql(standIn, shop), { sleep: async () => {} });
    const used = new Set<string>();
    const result: DemoCaseResult = { shop, preset, opened: [], skipped: [] };
    for (const [index, scenario] of DEMO_SCENARIOS[preset].entries()) {
      const { order, lines } = chooseOrder(store, scenario, used, now.getTime());
      used.add(order.id);
      try {
        const evidence: StoredEvidence[] = [];
        if (scenario.photo) {
          const stored = await saveEvidence(shop, demoDefectPhoto());
          evidence.push({ lineItemId: lines[0]!.id, ...stored });
        }
        const opened = await openCase(db, api, {
          shop,
          orderId: order.id,
          request: {
            type: scenario.type,
            lines: lines.map((l) => ({ lineItemId: l.id, quantity: 1, condition: scenario.condition, reason: scenario.reason, evidence: [] })),
          },
          requestKey: `demo-${preset}-${index + 1}`,
          evidence,
          actor: "customer",
          now,
        });
        let status = opened.status;
        if (scenario.approve) {
          const approved = await approveCase(db, api, { shop, caseId: opened.id, expectedVersion: opened.version, actor: DEMO_CASE_ACTOR, notifyCustomer: false, now });
          status = approved.status;
        }
        result.opened.push({ caseId: opened.id, orderName: order.name, label: scenario.label, status });
      } catch (error) {
        result.skipped.push({ label: scenario.label, orderName: order.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    results.push(result);
  }
  return { total: results.reduce((sum, r) => sum + r.opened.length, 0), shops: results };
}

/** "Demo: 35 return cases across 5 shops" (and what was skipped, if anything). */
export function describeDemoCases(seeded: { total: number; shops: DemoCaseResult[] }): string[] {
  const lines = [`Demo: ${seeded.total} return cases across ${seeded.shops.length} shops`];
  for (const r of seeded.shops) for (const s of r.skipped) lines.push(`Demo: skipped a ${r.preset} request (${s.label}, ${s.orderName}): ${s.error}`);
  return lines;
}
