// The demo's shops: one per seed policy preset.
export const DEMO_SHOPS = [
  { shop: "pura-demo.myshopify.com", name: "Pura (demo)", preset: "pura" },
  { shop: "kendra-scott-mall-demo.myshopify.com", name: "Kendra Scott Mall (demo)", preset: "kendra-scott-mall" },
  { shop: "clean-beauty-demo.myshopify.com", name: "Clean beauty store (demo)", preset: "clean-beauty" },
  { shop: "purtly-demo.myshopify.com", name: "Purtly (demo)", preset: "purtly" },
  { shop: "soulmate-spark-studio-demo.myshopify.com", name: "Soulmate Spark Studio (demo)", preset: "soulmate-spark-studio" },
] as const;

export const DEMO_USER_ID = 9001;
