// Query cost the way Shopify's Admin API computes it, closely enough to budget against:
//   scalars and enums 0; an object 1; a connection 2 + first (or last) × (1 + cost of a node);
//   a plain list of objects with `first` (Order.fulfillments) first × (1 + cost of an element),
//   without `first` one element; interfaces and unions the most expensive type-conditioned
//   branch; each top-level mutation field 10 (its payload is not charged).
// The requested cost is computed before execution from the document and variables; the actual
// cost walks the answer, counting the nodes a connection really returned. Shopify refuses a
// query whose requested cost exceeds 1000 (MAX_COST_EXCEEDED) and a connection without
// `first`/`last` or with more than 250; both are checked here, before anything executes.
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { MAX_PAGE_SIZE } from "./connection";

export const MUTATION_COST = 10;
export const MAX_QUERY_COST = 1000;

type Walk = {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
};

function isConnection(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return false;
  const fields = type.getFields();
  return Boolean(fields.edges && fields.pageInfo);
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> | null {
  return "getFields" in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : null;
}

/** Field nodes grouped by the type condition they sit under (null: applies to the parent type). */
function groupSelections(walk: Walk, parent: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined): Map<string | null, FieldNode[]> {
  const groups = new Map<string | null, FieldNode[]>();
  const add = (condition: string | null, field: FieldNode) => {
    const list = groups.get(condition) ?? [];
    list.push(field);
    groups.set(condition, list);
  };
  const visit = (set: SelectionSetNode | undefined, condition: string | null) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) add(condition, s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition?.name.value ?? null;
        visit(s.selectionSet, on === null || on === parent.name ? condition : on);
      } else {
        const fragment = walk.fragments.get(s.name.value);
        if (fragment) {
          const on = fragment.typeCondition.name.value;
          visit(fragment.selectionSet, on === parent.name ? condition : on);
        }
      }
    }
  };
  visit(selectionSet, null);
  return groups;
}

function selectionCost(walk: Walk, parent: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined): number {
  const groups = groupSelections(walk, parent, selectionSet);
  let base = 0;
  let branch = 0;
  for (const [condition, fields] of groups) {
    const type = condition === null ? parent : (walk.schema.getType(condition) as GraphQLCompositeType | undefined);
    if (!type) continue;
    const cost = fields.reduce((sum, f) => sum + fieldCost(walk, type, f), 0);
    if (condition === null || !isAbstractType(parent)) base += cost;
    else branch = Math.max(branch, cost);
  }
  return base + branch;
}

function connectionSize(walk: Walk, field: FieldNode, args: Record<string, unknown>): number {
  const first = args.first;
  const last = args.last;
  const size = typeof first === "number" ? first : typeof last === "number" ? last : null;
  if (size === null) {
    walk.errors.push(new GraphQLError("you must provide one of first or last", { nodes: field, extensions: { code: "BAD_REQUEST" } }));
    return 0;
  }
  if (size > MAX_PAGE_SIZE) {
    walk.errors.push(new GraphQLError(`The maximum number of items per page is ${MAX_PAGE_SIZE} (asked for ${size}).`, { nodes: field, extensions: { code: "BAD_REQUEST" } }));
  }
  return Math.max(0, size);
}

/** Selections under `nodes { … }` and `edges { node { … } }`, merged into one selection set. */
function nodeSelections(walk: Walk, connectionType: GraphQLObjectType, field: FieldNode): SelectionSetNode {
  const selections: SelectionSetNode["selections"][number][] = [];
  for (const [, fields] of groupSelections(walk, connectionType, field.selectionSet)) {
    for (const f of fields) {
      if (f.name.value === "nodes") selections.push(...(f.selectionSet?.selections ?? []));
      if (f.name.value === "edges") {
        for (const [, edgeFields] of groupSelections(walk, getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType, f.selectionSet)) {
          for (const e of edgeFields) if (e.name.value === "node") selections.push(...(e.selectionSet?.selections ?? []));
        }
      }
    }
  }
  return { kind: Kind.SELECTION_SET, selections };
}

function nodeType(connectionType: GraphQLObjectType): GraphQLCompositeType {
  return getNamedType(connectionType.getFields().nodes?.type ?? connectionType.getFields().edges!.type) as GraphQLCompositeType;
}

function fieldCost(walk: Walk, parent: GraphQLCompositeType, field: FieldNode): number {
  const name = field.name.value;
  if (name.startsWith("__")) return 0;
  const def = fieldsOf(parent)?.[name];
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const args = getArgumentValues(def, field, walk.variables);
  if (isConnection(named)) {
    const size = connectionSize(walk, field, args);
    return 2 + size * (1 + selectionCost(walk, nodeType(named), nodeSelections(walk, named, field)));
  }
  const element = 1 + selectionCost(walk, named as GraphQLCompositeType, field.selectionSet);
  if (isListType(getNullableType(def.type))) return (typeof args.first === "number" ? Math.max(0, args.first) : 1) * element;
  return element;
}

function fragmentsOf(document: { definitions: readonly { kind: string }[] }): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set((d as FragmentDefinitionNode).name.value, d as FragmentDefinitionNode);
  return map;
}

/** The requested cost, plus errors Shopify answers before executing (connection arguments). */
export function requestedQueryCost(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: string }[] },
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { cost: number; errors: GraphQLError[] } {
  const walk: Walk = { schema, fragments: fragmentsOf(document), variables, errors: [] };
  if (operation.operation === "mutation") {
    const root = schema.getMutationType()!;
    let cost = 0;
    for (const [, fields] of groupSelections(walk, root, operation.selectionSet)) {
      for (const f of fields) {
        if (f.name.value.startsWith("__")) continue;
        cost += MUTATION_COST;
        // Payloads are not charged, but their connections must still be sized correctly.
        const def = root.getFields()[f.name.value];
        if (def) selectionCost(walk, getNamedType(def.type) as GraphQLCompositeType, f.selectionSet);
      }
    }
    return { cost, errors: walk.errors };
  }
  const cost = selectionCost(walk, schema.getQueryType()!, operation.selectionSet);
  return { cost, errors: walk.errors };
}

function actualSelectionCost(walk: Walk, parent: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined, data: Record<string, unknown>): number {
  let total = 0;
  for (const [condition, fields] of groupSelections(walk, parent, selectionSet)) {
    const type = condition === null ? parent : (walk.schema.getType(condition) as GraphQLCompositeType | undefined);
    if (!type) continue;
    // A type-conditioned branch counts when the answer carries its fields.
    for (const f of fields) {
      const key = f.alias?.value ?? f.name.value;
      if (!(key in data)) continue;
      total += actualFieldCost(walk, type, f, data[key]);
    }
  }
  return total;
}

function actualFieldCost(walk: Walk, parent: GraphQLCompositeType, field: FieldNode, value: unknown): number {
  if (value === null || value === undefined || field.name.value.startsWith("__")) return 0;
  const def = fieldsOf(parent)?.[field.name.value];
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  if (isConnection(named)) {
    const conn = value as { nodes?: unknown[]; edges?: Array<{ node?: unknown }> };
    const count = Math.max(conn.nodes?.length ?? 0, conn.edges?.length ?? 0);
    const selection = nodeSelections(walk, named, field);
    let total = 2;
    for (let i = 0; i < count; i++) {
      const item = { ...((conn.edges?.[i]?.node as object | undefined) ?? {}), ...((conn.nodes?.[i] as object | undefined) ?? {}) } as Record<string, unknown>;
      total += 1 + actualSelectionCost(walk, nodeType(named), selection, item);
    }
    return total;
  }
  const items = Array.isArray(value) ? value : [value];
  let total = 0;
  for (const item of items) if (item && typeof item === "object") total += 1 + actualSelectionCost(walk, named as GraphQLCompositeType, field.selectionSet, item as Record<string, unknown>);
  return total;
}

/** The cost of what was actually answered (never more than requested). */
export function actualQueryCost(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: string }[] },
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined,
  requested: number,
): number {
  if (operation.operation === "mutation") return requested;
  if (!data) return 0;
  const walk: Walk = { schema, fragments: fragmentsOf(document), variables, errors: [] };
  return Math.min(requested, actualSelectionCost(walk, schema.getQueryType()!, operation.selectionSet, data));
}
