// Shopify's real GraphQL schemas, as introspection JSON shipped in the npm package
// @shopify/dev-mcp (dist/data/<api>_<version>.json.gz).
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../scripts/db/database-url.mjs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

export type ShopifyApi = "admin" | "customer";

const cache = new Map<string, GraphQLSchema>();

export function schemaFile(api: ShopifyApi, version: string): string {
  // The package's "exports" hide package.json, so find its folder from the project root.
  return path.join(projectRoot, "node_modules", "@shopify", "dev-mcp", "dist", "data", `${api}_${version}.json.gz`);
}

/** A new schema built from the introspection file (callers that change it need their own). */
export function readShopifySchema(api: ShopifyApi, version: string): GraphQLSchema {
  const json = JSON.parse(gunzipSync(readFileSync(schemaFile(api, version))).toString("utf8")) as {
    data: IntrospectionQuery;
  };
  return buildClientSchema(json.data);
}

/** The schema, built once per process. */
export function loadShopifySchema(api: ShopifyApi, version: string): GraphQLSchema {
  const key = `${api}_${version}`;
  let schema = cache.get(key);
  if (!schema) {
    schema = readShopifySchema(api, version);
    cache.set(key, schema);
  }
  return schema;
}
