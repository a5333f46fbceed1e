import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook, recordOnly } from "~/webhooks/handle-webhook.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, { REFUNDS_CREATE: recordOnly });
