// Generators of bad input for the bad-input check. Every generator here produces input that is
// wrong by construction (each payload carries at least one "poison": a value the app must
// refuse), so a 2xx answer to one of them is a finding. Extra noise (unknown fields, odd
// content types, prototype keys) rides along with the poison, never instead of it.
import fc from "fast-check";
import { CASE_INTENTS } from "~/lib/case-action-schema";
import { allowedActions, CASE_ACTIONS, type CaseStatus } from "~/domain/cases/lifecycle";
import { CLAIM_TYPES, CONDITIONS, policySchema, type Policy } from "~/domain/policy";

const NASTY = [
  "", " ", "\t\n", "\u0000", "null", "undefined", "NaN", "-0", "1e309", "true", "{}", "[]", "__proto__", "constructor",
  "prototype", "<script>alert(1)</script>", `'; DROP TABLE "ReturnCase"; --`, "../../etc/passwd", "%00", "%zz", "\u202eevil",
  "🦄🌈", "Z̷̧a̵l̸g̴o̷", "\uD800", "\uFEFF", "gid://shopify/LineItem/", "gid://shopify/Order/1", "０１２", "١٢٣", "𝟙𝟚𝟛",
];

/** A string of any kind: ASCII, unicode graphemes, raw code points, tricky constants, numbers. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** Text with a NUL inside (PostgreSQL cannot store it; the app must refuse it, not fail on it). */
export const withNul: fc.Arbitrary<string> = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `x${a}\u0000${b}`);

/** Strings far past any field's limit (kept to a few sizes: each costs time to send). */
export const huge: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(2_100, 20_000, 300_000), fc.constantFrom("x", "é", "🦄", "a ")).map(([n, ch]) => ch.repeat(n));

/** Any JSON value that is not `undefined`. */
export const json = fc.jsonValue({ maxDepth: 3 });

/** JSON that is not a string (for a field that must be one). */
export const notString = json.filter((v) => typeof v !== "string");

/** A form value that is not one of `allowed`. */
export const junkExcept = (allowed: readonly string[]) => junk.filter((v) => !allowed.includes(v));

/** Numbers a quantity must never be. */
export const badQuantity = (ordered: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer({ max: 0 }),
    fc.integer({ min: ordered + 1, max: 2_000_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((n) => !Number.isInteger(n)),
    fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0.5, 0.5, 1.5),
    notString.filter((v) => typeof v !== "number"),
    junk,
  );

/** Raw JSON text beyond what JSON.stringify writes: deep nesting, prototype keys, broken syntax. */
export const nastyJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 50, max: 50_000 }).map((d) => `{"lines":${"[".repeat(d)}${"]".repeat(d)}}`),
  fc.integer({ min: 50, max: 20_000 }).map((d) => `${'{"type":'.repeat(d)}1${"}".repeat(d)}`),
  fc.constantFrom(
    `{"__proto__":{"polluted":true,"isAdmin":true},"type":"RETURN","lines":[]}`,
    `{"constructor":{"prototype":{"polluted":true}},"type":"RETURN","lines":"x"}`,
    `{"type":"RETURN","lines":[{"__proto__":{"quantity":1},"lineItemId":"1"}]}`,
    `{"type":"RETURN","lines":[{"lineItemId":"1","quantity":NaN,"condition":"UNOPENED"}]}`,
    `{"type":"RETURN","lines":[{"lineItemId":"1","quantity":Infinity,"condition":"UNOPENED"}]}`,
    `{"type":"RETURN","lines":[{"lineItemId":"1","quantity":1e999,"condition":"UNOPENED"}]}`,
    `{"type":"RETURN",}`, `{'type':'RETURN'}`, `{"type":"RETURN"`, "\uFEFF{}", "null", "[]", "0", '""', "true",
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** Headers a JSON endpoint may be sent with; the body decides, never the header. */
export const contentType = fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded", "", "application/json; charset=utf-16", "image/png", "text/html; charset=\"x\"");

/** Unknown fields, prototype keys among them, that ride along with a poison. */
export const extras: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(fc.oneof(junk, fc.constantFrom("__proto__", "constructor", "refundTotal", "status", "shop", "customerId")), json, { maxKeys: 3 });

// ── Shopper portal ─────────────────────────────────────────────────────────────────────────

export type PortalOrder = { lineIds: string[]; ordered: number[] };

const setPath = (obj: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

/** A return request that is wrong in one place (or several), as JSON text. */
export function portalRequest(order: PortalOrder, opts: { submit: boolean }): fc.Arbitrary<{ text: string; poison: string }> {
  const knownNumeric = new Set(order.lineIds.map((id) => id.split("/").pop()!));
  const unknownLine = fc.nat({ max: 2 ** 40 }).filter((n) => !knownNumeric.has(String(n))).chain((n) => fc.constantFrom(`gid://shopify/LineItem/${n}`, String(n)));
  const line = (i: number) => ({ lineItemId: order.lineIds[i]!, quantity: 1, condition: "UNOPENED" });
  type Poison = [string, (r: Record<string, unknown>) => fc.Arbitrary<Record<string, unknown>>];
  const onLine = (name: string, field: string, bad: (i: number) => fc.Arbitrary<unknown>): Poison => [
    name,
    (r) =>
      fc.nat({ max: order.lineIds.length - 1 }).chain((i) =>
        bad(i).map((v) => {
          // Another poison may have replaced the lines already; then this one has nothing to spoil.
          const lines = Array.isArray(r.lines) ? (r.lines as unknown[]) : [];
          const target = lines[Math.min(i, lines.length - 1)];
          if (!target || typeof target !== "object") return r;
          if (v === undefined) delete (target as Record<string, unknown>)[field];
          else setPath(target as Record<string, unknown>, field, v);
          return r;
        }),
      ),
  ];
  const poisons: Poison[] = [
    ["type", (r) => fc.oneof(junkExcept(CLAIM_TYPES), notString, fc.constant(undefined)).map((v) => (v === undefined ? (delete r.type, r) : setPath(r, "type", v)))],
    ["lines", (r) => fc.oneof(fc.constant([]), notString.filter((v) => !Array.isArray(v)), junk, fc.constant(Array.from({ length: 101 }, () => line(0))), fc.constant([line(0), line(0)])).map((v) => setPath(r, "lines", v))],
    onLine("lineItemId", "lineItemId", () => fc.oneof(unknownLine, junk.filter((v) => !/^(?:gid:\/\/shopify\/LineItem\/)?\d{1,20}$/.test(v.trim())), notString, fc.constant(undefined))),
    onLine("quantity", "quantity", (i) => fc.oneof(badQuantity(order.ordered[i]!), fc.constant(undefined))),
    onLine("condition", "condition", () => fc.oneof(junkExcept(CONDITIONS), fc.constantFrom("opened", "Unopened", " UNOPENED"), notString, fc.constant(undefined))),
    onLine("reason", "reason", () => fc.oneof(huge, withNul, notString.filter((v) => v !== null))),
    onLine("reasonId", "reasonId", () => fc.oneof(junk, notString.filter((v) => v !== null), fc.nat().map((n) => `gid://shopify/ReturnReasonDefinition/${n + 900_000}`))),
    onLine("evidenceIds", "evidenceIds", () =>
      fc.oneof(
        fc.array(junk, { minLength: 1, maxLength: 3 }),
        fc.array(fc.stringMatching(/^[a-z0-9]{25}$/), { minLength: 1, maxLength: 3 }),
        fc.constant(["a", "b", "c", "d", "e", "f"]),
        fc.constant(["same1234", "same1234"]),
        notString.filter((v) => !Array.isArray(v) && v !== null),
      ),
    ),
  ];
  if (opts.submit) {
    poisons.push(["requestKey", (r) => fc.oneof(fc.string({ maxLength: 7 }), fc.string({ minLength: 101, maxLength: 150 }), junk.filter((v) => !/^[A-Za-z0-9._:-]{8,100}$/.test(v)), notString, fc.constant(undefined)).map((v) => (v === undefined ? (delete r.requestKey, r) : setPath(r, "requestKey", v)))]);
  }
  const mutated = fc
    .record({ which: fc.array(fc.constantFrom(...poisons), { minLength: 1, maxLength: 2 }), extra: extras, key: fc.stringMatching(/^[A-Za-z0-9]{12,20}$/) })
    .chain(({ which, extra, key }) => {
      const base: Record<string, unknown> = { ...extra, type: "RETURN", lines: order.lineIds.map((_, i) => line(i)) };
      if (opts.submit) base.requestKey = `bad-input-${key}`;
      return which.reduce<fc.Arbitrary<Record<string, unknown>>>((acc, [, poison]) => acc.chain((r) => poison(r)), fc.constant(base)).map((r) => ({ text: JSON.stringify(r), poison: which.map(([n]) => n).join("+") }));
    });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 1, arbitrary: json.map((v) => ({ text: JSON.stringify(v), poison: "json" })) },
    { weight: 1, arbitrary: nastyJsonText.map((text) => ({ text, poison: "raw" })) },
  );
}

/** An order id in the URL that is not the shopper's order's number. */
export const badOrderId = (own: readonly string[]) =>
  fc.oneof(junk, fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String), fc.nat().map((n) => `gid://shopify/Order/${n}`), fc.nat().map((n) => ` ${n}`)).filter((v) => !own.includes(v));

/** Bytes that are no photo or video: random, text, a multipart form, a truncated image header. */
export const notAFile: fc.Arbitrary<{ bytes: Uint8Array; note: string }> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ bytes, note: `random ${bytes.length}B` })),
  junk.map((s) => ({ bytes: new TextEncoder().encode(s), note: "text" })),
  fc.record({ field: junk, name: junk }).map(({ field, name }) => ({
    bytes: new TextEncoder().encode(`--zz\r\nContent-Disposition: form-data; name="${field}"; filename="${name}.png"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n--zz--\r\n`),
    note: "multipart",
  })),
  fc.constantFrom([0xff, 0xd8], [0x89, 0x50, 0x4e, 0x47], [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57], [0, 0, 0, 0, 0x66, 0x74, 0x79]).map((b) => ({ bytes: new Uint8Array(b), note: "truncated header" })),
);

// ── Case page ──────────────────────────────────────────────────────────────────────────────

export type CaseTarget = { id: string; status: CaseStatus; version: number; lineIds: string[]; escalated: boolean };
type Form = Array<[string, string]>;

const flagJunk = junkExcept(["true", "false", "on", "off", ""]);
const badLink = fc.oneof(junk.filter((v) => v.trim() !== ""), fc.constantFrom("http://labels.example.com/l.pdf", "javascript:alert(1)", "https://exa mple.com/x", "ftp://x.y/z", "//example.com"), huge.map((h) => `https://example.com/${h}`));
const blank = fc.constantFrom("", " ", "\t\n ", "\u00a0");
const tooLong = (max: number) => fc.constantFrom(max + 1, max + 50, 20_000).chain((n) => fc.constantFrom("x", "é", "🦄").map((ch) => ch.repeat(n)));

/** An expectedVersion that is not the case's version (form values reach z.coerce.number). */
const staleVersion = (current: number) => fc.oneof(junk, fc.integer({ min: -5, max: current + 1_000 }).map(String), fc.constantFrom("99999999999999999999999", "1e400", "-0", "0x10", "Infinity")).filter((v) => Number(v) !== current);

/** Fields that make an otherwise valid action of `intent` wrong (missing ones are left out of the form). */
function fieldPoisons(t: CaseTarget): Record<string, fc.Arbitrary<[string, Record<string, string | undefined>]>> {
  const inspection = (form: unknown) => JSON.stringify(form);
  const pick = (name: string, fields: Record<string, string | undefined>): [string, Record<string, string | undefined>] => [name, fields];
  const gradedLine = (id: string) => ({ lineItemId: id, condition: "OPENED", disposition: "RESTOCK" });
  const byIntent: Record<string, fc.Arbitrary<[string, Record<string, string | undefined>]>> = {
    approve: fc.oneof(withNul.map((v) => pick("trackingNumber", { trackingNumber: v })), withNul.map((v) => pick("fileUrl", { fileUrl: `https://labels.example.com/${v}` })), badLink.map((v) => pick("fileUrl", { fileUrl: v })), badLink.map((v) => pick("trackingUrl", { trackingUrl: v })), tooLong(100).map((v) => pick("trackingNumber", { trackingNumber: v })), flagJunk.map((v) => pick("notifyCustomer", { notifyCustomer: v }))),
    decline: fc.oneof(
      junkExcept(["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"]).map((v) => pick("reason", { reason: v, explanation: "Too late", clauseId: "window.standard" })),
      fc.oneof(blank, tooLong(450), withNul, fc.constant(undefined)).map((v) => pick("explanation", { reason: "OTHER", explanation: v, clauseId: "window.standard" })),
      fc.oneof(blank, tooLong(200), withNul, fc.constant(undefined)).map((v) => pick("clauseId", { reason: "OTHER", explanation: "Too late", clauseId: v })),
    ),
    attachLabel: fc.oneof(badLink.map((v) => pick("fileUrl", { fileUrl: v })), badLink.map((v) => pick("trackingUrl", { trackingUrl: v })), tooLong(100).map((v) => pick("trackingNumber", { trackingNumber: v }))),
    markInTransit: fc.oneof(tooLong(100), withNul).map((v) => pick("trackingNumber", { trackingNumber: v })),
    inspect: fc.oneof(
      fc.oneof(junk, fc.constant(undefined)).map((v) => pick("inspection text", { inspection: v })),
      json.map((v) => pick("inspection json", { inspection: inspection(v) })),
      nastyJsonText.map((v) => pick("inspection raw", { inspection: v })),
      fc.nat().map((n) => pick("stranger line", { inspection: inspection({ lines: [...t.lineIds.map(gradedLine), gradedLine(`gid://shopify/LineItem/${n + 900_000}`)] }) })),
      junkExcept(["UNOPENED", "OPENED", "USED", "DAMAGED"]).map((c) => pick("condition", { inspection: inspection({ lines: t.lineIds.map((id) => ({ ...gradedLine(id), condition: c })) }) })),
      fc.oneof(fc.double({ min: 100.01, max: 1e9, noNaN: true }), fc.double({ max: -0.01, min: -1e9, noNaN: true }), fc.constantFrom(12.345, 0.001, 33.333)).map((p) => pick("override", { inspection: inspection({ lines: t.lineIds.map((id) => ({ ...gradedLine(id), overridePercent: p, overrideReason: "fuzz" })) }) })),
      junk.filter((v) => !/^\s*\d+(\.\d+)?\s*$/.test(v)).map((c) => pick("labelCost", { inspection: inspection({ lines: t.lineIds.map(gradedLine), labelCost: c }) })),
      withNul.map((r) => pick("override reason", { inspection: inspection({ lines: t.lineIds.map((id) => ({ ...gradedLine(id), overridePercent: 50, overrideReason: r })) }) })),
      fc.constant(pick("duplicate line", { inspection: inspection({ lines: [...t.lineIds.map(gradedLine), ...t.lineIds.map(gradedLine)] }) })),
    ),
    refund: flagJunk.map((v) => pick("notifyCustomer", { notifyCustomer: v })),
    escalate: fc.oneof(blank, tooLong(500), withNul, fc.constant(undefined)).map((v) => pick("reason", { reason: v })),
    resolveEscalation: fc.oneof(blank, tooLong(1_900), withNul, fc.constant(undefined)).map((v) => pick("note", { note: v })),
    setUrgent: flagJunk.map((v) => pick("urgent", { urgent: v })),
    note: fc.oneof(blank, tooLong(2_000), withNul, fc.constant(undefined)).map((v) => pick("body", { body: v })),
    message: fc.oneof(blank, tooLong(2_000), withNul, fc.constant(undefined)).map((v) => pick("body", { body: v })),
  };
  return byIntent;
}

/** A valid action of `intent` (fields only), for a version poison or a state that does not allow it. */
function validFields(intent: string, t: CaseTarget): Record<string, string> {
  switch (intent) {
    case "decline":
      return { reason: "OTHER", explanation: "Not covered", clauseId: "window.standard", notifyCustomer: "false" };
    case "inspect":
      return { inspection: JSON.stringify({ lines: t.lineIds.map((id) => ({ lineItemId: id, condition: "OPENED", disposition: "RESTOCK" })) }) };
    case "escalate":
      return { reason: "Needs a second look" };
    case "resolveEscalation":
      return { note: "Decided" };
    case "setUrgent":
      return { urgent: "true" };
    case "approve":
    case "attachLabel":
    case "refund":
      return { notifyCustomer: "false" };
    default:
      return {};
  }
}

const VERSIONED = CASE_INTENTS.filter((i) => i !== "note" && i !== "message");

/** One case action the case page must refuse, as form fields. */
export function caseAction(t: CaseTarget): fc.Arbitrary<{ form: Form; poison: string }> {
  const withExtras = (fields: Record<string, string | undefined>) =>
    fc.array(fc.tuple(junkExcept([...Object.keys(fields), "intent", "expectedVersion"]), junk), { maxLength: 2 }).map((noise) => [...Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined), ...noise]);
  // Lifecycle actions this case's status does not allow (the case service must refuse them unchanged).
  const refused = CASE_ACTIONS.filter((a) => (CASE_INTENTS as readonly string[]).includes(a) && !allowedActions(t.status).includes(a));
  const options: Array<fc.Arbitrary<{ form: Form; poison: string }>> = [
    fc.oneof(junkExcept(CASE_INTENTS), fc.constantFrom("Approve", " approve", "approve\u0000", "APPROVE", "cancel", "bulkApprove", "publish", "__proto__"), fc.constant(undefined)).chain((intent) =>
      withExtras({ intent, expectedVersion: String(t.version), body: "hello" }).map((form) => ({ form, poison: "intent" })),
    ),
    fc.constantFrom(...VERSIONED).chain((intent) => staleVersion(t.version).chain((v) => withExtras({ intent, expectedVersion: v, ...validFields(intent, t) }).map((form) => ({ form, poison: `version ${intent}` })))),
    // markReceived and close take nothing but the version, so they have no field to poison.
    fc.constantFrom(...Object.entries(fieldPoisons(t))).chain(([intent, poisons]) =>
      poisons.chain(([poison, fields]) => withExtras({ ...validFields(intent, t), intent, expectedVersion: String(t.version), ...fields }).map((form) => ({ form, poison: `${intent}.${poison}` }))),
    ),
  ];
  if (refused.length) options.push(fc.constantFrom(...refused).chain((intent) => withExtras({ intent, expectedVersion: String(t.version), ...validFields(intent, t) }).map((form) => ({ form, poison: `${intent} on ${t.status}` }))));
  // Resolving an escalation that was never raised.
  if (!t.escalated) options.push(withExtras({ intent: "resolveEscalation", expectedVersion: String(t.version), note: "Decided" }).map((form) => ({ form, poison: "resolve without escalation" })));
  return fc.oneof(...options);
}

// ── Policy ─────────────────────────────────────────────────────────────────────────────────

type Path = Array<string | number>;
function leaves(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.length ? entries.flatMap(([k, v]) => leaves(v, [...at, k])) : [at];
}
function replaceAt(value: unknown, path: Path, next: unknown): unknown {
  if (!path.length) return next;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, next);
  return copy;
}

/** A policy wrong in one or two places: a leaf of another type, a value out of range, or no policy at all. */
export function badPolicy(valid: Policy): fc.Arbitrary<unknown> {
  const paths = leaves(valid);
  const wrongLeaf = fc
    .array(fc.tuple(fc.constantFrom(...paths), fc.oneof(json, junk, fc.constantFrom(-1, 1e9, 3.14159, -0.001, "", true))), { minLength: 1, maxLength: 2 })
    .map((edits) => edits.reduce<unknown>((p, [path, v]) => replaceAt(p, path, v), valid));
  const dropped = fc.constantFrom(...Object.keys(valid)).map((k) => {
    const copy: Record<string, unknown> = { ...valid };
    delete copy[k];
    return copy;
  });
  return fc.oneof({ weight: 5, arbitrary: wrongLeaf }, { weight: 1, arbitrary: dropped }, { weight: 1, arbitrary: json }).filter((p) => !policySchema.safeParse(p).success);
}
