// The next page of an order's line items, with the same fields as OrderSnapshot.
export const OrderLineItemsPageQuery = `#graphql
  query OrderLineItemsPage($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      lineItems(first: $first, after: $after) {
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
    }
  }
`;
