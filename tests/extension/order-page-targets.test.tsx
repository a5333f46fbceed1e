/** @jsxImportSource preact */
// The order page's two targets (extension clause-returns): the "Request a return" menu item and
// the order-status block with the requests already made.
import { describe, expect, it } from "vitest";
import { RequestReturnButton } from "../../extensions/clause-returns/src/request-return-button";
import { ReturnStatusBlock } from "../../extensions/clause-returns/src/return-status-block";
import { button, click, find, mount, readText, settle } from "./support/dom";
import { apiError, deferred, fakeApi } from "./support/fake-api";
import { nothingReturnableEligibility, purtlyEligibility, returnsAnswer } from "./support/fixtures";
import { installHost, ORDER_ID, removeHost } from "./support/host";
import { useTestHost } from "./support/test-host";

const host = useTestHost();

describe("the Request a return menu item", () => {
  it("is hidden while eligibility is asked, then links to the order's return page", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility() });
    const answer = deferred<Awaited<ReturnType<typeof api.eligibility>>>();
    api.eligibility.mockReturnValueOnce(answer.promise);
    const root = mount(<RequestReturnButton api={api} orderId={ORDER_ID} />);
    await settle();
    expect(root.innerHTML).toBe("");
    const { toEligibility } = await import("../../extensions/shared/api");
    answer.resolve(toEligibility(purtlyEligibility()));
    await settle();
    const link = button(root, "Request a return");
    expect(link.getAttribute("href")).toBe(`extension:clause-returns-page/customer-account.order.page.render/${ORDER_ID}/`);
  });

  it("stays hidden when nothing on the order can be returned", async () => {
    const root = mount(<RequestReturnButton api={fakeApi({ eligibility: nothingReturnableEligibility() })} orderId={ORDER_ID} />);
    await settle();
    expect(root.innerHTML).toBe("");
  });

  it("stays hidden when the app cannot be reached (the order page works without it)", async () => {
    const api = fakeApi();
    api.eligibility.mockRejectedValueOnce(apiError("Your session has expired or is not valid.", "UNAUTHENTICATED", 401));
    const root = mount(<RequestReturnButton api={api} orderId={ORDER_ID} />);
    await settle();
    expect(root.innerHTML).toBe("");
  });
});

describe("the order-status block", () => {
  it("lists each request with its RMA, status, refund, label, tracking and the store's messages", async () => {
    const root = mount(<ReturnStatusBlock api={fakeApi({ returns: returnsAnswer() })} />);
    await settle();
    const text = readText(root);
    expect(text).toContain("Your returns");
    expect(text).toContain("Return RMA-1043");
    expect(text).toContain("Approved");
    expect(text).toContain("Requested on Nov 20, 2026");
    expect(text).toContain("1 × Purtly P1 Air Purifier");
    expect(text).toContain("Estimated refund: $299.00");
    expect(find(root, 's-link[href="https://labels.example.com/RMA-1043.pdf"]').textContent).toBe("Download the return label");
    expect(text).toContain("Tracking number: 1Z999AA10123456784");
    expect(find(root, 's-link[href="https://track.example.com/1Z999AA10123456784"]').textContent).toBe("Track the parcel");
    expect(text).toContain("Messages from the store");
    expect(text).toContain("Nov 21, 2026: Your label is ready: drop the parcel at any UPS point.");
    expect(text).toContain("Return RMA-1042");
    expect(text).toContain("Declined");
    expect(text).toContain("Declined: Personal hygiene products can't be returned.");
    // A line the policy refused says why.
    expect(text).toContain("1 × Pet Toothbrush KitNot accepted: For health and safety reasons, personal hygiene products can't be returned.");
    expect(text).not.toContain("Not accepted: Defective items are refunded in full.");
  });

  it("shows a refund once it is paid", async () => {
    const wire = returnsAnswer();
    wire.returns[0] = { ...wire.returns[0]!, status: "REFUNDED", refundedAmount: { amount: "299.00", currencyCode: "USD" } as never };
    const root = mount(<ReturnStatusBlock api={fakeApi({ returns: wire })} />);
    await settle();
    expect(readText(root)).toContain("Refunded: $299.00");
    expect(readText(root)).not.toContain("Estimated refund: $299.00");
  });

  it("renders nothing while it loads (most orders have no return: the page must not flicker)", async () => {
    const api = fakeApi({ returns: returnsAnswer() });
    api.returns.mockReturnValueOnce(deferred<never>().promise);
    const root = mount(<ReturnStatusBlock api={api} />);
    await settle();
    expect(root.innerHTML).toBe("");
  });

  it("renders nothing when no return was requested on the order", async () => {
    const root = mount(<ReturnStatusBlock api={fakeApi({ returns: { returns: [] } })} />);
    await settle();
    expect(root.innerHTML).toBe("");
  });

  it("shows the API's message and asks again on retry", async () => {
    const api = fakeApi({ returns: returnsAnswer() });
    api.returns.mockRejectedValueOnce(apiError("We couldn't find this order in your account.", "NOT_FOUND", 404));
    const root = mount(<ReturnStatusBlock api={api} />);
    await settle();
    expect(readText(root)).toContain("We couldn't find this order in your account.");
    await click(button(root, "Try again"));
    expect(api.returns).toHaveBeenCalledTimes(2);
    expect(readText(root)).toContain("Return RMA-1043");
  });

  it("formats money and dates in the customer's locale, in the order's currency", async () => {
    removeHost();
    const fr = (await import("../../extensions/clause-returns/locales/fr.json")).default;
    host.current = installHost({ locale: "fr-FR", messages: fr });
    const root = mount(<ReturnStatusBlock api={fakeApi({ returns: returnsAnswer() })} />);
    await settle();
    const text = readText(root);
    expect(text).toContain("Vos retours");
    expect(text).toContain("Retour RMA-1043");
    expect(text).toMatch(/Remboursement estimé : 299,00\s\$US/);
    expect(text).toContain("Demandé le 20 nov. 2026");
  });
});
