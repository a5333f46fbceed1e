// Publishes one of the shop's legal policies (Clause publishes the refund policy it generates).
export const ShopPolicyUpdateMutation = `#graphql
  mutation ShopPolicyUpdate($shopPolicy: ShopPolicyInput!) {
    shopPolicyUpdate(shopPolicy: $shopPolicy) {
      shopPolicy {
        id
        type
        title
        url
        updatedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
