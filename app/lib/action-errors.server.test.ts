// A busy database (or Shopify) is a 503 with Retry-After and a readable message, on the admin's
// action path and the shopper portal's; a bug stays a bug (rethrown, a 500).
import { LibsqlError } from "@libsql/client";
import { Prisma } from "@prisma/client";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it, vi } from "vitest";
import { ShopifyUnavailableError } from "~/services/admin-errors";
import { CaseInputError } from "~/services/case-errors";
import { actionFailure, busyAware, failureInit, runCaseAction } from "./action-errors.server";
import { portalFailure } from "./portal-auth.server";

// portalFailure needs no Shopify; the real module would open the app's database on import.
vi.mock("~/shopify.server", () => ({ authenticate: {}, unauthenticated: {} }));

const sqliteLocked = () =>
  new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.returnCase.update()` invocation:\n\n\nOperation has timed out", {
    code: "P1008",
    clientVersion: "6.19.3",
    meta: { modelName: "ReturnCase", driverAdapterError: new DriverAdapterError({ kind: "SocketTimeout", originalCode: "5", originalMessage: "database is locked" } as never) },
  });
const pgDeadlock = () => new DriverAdapterError({ kind: "postgres", code: "40P01", severity: "ERROR", message: "deadlock detected", originalCode: "40P01", originalMessage: "deadlock detected" } as never);

describe("actionFailure", () => {
  it.each([
    ["SQLite locked (P1008)", sqliteLocked()],
    ["a PostgreSQL deadlock", pgDeadlock()],
    ["libsql's SQLITE_BUSY", new LibsqlError("database is locked", "SQLITE_BUSY", 5)],
  ])("answers %s with 503, Retry-After and words, not internals", (_label, error) => {
    const failure = actionFailure(error)!;
    expect(failure).toMatchObject({ ok: false, status: 503, code: "BUSY" });
    expect(failure.retryAfter).toBeGreaterThan(0);
    expect(failure.error).toMatch(/try again/i);
    expect(failure.error).not.toMatch(/prisma|P1008|SQLITE|deadlock|invocation/i);
  });

  it("gives Shopify's outage a Retry-After too", () => {
    expect(actionFailure(new ShopifyUnavailableError(3, "5xx", 502))).toMatchObject({ status: 503, code: "SHOPIFY_UNAVAILABLE", retryAfter: 5 });
  });

  it("leaves a bug to be rethrown", () => {
    expect(actionFailure(new TypeError("Cannot read properties of undefined"))).toBeNull();
  });
});

describe("failureInit", () => {
  it("sets Retry-After only when there is one", () => {
    expect(new Headers(failureInit({ status: 503, retryAfter: 2 }).headers).get("Retry-After")).toBe("2");
    expect(failureInit({ status: 409 })).toEqual({ status: 409 });
  });
});

describe("runCaseAction", () => {
  it("turns a timeout inside the action into the 503 answer", async () => {
    const outcome = await runCaseAction(async () => {
      throw sqliteLocked();
    });
    expect(outcome).toMatchObject({ ok: false, status: 503, code: "BUSY" });
  });
});

describe("busyAware", () => {
  it("answers a busy database anywhere in the action (authentication included) with a 503 Response", async () => {
    const res = (await busyAware(async () => {
      throw pgDeadlock();
    })) as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
    expect(((await res.json()) as { error: string }).error).toMatch(/try again/i);
  });

  it("passes answers, thrown Responses and other errors through", async () => {
    expect(await busyAware(async () => "done")).toBe("done");
    const redirect = new Response(null, { status: 302 });
    await expect(busyAware(async () => Promise.reject(redirect))).rejects.toBe(redirect);
    await expect(busyAware(async () => Promise.reject(new CaseInputError("no")))).rejects.toBeInstanceOf(CaseInputError);
  });
});

describe("portalFailure", () => {
  it("answers the shopper a busy database with 503, Retry-After and the portal's error shape", async () => {
    const res = portalFailure(sqliteLocked())!;
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BUSY");
    expect(body.error.message).toMatch(/try again/i);
  });

  it("still answers bad input with a 4xx and no Retry-After", () => {
    const res = portalFailure(new CaseInputError("Choose at least one item.", "lines"))!;
    expect(res.status).toBe(422);
    expect(res.headers.get("Retry-After")).toBeNull();
  });
});
