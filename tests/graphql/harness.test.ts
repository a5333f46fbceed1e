// The harness itself: it must catch what Shopify would reject.
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { ShopSummaryQuery } from "~/graphql/ShopSummaryQuery";
import { collectFromSource } from "./collect-documents";
import { loadShopifySchema } from "./shopify-schema";
import { validateDocument } from "./validate-document";

const admin = () => loadShopifySchema("admin", API_VERSION);

describe("GraphQL conformance harness", () => {
  it("passes a valid document", () => {
    expect(validateDocument(admin(), ShopSummaryQuery).errors).toEqual([]);
  });

  it("catches a misspelled field", () => {
    const misspelled = ShopSummaryQuery.replace("ianaTimezone", "ianaTimeZone");
    expect(misspelled).not.toBe(ShopSummaryQuery);
    const { errors } = validateDocument(admin(), misspelled);
    expect(errors.join("\n")).toMatch(/Cannot query field "ianaTimeZone" on type "Shop"/);
  });

  it("catches a wrong argument", () => {
    const doc = `#graphql
      query OrderWrongArg($id: ID!) { order(identifier: $id) { id } }`;
    expect(validateDocument(admin(), doc).errors.join("\n")).toMatch(/Unknown argument "identifier"/);
  });

  it("catches a deprecated field", () => {
    const doc = `#graphql
      query DeprecatedPrice($id: ID!) { order(id: $id) { totalShippingPrice } }`;
    expect(validateDocument(admin(), doc).errors.join("\n")).toMatch(/totalShippingPrice.*deprecated/);
  });

  it("requires one named operation per document", () => {
    expect(validateDocument(admin(), "#graphql\n query { shop { id } }").errors).toContain("every operation must be named");
    expect(validateDocument(admin(), "#graphql\n query A { shop { id } } query B { shop { name } }").errors[0]).toMatch(
      /exactly one operation/,
    );
  });

  it("collects #graphql template literals and flags substitutions", () => {
    const src = "const A = `#graphql\n query A { shop { id } }`;\nconst B = `#graphql\n query B { ${'$'}{x} }`;\nconst C = `not graphql`;";
    const docs = collectFromSource("app/x.ts", src, "admin");
    expect(docs.map((d) => d.line)).toEqual([1, 3]);
    expect(docs[0]?.problem).toBeUndefined();
    expect(docs[1]?.problem).toMatch(/substitutions/);
  });
});
