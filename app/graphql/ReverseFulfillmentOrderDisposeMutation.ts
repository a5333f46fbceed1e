// What became of returned items once inspected: restocked, not restocked, still to process, missing.
export const ReverseFulfillmentOrderDisposeMutation = `#graphql
  mutation ReverseFulfillmentOrderDispose($dispositionInputs: [ReverseFulfillmentOrderDisposeInput!]!) {
    reverseFulfillmentOrderDispose(dispositionInputs: $dispositionInputs) {
      reverseFulfillmentOrderLineItems {
        id
        totalQuantity
        dispositions {
          type
          quantity
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
