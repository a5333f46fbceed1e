// Mandatory privacy webhooks (see app/webhooks/topics.server.ts for what each one does).
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive-webhook.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, ["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"]);
