// The little the reconciler compares with a case: the return's status and its labels.
export const ReturnReconcileQuery = `#graphql
  query ReturnReconcile($id: ID!) {
    return(id: $id) {
      id
      status
      reverseFulfillmentOrders(first: 3) {
        nodes {
          id
          reverseDeliveries(first: 3) {
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
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
