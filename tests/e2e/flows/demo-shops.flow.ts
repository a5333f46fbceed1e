// Entering the embedded admin of a demo shop from /demo, as a merchant would from Shopify admin,
// then the home page and the returns queue with the cases the demo seeded.
import { DEMO_SHOPS } from "~/demo/demo-shops";
import { demoCases } from "../demo-data";
import { check, defineFlow, embeddedUrl, expectText, missingTexts, settled, step, type Flow } from "../driver";

function demoShopFlow(name: string, preset: (typeof DEMO_SHOPS)[number]["preset"], zone: string): Flow {
  const demo = DEMO_SHOPS.find((s) => s.preset === preset)!;
  return defineFlow(
    name,
    [
      step("demo index", async ({ page, screenshot }) => {
        await page.goto("/demo");
        await expectText(page, "Clause offline demo");
        for (const s of DEMO_SHOPS) await expectText(page, s.name);
        await settled(page);
        await screenshot();
      }),
      step("app home", async ({ page, screenshot }) => {
        await page.getByRole("link", { name: demo.name }).click();
        await page.waitForURL((url) => url.pathname === "/app");
        // The home page's connection card: the shop Clause is talking to, through the stand-in.
        await expectText(page, demo.name);
        await expectText(page, demo.shop);
        await expectText(page, `USD · ${zone}`);
        await settled(page);
        await screenshot();
      }),
      step("returns queue", async ({ page, screenshot, note }) => {
        const cases = await demoCases(demo.shop);
        check(cases.length > 0, `the demo seeded no return cases for ${demo.shop}`);
        // Through the admin navigation when it links the queue, else straight to the URL.
        const navLink = page.locator("ui-nav-menu a").filter({ hasText: /returns/i, visible: true }).first();
        if (await navLink.count()) {
          await navLink.click();
          note("opened from the admin navigation");
        } else {
          await page.goto(embeddedUrl(page, "/app/returns"));
          note("no Returns link in the admin navigation: opened /app/returns directly");
        }
        await page.waitForURL((url) => url.pathname.replace(/\/$/, "") === "/app/returns");
        await settled(page);
        const names = cases.map((c) => c.orderName);
        let missing = names;
        for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(250)) {
          missing = await missingTexts(page, names);
          if (!missing.length) break;
        }
        check(!missing.length, `the queue does not show ${missing.length} of the ${names.length} seeded cases: ${missing.join(", ")}`);
        note(`${names.length} seeded cases shown: ${names.join(", ")}`);
        await screenshot();
      }),
    ],
    `${demo.name}: /demo → app home → returns queue`,
  );
}

export const flows: Flow[] = [demoShopFlow("purtly", "purtly", "America/New_York"), demoShopFlow("soulmate", "soulmate-spark-studio", "America/New_York")];
