// A portal API for the components, answering from the fixtures through the real mapping of
// extensions/shared/api.ts (so the wire format is exercised too), every call a spy. A call can
// be held (`hold`) to see the loading state, or made to fail with the API's error.
import { vi } from "vitest";
import { toEligibility, toPreview, toReturns, toSubmitted } from "../../../extensions/shared/api";
import { ApiError, type EvidenceUpload, type PortalApi } from "../../../extensions/shared/portal-types";

export const apiError = (message: string, code = "CASE_INPUT", status = 422) => new ApiError(status, code, message);

export function fakeApi(wire: { eligibility?: unknown; preview?: unknown; submit?: unknown; returns?: unknown } = {}) {
  let uploads = 0;
  const api = {
    eligibility: vi.fn(async () => toEligibility(wire.eligibility as Record<string, unknown>)),
    preview: vi.fn(async (_body: Parameters<PortalApi["preview"]>[0]) => toPreview(wire.preview as Record<string, unknown>)),
    uploadEvidence: vi.fn(async (_lineItemId: string, file: Blob & { type: string }): Promise<EvidenceUpload> => ({ id: `ev_${++uploads}`, kind: "photo", contentType: file.type, byteSize: file.size })),
    submit: vi.fn(async (_body: Parameters<PortalApi["submit"]>[0]) => toSubmitted(wire.submit as Record<string, unknown>)),
    returns: vi.fn(async () => toReturns(wire.returns as Record<string, unknown>)),
  };
  return api;
}

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
