// Validates one document as Shopify would, plus the project's own rules: no deprecated
// fields, arguments or enum values; exactly one operation, and it is named.
import {
  type GraphQLError,
  Kind,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

export type DocumentCheck = { operationName: string | null; errors: string[] };

function operationRules(doc: DocumentNode): string[] {
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const errors: string[] = [];
  if (ops.length !== 1) errors.push(`expected exactly one operation per document, found ${ops.length}`);
  for (const op of ops) if (!op.name) errors.push("every operation must be named");
  return errors;
}

export function validateDocument(schema: GraphQLSchema, source: string): DocumentCheck {
  let doc: DocumentNode;
  try {
    doc = parse(source);
  } catch (error) {
    return { operationName: null, errors: [(error as GraphQLError).message] };
  }
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operationName = op && "name" in op && op.name ? op.name.value : null;
  const errors = [
    ...validate(schema, doc, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message),
    ...operationRules(doc),
  ];
  return { operationName, errors };
}
