// The return reasons Shopify offers (returnReasonDefinitions replaces the deprecated
// ReturnReason enum): the shopper portal lists them for the shopper to choose from.
export const ReturnReasonDefinitionsQuery = `#graphql
  query ReturnReasonDefinitions($first: Int!, $after: String) {
    returnReasonDefinitions(first: $first, after: $after) {
      nodes {
        id
        handle
        name
        deleted
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
