// The next page of one returnable fulfillment's line items.
export const ReturnableFulfillmentLineItemsPageQuery = `#graphql
  query ReturnableFulfillmentLineItemsPage($id: ID!, $first: Int!, $after: String) {
    returnableFulfillment(id: $id) {
      returnableFulfillmentLineItems(first: $first, after: $after) {
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
  }
`;
