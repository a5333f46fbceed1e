// A reverse fulfillment order: its line items with dispositions so far, and its deliveries.
export const ReverseFulfillmentOrderStateQuery = `#graphql
  query ReverseFulfillmentOrderState($id: ID!) {
    reverseFulfillmentOrder(id: $id) {
      id
      status
      lineItems(first: 50) {
        nodes {
          id
          totalQuantity
          dispositions {
            type
            quantity
          }
          fulfillmentLineItem {
            id
          }
        }
      }
      reverseDeliveries(first: 20) {
        nodes {
          id
          deliverable {
            ... on ReverseDeliveryShippingDeliverable {
              label {
                publicFileUrl
              }
              tracking {
                number
                url
                carrierName
              }
            }
          }
        }
      }
    }
  }
`;
