// `@idempotent(key:)` as Shopify enforces it: only on mutations whose description documents
// idempotency support, required on those whose description says the key is required (from
// 2026-04, e.g. refundCreate), and never with a blank key. Read from the real schema's
// descriptions so the stand-in follows the pinned version rather than a hand-kept list.
import { GraphQLError, Kind, getDirectiveValues, type FieldNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

export type IdempotencySupport = { supported: Set<string>; required: Set<string> };

const cache = new WeakMap<GraphQLSchema, IdempotencySupport>();

export function idempotencySupport(schema: GraphQLSchema): IdempotencySupport {
  let support = cache.get(schema);
  if (!support) {
    support = { supported: new Set(), required: new Set() };
    for (const [name, field] of Object.entries(schema.getMutationType()?.getFields() ?? {})) {
      const text = field.description ?? "";
      if (!text.includes("`@idempotent` directive")) continue;
      support.supported.add(name);
      if (/idempotency key is required/i.test(text)) support.required.add(name);
    }
    cache.set(schema, support);
  }
  return support;
}

/** Errors for misuse of @idempotent in a mutation, before anything executes. */
export function checkIdempotentDirectives(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): GraphQLError[] {
  const support = idempotencySupport(schema);
  const directive = schema.getDirective("idempotent");
  const errors: GraphQLError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field: FieldNode = selection;
    const name = field.name.value;
    const used = field.directives?.find((d) => d.name.value === "idempotent");
    if (operation.operation !== "mutation") {
      if (used) errors.push(new GraphQLError("The @idempotent directive can only be used on mutations.", { nodes: used, extensions: { code: "BAD_REQUEST" } }));
      continue;
    }
    if (used && !support.supported.has(name)) {
      errors.push(new GraphQLError(`The @idempotent directive is not supported on the '${name}' mutation.`, { nodes: used, extensions: { code: "BAD_REQUEST" } }));
      continue;
    }
    if (!used && support.required.has(name)) {
      errors.push(new GraphQLError(`The '${name}' mutation requires an idempotency key: add @idempotent(key: "...").`, { nodes: field, extensions: { code: "BAD_REQUEST" } }));
      continue;
    }
    if (used && directive) {
      const values = getDirectiveValues(directive, field, variables) as { key?: unknown } | undefined;
      if (typeof values?.key !== "string" || values.key.trim() === "") {
        errors.push(new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", { nodes: used, extensions: { code: "BAD_REQUEST" } }));
      }
    }
  }
  return errors;
}
