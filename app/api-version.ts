// The Admin API version the app, its webhooks (shopify.app.toml) and every GraphQL document
// are pinned to. Tests validate all documents against this version's real schema.
import { ApiVersion } from "@shopify/shopify-api";

export const API_VERSION = ApiVersion.July26;
