import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { handleWebhook } from "~/webhooks/handle-webhook.server";
import { updateGrantedScopes } from "~/models/shop.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    APP_SCOPES_UPDATE: async (tx, { shop, payload }) => {
      const parsed = payloadSchema.safeParse(payload);
      if (!parsed.success) throw new Response("app/scopes_update payload has no current scopes", { status: 400 });
      await updateGrantedScopes(tx, shop, parsed.data.current);
    },
  });
