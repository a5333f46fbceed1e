// Every GraphQL document the app and its extensions send, validated against Shopify's real
// schema for the pinned API version.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { collectDocuments } from "./collect-documents";
import { loadShopifySchema } from "./shopify-schema";
import { validateDocument } from "./validate-document";

const root = path.resolve(__dirname, "../..");
const documents = collectDocuments(root);

describe(`GraphQL conformance against Shopify ${API_VERSION}`, () => {
  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it("gives every operation a unique name", () => {
    const names = documents.map((d) => validateDocument(loadShopifySchema(d.api, API_VERSION), d.source).operationName);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))("%s is valid", (_where, doc) => {
    expect(doc.problem).toBeUndefined();
    const { errors } = validateDocument(loadShopifySchema(doc.api, API_VERSION), doc.source);
    expect(errors).toEqual([]);
  });
});
