// The shopper's side, in the offline shopper preview (/demo/shopper): Clause's customer-account
// extensions (the order action menu item, the order-status block, the full-page return flow)
// mounted with stand-in components and a demo customer's session token, talking to the demo's
// real portal API.
//   shopper-purtly-return     an opened purifier: choose the line, "I changed my mind", opened,
//                             the review shows 85 % and the original shipping deducted, submit,
//                             the RMA — and the case in the demo's database, then on the order page.
//   shopper-soulmate-hygiene  a hygiene item is shown disabled with its reason and clause; on the
//                             order of the demo's hygiene case, its refused line says why on the
//                             order page while another item can still be returned.
import type { Page } from "playwright-core";
import { demoDb, demoShop } from "../demo-data";
import { check, defineFlow, expectText, settled, step, type Flow } from "../driver";

const purtly = demoShop("purtly");
const soulmate = demoShop("soulmate-spark-studio");

type IndexRow = { shop: string; preset: string; order: string; cases: number; activeReturns: number; shipping: number; lines: Array<{ title: string; returnable: boolean; clause: string }> };

/** The index's orders, as its rows describe them (data attributes). */
async function indexRows(page: Page): Promise<IndexRow[]> {
  return page.$$eval("tr[data-order]", (rows) =>
    rows.map((row) => {
      const tr = row as HTMLElement;
      return {
        shop: tr.dataset.shop ?? "",
        preset: tr.dataset.preset ?? "",
        order: tr.dataset.order ?? "",
        cases: Number(tr.dataset.cases),
        activeReturns: Number(tr.dataset.activeReturns),
        shipping: Number(tr.dataset.shipping),
        lines: [...tr.querySelectorAll<HTMLElement>("[data-line]")].map((l) => ({ title: l.dataset.line ?? "", returnable: l.dataset.returnable === "true", clause: l.dataset.clause ?? "" })),
      };
    }),
  );
}

/** The demo's database is written by the running app too: a read that meets its lock is retried. */
async function retryLocked<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 20 || !/timed out|locked|busy/i.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The index of one demo shop's orders (reading them takes a few seconds on a fresh demo). */
async function openIndex(page: Page, shop: string) {
  await page.goto(`/demo/shopper?shop=${shop}`, { timeout: 90_000 });
  await expectText(page, "Clause shopper preview", 60_000);
  await settled(page);
}

/** From the index, the preview of one order: its order page with the menu item. */
async function openOrder(page: Page, shop: string, order: string) {
  await page.locator(`tr[data-shop="${shop}"][data-order="${order}"] a`).click();
  await page.waitForURL((url) => url.pathname === "/demo/shopper" && url.searchParams.get("order") === order);
}

const requestReturn = (page: Page) => page.getByRole("button", { name: "Request a return" });
const continueButton = (page: Page) => page.getByRole("button", { name: "Continue", exact: true });

export const flows: Flow[] = [
  defineFlow(
    "shopper-purtly-return",
    [
      step("index", async ({ page, screenshot, state, note }) => {
        await openIndex(page, purtly.shop);
        // An order never returned from (so the original shipping is still to be deducted), that
        // charged shipping, with an air purifier that can still go back.
        const row = (await indexRows(page)).find((r) => r.shop === purtly.shop && r.cases === 0 && r.activeReturns === 0 && r.shipping > 0 && r.lines.some((l) => l.returnable && /Air Purifier/.test(l.title)));
        check(row, "the index lists no Purtly order with a returnable purifier, charged shipping and no earlier return");
        const line = row.lines.find((l) => l.returnable && /Air Purifier/.test(l.title))!;
        state.set("order", row.order);
        state.set("line", line.title);
        note(`order ${row.order}: ${line.title}, shipping $${row.shipping.toFixed(2)}`);
        await screenshot();
      }),
      step("order page", async ({ page, screenshot, state }) => {
        await openOrder(page, purtly.shop, state.get("order") as string);
        await requestReturn(page).waitFor();
        await settled(page);
        check((await page.locator("#target-status-block").innerText()).trim() === "", "the order-status block shows returns on an order without any");
        await screenshot();
      }),
      step("choose the purifier", async ({ page, screenshot, state }) => {
        const line = state.get("line") as string;
        await requestReturn(page).click();
        await expectText(page, "What would you like to send back?");
        const box = page.getByRole("checkbox", { name: `Return ${line}` });
        check(await continueButton(page).isDisabled(), "Continue is enabled before any item is chosen");
        await box.check();
        check(await continueButton(page).isEnabled(), "Continue stays disabled once the purifier is chosen");
        await screenshot();
        await continueButton(page).click();
      }),
      step("claim and reason", async ({ page, screenshot }) => {
        await expectText(page, "What happened?");
        await page.getByRole("radio", { name: "I changed my mind" }).check();
        await page.getByRole("combobox", { name: /^Reason/ }).selectOption({ index: 1 });
        await screenshot();
        await continueButton(page).click();
      }),
      step("condition: opened", async ({ page, screenshot, state }) => {
        await page.getByLabel(`Condition of ${state.get("line") as string}`).selectOption("OPENED");
        await screenshot();
        await continueButton(page).click();
      }),
      step("review", async ({ page, screenshot, state }) => {
        // Purtly's preset refunds opened items at 85 %; the policy-studio flow may have saved 80 %
        // in this same demo run, so the figure comes from the policy in force.
        const inForce = await retryLocked(() => demoDb().policyVersion.findFirst({ where: { shop: purtly.shop }, orderBy: { version: "desc" } }));
        const percent = (JSON.parse(inForce!.policyJson) as { conditions: { OPENED: { refundPercent: number } } }).conditions.OPENED.refundPercent;
        state.set("openedPercent", percent);
        await expectText(page, "Review your request");
        await expectText(page, new RegExp(`${percent}\\s?% of the price refunded`));
        await expectText(page, /Restocking fee: \$\d/);
        await expectText(page, /Original shipping: −\$\d/);
        await expectText(page, "Policy: Original shipping");
        await expectText(page, /Estimated refund: \$\d/);
        await expectText(page, "You pay for return shipping.");
        await settled(page);
        await screenshot();
      }),
      step("submit", async ({ page, screenshot, state, note }) => {
        await page.getByRole("button", { name: "Submit request" }).click();
        await expectText(page, /Your return number is RMA-/);
        // The banner's heading is in its shadow root, which getByText reaches and body.innerText does not.
        const rma = /Your return number is (\S+)/.exec(await page.getByText(/Your return number is/).first().innerText())?.[1];
        check(rma, "no RMA on the confirmation");
        const order = `gid://shopify/Order/${state.get("order") as string}`;
        const row = await retryLocked(() =>
          demoDb().returnCase.findFirst({ where: { shop: purtly.shop, orderId: order, rmaNumber: rma }, include: { lines: { select: { title: true, declaredCondition: true, clause: true, refundBasisPoints: true } } } }),
        );
        check(row, `the demo's database has no case ${rma} on ${order}`);
        check(row.claimType === "RETURN" && row.status === "REQUESTED", `case ${rma} is ${row.claimType} ${row.status}`);
        const line = row.lines.find((l) => l.title === state.get("line"));
        check(line?.declaredCondition === "OPENED" && line.clause === "condition.opened" && line.refundBasisPoints === (state.get("openedPercent") as number) * 100, `case ${rma} line: ${JSON.stringify(line)}`);
        const decision = JSON.parse(row.decisionJson) as { deductions: Array<{ kind: string; amount: string }> };
        check(
          decision.deductions.some((d) => d.kind === "ORIGINAL_SHIPPING" && Number(d.amount) > 0),
          `case ${rma} has no original-shipping deduction: ${JSON.stringify(decision.deductions)}`,
        );
        await expectText(page, `Quote ${rma} on the parcel`);
        state.set("rma", rma);
        note(`case ${row.id} ${rma}, estimated refund ${row.refundEstimate} ${row.currency}`);
        await screenshot();
      }),
      step("back on the order page", async ({ page, screenshot, state }) => {
        await page.getByRole("button", { name: "Back to your order" }).click();
        const block = page.locator("#target-status-block");
        await block.getByText(`Return ${state.get("rma") as string}`).waitFor();
        await block.getByText("Requested", { exact: true }).first().waitFor();
        await settled(page);
        await screenshot();
      }),
    ],
    "Purtly: an opened purifier through the shopper's return flow (85 %, less the original shipping) to its RMA",
  ),
  defineFlow(
    "shopper-soulmate-hygiene",
    [
      step("index", async ({ page, screenshot, state, note }) => {
        await openIndex(page, soulmate.shop);
        const rows = (await indexRows(page)).filter((r) => r.shop === soulmate.shop);
        const hygiene = rows.find((r) => r.lines.some((l) => !l.returnable && l.clause === "exclusion.hygiene"));
        check(hygiene, "the index lists no Soulmate order with a hygiene item excluded from returns");
        state.set("hygieneOrder", hygiene.order);
        state.set("hygieneLine", hygiene.lines.find((l) => l.clause === "exclusion.hygiene")!.title);
        // The order of the demo's hygiene case (tests/standin/demo-cases.ts).
        const seeded = await retryLocked(() =>
          demoDb().returnCase.findFirst({ where: { shop: soulmate.shop, lines: { some: { clause: "exclusion.hygiene" } } }, include: { lines: { select: { title: true, clause: true } } }, orderBy: { createdAt: "asc" } }),
        );
        check(seeded, "the demo seeded no Soulmate case with a hygiene line");
        state.set("caseOrder", seeded.orderId.replace("gid://shopify/Order/", ""));
        state.set("caseRma", seeded.rmaNumber);
        state.set("caseHygieneLine", seeded.lines.find((l) => l.clause === "exclusion.hygiene")!.title);
        note(`hygiene item on order ${hygiene.order}; the hygiene case ${seeded.rmaNumber} on order ${seeded.orderName}`);
        await screenshot();
      }),
      step("hygiene item disabled with its reason", async ({ page, screenshot, state }) => {
        const line = state.get("hygieneLine") as string;
        await openOrder(page, soulmate.shop, state.get("hygieneOrder") as string);
        await requestReturn(page).click();
        await expectText(page, "What would you like to send back?");
        const box = page.getByRole("checkbox", { name: `Return ${line}` });
        check(await box.isDisabled(), `${line} can be checked for a return`);
        const card = page.locator("s-box").filter({ has: box });
        await card.getByText("Can't be returned", { exact: true }).waitFor();
        await card.getByText(/personal hygiene products can't be returned/i).waitFor();
        await card.getByText("Policy: Personal hygiene products").waitFor();
        await settled(page);
        await screenshot();
      }),
      step("the hygiene case on its order page", async ({ page, screenshot, state }) => {
        await openIndex(page, soulmate.shop);
        await openOrder(page, soulmate.shop, state.get("caseOrder") as string);
        const block = page.locator("#target-status-block");
        await block.getByText(`Return ${state.get("caseRma") as string}`).waitFor();
        await block.getByText(/Not accepted: .*personal hygiene products can't be returned/i).waitFor();
        await settled(page);
        await screenshot();
      }),
      step("another item can still be returned", async ({ page, screenshot, state, note }) => {
        await requestReturn(page).click();
        await expectText(page, "What would you like to send back?");
        const boxes = page.getByRole("checkbox", { name: /^Return / });
        const states = await boxes.evaluateAll((inputs) => inputs.map((i) => ({ label: i.closest("label")?.textContent?.trim() ?? "", disabled: (i as HTMLInputElement).disabled })));
        const open = states.filter((s) => !s.disabled);
        check(open.length > 0, `no item of the order can be returned: ${JSON.stringify(states)}`);
        const refused = states.find((s) => s.label === `Return ${state.get("caseHygieneLine") as string}`);
        check(refused?.disabled, `the hygiene item already in a return can be chosen again: ${JSON.stringify(states)}`);
        await page.getByRole("checkbox", { name: open[0]!.label }).check();
        check(await continueButton(page).isEnabled(), "Continue stays disabled with a returnable item chosen");
        note(`returnable: ${open.map((s) => s.label.replace(/^Return /, "")).join(", ")}`);
        await screenshot();
      }),
    ],
    "Soulmate: a hygiene item shown disabled with its reason and clause; the hygiene case's order still lets another item go back",
  ),
];
