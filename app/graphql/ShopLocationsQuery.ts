// The shop's active locations: where restocked returns go.
export const ShopLocationsQuery = `#graphql
  query ShopLocations {
    locations(first: 50) {
      nodes {
        id
        name
        isActive
      }
    }
  }
`;
