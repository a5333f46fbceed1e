// Approves a REQUESTED return (→ OPEN); Shopify creates the reverse fulfillment order whose line
// items reverse deliveries and dispositions refer to.
export const ReturnApproveRequestMutation = `#graphql
  mutation ReturnApproveRequest($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return {
        id
        name
        status
        reverseFulfillmentOrders(first: 5) {
          nodes {
            id
            lineItems(first: 50) {
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
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
