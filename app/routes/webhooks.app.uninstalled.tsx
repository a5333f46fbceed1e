import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "~/webhooks/handle-webhook.server";
import { markUninstalled } from "~/models/shop.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    APP_UNINSTALLED: (tx, { shop }) => markUninstalled(tx, shop),
  });
