// What each webhook topic does, by the topic's enum name as authenticate.webhook reports it.
// A payload that does not match its schema is refused with 400 before anything is stored.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { eraseShopData, redactCustomer } from "~/models/customer-privacy.server";
import { createDataRequestExport } from "~/models/data-request-export.server";
import { removeShopEvidence } from "~/models/evidence-store.server";
import { syncCaseFromShopify } from "~/models/case-sync.server";
import { markUninstalled, updateGrantedScopes } from "~/models/shop.server";
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

// customers/redact and customers/data_request name the customer the same way (REST ids).
const restId = z.union([z.number(), z.string()]);
const privacyCustomer = z.object({ id: restId.nullish(), email: z.string().nullish(), phone: z.string().nullish() }).passthrough().nullish();
const customersRedact = z.object({ customer: privacyCustomer, orders_to_redact: z.array(restId).nullish() }).passthrough();
const customersDataRequest = z
  .object({ customer: privacyCustomer, orders_requested: z.array(restId).nullish(), data_request: z.object({ id: restId.nullish() }).passthrough().nullish() })
  .passthrough();
const customerGid = (id: string | number | null | undefined) => (id ? `gid://shopify/Customer/${id}` : null);
const orderGids = (ids: ReadonlyArray<string | number> | null | undefined) => (ids ?? []).map((id) => `gid://shopify/Order/${id}`);

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
  // Compliance (app/models/customer-privacy.server.ts, data-request-export.server.ts). A data
  // request becomes an export the merchant downloads from the home page; a customer redaction
  // takes that customer out of everything Clause holds; shop/redact erases all the shop's data.
  // The inbox clears each payload (which names the customer) once its work is done.
  CUSTOMERS_DATA_REQUEST: {
    payload: customersDataRequest,
    work: async (tx, d) => {
      const p = customersDataRequest.parse(d.payload);
      await createDataRequestExport(tx, d.shop, {
        webhookId: d.webhookId,
        dataRequestId: p.data_request?.id ? String(p.data_request.id) : null,
        customerId: customerGid(p.customer?.id),
        email: p.customer?.email ?? null,
        phone: p.customer?.phone ?? null,
        orderIds: orderGids(p.orders_requested),
      });
    },
  },
  CUSTOMERS_REDACT: {
    payload: customersRedact,
    work: async (tx, d) => {
      const p = customersRedact.parse(d.payload);
      await redactCustomer(tx, d.shop, {
        customerId: customerGid(p.customer?.id),
        email: p.customer?.email ?? null,
        phone: p.customer?.phone ?? null,
        orderIds: orderGids(p.orders_to_redact),
      });
    },
  },
  SHOP_REDACT: {
    payload: z.object({}).passthrough(),
    work: async (tx, d) => {
      await eraseShopData(tx, d.shop, d.webhookId);
      await removeShopEvidence(d.shop);
    },
  },
};
