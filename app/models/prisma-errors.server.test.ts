// The errors are built as each layer builds them (shapes taken from real SQLite and PostgreSQL
// failures through this app's Prisma client and adapters).
import { LibsqlError } from "@libsql/client";
import { Prisma } from "@prisma/client";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isDatabaseBusy, isUniqueViolation } from "./prisma-errors.server";

const known = (code: string, message: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "6.19.3", meta });
const adapter = (cause: Record<string, unknown>) => new DriverAdapterError(cause as unknown as ConstructorParameters<typeof DriverAdapterError>[0]);
const pgError = (code: string, message: string) => Object.assign(new pg.DatabaseError(message, 0, "error"), { code, severity: "ERROR" });

describe("isDatabaseBusy", () => {
  it.each([
    ["SQLite locked, through Prisma (P1008)", known("P1008", "\nInvalid `prisma.returnCase.update()` invocation:\n\n\nOperation has timed out", { modelName: "ReturnCase", driverAdapterError: adapter({ kind: "SocketTimeout", originalCode: "5", originalMessage: "database is locked" }) })],
    ["SQLite locked in a raw query (P2010)", known("P2010", "Raw query failed. Code: `5`. Message: `SQLITE_BUSY: database is locked`", { driverAdapterError: adapter({ kind: "SocketTimeout", originalCode: "5", originalMessage: "SQLITE_BUSY: database is locked" }) })],
    ["libsql itself: SQLITE_BUSY", new LibsqlError("database is locked", "SQLITE_BUSY", 5)],
    ["libsql: SQLITE_BUSY_SNAPSHOT (extended code 517)", new LibsqlError("database is locked", "SQLITE_BUSY_SNAPSHOT", 517)],
    ["libsql: SQLITE_LOCKED", new LibsqlError("database table is locked", "SQLITE_LOCKED", 6)],
    ["the sqlite adapter's unmapped busy code", adapter({ kind: "sqlite", extendedCode: 261, message: "database is locked" })],
    ["PostgreSQL serialization failure (P2034)", known("P2034", "Transaction failed due to a write conflict or a deadlock. Please retry your transaction", { modelName: "ReturnCase", driverAdapterError: adapter({ kind: "TransactionWriteConflict", originalCode: "40001", originalMessage: "could not serialize access due to concurrent update" }) })],
    ["PostgreSQL lock timeout (55P03), thrown bare by the pg adapter", adapter({ kind: "postgres", code: "55P03", severity: "ERROR", message: "canceling statement due to lock timeout", originalCode: "55P03", originalMessage: "canceling statement due to lock timeout" })],
    ["PostgreSQL deadlock (40P01), thrown bare by the pg adapter", adapter({ kind: "postgres", code: "40P01", severity: "ERROR", message: "deadlock detected", originalCode: "40P01", originalMessage: "deadlock detected" })],
    ["PostgreSQL deadlock in a raw query (P2010)", known("P2010", "Raw query failed. Code: `40P01`. Message: `deadlock detected`", { driverAdapterError: adapter({ kind: "postgres", code: "40P01", severity: "ERROR", message: "deadlock detected" }) })],
    ["pg itself: serialization failure", pgError("40001", "could not serialize access due to concurrent update")],
    ["the connection pool's timeout (P2024)", known("P2024", "Timed out fetching a new connection from the connection pool.", { connection_limit: 5, timeout: 10 })],
    ["pg-pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["an expired interactive transaction (P2028)", known("P2028", "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5102 ms passed since the start of the transaction.", { timeout: 5000, timeTaken: 5102 })],
    ["a transaction that could not start in time (P2028)", known("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["busy, wrapped in another error's cause", new Error("the case could not be saved", { cause: new LibsqlError("database is locked", "SQLITE_BUSY", 5) })],
  ])("%s", (_label, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it.each([
    ["a unique violation (P2002)", known("P2002", "Unique constraint failed on the fields: (`shop`,`requestKey`)", { target: ["shop", "requestKey"] })],
    ["a record not found (P2025)", known("P2025", "No record was found for an update.")],
    ["a misused transaction (P2028, not a timeout)", known("P2028", "Transaction API error: Transaction not found. Transaction ID is invalid.")],
    ["a constraint error from PostgreSQL", adapter({ kind: "postgres", code: "23503", severity: "ERROR", message: "violates foreign key constraint" })],
    ["another SQLite error (SQLITE_CONSTRAINT, 19)", new LibsqlError("CHECK constraint failed", "SQLITE_CONSTRAINT", 19)],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["bad input", z.string().safeParse(1).error],
    ["not an error at all", "database is busy"],
    ["nothing", null],
  ])("not %s", (_label, error) => {
    expect(isDatabaseBusy(error)).toBe(false);
  });

  it("stops on a cause chain that loops", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseBusy(a)).toBe(false);
  });
});

describe("isUniqueViolation", () => {
  it("is P2002 only", () => {
    expect(isUniqueViolation(known("P2002", "Unique constraint failed"))).toBe(true);
    expect(isUniqueViolation(known("P1008", "Operation has timed out"))).toBe(false);
  });
});
