// How many orders a simulation will read (the same search as SimulationOrdersPage), so its
// page can show progress. Shopify counts up to `limit` exactly; beyond, precision is AT_LEAST.
export const SimulationOrdersCountQuery = `#graphql
  query SimulationOrdersCount($query: String!, $limit: Int!) {
    ordersCount(query: $query, limit: $limit) {
      count
      precision
    }
  }
`;
