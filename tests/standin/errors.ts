// Errors as Shopify's Admin API formats them: `{ errors: [{ message, locations?, path?,
// extensions: { code } }] }`. Validation errors keep graphql-js's wording (what Shopify's own
// parser says differs slightly, e.g. "Field 'nmae' doesn't exist on type 'Shop'"); the shape is
// the same, which is what clients read.
import { GraphQLError } from "graphql";

export type ShopifyErrorJson = {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
  extensions: Record<string, unknown>;
};

export function errorJson(error: GraphQLError, fallbackCode = "GRAPHQL_VALIDATION_FAILED"): ShopifyErrorJson {
  const extensions = { ...(error.extensions ?? {}) } as Record<string, unknown>;
  if (extensions.code === undefined) extensions.code = fallbackCode;
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

/** A resolver-level error carrying a Shopify error code (e.g. RESOURCE_NOT_FOUND). */
export function shopifyError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** The stand-in does not model this field: say so loudly rather than answer a silent null. */
export function notModelled(typeName: string, fieldName: string): GraphQLError {
  return new GraphQLError(`The Admin API stand-in does not model ${typeName}.${fieldName}; add it under tests/standin before using it.`, {
    extensions: { code: "NOT_MODELLED_BY_STAND_IN" },
  });
}
