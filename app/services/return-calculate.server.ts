// returnCalculate: Shopify's own figures for a return before it is requested — per line the
// subtotal, tax and restocking fee, and the return shipping fee. Restocking fees are
// percentages on a 0–100 scale (15 means 15 %; see RESTOCKING_FEE_SCALE in return-request).
import { ReturnCalculateQuery } from "~/graphql/ReturnCalculateQuery";
import { adminClient, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import type { Money, MoneyBag } from "./admin-types";

export type ReturnPreviewInput = {
  orderId: string;
  lines: Array<{ fulfillmentLineItemId: string; quantity: number; restockingFeePercent?: number | null }>;
  returnShippingFee?: Money | null;
};

export type ReturnPreview = {
  lines: Array<{ fulfillmentLineItemId: string; quantity: number; subtotal: Money; totalTax: Money; restockingFee: { percent: number; amount: Money } | null }>;
  returnShippingFee: Money | null;
};

/** Shopify does not document the sign of a calculated return's subtotals; the preview reports magnitudes. */
function magnitude(money: Money): Money {
  return { amount: money.amount.replace(/^-/, ""), currencyCode: money.currencyCode };
}

export async function previewReturn(api: AdminApi, input: ReturnPreviewInput): Promise<ReturnPreview> {
  const data = await adminClient(api).query<{
    returnCalculate: {
      returnLineItems: Array<{ quantity: number; fulfillmentLineItem: { id: string }; subtotalSet: MoneyBag; totalTaxSet: MoneyBag; restockingFee: { percentage: number; amountSet: MoneyBag } | null }>;
      returnShippingFee: { amountSet: MoneyBag } | null;
    } | null;
  }>(ReturnCalculateQuery, {
    input: {
      orderId: input.orderId,
      returnLineItems: input.lines.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemId,
        quantity: l.quantity,
        ...(l.restockingFeePercent !== undefined && l.restockingFeePercent !== null ? { restockingFee: { percentage: l.restockingFeePercent } } : {}),
      })),
      ...(input.returnShippingFee ? { returnShippingFee: { amount: input.returnShippingFee } } : {}),
    },
  });
  const calc = data.returnCalculate;
  if (!calc) throw new ShopifyGraphqlError("returnCalculate answered nothing", []);
  return {
    lines: calc.returnLineItems.map((l) => ({
      fulfillmentLineItemId: l.fulfillmentLineItem.id,
      quantity: l.quantity,
      subtotal: magnitude(l.subtotalSet.shopMoney),
      totalTax: magnitude(l.totalTaxSet.shopMoney),
      restockingFee: l.restockingFee ? { percent: l.restockingFee.percentage, amount: magnitude(l.restockingFee.amountSet.shopMoney) } : null,
    })),
    returnShippingFee: calc.returnShippingFee ? magnitude(calc.returnShippingFee.amountSet.shopMoney) : null,
  };
}
