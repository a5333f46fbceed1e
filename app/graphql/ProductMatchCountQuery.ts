// How many of the store's products a product search matches: the policy editor's live count
// for an exclusion ("14 products match `hygiene`"). Counts stop at Shopify's default limit
// (10,000), reported as precision AT_LEAST.
export const ProductMatchCountQuery = `#graphql
  query ProductMatchCount($query: String!) {
    productsCount(query: $query) {
      count
      precision
    }
  }
`;
