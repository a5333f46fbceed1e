// Confirms returned items and refunds the decided amount (financialTransfer.issueRefund) and
// shipping as the policy says; replaces the deprecated returnRefund.
export const ReturnProcessMutation = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        status
        refunds(first: 10) {
          nodes {
            id
            totalRefundedSet {
              shopMoney {
                amount
                currencyCode
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
