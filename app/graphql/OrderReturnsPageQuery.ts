// A page of an order's returns with their line items: the snapshot's follow-up when an order
// has more returns than the first page, and what requestReturn reads to tell whether an earlier
// attempt already created its return.
export const OrderReturnsPageQuery = `#graphql
  query OrderReturnsPage($id: ID!, $first: Int!, $after: String, $returnLineItemsFirst: Int!) {
    order(id: $id) {
      returns(first: $first, after: $after) {
        nodes {
          id
          name
          status
          returnLineItems(first: $returnLineItemsFirst) {
            nodes {
              id
              quantity
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
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;
