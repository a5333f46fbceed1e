// An order's owner with its returns' status and decline note: the shopper portal's status list
// checks ownership and shows why a declined return was declined (the note Shopify sent the
// shopper) in one read.
export const PortalOrderReturnsQuery = `#graphql
  query PortalOrderReturns($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      id
      customer {
        id
      }
      returns(first: $first, after: $after) {
        nodes {
          id
          name
          status
          decline {
            note
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;
