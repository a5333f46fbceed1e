// A merchant changes a rule knowing what it costs: in the Purtly demo shop (Purtly's preset in
// force), simulate opened-box refunds at 80 % instead of 85 % on past orders, see the delta,
// save the change as a new version in the editor, and publish the policy text to the store.
import { demoDb, demoShop } from "../demo-data";
import type { Page } from "playwright-core";
import { check, defineFlow, expectText, settled, step, type Flow } from "../driver";

const shop = demoShop("purtly");

/** Back to the policy overview through the admin navigation (a document load would need a fresh id_token). */
async function openPolicy(page: Page) {
  await page.locator("ui-nav-menu a").filter({ hasText: /policy/i, visible: true }).first().click();
  await page.waitForURL((url) => url.pathname.replace(/\/$/, "") === "/app/policy");
}

/** A page action (Polaris renders it as a link or a button). */
async function pageAction(page: Page, name: string) {
  await page.getByRole("link", { name, exact: true }).or(page.getByRole("button", { name, exact: true })).first().click();
}

async function latestVersion() {
  return demoDb().policyVersion.findFirst({ where: { shop: shop.shop }, orderBy: { version: "desc" } });
}

export const flows: Flow[] = [
  defineFlow(
    "policy-studio",
    [
      step("policy overview", async ({ page, screenshot, state }) => {
        state.set("startVersion", (await latestVersion())?.version ?? 0);
        await page.goto("/demo");
        await page.getByRole("link", { name: shop.name }).click();
        await page.waitForURL((url) => url.pathname === "/app");
        await openPolicy(page);
        await expectText(page, /Opened items/i);
        await settled(page);
        await screenshot();
      }),
      step("simulate 85 % → 80 %", async ({ page, screenshot, note }) => {
        await pageAction(page, "Simulate a change");
        await page.waitForURL((url) => url.pathname === "/app/policy/simulate");
        const opened = page.getByLabel("Refund for opened items");
        check((await opened.inputValue()) === "85", `the draft starts from Purtly's 85 % (got ${await opened.inputValue()})`);
        await opened.fill("80");
        await page.getByRole("button", { name: "Run simulation" }).click();
        await expectText(page, /Finished/, 60_000);
        const run = await demoDb().simulationRun.findFirst({ where: { shop: shop.shop }, orderBy: { createdAt: "desc" } });
        check(run?.status === "DONE", `the simulation did not finish (${run?.status ?? "no run"})`);
        const result = JSON.parse(run.resultJson ?? "{}") as { totals?: Array<{ condition: string; lineRefunds: { delta: string } }> };
        const openedDelta = result.totals?.find((t) => t.condition === "OPENED")?.lineRefunds.delta;
        check(openedDelta && openedDelta.startsWith("-"), `opened-item refunds should fall under the draft (delta ${String(openedDelta)})`);
        note(`opened-item refunds change by ${openedDelta}`);
        await settled(page);
        await screenshot();
      }),
      step("save the change", async ({ page, screenshot, state, note }) => {
        await openPolicy(page);
        await pageAction(page, "Edit policy");
        await page.waitForURL((url) => url.pathname === "/app/policy/edit");
        const openedRow = page.locator(".Polaris-InlineGrid").filter({ has: page.getByText(/^Opened/) });
        const refund = openedRow.getByLabel(/^Refund/).first();
        check((await refund.inputValue()) === "85", `the editor shows Purtly's opened refund 85 % (got ${await refund.inputValue()})`);
        await refund.fill("80");
        await page.getByRole("button", { name: "Save", exact: true }).first().click();
        const start = state.get("startVersion") as number;
        for (const deadline = Date.now() + 15_000; Date.now() < deadline && ((await latestVersion())?.version ?? 0) <= start; ) await page.waitForTimeout(200);
        const saved = await latestVersion();
        check(saved && saved.version === start + 1, "saving did not create a new policy version");
        const policy = JSON.parse(saved.policyJson) as { conditions: { OPENED: { refundPercent: number } } };
        check(policy.conditions.OPENED.refundPercent === 80, `version ${saved.version} refunds opened items at ${policy.conditions.OPENED.refundPercent} %`);
        note(`policy version ${saved.version} saved`);
        await settled(page);
        await screenshot();
      }),
      step("publish", async ({ page, screenshot }) => {
        await openPolicy(page);
        await expectText(page, /differs|not published|Publish to store/i);
        await page.getByRole("button", { name: "Publish to store" }).first().click();
        await expectText(page, /published/i);
        await settled(page);
        await screenshot();
      }),
    ],
    "Purtly: policy → simulate 85 % → 80 % → save version → publish",
  ),
];
