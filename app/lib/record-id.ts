// Ids of Clause's own rows (cuids) as they arrive in URLs and forms. Anything else cannot name
// one of ours, so it is answered "not found" without asking the database (which may even
// refuse the bytes: PostgreSQL takes no NUL in text).
export const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isRecordId = (value: unknown): value is string => typeof value === "string" && RECORD_ID.test(value);

/** Text that PostgreSQL cannot store (a NUL character) is refused as input, with this message. */
export const hasNul = (value: string) => value.includes("\u0000");
export const nulMessage = (what: string) => `${what} contains a NUL character, which cannot be saved; remove it and try again`;
