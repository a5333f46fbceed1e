// The app's environment, checked once at start. A missing or malformed variable stops the
// process with a message that names it, instead of failing later on the first request.
import { z } from "zod";

export const DEFAULT_SCOPES = [
  "read_orders",
  "read_products",
  "read_returns",
  "write_returns",
  "write_orders", // refunds (returnProcess / refundCreate)
  "read_customers",
] as const;

const csv = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.string().url("SHOPIFY_APP_URL must be the app's public https URL"),
    SCOPES: csv.optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file:, postgres:// or postgresql://")
      .optional(),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    CLAUSE_LOG_LEVEL: z.enum(["error", "warning", "info", "debug"]).default("info"),
    /** Where shoppers' evidence photos and videos are kept (only the app reads them). */
    CLAUSE_EVIDENCE_DIR: z.string().min(1).optional(),
    /** "1" runs the offline demo wiring; refused when NODE_ENV=production. */
    CLAUSE_DEMO: z.enum(["0", "1"]).default("0"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.CLAUSE_DEMO === "1") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["CLAUSE_DEMO"],
        message: "CLAUSE_DEMO=1 is refused when NODE_ENV=production: the demo wiring never runs in production",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvError(`Invalid environment for Clause:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The checked environment of this process (parsed on first use, then cached). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
