// A local stand-in for Shopify's Admin GraphQL API. Every request is parsed and validated
// against the real schema of the pinned version (from @shopify/dev-mcp) and answered the way
// Shopify formats answers; valid operations execute over an in-memory store. This is the
// minimal one: it knows shops. The Shopify-seam issue grows it into the full stand-in.
import { execute, parse, specifiedRules, validate, type DocumentNode, type GraphQLError } from "graphql";
import { API_VERSION } from "~/api-version";
import { loadShopifySchema } from "../graphql/shopify-schema";

export type StandInShop = {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
};

export type LedgerEntry = { shop: string; operationName: string | null; ok: boolean };

function graphqlErrorJson(error: GraphQLError) {
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: error.extensions?.code ?? "GRAPHQL_VALIDATION_FAILED" },
  };
}

export class AdminApiStandIn {
  readonly shops = new Map<string, StandInShop>();
  readonly ledger: LedgerEntry[] = [];
  private readonly schema = loadShopifySchema("admin", API_VERSION);

  addShop(domain: string, overrides: Partial<StandInShop> = {}): StandInShop {
    const shop: StandInShop = {
      id: `gid://shopify/Shop/${this.shops.size + 1}`,
      name: domain.replace(".myshopify.com", ""),
      myshopifyDomain: domain,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      ...overrides,
    };
    this.shops.set(domain, shop);
    return shop;
  }

  /** A fetch-compatible handler for https://<shop>/admin/api/<version>/graphql.json. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const match = url.pathname.match(/^\/admin\/api\/([^/]+)\/graphql\.json$/);
    if (!match) return new Response("Not Found", { status: 404 });
    if (match[1] !== API_VERSION) {
      return Response.json({ errors: `API version ${match[1]} is not the pinned ${API_VERSION}` }, { status: 400 });
    }
    const shop = this.shops.get(url.hostname);
    if (!shop || !request.headers.get("X-Shopify-Access-Token")) {
      return Response.json({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }, { status: 401 });
    }
    const body = (await request.json()) as { query?: string; variables?: Record<string, unknown> };
    let document: DocumentNode;
    try {
      document = parse(body.query ?? "");
    } catch (error) {
      this.ledger.push({ shop: shop.myshopifyDomain, operationName: null, ok: false });
      return Response.json({ errors: [graphqlErrorJson(error as GraphQLError)] });
    }
    const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
    const operationName = operation && "name" in operation ? (operation.name?.value ?? null) : null;
    const errors = validate(this.schema, document, specifiedRules);
    if (errors.length) {
      this.ledger.push({ shop: shop.myshopifyDomain, operationName, ok: false });
      return Response.json({ errors: errors.map(graphqlErrorJson) });
    }
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: body.variables ?? {},
      rootValue: { shop },
    });
    this.ledger.push({ shop: shop.myshopifyDomain, operationName, ok: !result.errors });
    return Response.json({
      ...(result.errors ? { errors: result.errors.map(graphqlErrorJson) } : {}),
      data: result.data ?? null,
    });
  };
}
