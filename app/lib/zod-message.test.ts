import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodMessage } from "./zod-message";

const error = (schema: z.ZodTypeAny, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a refusal");
  return parsed.error;
};

describe("zodMessage", () => {
  it("names each problem at its path", () => {
    const schema = z.object({ lines: z.array(z.object({ quantity: z.number({ invalid_type_error: "quantity must be a number" }) })) });
    expect(zodMessage(error(schema, { lines: [{ quantity: "x" }] }))).toBe("lines.0.quantity: quantity must be a number");
  });

  it("says what is missing instead of zod's bare \"Required\"", () => {
    expect(zodMessage(error(z.object({ lines: z.array(z.string()) }), {}))).toBe("lines is missing");
  });

  it("tells the first three problems of many and counts the rest", () => {
    const schema = z.array(z.string({ invalid_type_error: "must be text" }));
    const message = zodMessage(error(schema, [1, 2, 3, 4, 5]));
    expect(message).toBe("0: must be text; 1: must be text; 2: must be text; and 2 more problems");
  });

  it("keeps one problem's message short even when it quotes what was sent", () => {
    const schema = z.string().refine(() => false, (v) => ({ message: `"${v}" is not allowed` }));
    const message = zodMessage(error(schema, "x".repeat(10_000)));
    expect(message.length).toBeLessThanOrEqual(300);
    expect(message.endsWith("…")).toBe(true);
  });
});
