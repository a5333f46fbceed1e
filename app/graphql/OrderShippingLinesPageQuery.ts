// The next page of an order's shipping lines.
export const OrderShippingLinesPageQuery = `#graphql
  query OrderShippingLinesPage($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      shippingLines(first: $first, after: $after) {
        nodes {
          originalPriceSet {
            shopMoney {
              amount
              currencyCode
            }
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
