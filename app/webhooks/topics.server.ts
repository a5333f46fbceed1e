// What each webhook topic does, by the topic's enum name as authenticate.webhook reports it.
// A payload that does not match its schema is refused with 400 before anything is stored.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { eraseShop, markUninstalled, updateGrantedScopes } from "~/models/shop.server";
import type { InboxDelivery } from "~/models/webhook-inbox.server";

type Tx = Prisma.TransactionClient;
type TopicSpec = {
  payload: z.ZodTypeAny;
  work: (tx: Tx, delivery: InboxDelivery) => Promise<void>;
};

// Returns and refunds webhooks keep Clause's cases in step with changes made in Shopify admin;
// until the agent desk stores cases there is nothing of Clause's to update, so their work is
// only the delivery record itself.
const acknowledgeOnly: TopicSpec = { payload: z.object({}).passthrough(), work: async () => {} };

const scopesUpdate = z.object({ current: z.array(z.string()) });

export const TOPICS: Record<string, TopicSpec> = {
  APP_UNINSTALLED: { payload: z.unknown(), work: (tx, d) => markUninstalled(tx, d.shop) },
  APP_SCOPES_UPDATE: {
    payload: scopesUpdate,
    work: (tx, d) => updateGrantedScopes(tx, d.shop, scopesUpdate.parse(d.payload).current),
  },
  RETURNS_REQUEST: acknowledgeOnly,
  RETURNS_APPROVE: acknowledgeOnly,
  RETURNS_DECLINE: acknowledgeOnly,
  RETURNS_PROCESS: acknowledgeOnly,
  RETURNS_CLOSE: acknowledgeOnly,
  RETURNS_CANCEL: acknowledgeOnly,
  RETURNS_REOPEN: acknowledgeOnly,
  REFUNDS_CREATE: acknowledgeOnly,
  // Compliance. Clause keeps no customer records yet (return cases arrive with the agent desk,
  // and register their data here), so a data request has nothing to report and a customer
  // redaction nothing to erase; shop/redact erases all the shop's data.
  CUSTOMERS_DATA_REQUEST: acknowledgeOnly,
  CUSTOMERS_REDACT: acknowledgeOnly,
  SHOP_REDACT: { payload: z.object({}).passthrough(), work: (tx, d) => eraseShop(tx, d.shop, d.webhookId) },
};
