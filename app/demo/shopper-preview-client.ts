// The offline shopper preview in the browser (bundled by shopper-bundle.server.ts): Clause's
// customer-account extensions as customer accounts would run them, on one demo order. The order
// page shows the order action menu item ("Request a return") and the order-status block; the
// menu item navigates to the full-page return flow. Each target is the extension's own module
// (its `mount`, what its default export runs on `document.body`), rendered with the `s-*`
// stand-ins, a `shopify` global whose session token is a demo customer's (minted by the
// server), and the demo's real portal API.
import { render } from "preact";
import de from "../../extensions/clause-returns/locales/de.json";
import en from "../../extensions/clause-returns/locales/en.default.json";
import es from "../../extensions/clause-returns/locales/es.json";
import fr from "../../extensions/clause-returns/locales/fr.json";
import { mount as mountMenuItem } from "../../extensions/clause-returns/src/menu-item";
import { mount as mountStatusBlock } from "../../extensions/clause-returns/src/status-block";
import { mount as mountReturnPage } from "../../extensions/clause-returns-page/src/return-page";
import { defineShopperElements } from "./shopper-elements";
import { createShopperHost, type Messages } from "./shopper-host";

export type ShopperPreviewConfig = { shop: string; orderId: string; orderName: string; locale: string; tokenUrl: string };

const LOCALES: Record<string, Messages> = { en, fr, de, es };
type View = "order" | "page";

function readConfig(): ShopperPreviewConfig {
  const node = document.getElementById("shopper-preview-config");
  return JSON.parse(node?.textContent ?? "{}") as ShopperPreviewConfig;
}

/** Session tokens from the demo server, reused until half a minute before they expire (as Shopify caches them). */
function tokenSource(url: string): () => Promise<string> {
  let current: { token: string; expiresAt: number } | null = null;
  return async () => {
    if (current && current.expiresAt - Date.now() > 30_000) return current.token;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`The demo could not sign in the customer (HTTP ${response.status})`);
    current = (await response.json()) as { token: string; expiresAt: number };
    return current.token;
  };
}

function start() {
  const config = readConfig();
  const language = config.locale.split("-")[0] ?? "en";
  defineShopperElements();
  const roots = {
    menuItem: document.getElementById("target-menu-item") as HTMLElement,
    statusBlock: document.getElementById("target-status-block") as HTMLElement,
    page: document.getElementById("target-return-page") as HTMLElement,
  };
  const views = { order: document.getElementById("order-view") as HTMLElement, page: document.getElementById("page-view") as HTMLElement };

  const show = (view: View, push: boolean) => {
    for (const root of Object.values(roots)) render(null, root);
    views.order.hidden = view !== "order";
    views.page.hidden = view !== "page";
    // Each page of customer accounts loads its extensions afresh.
    if (view === "order") {
      mountMenuItem(roots.menuItem);
      mountStatusBlock(roots.statusBlock);
    } else {
      mountReturnPage(roots.page);
    }
    if (push) {
      const url = new URL(window.location.href);
      if (view === "page") url.searchParams.set("view", "page");
      else url.searchParams.delete("view");
      window.history.pushState({ view }, "", url);
    }
    window.scrollTo(0, 0);
  };

  const navigate = (href: string) => {
    if (href.startsWith("extension:clause-returns-page/")) show("page", true);
    else if (href.startsWith("shopify:customer-account/orders")) show("order", true);
    else console.warn(`shopper preview: no page for ${href}`);
  };

  (globalThis as unknown as { shopify: unknown }).shopify = createShopperHost({
    locale: config.locale,
    messages: LOCALES[language] ?? en,
    orderGid: `gid://shopify/Order/${config.orderId}`,
    orderName: config.orderName,
    sessionToken: tokenSource(config.tokenUrl),
    navigate,
    onMissingTranslation: (key) => console.warn(`shopper preview: no translation for ${key}`),
  });
  document.addEventListener("shopper-navigate", (event) => navigate((event as CustomEvent<string>).detail));
  window.addEventListener("popstate", () => show(new URL(window.location.href).searchParams.get("view") === "page" ? "page" : "order", false));
  show(new URL(window.location.href).searchParams.get("view") === "page" ? "page" : "order", false);
}

start();
