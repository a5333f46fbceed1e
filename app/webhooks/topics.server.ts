// What each webhook topic does, by the topic's enum name as authenticate.webhook reports it.
// A payload that does not match its schema is refused with 400 before anything is stored.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { redactCustomer } from "~/models/customer-privacy.server";
import { removeShopEvidence } from "~/models/evidence-store.server";
import { syncCaseFromShopify } from "~/models/case-sync.server";
import { eraseShop, markUninstalled, updateGrantedScopes } from "~/models/shop.server";
import type { InboxDelivery } from "~/models/webhook-inbox.server";

type Tx = Prisma.TransactionClient;
type TopicSpec = {
  payload: z.ZodTypeAny;
  work: (tx: Tx, delivery: InboxDelivery) => Promise<void>;
};

// Topics whose delivery record is all the work: returns/request, process and reopen (Clause opens
// its cases itself and confirms refunds by reading Shopify), refunds/create.
const acknowledgeOnly: TopicSpec = { payload: z.object({}).passthrough(), work: async () => {} };

// A decision taken on the return in Shopify admin is mirrored on its case (see case-sync).
const returnPayload = z.object({ admin_graphql_api_id: z.string().startsWith("gid://shopify/Return/") }).passthrough();
const returnSync: TopicSpec = {
  payload: returnPayload,
  work: async (tx, d) => void (await syncCaseFromShopify(tx, d.shop, d.topic, returnPayload.parse(d.payload).admin_graphql_api_id)),
};

const customersRedact = z
  .object({
    customer: z.object({ id: z.union([z.number(), z.string()]).nullish(), email: z.string().nullish() }).passthrough().nullish(),
    orders_to_redact: z.array(z.union([z.number(), z.string()])).nullish(),
  })
  .passthrough();

const scopesUpdate = z.object({ current: z.array(z.string()) });

export const TOPICS: Record<string, TopicSpec> = {
  APP_UNINSTALLED: { payload: z.unknown(), work: (tx, d) => markUninstalled(tx, d.shop) },
  APP_SCOPES_UPDATE: {
    payload: scopesUpdate,
    work: (tx, d) => updateGrantedScopes(tx, d.shop, scopesUpdate.parse(d.payload).current),
  },
  RETURNS_REQUEST: acknowledgeOnly,
  RETURNS_APPROVE: returnSync,
  RETURNS_DECLINE: returnSync,
  RETURNS_PROCESS: acknowledgeOnly,
  RETURNS_CLOSE: returnSync,
  RETURNS_CANCEL: returnSync,
  RETURNS_REOPEN: acknowledgeOnly,
  REFUNDS_CREATE: acknowledgeOnly,
  // Compliance. A data request is answered by the merchant from the queue (search by the
  // customer's email lists every case Clause holds for them); a customer redaction scrubs that
  // customer from every case; shop/redact erases all the shop's data.
  CUSTOMERS_DATA_REQUEST: acknowledgeOnly,
  CUSTOMERS_REDACT: {
    payload: customersRedact,
    work: async (tx, d) => {
      const p = customersRedact.parse(d.payload);
      await redactCustomer(tx, d.shop, {
        customerId: p.customer?.id ? `gid://shopify/Customer/${p.customer.id}` : null,
        email: p.customer?.email ?? null,
        orderIds: (p.orders_to_redact ?? []).map((id) => `gid://shopify/Order/${id}`),
      });
    },
  },
  SHOP_REDACT: {
    payload: z.object({}).passthrough(),
    work: async (tx, d) => {
      await eraseShop(tx, d.shop, d.webhookId);
      await removeShopEvidence(d.shop);
    },
  },
};
