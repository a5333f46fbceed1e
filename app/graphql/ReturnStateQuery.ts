// A return as it stands: status, line items with processed quantities, reverse fulfillment
// orders and refunds. Services read it to show a return and, after a failure that left it
// unclear whether a mutation landed, to find out before re-sending.
export const ReturnStateQuery = `#graphql
  query ReturnState($id: ID!, $lineItemsFirst: Int = 25) {
    return(id: $id) {
      id
      name
      status
      closedAt
      decline {
        reason
        note
      }
      order {
        id
      }
      returnLineItems(first: $lineItemsFirst) {
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
      reverseFulfillmentOrders(first: 5) {
        nodes {
          id
          lineItems(first: 25) {
            nodes {
              id
              totalQuantity
              fulfillmentLineItem {
                id
              }
            }
          }
        }
      }
      refunds(first: 20) {
        nodes {
          id
          totalRefundedSet {
            shopMoney {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
`;
