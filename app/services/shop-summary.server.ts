import { ShopSummaryQuery } from "~/graphql/ShopSummaryQuery";
import { runAdminOperation, type AdminGraphql } from "./admin-client";

export type ShopSummary = {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
};

export async function getShopSummary(graphql: AdminGraphql): Promise<ShopSummary> {
  const data = await runAdminOperation<{ shop: ShopSummary }>(graphql, ShopSummaryQuery);
  return data.shop;
}
