// One demo shop per seed policy preset (/work/shared/seeds/*.txt), stocked with what the policy
// texts talk about, tagged so the presets' exclusions have something to match:
//   pura                   smart fragrance diffusers, refills, a refill subscription (selling plan)
//   kendra-scott-mall      jewellery and watches, "Final Sale" items tagged final-sale, personalized
//                          (engraved) pieces, a gift card — USD
//   clean-beauty           serums and skincare in yen (JPY, no minor unit), hygiene items tagged hygiene
//   purtly                 air purifiers, filters, a rewards membership (selling plan)
//   soulmate-spark-studio  pet collars (engraved ones carry an "Engraving" line-item property and the
//                          personalized tag), personal hygiene items tagged hygiene
import type { ProductSpec } from "./builders";

export type PresetId = "pura" | "kendra-scott-mall" | "clean-beauty" | "purtly" | "soulmate-spark-studio";

export type CatalogItem = ProductSpec & {
  /** Line-item properties a shopper fills in when buying it (e.g. the engraving text). */
  properties?: (n: number) => Array<{ key: string; value: string }>;
  /** Share of its order lines bought on the subscription plan (0–1). */
  subscriptionShare?: number;
  /** Relative chance of being picked for an order line. */
  weight?: number;
};

export type ShopPreset = {
  preset: PresetId;
  currencyCode: string;
  ianaTimezone: string;
  name: string;
  email: string;
  /** Shipping charges to pick from (decimal strings; "0" is free shipping). */
  shipping: string[];
  gateways: string[];
  catalog: CatalogItem[];
};

const NAMES = ["Biscuit", "Luna", "Milo", "Pepper", "Nala", "Ziggy", "Olive", "Mochi"];
const INITIALS = ["A", "K", "M", "J", "S", "E", "R", "L"];

export const SHOP_PRESETS: Record<PresetId, ShopPreset> = {
  pura: {
    preset: "pura",
    currencyCode: "USD",
    ianaTimezone: "America/Los_Angeles",
    name: "Pura (demo)",
    email: "service@puraoutlet.example",
    shipping: ["0", "5.99", "9.99"],
    gateways: ["shopify_payments", "paypal"],
    catalog: [
      { title: "Pura 4 Smart Home Fragrance Diffuser", productType: "Diffuser", vendor: "Pura", tags: ["diffuser", "smart-device"], price: "49.99", weight: 3 },
      { title: "Pura Car Diffuser", productType: "Diffuser", vendor: "Pura", tags: ["diffuser", "car"], price: "39.99", weight: 2 },
      { title: "Fragrance Refill - Linen & Lavender", productType: "Fragrance Refill", vendor: "Pura", tags: ["refill", "fragrance"], price: "14.99", weight: 4 },
      { title: "Fragrance Refill - Mahogany Teakwood", productType: "Fragrance Refill", vendor: "Pura", tags: ["refill", "fragrance"], price: "14.99", weight: 4 },
      { title: "Pet-Safe Fragrance Refill", productType: "Fragrance Refill", vendor: "Pura", tags: ["refill", "fragrance", "pet-safe"], price: "16.99", weight: 2 },
      {
        title: "Monthly Refill Subscription",
        productType: "Fragrance Refill",
        vendor: "Pura",
        tags: ["refill", "subscription"],
        price: "11.99",
        sellingPlan: "Delivered monthly, 20% subscriber savings",
        subscriptionShare: 1,
        weight: 3,
      },
      { title: "Pura Gift Card", productType: "Gift Card", vendor: "Pura", tags: ["gift-card"], price: "25.00", isGiftCard: true, weight: 1 },
    ],
  },
  "kendra-scott-mall": {
    preset: "kendra-scott-mall",
    currencyCode: "USD",
    ianaTimezone: "America/Chicago",
    name: "Kendra Scott Mall (demo)",
    email: "support@kendrascottmall.example",
    shipping: ["0"],
    gateways: ["shopify_payments"],
    catalog: [
      { title: "Elisa Pendant Necklace", productType: "Necklace", vendor: "Kendra Scott", tags: ["jewelry", "necklace"], price: "58.00", weight: 4 },
      { title: "Lee Stud Earrings", productType: "Earrings", vendor: "Kendra Scott", tags: ["jewelry", "earrings"], price: "45.00", weight: 4 },
      { title: "Elton Bangle Bracelet", productType: "Bracelet", vendor: "Kendra Scott", tags: ["jewelry", "bracelet"], price: "65.00", weight: 3 },
      { title: "Limited Edition Ari Heart Necklace", productType: "Necklace", vendor: "Kendra Scott", tags: ["jewelry", "final-sale", "limited-edition"], price: "78.00", weight: 2 },
      { title: "Sample Sale Drop Earrings", productType: "Earrings", vendor: "Kendra Scott", tags: ["jewelry", "Final Sale", "sale"], price: "29.00", weight: 2 },
      {
        title: "Personalized Initial Pendant",
        productType: "Necklace",
        vendor: "Kendra Scott",
        tags: ["jewelry", "personalized"],
        price: "68.00",
        properties: (n) => [{ key: "Engraving", value: INITIALS[n % INITIALS.length] as string }],
        weight: 2,
      },
      { title: "Alex Stainless Steel Watch", productType: "Watch", vendor: "Kendra Scott", tags: ["watch"], price: "120.00", weight: 2 },
      { title: "Kendra Scott Gift Card", productType: "Gift Card", vendor: "Kendra Scott", tags: ["gift-card"], price: "50.00", isGiftCard: true, weight: 1 },
    ],
  },
  "clean-beauty": {
    preset: "clean-beauty",
    currencyCode: "JPY",
    ianaTimezone: "Asia/Tokyo",
    name: "Clean beauty store (demo)",
    email: "care@cleanbeauty.example",
    shipping: ["0", "600"],
    gateways: ["shopify_payments"],
    catalog: [
      { title: "Vitamin C Brightening Serum", productType: "Serum", vendor: "Clean Beauty Co.", tags: ["serum", "skincare"], price: "4800", weight: 4 },
      { title: "Hyaluronic Hydrating Serum", productType: "Serum", vendor: "Clean Beauty Co.", tags: ["serum", "skincare"], price: "4200", weight: 4 },
      { title: "Retinol Night Serum", productType: "Serum", vendor: "Clean Beauty Co.", tags: ["serum", "skincare"], price: "5600", weight: 3 },
      { title: "Gentle Foaming Cleanser", productType: "Cleanser", vendor: "Clean Beauty Co.", tags: ["cleanser", "skincare"], price: "2800", weight: 3 },
      { title: "Tinted Lip Balm Trio", productType: "Lip Care", vendor: "Clean Beauty Co.", tags: ["hygiene", "lip"], price: "1800", weight: 2 },
      { title: "Lengthening Mascara", productType: "Makeup", vendor: "Clean Beauty Co.", tags: ["hygiene", "makeup"], price: "3200", weight: 2 },
      { title: "Reusable Makeup Sponge", productType: "Tools", vendor: "Clean Beauty Co.", tags: ["hygiene", "tools"], price: "1200", weight: 1 },
    ],
  },
  purtly: {
    preset: "purtly",
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    name: "Purtly (demo)",
    email: "hello@purtly.example",
    shipping: ["9.95", "14.95", "0"],
    gateways: ["shopify_payments", "paypal"],
    catalog: [
      { title: "Purtly P1 Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "199.99", weight: 3 },
      { title: "Purtly Mini Air Purifier", productType: "Air Purifier", vendor: "Purtly", tags: ["purifier", "device"], price: "129.99", weight: 3 },
      { title: "HEPA Replacement Filter", productType: "Filter", vendor: "Purtly", tags: ["filter", "consumable"], price: "39.99", weight: 4 },
      { title: "Activated Carbon Pre-Filter (2-pack)", productType: "Filter", vendor: "Purtly", tags: ["filter", "consumable"], price: "24.99", weight: 3 },
      {
        title: "Purtly Rewards Membership",
        productType: "Membership",
        vendor: "Purtly",
        tags: ["membership", "subscription"],
        price: "49.00",
        sellingPlan: "Rewards membership, renews yearly",
        subscriptionShare: 1,
        weight: 1,
      },
    ],
  },
  "soulmate-spark-studio": {
    preset: "soulmate-spark-studio",
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    name: "Soulmate Spark Studio (demo)",
    email: "studio@soulmatespark.example",
    shipping: ["4.99", "6.99"],
    gateways: ["shopify_payments"],
    catalog: [
      { title: "Fun Pet Collar", productType: "Collar", vendor: "Soulmate Spark Studio", tags: ["collar"], price: "24.00", weight: 4 },
      {
        title: "Engraved Name Collar",
        productType: "Collar",
        vendor: "Soulmate Spark Studio",
        tags: ["collar", "personalized"],
        price: "34.00",
        properties: (n) => [{ key: "Engraving", value: NAMES[n % NAMES.length] as string }],
        weight: 3,
      },
      {
        title: "Custom Design Collar",
        productType: "Collar",
        vendor: "Soulmate Spark Studio",
        tags: ["collar", "personalized", "custom"],
        price: "39.00",
        properties: (n) => [{ key: "Design notes", value: `Stars and ${NAMES[n % NAMES.length]}` }],
        weight: 2,
      },
      { title: "Pet Grooming Brush", productType: "Grooming", vendor: "Soulmate Spark Studio", tags: ["hygiene", "grooming"], price: "16.00", weight: 2 },
      { title: "Pet Toothbrush Kit", productType: "Grooming", vendor: "Soulmate Spark Studio", tags: ["hygiene"], price: "12.00", weight: 2 },
      { title: "Everyday Leash", productType: "Leash", vendor: "Soulmate Spark Studio", tags: ["leash"], price: "22.00", weight: 3 },
    ],
  },
};
