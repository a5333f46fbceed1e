// The next page of one fulfillment's line items.
export const FulfillmentLineItemsPageQuery = `#graphql
  query FulfillmentLineItemsPage($id: ID!, $first: Int!, $after: String) {
    fulfillment(id: $id) {
      fulfillmentLineItems(first: $first, after: $after) {
        nodes {
          id
          quantity
          lineItem {
            id
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
