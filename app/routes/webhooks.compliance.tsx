// Mandatory privacy webhooks. Clause stores no customer data yet beyond what Shopify sends
// with each return (added with the return cases), so data_request and customers/redact have
// nothing to assemble or erase today; shop/redact erases everything held for the shop.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook, recordOnly } from "~/webhooks/handle-webhook.server";
import { eraseShop } from "~/models/shop.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    CUSTOMERS_DATA_REQUEST: recordOnly,
    CUSTOMERS_REDACT: recordOnly,
    SHOP_REDACT: (tx, { shop }) => eraseShop(tx, shop),
  });
