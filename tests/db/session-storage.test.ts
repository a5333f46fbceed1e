import { Session } from "@shopify/shopify-api";
import { expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";

describeDb(`Shopify session storage on ${dbProvider}`, () => {
  it("stores, loads, finds by shop and deletes sessions", async () => {
    const { sessionStorage } = await import("~/shopify.server");
    const shop = "sessions-shop.myshopify.com";
    const session = new Session({ id: `offline_${shop}`, shop, state: "s", isOnline: false, scope: "read_orders", accessToken: "tok" });
    expect(await sessionStorage.storeSession(session)).toBe(true);
    const loaded = await sessionStorage.loadSession(session.id);
    expect(loaded?.shop).toBe(shop);
    expect(loaded?.accessToken).toBe("tok");
    expect(loaded?.scope).toBe("read_orders");
    expect((await sessionStorage.findSessionsByShop(shop)).map((s) => s.id)).toEqual([session.id]);
    expect(await sessionStorage.deleteSession(session.id)).toBe(true);
    expect(await sessionStorage.loadSession(session.id)).toBeUndefined();
  });
});
