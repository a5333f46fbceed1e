// All of an order's fulfillments (a plain list: no cursor, only `first`), asked for when the
// snapshot's first batch came back full and there may be more.
export const OrderFulfillmentsQuery = `#graphql
  query OrderFulfillments($id: ID!, $first: Int!) {
    order(id: $id) {
      fulfillments(first: $first) {
        id
        createdAt
        deliveredAt
        displayStatus
      }
    }
  }
`;
