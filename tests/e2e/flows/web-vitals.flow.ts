// Web vitals of every admin page, in the Purtly demo shop: each page is a document load
// (page.goto with the session token the demo's front door hands out), so its LCP counts from
// that document's navigation start, with nothing carried over from a client-side navigation.
// The browser context is fresh, so home is loaded with a cold cache and the later pages with the
// scripts and styles home cached, as a merchant moving through the app would have them. The
// pages: every link of the admin navigation, and the case page, the policy editor and the
// simulation page that only page actions lead to. Home shows a customer data request (delivered
// as Shopify would, a signed customers/data_request webhook) so that its privacy card is measured
// and checked too. Each page is also screenshotted, hence checked by axe-core (driver.ts).
// Runs last (file order): the demo server has answered the other flows and is warm.
import { createHmac, randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { API_VERSION } from "~/api-version";
import { demoDb, demoShop } from "../demo-data";
import { check, defineFlow, expectText, step, type Flow, type Step } from "../driver";

const shop = demoShop("purtly");

/** The embedded-admin query (embedded, shop, host, id_token) from the demo's link to the shop. */
function entryQuery(state: Map<string, unknown>): string {
  const query = state.get("entryQuery");
  check(typeof query === "string", "no session token from /demo (the first step failed)");
  return query;
}

/** A document load of an admin page, as Shopify admin opens it in its frame. */
async function load(page: Page, pathname: string, state: Map<string, unknown>) {
  await page.goto(`${pathname}?${entryQuery(state)}`);
  await page.waitForURL((url) => url.pathname === pathname);
}

/** A customers/data_request webhook for one of the shop's demo customers, signed with the app's secret. */
async function deliverDataRequest(baseUrl: string): Promise<string> {
  const secret = process.env.SHOPIFY_API_SECRET;
  check(secret, "SHOPIFY_API_SECRET is not set (npm run e2e sets the demo's)");
  const customer = await demoDb().returnCase.findFirst({ where: { shop: shop.shop, customerId: { not: null }, customerEmail: { not: null } }, orderBy: { createdAt: "asc" } });
  check(customer?.customerId && customer.customerEmail, `the demo seeded no case with a customer in ${shop.shop}`);
  const numeric = (gid: string) => Number(gid.split("/").pop());
  const body = JSON.stringify({
    shop_domain: shop.shop,
    customer: { id: numeric(customer.customerId), email: customer.customerEmail },
    orders_requested: [numeric(customer.orderId)],
    data_request: { id: Math.floor(Math.random() * 1e6) },
  });
  const response = await fetch(new URL("/webhooks/compliance", baseUrl), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "customers/data_request",
      "X-Shopify-Shop-Domain": shop.shop,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    },
  });
  check(response.ok, `the compliance webhook was answered ${response.status}`);
  return customer.customerEmail;
}

type AdminPage = { name: string; path: (state: Map<string, unknown>) => string | Promise<string>; shows: string | RegExp };

const PAGES: AdminPage[] = [
  { name: "returns queue", path: () => "/app/returns", shows: /Sorted by/ },
  {
    name: "case page",
    // A requested case: the page with the most to act on (its actions card is fullest).
    path: async () => {
      const c =
        (await demoDb().returnCase.findFirst({ where: { shop: shop.shop, status: "REQUESTED" }, orderBy: { createdAt: "asc" } })) ??
        (await demoDb().returnCase.findFirst({ where: { shop: shop.shop }, orderBy: { createdAt: "asc" } }));
      check(c, `no return case in ${shop.shop}`);
      return `/app/returns/${c.id}`;
    },
    shows: "Timeline",
  },
  { name: "policy overview", path: () => "/app/policy", shows: "Return policy" },
  { name: "policy editor", path: () => "/app/policy/edit", shows: "Edit return policy" },
  { name: "simulation", path: () => "/app/policy/simulate", shows: "Simulate a policy change" },
];

const pageStep = (p: AdminPage): Step =>
  step(p.name, async ({ page, state, vitals, screenshot }) => {
    const pathname = await p.path(state);
    await load(page, pathname, state);
    await expectText(page, p.shows);
    await vitals(p.name);
    await screenshot();
    (state.get("measured") as Set<string>).add(pathname);
  });

export const flows: Flow[] = [
  defineFlow(
    "web-vitals",
    [
      step("session token and a data request", async ({ page, baseUrl, state, note }) => {
        await page.goto("/demo");
        const href = await page.getByRole("link", { name: shop.name }).getAttribute("href");
        const query = href ? new URL(href, baseUrl).search.slice(1) : "";
        check(new URLSearchParams(query).get("id_token"), `the demo's link to ${shop.name} carries no id_token (${href})`);
        state.set("entryQuery", query);
        state.set("measured", new Set<string>());
        const email = await deliverDataRequest(baseUrl);
        // The webhook's work runs after it is acknowledged.
        for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(200)) {
          if (await demoDb().dataRequestExport.count({ where: { shop: shop.shop } })) break;
        }
        check(await demoDb().dataRequestExport.count({ where: { shop: shop.shop } }), "the data request webhook produced no export");
        note(`data request for ${email}`);
      }),
      step("home", async ({ page, state, vitals, screenshot }) => {
        await load(page, "/app", state);
        await expectText(page, "Customer data requests");
        await vitals("home");
        await screenshot();
        (state.get("measured") as Set<string>).add("/app");
        // The admin navigation's links (the light-DOM anchors App Bridge reads).
        state.set("nav", await page.$$eval("ui-nav-menu > a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
      }),
      ...PAGES.map(pageStep),
      step("every navigation link measured", async ({ state, note }) => {
        const nav = state.get("nav") as string[];
        const measured = state.get("measured") as Set<string>;
        check(nav.length > 0, "the admin navigation has no links");
        const missing = nav.filter((p) => !measured.has(p.replace(/\/$/, "") || "/"));
        check(!missing.length, `admin navigation links without a web-vitals reading: ${missing.join(", ")} (add them to PAGES)`);
        note(`navigation: ${nav.join(", ")}`);
      }),
    ],
    "Purtly: LCP and CLS of a document load of every admin page (and axe-core on each)",
  ),
];
