// Everything a refund needs from Shopify in one read: the return as it stands (processed
// quantities, reverse fulfillment orders, refunds), the order's payments to refund against, and
// a location to restock into. The refund step is then one read and one write (returnProcess).
export const RefundContextQuery = `#graphql
  query RefundContext($id: ID!, $lineItemsFirst: Int = 10, $transactionsFirst: Int = 10) {
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
        transactions(first: $transactionsFirst) {
          id
          kind
          status
          gateway
          amountSet {
            shopMoney {
              amount
              currencyCode
            }
          }
          parentTransaction {
            id
          }
        }
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
      reverseFulfillmentOrders(first: 2) {
        nodes {
          id
          lineItems(first: 10) {
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
      refunds(first: 5) {
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
    locations(first: 3) {
      nodes {
        id
        name
        isActive
      }
    }
  }
`;
