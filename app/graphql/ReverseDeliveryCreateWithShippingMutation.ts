// A return label and tracking for items coming back.
export const ReverseDeliveryCreateWithShippingMutation = `#graphql
  mutation ReverseDeliveryCreateWithShipping(
    $reverseFulfillmentOrderId: ID!
    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!
    $trackingInput: ReverseDeliveryTrackingInput
    $labelInput: ReverseDeliveryLabelInput
    $notifyCustomer: Boolean!
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $reverseDeliveryLineItems
      trackingInput: $trackingInput
      labelInput: $labelInput
      notifyCustomer: $notifyCustomer
    ) {
      reverseDelivery {
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
      userErrors {
        field
        message
        code
      }
    }
  }
`;
