// A preview of a return's money before requesting it (returnCalculate is a query): per line the
// subtotal, tax and restocking fee, and the return shipping fee.
export const ReturnCalculateQuery = `#graphql
  query ReturnCalculate($input: CalculateReturnInput!) {
    returnCalculate(input: $input) {
      returnLineItems {
        quantity
        fulfillmentLineItem {
          id
        }
        subtotalSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        totalTaxSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        restockingFee {
          percentage
          amountSet {
            shopMoney {
              amount
              currencyCode
            }
          }
        }
      }
      returnShippingFee {
        amountSet {
          shopMoney {
            amount
            currencyCode
          }
        }
      }
    }
  }
`;
