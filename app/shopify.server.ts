// The single Shopify app instance: auth, sessions, webhooks and the Admin API client.
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import db from "./db.server";
import { DEFAULT_SCOPES, env } from "./env.server";
import { API_VERSION } from "./api-version";

export { API_VERSION };

const config = env();
const LOG_LEVELS = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
} as const;

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  // read_all_orders is optional (shopify.app.toml optional_scopes): only for orders older
  // than 60 days, which a merchant may grant from the settings page.
  scopes: config.SCOPES ?? [...DEFAULT_SCOPES],
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  logger: { level: LOG_LEVELS[config.CLAUSE_LOG_LEVEL] },
  future: {
    // Token exchange instead of OAuth redirects: the embedded auth strategy.
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
