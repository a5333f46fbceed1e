// The order as the policy engine reads it (app/domain/policy/order.ts), in one query, plus the
// name, customer and payments that carrying out a decision needs. Page sizes are variables so
// the cost stays under Shopify's 1000-point single-query limit (about 800 at the defaults);
// the service follows pageInfo with the *Page queries when an order has more.
// Return line items are the ReturnLineItemType interface: the fulfillment line item is only on
// ReturnLineItem (unverified ones have none), hence the inline fragment.
export const OrderSnapshotQuery = `#graphql
  query OrderSnapshot(
    $id: ID!
    $lineItemsFirst: Int = 50
    $fulfillmentsFirst: Int = 10
    $fulfillmentLineItemsFirst: Int = 10
    $returnsFirst: Int = 5
    $returnLineItemsFirst: Int = 10
    $shippingLinesFirst: Int = 5
    $transactionsFirst: Int = 20
  ) {
    order(id: $id) {
      id
      name
      createdAt
      currencyCode
      customer {
        id
        displayName
        defaultEmailAddress {
          emailAddress
        }
      }
      shippingLines(first: $shippingLinesFirst) {
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
      totalShippingPriceSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      fulfillments(first: $fulfillmentsFirst) {
        id
        createdAt
        deliveredAt
        displayStatus
        fulfillmentLineItems(first: $fulfillmentLineItemsFirst) {
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
      lineItems(first: $lineItemsFirst) {
        nodes {
          id
          name
          quantity
          refundableQuantity
          isGiftCard
          customAttributes {
            key
            value
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
              currencyCode
            }
          }
          product {
            tags
            productType
            vendor
          }
          sellingPlan {
            name
            sellingPlanId
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      returns(first: $returnsFirst) {
        nodes {
          id
          status
          returnLineItems(first: $returnLineItemsFirst) {
            nodes {
              quantity
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  lineItem {
                    id
                  }
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
  }
`;
