// The offline demo's wiring (demo shops, minted session tokens, the local Shopify stand-in)
// switches on only with CLAUSE_DEMO=1 and never under NODE_ENV=production, whatever else is set.
export function demoEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.CLAUSE_DEMO === "1" && source.NODE_ENV !== "production";
}

/** Route guard: a demo-only route answers 404 outside the demo. */
export function assertDemo(): void {
  if (!demoEnabled()) throw new Response("Not found", { status: 404 });
}
