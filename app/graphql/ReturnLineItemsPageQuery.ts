// The next page of one return's line items.
export const ReturnLineItemsPageQuery = `#graphql
  query ReturnLineItemsPage($id: ID!, $first: Int!, $after: String) {
    return(id: $id) {
      returnLineItems(first: $first, after: $after) {
        nodes {
          id
          quantity
          processedQuantity
          unprocessedQuantity
          ... on ReturnLineItem {
            fulfillmentLineItem {
              id
              lineItem {
                id
              }
            }
            restockingFee {
              percentage
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
