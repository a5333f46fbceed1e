import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive-webhook.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, ["REFUNDS_CREATE"]);
