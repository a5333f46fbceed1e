// Who an order belongs to, and nothing more: the shopper portal checks it before acting on an
// order (an evidence upload, a return request). Unknown orders and other shops' orders are null.
export const PortalOrderOwnerQuery = `#graphql
  query PortalOrderOwner($id: ID!) {
    order(id: $id) {
      id
      customer {
        id
      }
    }
  }
`;
