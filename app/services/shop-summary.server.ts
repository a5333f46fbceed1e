import { ShopSummaryQuery } from "~/graphql/ShopSummaryQuery";
import { runAdminOperation, type AdminApi } from "./admin-client";

export type ShopSummary = {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
};

export async function getShopSummary(api: AdminApi): Promise<ShopSummary> {
  const data = await runAdminOperation<{ shop: ShopSummary }>(api, ShopSummaryQuery);
  return data.shop;
}
