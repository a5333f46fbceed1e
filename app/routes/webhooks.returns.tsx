// returns/* from Shopify. Verified and recorded once per delivery; the case reconciliation
// they drive is built with the agent desk.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook, recordOnly } from "~/webhooks/handle-webhook.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    RETURNS_REQUEST: recordOnly,
    RETURNS_APPROVE: recordOnly,
    RETURNS_DECLINE: recordOnly,
    RETURNS_PROCESS: recordOnly,
    RETURNS_CLOSE: recordOnly,
    RETURNS_CANCEL: recordOnly,
    RETURNS_REOPEN: recordOnly,
  });
