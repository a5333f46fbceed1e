// An agent's whole day with one return, in the demo's Purtly shop: the queue → a requested,
// fully eligible case → approve → mark received → inspect (graded "opened") → refund with the
// breakdown confirmed. Each step is checked against the page and against the demo's database.
import { demoDb, demoShop } from "../demo-data";
import { check, defineFlow, expectText, settled, step, type Flow } from "../driver";

const shop = demoShop("purtly");

/** The case as the demo's database holds it. The running app writes the same SQLite file (webhooks every second), so a read that meets its lock is retried. */
async function caseRow(id: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await demoDb().returnCase.findUniqueOrThrow({ where: { id }, select: { status: true, rmaNumber: true, refundAmount: true, currency: true, finalDecisionJson: true, orderName: true } });
    } catch (error) {
      if (attempt >= 20 || !/timed out|locked|busy/i.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function waitForStatus(id: string, status: string) {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if ((await caseRow(id)).status === status) return;
  }
  check(false, `case ${id} did not become ${status} (it is ${(await caseRow(id)).status})`);
}

export const flows: Flow[] = [
  defineFlow(
    "desk-lifecycle",
    [
      step("queue", async ({ page, screenshot, state, note }) => {
        // The opened purifier the demo leaves requested (tests/standin/demo-cases.ts).
        const target = await demoDb().returnCase.findFirst({
          where: { shop: shop.shop, status: "REQUESTED", fullyEligible: true, claimType: "RETURN", lines: { some: { declaredCondition: "OPENED", clause: "condition.opened" } } },
          orderBy: { createdAt: "asc" },
        });
        check(target, "the demo seeded no requested opened-box return in the Purtly shop");
        state.set("caseId", target.id);
        await page.goto("/demo");
        await page.getByRole("link", { name: shop.name }).click();
        await page.waitForURL((url) => url.pathname === "/app");
        await page.locator("ui-nav-menu a").filter({ hasText: /returns/i, visible: true }).first().click();
        await page.waitForURL((url) => url.pathname.replace(/\/$/, "") === "/app/returns");
        await expectText(page, target.orderName);
        await settled(page);
        note(`case ${target.orderName} (${target.id})`);
        await screenshot();
      }),
      step("case page", async ({ page, screenshot, state }) => {
        const id = state.get("caseId") as string;
        const { orderName } = await caseRow(id);
        await page.getByText(orderName, { exact: true }).first().click();
        await page.waitForURL((url) => url.pathname === `/app/returns/${id}`);
        await expectText(page, "condition.opened");
        await settled(page);
        await screenshot();
      }),
      step("approve", async ({ page, screenshot, state, note }) => {
        const id = state.get("caseId") as string;
        await page.locator('[data-testid="approve"]').click();
        await waitForStatus(id, "APPROVED");
        const { rmaNumber } = await caseRow(id);
        check(rmaNumber, "approval assigned no RMA number");
        await expectText(page, rmaNumber);
        await settled(page);
        note(`approved as ${rmaNumber}`);
        await screenshot();
      }),
      step("receive", async ({ page, screenshot, state }) => {
        const id = state.get("caseId") as string;
        await page.locator('[data-testid="receive"]').click();
        await waitForStatus(id, "RECEIVED");
        await page.locator('[data-testid="inspect"]').waitFor();
        await settled(page);
        await screenshot();
      }),
      step("inspect", async ({ page, screenshot, state, note }) => {
        const id = state.get("caseId") as string;
        await page.getByLabel("Condition on arrival").first().selectOption("OPENED");
        // Polaris draws its own radio over the input: check it through the input itself.
        await page.getByLabel("Restock", { exact: true }).first().check({ force: true });
        await page.locator('[data-testid="inspect"]').click();
        await waitForStatus(id, "INSPECTED");
        const decision = JSON.parse((await caseRow(id)).finalDecisionJson ?? "null") as { refundTotal: string; lines: Array<{ refundPercent: number }> } | null;
        check(decision && decision.lines[0]?.refundPercent === 85, "the inspection did not refund the opened purifier at 85 %");
        state.set("refundTotal", decision.refundTotal);
        note(`final refund ${decision.refundTotal}`);
        await page.locator('[data-testid="refund"]').waitFor();
        await settled(page);
        await screenshot();
      }),
      step("refund", async ({ page, screenshot, state, note }) => {
        const id = state.get("caseId") as string;
        await page.locator('[data-testid="refund"]').click();
        await page.locator('[data-testid="confirm-refund"]').click();
        await waitForStatus(id, "REFUNDED");
        const row = await caseRow(id);
        check(row.refundAmount === state.get("refundTotal"), `refunded ${row.refundAmount}, the inspection decided ${String(state.get("refundTotal"))}`);
        await expectText(page, /Refunded/);
        await settled(page);
        note(`refunded ${row.refundAmount} ${row.currency}`);
        await screenshot();
      }),
    ],
    "Purtly: queue → case → approve → receive → inspect → refund",
  ),
];
