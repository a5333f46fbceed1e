import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { demoEnabled } from "~/demo/demo-mode.server";

const base = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://clause.example.com" };

describe("environment", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(base);
    expect(env.NODE_ENV).toBe("development");
    expect(env.CLAUSE_DEMO).toBe("0");
    expect(env.SCOPES).toBeUndefined();
  });

  it("names every missing or malformed variable in one readable message", () => {
    expect(() => parseEnv({ SHOPIFY_APP_URL: "not a url", DATABASE_URL: "mysql://x" })).toThrowError(
      /SHOPIFY_API_KEY[\s\S]*SHOPIFY_API_SECRET[\s\S]*SHOPIFY_APP_URL: SHOPIFY_APP_URL must be[\s\S]*DATABASE_URL must start with/,
    );
  });

  it("splits SCOPES", () => {
    expect(parseEnv({ ...base, SCOPES: "read_orders, write_returns" }).SCOPES).toEqual(["read_orders", "write_returns"]);
  });

  it("refuses the demo wiring in production", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production", CLAUSE_DEMO: "1" })).toThrowError(/CLAUSE_DEMO=1 is refused/);
    expect(demoEnabled({ NODE_ENV: "production", CLAUSE_DEMO: "1" })).toBe(false);
    expect(demoEnabled({ NODE_ENV: "development", CLAUSE_DEMO: "1" })).toBe(true);
    expect(demoEnabled({ NODE_ENV: "development" })).toBe(false);
  });
});
