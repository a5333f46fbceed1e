/**
 * The command-line contract, exercised by spawning the real CLI:
 *   tsx scripts/policy-cli.ts evaluate --policy … --order … --request … --now …
 * Expected decisions are worked out by hand from the fixtures.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const fx = (name: string) => path.join("tests/fixtures/policy", name);
const tmp = mkdtempSync(path.join(os.tmpdir(), "policy-cli-"));

interface Result {
  code: number;
  stdout: string;
  json: Record<string, unknown>;
}

function cli(args: string[], command = tsx, prefix: string[] = ["scripts/policy-cli.ts"]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(command, [...prefix, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(stdout) as Record<string, unknown>;
      } catch {
        json = { unparsable: stdout };
      }
      resolve({ code, stdout, json });
    });
  });
}

function evaluate(policy: string, order: string, request: string, now = "2026-03-20T12:00:00Z", extra: string[] = []) {
  return cli(["evaluate", "--policy", policy, "--order", order, "--request", request, "--now", now, ...extra]);
}

function tmpFile(name: string, content: unknown): string {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe.concurrent("policy CLI: decisions (exit 0)", () => {
  it("Purtly change-of-mind return: exact contract output", async () => {
    const r = await evaluate("preset:purtly", fx("purtly-order.json"), fx("purtly-return-request.json"));
    expect(r.code).toBe(0);
    // 2 × 49.99 opened at 85% = 84.983 → 84.98 (fee 15.00); 19.99 unopened in full; − 7.99 original shipping.
    expect(r.json).toEqual({
      eligible: true,
      currency: "USD",
      refundTotal: "96.98",
      returnShippingPaidBy: "CUSTOMER",
      deductions: [{ kind: "ORIGINAL_SHIPPING", amount: "7.99" }],
      lines: [
        {
          lineItemId: "gid://shopify/LineItem/11",
          quantity: 2,
          eligible: true,
          code: "OK",
          refundAmount: "84.98",
          restockingFee: "15.00",
          clause: "condition.opened",
          explanation: "Opened items are refunded at 85% of the price paid; the remaining 15% covers restocking.",
        },
        {
          lineItemId: "gid://shopify/LineItem/12",
          quantity: 1,
          eligible: true,
          code: "OK",
          refundAmount: "19.99",
          restockingFee: "0.00",
          clause: "condition.unopened",
          explanation: "Unopened items are refunded in full (100% of the price paid).",
        },
      ],
    });
    expect(Object.keys(r.json)).toEqual(["eligible", "currency", "refundTotal", "returnShippingPaidBy", "deductions", "lines"]);
    expect(Object.keys((r.json.lines as object[])[0]!)).toEqual(["lineItemId", "quantity", "eligible", "code", "refundAmount", "restockingFee", "clause", "explanation"]);
  });
  it("runs through `npm run -s policy --` too", async () => {
    const r = await cli(
      ["evaluate", "--policy", "preset:purtly", "--order", fx("purtly-order.json"), "--request", fx("purtly-return-request.json"), "--now", "2026-03-20T12:00:00Z"],
      "npm",
      ["run", "-s", "policy", "--"],
    );
    expect(r.code).toBe(0);
    expect(r.json.refundTotal).toBe("96.98");
  });
  it("Soulmate Spark Studio: engraved and hygiene items excluded", async () => {
    const r = await evaluate("preset:soulmate-spark-studio", fx("soulmate-order.json"), fx("soulmate-request.json"));
    expect(r.code).toBe(0);
    const lines = r.json.lines as { code: string; clause: string; refundAmount: string | null }[];
    expect(lines.map((l) => [l.code, l.clause, l.refundAmount])).toEqual([
      ["EXCLUDED", "exclusion.personalized", null],
      ["EXCLUDED", "exclusion.hygiene", null],
      ["OK", "condition.unopened", "18.00"],
    ]);
    expect(r.json.refundTotal).toBe("18.00");
    expect(r.json.deductions).toEqual([]);
  });
  it("Kendra Scott Mall: final sale and gift card refused, the rest refunded", async () => {
    const r = await evaluate("preset:kendra-scott-mall", fx("kendra-order.json"), fx("kendra-request.json"), "2026-05-20T12:00:00Z");
    expect(r.code).toBe(0);
    const lines = r.json.lines as { code: string; clause: string }[];
    expect(lines.map((l) => [l.code, l.clause])).toEqual([
      ["FINAL_SALE", "exclusion.final-sale"],
      ["OK", "condition.opened"],
      ["EXCLUDED", "exclusion.gift-card"],
    ]);
    expect(r.json.refundTotal).toBe("98.00");
  });
  it("everything refused: eligible false, total 0, no deductions", async () => {
    const r = await evaluate("preset:purtly", fx("purtly-order.json"), fx("purtly-return-request.json"), "2026-05-01T00:00:00Z");
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ eligible: false, refundTotal: "0.00", deductions: [] });
    expect((r.json.lines as { code: string }[]).every((l) => l.code === "RETURN_WINDOW_EXPIRED")).toBe(true);
  });
  it("Purtly defective claim, then the final refund after inspection", async () => {
    const before = await evaluate("preset:purtly", fx("purtly-order.json"), fx("purtly-defective-request.json"));
    // line 11 with a video: 100% = 49.99; line 12 without evidence → regular return, opened 85% of 19.99 = 16.99; − 7.99
    expect(before.json).toMatchObject({ refundTotal: "58.99", returnShippingPaidBy: "MERCHANT" });
    const after = await evaluate("preset:purtly", fx("purtly-order.json"), fx("purtly-defective-request.json"), "2026-03-20T12:00:00Z", ["--inspection", fx("purtly-inspection.json")]);
    // line 11 found working, used → 85% of 49.99 = 42.49; 16.99; − 7.99 shipping − 6.50 label = 44.99
    expect(after.code).toBe(0);
    expect(after.json).toMatchObject({
      refundTotal: "44.99",
      deductions: [
        { kind: "ORIGINAL_SHIPPING", amount: "7.99" },
        { kind: "RETURN_LABEL", amount: "6.50" },
      ],
    });
  });
  it("accepts a policy JSON file validated by the schema", async () => {
    const r = await evaluate(fx("custom-policy.json"), fx("purtly-order.json"), fx("purtly-return-request.json"));
    expect(r.code).toBe(0);
    // opened at 90%: 99.98 × 0.9 = 89.982 → 89.98; + 19.99 − 7.99 = 101.98
    expect(r.json.refundTotal).toBe("101.98");
  });
});

describe.concurrent("policy CLI: invalid input (exit 2, one error object, no decision)", () => {
  const expectError = (r: Result, code: string) => {
    expect(r.code).toBe(2);
    expect(Object.keys(r.json)).toEqual(["error"]);
    const e = r.json.error as { code: string; message: string };
    expect(Object.keys(e)).toEqual(["code", "message"]);
    expect(e.code).toBe(code);
    expect(e.message.length).toBeGreaterThan(0);
  };
  it("malformed JSON", async () => expectError(await evaluate("preset:purtly", fx("purtly-order.json"), fx("malformed.json")), "INVALID_JSON"));
  it("quantity < 1", async () => expectError(await evaluate("preset:purtly", fx("purtly-order.json"), fx("invalid-request-quantity.json")), "INVALID_REQUEST"));
  it("unknown claim type", async () => {
    const f = tmpFile("type.json", { type: "EXCHANGE", lines: [{ lineItemId: "gid://shopify/LineItem/11", quantity: 1, reason: "", condition: "UNOPENED", evidence: [] }] });
    expectError(await evaluate("preset:purtly", fx("purtly-order.json"), f), "INVALID_REQUEST");
  });
  it("unknown condition", async () => {
    const f = tmpFile("condition.json", { type: "RETURN", lines: [{ lineItemId: "gid://shopify/LineItem/11", quantity: 1, reason: "", condition: "LIKE_NEW", evidence: [] }] });
    expectError(await evaluate("preset:purtly", fx("purtly-order.json"), f), "INVALID_REQUEST");
  });
  it("missing required request field", async () => {
    const f = tmpFile("nolines.json", { type: "RETURN" });
    expectError(await evaluate("preset:purtly", fx("purtly-order.json"), f), "INVALID_REQUEST");
  });
  it("missing required order field", async () => {
    const f = tmpFile("order.json", { id: "gid://shopify/Order/1", currencyCode: "USD", fulfillments: [] });
    expectError(await evaluate("preset:purtly", f, fx("purtly-return-request.json")), "INVALID_ORDER");
  });
  it("unknown preset", async () => expectError(await evaluate("preset:acme", fx("purtly-order.json"), fx("purtly-return-request.json")), "UNKNOWN_PRESET"));
  it("invalid policy file", async () => {
    const f = tmpFile("policy.json", { schemaVersion: 1, id: "x" });
    expectError(await evaluate(f, fx("purtly-order.json"), fx("purtly-return-request.json")), "INVALID_POLICY");
  });
  it("file not found", async () => expectError(await evaluate("preset:purtly", fx("nope.json"), fx("purtly-return-request.json")), "FILE_NOT_FOUND"));
  it("bad or missing --now, unknown options, unknown command", async () => {
    expectError(await evaluate("preset:purtly", fx("purtly-order.json"), fx("purtly-return-request.json"), "next tuesday"), "INVALID_ARGUMENTS");
    expectError(await evaluate("preset:purtly", fx("purtly-order.json"), fx("purtly-return-request.json"), "2026-03-20T12:00:00"), "INVALID_ARGUMENTS");
    expectError(await cli(["evaluate", "--policy", "preset:purtly", "--order", fx("purtly-order.json"), "--request", fx("purtly-return-request.json")]), "INVALID_ARGUMENTS");
    expectError(await cli(["evaluate", "--policy", "preset:purtly", "--colour", "red"]), "INVALID_ARGUMENTS");
    expectError(await cli(["judge"]), "INVALID_ARGUMENTS");
  });
});
