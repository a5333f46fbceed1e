import type { ZodError, ZodIssue } from "zod";

/** Problems named in one message; a request wrong in a hundred places is told about the first few. */
const MAX_ISSUES = 3;
/** A field's message quotes at most this much (a message may echo what was sent). */
const MAX_ISSUE_LENGTH = 300;

/** One issue at its path; zod's bare "Required" says what is missing instead. */
export function issueLine(i: ZodIssue): string {
  if (i.code === "invalid_type" && i.received === "undefined" && i.message === "Required") return i.path.length ? `${i.path.join(".")} is missing` : "A value is missing";
  return i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message;
}

/** One readable line from a zod error: "lines.0.condition: Grade the item's condition; …". */
export function zodMessage(error: ZodError, format: (issue: ZodIssue) => string = issueLine): string {
  const lines = error.issues.slice(0, MAX_ISSUES).map((i) => {
    const line = format(i);
    return line.length > MAX_ISSUE_LENGTH ? `${line.slice(0, MAX_ISSUE_LENGTH - 1)}…` : line;
  });
  const more = error.issues.length - lines.length;
  return more > 0 ? `${lines.join("; ")}; and ${more} more ${more === 1 ? "problem" : "problems"}` : lines.join("; ");
}
