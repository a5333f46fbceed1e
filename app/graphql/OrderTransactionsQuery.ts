// All of an order's transactions (a plain list with `first`), asked for when the snapshot's
// first batch came back full.
export const OrderTransactionsQuery = `#graphql
  query OrderTransactions($id: ID!, $first: Int!) {
    order(id: $id) {
      transactions(first: $first) {
        id
        kind
        status
        gateway
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        parentTransaction {
          id
        }
      }
    }
  }
`;
