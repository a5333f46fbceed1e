import type { ZodError } from "zod";

/** One readable line from a zod error: "lines.0.condition: Grade the item's condition; …". */
export function zodMessage(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}
