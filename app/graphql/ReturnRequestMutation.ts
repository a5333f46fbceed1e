// A return request on the shopper's behalf, with the decision's restocking fee per line and the
// return shipping fee; Shopify creates it REQUESTED.
export const ReturnRequestMutation = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
        status
        returnLineItems(first: 50) {
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
