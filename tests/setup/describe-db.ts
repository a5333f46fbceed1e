// The database suites skip (with the notice printed by the global setup) only when their
// server cannot be reached outside CI.
import { describe, inject } from "vitest";

export const describeDb: typeof describe = inject("dbTemplate") ? describe : (describe.skip as typeof describe);
export const dbProvider = process.env.CLAUSE_TEST_DB as "sqlite" | "postgres";
