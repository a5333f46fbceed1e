/** @jsxImportSource preact */
// The full-page return flow (extension clause-returns-page), rendered with the portal API faked:
// each state a shopper can meet, from loading to the RMA.
import { describe, expect, it } from "vitest";
import { ReturnFlow } from "../../extensions/clause-returns-page/src/return-flow";
import { button, choose, chooseValues, click, dropFiles, find, isDisabled, mount, readText, setChecked, settle } from "./support/dom";
import { apiError, deferred, fakeApi } from "./support/fake-api";
import { FILTER, MEMBERSHIP, nothingReturnableEligibility, openedPurifierPreview, PURIFIER, purtlyEligibility, soulmateEligibility, submittedAnswer } from "./support/fixtures";
import { ORDER_ID } from "./support/host";
import { useTestHost } from "./support/test-host";

/** Shopify's "Unwanted" return reason in the fixtures: chosen in the flow, sent with every line. */
const UNWANTED_REASON = "gid://shopify/ReturnReasonDefinition/5";

const host = useTestHost();

const flowWith = (api: ReturnType<typeof fakeApi>) => mount(<ReturnFlow api={api} orderId={ORDER_ID} navigate={host.current.navigate} newKey={() => "ret-test-key-1"} />);

const checkbox = (root: HTMLElement, title: string) => find(root, `s-checkbox[label="Return ${title}"]`);
const continueButton = (root: HTMLElement) => button(root, "Continue");

/** Lines → claim → condition, with the purifier opened. */
async function toConditionStep(root: HTMLElement, claim = "RETURN") {
  await setChecked(checkbox(root, "Purtly P1 Air Purifier"), true);
  await click(continueButton(root));
  await chooseValues(find(root, "s-choice-list"), [claim]);
  await choose(find(root, 's-select[label="Reason"]'), UNWANTED_REASON);
  await click(continueButton(root));
  await choose(find(root, 's-select[label="Condition of Purtly P1 Air Purifier"]'), "OPENED");
}

describe("the return flow", () => {
  it("shows a loading state while the order's eligibility is asked", async () => {
    const api = fakeApi();
    const pending = deferred<never>();
    api.eligibility.mockReturnValue(pending.promise);
    const root = flowWith(api);
    await settle();
    expect(readText(root)).toContain("Request a return");
    expect(readText(root)).toContain("Loading…");
    expect(root.querySelector("s-spinner")).not.toBeNull();
    expect(root.querySelector("s-checkbox")).toBeNull();
  });

  it("says so when nothing on the order can be returned, with each line's reason and clause", async () => {
    const root = flowWith(fakeApi({ eligibility: nothingReturnableEligibility() }));
    await settle();
    const text = readText(root);
    expect(text).toContain("Nothing on this order can be returned");
    expect(text).toContain("The 30-day return window closed on Oct 29, 2026.");
    expect(text).toContain("Policy: Return window");
    expect(text).toContain("Memberships can't be returned once they have started.");
    expect(text).toContain("Policy: Memberships and subscriptions");
    expect(root.querySelector("s-checkbox")).toBeNull();
    await click(button(root, "Back to your order"));
    expect(host.current.navigate).toHaveBeenCalledWith(`shopify:customer-account/orders/${ORDER_ID}`);
  });

  it("shows lines that cannot go back disabled, with the explanation and the clause title", async () => {
    const root = flowWith(fakeApi({ eligibility: soulmateEligibility() }));
    await settle();
    const hygiene = checkbox(root, "Pet Toothbrush Kit");
    expect(isDisabled(hygiene)).toBe(true);
    const box = hygiene.closest("s-box") as HTMLElement;
    expect(readText(box)).toContain("Can't be returned");
    expect(readText(box)).toContain("For health and safety reasons, personal hygiene products can't be returned.");
    expect(readText(box)).toContain("Policy: Personal hygiene products");
    // No claim covers it here: nothing offers to report it instead.
    expect(box.querySelector("s-button")).toBeNull();

    const collar = checkbox(root, "Fun Pet Collar");
    expect(isDisabled(collar)).toBe(false);
    expect(readText(root)).toContain("Return requests already made on this order: 1.");
    expect(isDisabled(continueButton(root))).toBe(true);
    expect(readText(root)).toContain("Choose at least one item to continue.");
    await setChecked(collar, true);
    expect(isDisabled(continueButton(root))).toBe(false);
  });

  it("lets an item excluded from returns be reported as a problem when a claim covers it", async () => {
    const wire = purtlyEligibility();
    wire.claimTypes[1]!.lineItemIds = [PURIFIER, FILTER, MEMBERSHIP];
    const api = fakeApi({ eligibility: wire });
    const root = flowWith(api);
    await settle();
    expect(isDisabled(checkbox(root, "Purtly Rewards Membership"))).toBe(true);
    await click(button(root, "Report a problem with it instead"));
    expect(readText(root)).toContain("Added to your request as a problem report");
    await click(continueButton(root));
    // Only the claims that cover the membership are offered: not a change-of-mind return.
    const choices = [...root.querySelectorAll("s-choice")].map((c) => c.getAttribute("value"));
    expect(choices).toEqual(["DEFECTIVE"]);
  });

  it("asks for photos when the claim needs them, and blocks the way on until minCount per item are uploaded", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility(), preview: openedPurifierPreview() });
    const root = flowWith(api);
    await settle();
    await setChecked(checkbox(root, "Purtly P1 Air Purifier"), true);
    await click(continueButton(root));
    // The claim says it needs evidence, and by when it must be reported.
    expect(readText(root)).toContain("It's faulty");
    expect(readText(root)).toContain("Report by Nov 29, 2026 · Photos or a video are needed");
    await chooseValues(find(root, "s-choice-list"), ["DEFECTIVE"]);
    await choose(find(root, 's-select[label="Reason"]'), UNWANTED_REASON);
    await click(continueButton(root));
    await choose(find(root, 's-select[label="Condition of Purtly P1 Air Purifier"]'), "OPENED");
    expect(readText(root)).toContain("Step 3 of 5: Condition");
    await click(continueButton(root));

    expect(readText(root)).toContain("Step 4 of 5: Photos");
    expect(readText(root)).toContain("Add photos or a video");
    expect(readText(root)).toContain("The store needs at least 2 per item");
    expect(readText(root)).toContain("Added: 0 of 2");
    expect(isDisabled(continueButton(root))).toBe(true);
    expect(readText(root)).toContain("Add the photos asked for above to continue.");

    const zone = find(root, 's-drop-zone[label="Photos or video of Purtly P1 Air Purifier"]');
    expect(zone.getAttribute("accept")).toBe("image/*,video/*");
    await dropFiles(zone, [new File([new Uint8Array([0xff, 0xd8, 0xff])], "front.jpg", { type: "image/jpeg" })]);
    expect(api.uploadEvidence).toHaveBeenCalledWith(PURIFIER, expect.any(File));
    expect(readText(root)).toContain("Added: 1 of 2");
    expect(isDisabled(continueButton(root))).toBe(true);
    // A disabled button that is clicked anyway changes nothing.
    await click(continueButton(root));
    expect(api.preview).not.toHaveBeenCalled();

    await dropFiles(zone, [new File([new Uint8Array([0x89, 0x50])], "side.png", { type: "image/png" })]);
    expect(readText(root)).toContain("Added: 2 of 2");
    expect(isDisabled(continueButton(root))).toBe(false);
    await click(continueButton(root));
    expect(api.preview).toHaveBeenCalledWith({
      type: "DEFECTIVE",
      lines: [{ lineItemId: PURIFIER, quantity: 1, condition: "OPENED", reason: "Unwanted", reasonId: UNWANTED_REASON, evidenceIds: ["ev_1", "ev_2"] }],
    });
  });

  it("shows an upload's failure with the API's message", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility() });
    api.uploadEvidence.mockRejectedValueOnce(apiError("That file is not a photo or a video.", "UNSUPPORTED_MEDIA_TYPE", 415));
    const root = flowWith(api);
    await settle();
    await toConditionStep(root, "DEFECTIVE");
    await click(continueButton(root));
    await dropFiles(find(root, "s-drop-zone"), [new File(["hello"], "note.txt", { type: "text/plain" })]);
    expect(readText(root)).toContain("That file is not a photo or a video.");
    expect(readText(root)).toContain("Added: 0 of 2");
  });

  it("reviews the request from the preview: each line, every deduction with its clause, the total, shipping, deadlines", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility(), preview: openedPurifierPreview() });
    const root = flowWith(api);
    await settle();
    await toConditionStep(root);
    await click(continueButton(root));

    expect(api.preview).toHaveBeenCalledWith({ type: "RETURN", lines: [{ lineItemId: PURIFIER, quantity: 1, condition: "OPENED", reason: "Unwanted", reasonId: UNWANTED_REASON }] });
    const text = readText(root);
    expect(text).toContain("Review your request");
    expect(text).toContain("1 × Purtly P1 Air Purifier");
    expect(text).toContain("Accepted");
    expect(text).toContain("85% of the price refunded");
    expect(text).toContain("Refund: $254.15");
    expect(text).toContain("Restocking fee: $44.85");
    expect(text).toContain("Policy: Opened or used items");
    expect(text).toContain("Items: $254.15");
    expect(text).toContain("Original shipping: −$9.95");
    expect(text).toContain("The original shipping charge ($9.95) is deducted from the refund, once per order.");
    expect(text).toContain("Policy: Original shipping");
    expect(text).toContain("Estimated refund: $244.20");
    expect(text).toContain("You pay for return shipping.");
    expect(text).toContain("Purtly P1 Air Purifier: the window closes Nov 29, 2026");
    expect(isDisabled(button(root, "Submit request"))).toBe(false);
  });

  it("submits once, however often the button is tapped, and shows the RMA and next steps", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility(), preview: openedPurifierPreview(), submit: submittedAnswer() });
    const answer = deferred<Awaited<ReturnType<typeof api.submit>>>();
    api.submit.mockReturnValueOnce(answer.promise);
    const root = flowWith(api);
    await settle();
    await toConditionStep(root);
    await click(continueButton(root));

    const submit = button(root, "Submit request");
    await click(submit);
    await click(submit);
    expect(api.submit).toHaveBeenCalledTimes(1);
    expect(api.submit).toHaveBeenCalledWith({ requestKey: "ret-test-key-1", type: "RETURN", lines: [{ lineItemId: PURIFIER, quantity: 1, condition: "OPENED", reason: "Unwanted", reasonId: UNWANTED_REASON }] });
    expect(isDisabled(button(root, /Submit request/))).toBe(true);
    expect(button(root, /Submit request/).getAttribute("loading")).toBe("true");

    const { toSubmitted } = await import("../../extensions/shared/api");
    answer.resolve(toSubmitted(submittedAnswer()));
    await settle();
    const text = readText(root);
    expect(text).toContain("Return requested");
    expect(text).toContain("Your return number is RMA-1042");
    expect(text).toContain("Estimated refund: $244.20");
    expect(text).toContain("Quote RMA-1042 on the parcel");
    await click(button(root, "Back to your order"));
    expect(host.current.navigate).toHaveBeenCalledWith(`shopify:customer-account/orders/${ORDER_ID}`);
  });

  it("retries a failed submission with the same request key", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility(), preview: openedPurifierPreview(), submit: submittedAnswer() });
    api.submit.mockRejectedValueOnce(apiError("Shopify is not answering right now. Try again in a minute.", "SHOPIFY_UNAVAILABLE", 503));
    const root = flowWith(api);
    await settle();
    await toConditionStep(root);
    await click(continueButton(root));
    await click(button(root, "Submit request"));
    expect(readText(root)).toContain("Shopify is not answering right now. Try again in a minute.");
    await click(button(root, "Try again"));
    expect(api.submit).toHaveBeenCalledTimes(2);
    expect(api.submit.mock.calls[0]![0].requestKey).toBe("ret-test-key-1");
    expect(api.submit.mock.calls[1]![0].requestKey).toBe("ret-test-key-1");
    expect(readText(root)).toContain("Your return number is RMA-1042");
  });

  it("shows the API's message when the order cannot be read, and asks again on retry", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility() });
    api.eligibility.mockRejectedValueOnce(apiError("We couldn't find this order in your account.", "NOT_FOUND", 404));
    const root = flowWith(api);
    await settle();
    expect(readText(root)).toContain("Something went wrong");
    expect(readText(root)).toContain("We couldn't find this order in your account.");
    await click(button(root, "Try again"));
    expect(api.eligibility).toHaveBeenCalledTimes(2);
    expect(readText(root)).toContain("What would you like to send back?");
  });

  it("shows a generic message when the store cannot be reached", async () => {
    const { ApiError } = await import("../../extensions/shared/portal-types");
    const api = fakeApi({ eligibility: purtlyEligibility() });
    api.eligibility.mockRejectedValueOnce(new ApiError(0, "NETWORK", "TypeError: Failed to fetch"));
    const root = flowWith(api);
    await settle();
    expect(readText(root)).toContain("We couldn't reach the store. Check your connection and try again.");
    expect(readText(root)).not.toContain("Failed to fetch");
  });

  it("asks for the quantity of a line with more than one unit, and goes back without losing the choice", async () => {
    const api = fakeApi({ eligibility: purtlyEligibility(), preview: openedPurifierPreview() });
    const root = flowWith(api);
    await settle();
    await setChecked(checkbox(root, "HEPA Replacement Filter"), true);
    const quantity = find(root, 's-select[label="Quantity"]');
    expect([...quantity.querySelectorAll("s-option")].map((o) => o.getAttribute("value"))).toEqual(["1", "2", "3"]);
    await choose(quantity, "2");
    await click(continueButton(root));
    expect(readText(root)).toContain("Step 2 of 4: Reason");
    await click(button(root, "Back"));
    expect(find(root, 's-select[label="Quantity"]').getAttribute("value")).toBe("2");
  });
});
