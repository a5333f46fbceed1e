// The offline shopper preview's two plain HTML pages: the index of demo orders to try, and the
// preview of one order (the extensions' targets, mounted by /demo/shopper-preview.js).
import type { IndexOrder } from "./shopper-orders.server";
import { SHOPPER_PREVIEW_CSS } from "./shopper-styles";
import type { ShopperPreviewConfig } from "./shopper-preview-client";

const escape = (text: unknown) => String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const PAGE_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2124; background: #f6f6f7; line-height: 1.45; }
header { background: #1f2124; color: #fff; padding: .8rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 1rem; margin: 0; } header a { color: #cfe3ff; } header .muted { color: #b5b5b5; }
main { max-width: 860px; margin: 1.5rem auto; padding: 0 1rem; display: flex; flex-direction: column; gap: 1.25rem; }
.card { background: #fff; border-radius: 12px; padding: 1.25rem 1.5rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
/* #616161 on white: 6.2:1, readable at this small size (WCAG AA asks 4.5:1). */
.target-label { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: #616161; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; } th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
.excluded { color: #8e1f0b; } .ok { color: #0c5132; }
`;

function documentHtml(title: string, body: string, extraHead = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><link rel="icon" href="data:,"><style>${PAGE_CSS}${SHOPPER_PREVIEW_CSS}</style>${extraHead}</head><body>${body}</body></html>`;
}

export function shopperIndexHtml(orders: IndexOrder[]): string {
  const byShop = new Map<string, IndexOrder[]>();
  for (const o of orders) byShop.set(o.shopName, [...(byShop.get(o.shopName) ?? []), o]);
  const sections = [...byShop.entries()].map(
    ([shopName, list]) => `<section class="card"><h2>${escape(shopName)}</h2><table><thead><tr><th>Order</th><th>Customer</th><th>Delivered</th><th>Items</th><th>Return cases</th></tr></thead><tbody>${list
      .map(
        (o) =>
          `<tr data-shop="${escape(o.shop)}" data-preset="${escape(o.preset)}" data-order="${escape(o.orderId)}" data-cases="${o.cases}" data-active-returns="${o.activeReturns}" data-shipping="${escape(o.shipping)}"><td><a href="${escape(o.href)}">${escape(o.orderName)}</a></td><td>${escape(o.customer)}</td><td>${escape(o.deliveredAt?.slice(0, 10))}</td><td>${o.lines
            .map((l) => `<div class="${l.returnable ? "ok" : "excluded"}" data-line="${escape(l.title)}" data-returnable="${l.returnable}" data-clause="${escape(l.clause)}">${escape(l.title)}${l.returnable ? "" : ` — ${escape(l.clause)}`}</div>`)
            .join("")}</td><td>${o.cases}</td></tr>`,
      )
      .join("")}</tbody></table></section>`,
  );
  return documentHtml(
    "Clause shopper preview",
    `<header><h1>Clause shopper preview</h1><span class="muted">Each demo shop's delivered orders with return cases or something returnable. Open one to see it as its customer does in Shopify customer accounts.</span><a href="/demo/shopper">All shops</a><a href="/demo">Merchant demo</a></header><main>${sections.join("") || '<p class="card">No demo orders found: is the demo seeded?</p>'}</main>`,
  );
}

export function shopperPreviewHtml(input: { shopName: string; customer: string; config: ShopperPreviewConfig }): string {
  const { config } = input;
  const locales = ["en", "fr", "de", "es"]
    .map((l) => (l === config.locale ? `<strong>${l}</strong>` : `<a href="/demo/shopper?${new URLSearchParams({ shop: config.shop, order: config.orderId, locale: l })}">${l}</a>`))
    .join(" · ");
  // JSON in a script element: `<` escaped so no value can close it.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return documentHtml(
    `${config.orderName} · ${input.shopName} · shopper preview`,
    `<header><h1>${escape(input.shopName)}</h1><span>Order ${escape(config.orderName)}</span><span class="muted">signed in as ${escape(input.customer)}</span><span>${locales}</span><a href="/demo/shopper">All demo orders</a></header>
<main>
<div id="order-view">
  <section class="card"><p class="target-label">customer-account.order.action.menu-item.render</p><div id="target-menu-item"></div></section>
  <section class="card"><p class="target-label">customer-account.order-status.block.render</p><div id="target-status-block"></div></section>
</div>
<div id="page-view" hidden>
  <section class="card"><p class="target-label">customer-account.order.page.render</p><div id="target-return-page"></div></section>
</div>
</main>
<script id="shopper-preview-config" type="application/json">${json}</script>
<script type="module" src="/demo/shopper-preview.js"></script>`,
  );
}
