import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive-webhook.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, [
    "RETURNS_REQUEST",
    "RETURNS_APPROVE",
    "RETURNS_DECLINE",
    "RETURNS_PROCESS",
    "RETURNS_CLOSE",
    "RETURNS_CANCEL",
    "RETURNS_REOPEN",
  ]);
