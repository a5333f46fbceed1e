// Installs the demo shops: an offline session each, as token exchange would have stored it.
import type { Db } from "~/db.server";
import { DEFAULT_SCOPES } from "~/env.server";
import { DEMO_SHOPS } from "./demo-shops";

export async function seedDemoSessions(db: Db) {
  for (const { shop } of DEMO_SHOPS) {
    const data = {
      shop,
      state: "",
      isOnline: false,
      scope: DEFAULT_SCOPES.join(","),
      accessToken: `demo-offline-token-${shop}`,
    };
    await db.session.upsert({ where: { id: `offline_${shop}` }, create: { id: `offline_${shop}`, ...data }, update: data });
    await db.shop.upsert({ where: { shop }, create: { shop, scope: data.scope }, update: { uninstalledAt: null } });
  }
}
