// A page of the shop's orders created in a period (newest first), each with what the policy
// engine reads (app/domain/policy/order.ts) plus the order's name and its lines' titles: the
// input of the policy simulation (app/services/simulation-orders.server.ts).
// The nested lists are sized by variables to keep the query under Shopify's 1000-point limit
// (about 150 points an order at the service's defaults); an order with more than a nested page
// holds is read again in full through OrderSnapshot and its follow-up queries.
export const SimulationOrdersPageQuery = `#graphql
  query SimulationOrdersPage(
    $first: Int!
    $after: String
    $query: String!
    $lineItemsFirst: Int!
    $fulfillmentsFirst: Int!
    $fulfillmentLineItemsFirst: Int!
    $returnsFirst: Int!
    $returnLineItemsFirst: Int!
    $shippingLinesFirst: Int!
  ) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
        name
        createdAt
        currencyCode
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
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
