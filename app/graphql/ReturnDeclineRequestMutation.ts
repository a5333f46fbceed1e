// Declines a REQUESTED return (→ DECLINED) with Shopify's reason and a note citing the clause.
export const ReturnDeclineRequestMutation = `#graphql
  mutation ReturnDeclineRequest($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return {
        id
        name
        status
        decline {
          reason
          note
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
