// What can still be returned: per fulfillment, its line items with the returnable quantity.
export const ReturnableFulfillmentsQuery = `#graphql
  query ReturnableFulfillments($orderId: ID!, $first: Int!, $after: String, $lineItemsFirst: Int!) {
    returnableFulfillments(orderId: $orderId, first: $first, after: $after) {
      nodes {
        id
        fulfillment {
          id
        }
        returnableFulfillmentLineItems(first: $lineItemsFirst) {
          nodes {
            quantity
            fulfillmentLineItem {
              id
              quantity
              lineItem {
                id
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
