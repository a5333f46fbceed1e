import { expect, it } from "vitest";
import { describeDb, dbProvider } from "../setup/describe-db";

describeDb(`GET /healthz (${dbProvider})`, () => {
  it("answers 200 after a database round-trip on this provider", async () => {
    const { loader } = await import("~/routes/healthz");
    const response = await loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database.provider).toBe(dbProvider === "postgres" ? "postgresql" : "sqlite");
    expect(typeof body.database.roundTripMs).toBe("number");
  });

  it("answers 503 when the database cannot be reached", async () => {
    const db = (await import("~/db.server")).default;
    const spy = (await import("vitest")).vi.spyOn(db, "$queryRaw").mockRejectedValueOnce(new Error("connection refused"));
    const { loader } = await import("~/routes/healthz");
    const response = await loader();
    expect(response.status).toBe(503);
    expect((await response.json()).status).toBe("error");
    spy.mockRestore();
  });
});
