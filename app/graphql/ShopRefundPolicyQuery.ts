// The shop's legal policies as Shopify serves them to shoppers; Clause reads the refund policy's
// body to tell whether it still says what Clause's rules enforce (Shop.shopPolicies takes no
// arguments, so the refund policy is picked out by type).
export const ShopRefundPolicyQuery = `#graphql
  query ShopRefundPolicy {
    shop {
      shopPolicies {
        id
        type
        body
        url
        updatedAt
      }
    }
  }
`;
