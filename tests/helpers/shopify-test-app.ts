// Authenticated requests to the real app, with the Admin API answered by the local stand-in.
// Import this before the route modules under test.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import {
  API_KEY,
  API_SECRET_KEY,
  RequestType,
  setUpValidRequest,
  setUpValidSession,
} from "@shopify/shopify-api/test-helpers";
import { DEFAULT_SCOPES } from "~/env.server";
import { sessionStorage } from "~/shopify.server";
import { AdminApiStandIn } from "../standin/admin-api-standin";

export const standIn = new AdminApiStandIn();
// The node adapter captured global fetch at import; Admin API calls go to the stand-in instead.
setAbstractFetchFunc(standIn.fetch as typeof fetch);

export const shopDomain = (store: string) => `${store}.myshopify.com`;

/** Installs a shop: an offline session in the app's storage and the shop in the stand-in. */
export async function installShop(store: string) {
  const session = setUpValidSession({ shop: shopDomain(store), expires: undefined, scope: DEFAULT_SCOPES.join(",") });
  session.accessToken = `test-token-${store}`;
  await sessionStorage.storeSession(session);
  if (!standIn.shops.has(shopDomain(store))) standIn.addShop(shopDomain(store));
  return session;
}

/** A request as Shopify admin sends it to the embedded app (document load with id_token). */
export function adminDocumentRequest(store: string, path: string, init?: RequestInit) {
  return setUpValidRequest(
    { type: RequestType.Admin, store, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
    new Request(`https://clause.test${path}`, init),
  );
}

/** A fetch from the embedded app's own pages (Authorization: Bearer <session token>). */
export function adminFetchRequest(store: string, path: string, init?: RequestInit) {
  return setUpValidRequest(
    { type: RequestType.Bearer, store, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
    new Request(`https://clause.test${path}`, init),
  );
}
