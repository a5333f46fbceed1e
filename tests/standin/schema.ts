// The schema the stand-in validates and executes against: the real Admin API introspection for
// the pinned version (@shopify/dev-mcp), built afresh (not the conformance harness's cached
// instance) so its custom scalars can check inputs as Shopify does. buildClientSchema leaves
// custom scalars accepting anything; Shopify refuses a Decimal that is not a decimal, a
// DateTime that is not ISO-8601, a URL that is not absolute.
import { GraphQLError, Kind, type GraphQLScalarType, type GraphQLSchema, type ValueNode } from "graphql";
import { readShopifySchema } from "../graphql/shopify-schema";

const cache = new Map<string, GraphQLSchema>();

type Check = (value: unknown) => boolean;

const isDecimal: Check = (v) => (typeof v === "string" && /^[+-]?\d+(\.\d+)?$/.test(v.trim())) || (typeof v === "number" && Number.isFinite(v));
const isDateTime: Check = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v));
const isUrl: Check = (v) => {
  if (typeof v !== "string") return false;
  try {
    const url = new URL(v);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};
const isUnsignedInt64: Check = (v) => (typeof v === "string" && /^\d+$/.test(v)) || (typeof v === "number" && Number.isInteger(v) && v >= 0);

const STRICT: Record<string, Check> = { Decimal: isDecimal, Money: isDecimal, DateTime: isDateTime, URL: isUrl, UnsignedInt64: isUnsignedInt64 };

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.INT:
      return Number(node.value);
    case Kind.FLOAT:
      return Number(node.value);
    default:
      return undefined;
  }
}

function strict(type: GraphQLScalarType, check: Check): void {
  const fail = (value: unknown) => new GraphQLError(`${type.name} cannot represent value: ${JSON.stringify(value)}`);
  type.parseValue = (value: unknown) => {
    if (!check(value)) throw fail(value);
    return value;
  };
  type.parseLiteral = (node: ValueNode) => {
    const value = literal(node);
    if (value === undefined || !check(value)) throw fail(value ?? node.kind);
    return value;
  };
}

export function loadStandInSchema(version: string): GraphQLSchema {
  let schema = cache.get(version);
  if (!schema) {
    schema = readShopifySchema("admin", version);
    for (const [name, check] of Object.entries(STRICT)) {
      const type = schema.getType(name) as GraphQLScalarType | undefined;
      if (type) strict(type, check);
    }
    cache.set(version, schema);
  }
  return schema;
}
