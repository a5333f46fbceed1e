// extensions/shared/api.ts: how the extensions call the portal API (URL, session token, body)
// and how its answers and errors become what the components show.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getEligibility, getReturns, postEvidence, postPreview, postReturn, returnFlowApi } from "../../extensions/shared/api";
import { APP_URL } from "../../extensions/shared/app-url";
import { ApiError } from "../../extensions/shared/portal-types";
import { openedPurifierPreview, PURIFIER, purtlyEligibility, returnsAnswer, submittedAnswer } from "./support/fixtures";
import { installHost, removeHost, TEST_TOKEN } from "./support/host";

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
let env: ReturnType<typeof installHost>;

beforeEach(() => {
  env = installHost();
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockReset();
});
afterEach(() => {
  vi.unstubAllGlobals();
  removeHost();
});

const lastCall = () => {
  const [url, init] = fetchMock.mock.calls.at(-1)!;
  return { url: String(url), init: init as RequestInit & { headers: Record<string, string> } };
};

describe("the portal API module", () => {
  it("reads eligibility from the app with a fresh session token", async () => {
    fetchMock.mockResolvedValueOnce(json(purtlyEligibility()));
    const eligibility = await getEligibility("1209");
    const { url, init } = lastCall();
    expect(url).toBe(`${APP_URL}/api/portal/orders/1209/eligibility`);
    expect(init.method).toBe("GET");
    expect(init.headers.Authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(env.sessionToken).toHaveBeenCalledTimes(1);
    expect(eligibility.order.name).toBe("#1029");
    expect(eligibility.lines[2]).toMatchObject({ returnable: false, clause: "exclusion.subscription", clauseTitle: "Memberships and subscriptions" });
    expect(eligibility.claimTypes[1]).toMatchObject({ type: "DEFECTIVE", evidence: { required: true, minCount: 2 }, lineItemIds: [expect.any(String), expect.any(String)] });
  });

  it("posts a preview as JSON and maps the decision's decimal strings to money, deriving each line's refund percentage", async () => {
    fetchMock.mockResolvedValueOnce(json(openedPurifierPreview()));
    const body = { type: "RETURN" as const, lines: [{ lineItemId: PURIFIER, quantity: 1, condition: "OPENED" as const }] };
    const preview = await postPreview("1209", body);
    const { url, init } = lastCall();
    expect(url).toBe(`${APP_URL}/api/portal/orders/1209/preview`);
    expect(init.method).toBe("POST");
    expect(init.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(String(init.body))).toEqual(body);
    expect(preview.lines[0]).toMatchObject({ refundAmount: { amount: "254.15", currencyCode: "USD" }, restockingFee: { amount: "44.85", currencyCode: "USD" }, refundPercent: 85 });
    expect(preview.deductions).toEqual([expect.objectContaining({ kind: "ORIGINAL_SHIPPING", amount: { amount: "9.95", currencyCode: "USD" }, clauseTitle: "Original shipping" })]);
    expect(preview.total).toEqual({ amount: "244.20", currencyCode: "USD" });
    expect(preview.deadlines).toEqual([{ lineItemId: PURIFIER, at: "2026-11-29T05:00:00.000Z" }]);
  });

  it("uploads evidence as the raw file with its type, for the line it shows", async () => {
    fetchMock.mockResolvedValueOnce(json({ id: "up_1", kind: "photo", contentType: "image/jpeg", byteSize: 3 }, 201));
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], "front.jpg", { type: "image/jpeg" });
    const upload = await postEvidence("1209", PURIFIER, file);
    const { url, init } = lastCall();
    expect(url).toBe(`${APP_URL}/api/portal/orders/1209/evidence?lineItemId=${encodeURIComponent(PURIFIER)}`);
    expect(init.headers["Content-Type"]).toBe("image/jpeg");
    expect(init.body).toBe(file);
    expect(upload.id).toBe("up_1");
  });

  it("submits with the request key and reads the RMA and next steps", async () => {
    fetchMock.mockResolvedValueOnce(json(submittedAnswer(), 201));
    const submitted = await postReturn("1209", { requestKey: "ret-key-12345", type: "RETURN", lines: [{ lineItemId: PURIFIER, quantity: 1, condition: "OPENED" }] });
    expect(JSON.parse(String(lastCall().init.body)).requestKey).toBe("ret-key-12345");
    expect(submitted).toMatchObject({ caseId: "case_1", rma: "RMA-1042", status: "REQUESTED", total: { amount: "244.20" } });
    expect(submitted.nextSteps).toHaveLength(2);
  });

  it("lists the order's returns", async () => {
    fetchMock.mockResolvedValueOnce(json(returnsAnswer()));
    const returns = await getReturns("1209");
    expect(returns.map((r) => r.rma)).toEqual(["RMA-1043", "RMA-1042"]);
    expect(returns[0]!.label?.trackingNumber).toBe("1Z999AA10123456784");
  });

  it("turns the API's error body into an ApiError with its code, message and field", async () => {
    fetchMock.mockResolvedValueOnce(json({ error: { code: "VALIDATION", message: "choose at least one item", field: "lines" } }, 400));
    const error = await postPreview("1209", { type: "RETURN", lines: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION", message: "choose at least one item", field: "lines" });
  });

  it("reports an answer that is not the API's (a proxy's error page) and a network failure without a message of their own", async () => {
    fetchMock.mockResolvedValueOnce(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(getEligibility("1209")).rejects.toMatchObject({ status: 502, code: "SERVER_ERROR", message: "" });
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(getEligibility("1209")).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("gives the page flow the four calls it makes, all for the same order", async () => {
    fetchMock.mockImplementation(async () => json(purtlyEligibility()));
    const api = returnFlowApi("77");
    await api.eligibility();
    expect(lastCall().url).toBe(`${APP_URL}/api/portal/orders/77/eligibility`);
    expect(Object.keys(api).sort()).toEqual(["eligibility", "preview", "submit", "uploadEvidence"]);
  });
});
