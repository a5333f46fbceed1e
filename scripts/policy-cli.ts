/**
 * Clause policy CLI.
 *
 *   tsx scripts/policy-cli.ts evaluate --policy <preset:ID | path/to/policy.json> \
 *       --order <order.json> --request <request.json> --now <ISO-8601> [--inspection <inspection.json>]
 *   tsx scripts/policy-cli.ts render --policy <preset:ID | path> [--format markdown|html|json]
 *   tsx scripts/policy-cli.ts presets
 *
 * `evaluate` prints exactly one JSON object on stdout: the decision (exit 0) or
 * `{ "error": { "code", "message" } }` (exit 2 for invalid input, 1 for an
 * unexpected failure). Nothing else is written to stdout.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ZodError } from "zod";
import {
  PRESET_IDS,
  PolicyEngineError,
  decide,
  getPreset,
  inspectionSchema,
  orderSchema,
  policySchema,
  renderPolicyText,
  returnRequestSchema,
  toContractJson,
  type Policy,
} from "../app/domain/policy/index";

type ErrorCode =
  | "INVALID_ARGUMENTS"
  | "FILE_NOT_FOUND"
  | "INVALID_JSON"
  | "INVALID_POLICY"
  | "INVALID_ORDER"
  | "INVALID_REQUEST"
  | "INVALID_INSPECTION"
  | "UNKNOWN_PRESET"
  | "CURRENCY_MISMATCH"
  | "INTERNAL_ERROR";

class CliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

const USAGE =
  "usage: policy evaluate --policy <preset:ID | policy.json> --order <order.json> --request <request.json> --now <ISO-8601> [--inspection <inspection.json>]";

/** ISO-8601 date-time with a zone designator; a bare local time would be ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function parseArgs(argv: readonly string[], allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) throw new CliError("INVALID_ARGUMENTS", `Unexpected argument ${JSON.stringify(arg)}. ${USAGE}`);
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new CliError("INVALID_ARGUMENTS", `--${name} needs a value. ${USAGE}`);
      i++;
    }
    if (!allowed.includes(name)) throw new CliError("INVALID_ARGUMENTS", `Unknown option --${name}. ${USAGE}`);
    if (out.has(name)) throw new CliError("INVALID_ARGUMENTS", `--${name} given twice`);
    out.set(name, value);
  }
  return out;
}

function required(args: Map<string, string>, name: string): string {
  const v = args.get(name);
  if (v === undefined || v.length === 0) throw new CliError("INVALID_ARGUMENTS", `Missing --${name}. ${USAGE}`);
  return v;
}

function readJson(file: string, what: string): unknown {
  const resolved = path.resolve(process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(resolved, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") throw new CliError("FILE_NOT_FOUND", `${what} file not found: ${file}`);
    throw new CliError("INVALID_ARGUMENTS", `Cannot read ${what} file ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError("INVALID_JSON", `${what} file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function describeZod(error: ZodError, what: string): string {
  const issues = error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join(".") : "(root)"}: ${i.message}`);
  const more = error.issues.length > 5 ? ` (+${error.issues.length - 5} more)` : "";
  return `Invalid ${what}: ${issues.join("; ")}${more}`;
}

function loadPolicy(ref: string): Policy {
  if (ref.startsWith("preset:")) {
    const id = ref.slice("preset:".length);
    const preset = getPreset(id);
    if (preset === undefined) throw new CliError("UNKNOWN_PRESET", `Unknown preset ${JSON.stringify(id)}; known presets: ${PRESET_IDS.join(", ")}`);
    return preset;
  }
  const parsed = policySchema.safeParse(readJson(ref, "policy"));
  if (!parsed.success) throw new CliError("INVALID_POLICY", describeZod(parsed.error, "policy"));
  return parsed.data;
}

function evaluate(argv: readonly string[]): unknown {
  const args = parseArgs(argv, ["policy", "order", "request", "now", "inspection"]);
  const policyRef = required(args, "policy");
  const orderPath = required(args, "order");
  const requestPath = required(args, "request");
  const nowText = required(args, "now");
  if (!ISO_INSTANT.test(nowText) || Number.isNaN(Date.parse(nowText))) {
    throw new CliError("INVALID_ARGUMENTS", `--now must be an ISO-8601 date-time with a zone, e.g. 2026-03-20T12:00:00Z (got ${JSON.stringify(nowText)})`);
  }
  const now = new Date(nowText);

  const policy = loadPolicy(policyRef);
  const order = orderSchema.safeParse(readJson(orderPath, "order"));
  if (!order.success) throw new CliError("INVALID_ORDER", describeZod(order.error, "order"));
  const request = returnRequestSchema.safeParse(readJson(requestPath, "request"));
  if (!request.success) throw new CliError("INVALID_REQUEST", describeZod(request.error, "request"));
  let inspection;
  const inspectionPath = args.get("inspection");
  if (inspectionPath !== undefined) {
    const parsed = inspectionSchema.safeParse(readJson(inspectionPath, "inspection"));
    if (!parsed.success) throw new CliError("INVALID_INSPECTION", describeZod(parsed.error, "inspection"));
    inspection = parsed.data;
  }

  try {
    return toContractJson(decide(policy, order.data, request.data, now, inspection));
  } catch (error) {
    if (error instanceof PolicyEngineError) {
      const code: ErrorCode =
        error.code === "CURRENCY_MISMATCH" ? "CURRENCY_MISMATCH" : error.code === "INVALID_INSPECTION" ? "INVALID_INSPECTION" : error.code === "INVALID_ORDER" ? "INVALID_ORDER" : "INVALID_ARGUMENTS";
      throw new CliError(code, error.message);
    }
    throw error;
  }
}

function render(argv: readonly string[]): string {
  const args = parseArgs(argv, ["policy", "format", "locale"]);
  const policy = loadPolicy(required(args, "policy"));
  const rendered = renderPolicyText(policy, args.get("locale") ?? policy.locale);
  const format = args.get("format") ?? "markdown";
  if (format === "markdown") return rendered.markdown;
  if (format === "html") return rendered.html;
  if (format === "json") return JSON.stringify(rendered, null, 2) + "\n";
  throw new CliError("INVALID_ARGUMENTS", `--format must be markdown, html or json (got ${JSON.stringify(format)})`);
}

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "evaluate":
        process.stdout.write(JSON.stringify(evaluate(rest), null, 2) + "\n");
        return 0;
      case "render":
        process.stdout.write(render(rest));
        return 0;
      case "presets":
        process.stdout.write(JSON.stringify({ presets: PRESET_IDS }, null, 2) + "\n");
        return 0;
      default:
        throw new CliError("INVALID_ARGUMENTS", command === undefined ? `Missing command. ${USAGE}` : `Unknown command ${JSON.stringify(command)}. ${USAGE}`);
    }
  } catch (error) {
    const e =
      error instanceof CliError
        ? error
        : new CliError("INTERNAL_ERROR", error instanceof Error ? error.message : String(error), 1);
    process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message } }, null, 2) + "\n");
    return e.exitCode;
  }
}

process.exitCode = main(process.argv.slice(2));
