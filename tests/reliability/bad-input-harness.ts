// The bad-input check's instruments: call a route module's loader or action as Remix would, read
// the message of an answer, judge whether it reads as a sentence, and fingerprint everything a
// shop holds (rows, evidence files, Shopify mutations) so that a refused payload which changed
// anything is caught and named.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "~/db.server";
import type { Ledger } from "../standin/ledger";

export type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
export type RouteModule = { loader?: Handler; action?: Handler };

export type Answer = { status: number; text: string; contentType: string; headers: Headers };

/** Runs a loader/action: a Response returned or thrown is the answer, plain data a 200, any other throw a 500 (what Remix would send). */
export async function answer(handler: Handler | undefined, request: Request, params: Record<string, string>): Promise<Answer & { crash?: unknown }> {
  if (!handler) throw new Error(`no handler for ${request.method} ${request.url}`);
  let value: unknown;
  try {
    value = await handler({ request, params, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) return { status: 500, text: "", contentType: "", headers: new Headers(), crash: thrown };
    value = thrown;
  }
  if (!(value instanceof Response)) return { status: 200, text: JSON.stringify(value ?? null), contentType: "application/json", headers: new Headers() };
  return { status: value.status, text: await value.text(), contentType: value.headers.get("Content-Type") ?? "", headers: value.headers };
}

/** The message an answer gives its reader: `error` (a string, or `error.message` in the portal's shape), `message`, or a plain-text body. */
export function messageOf(a: Pick<Answer, "text" | "contentType">): string | null {
  if (/json/i.test(a.contentType) || /^\s*[{[]/.test(a.text)) {
    try {
      const body = JSON.parse(a.text) as { error?: unknown; message?: unknown } | null;
      const error = body?.error;
      if (typeof error === "string") return error;
      if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") return (error as { message: string }).message;
      return typeof body?.message === "string" ? body.message : null;
    } catch {
      return null;
    }
  }
  return a.text || null;
}

/**
 * A message a shopper or merchant can read: a few words of prose, not too long, with no stack
 * trace, no "[object Object]", no serialised zod issues and no database internals.
 */
export function readable(message: string | null): boolean {
  if (!message) return false;
  const m = message.trim();
  if (m.length < 10 || m.length > 2_000) return false;
  if ((m.match(/\p{L}{2,}/gu) ?? []).length < 3) return false; // three words at least
  if (/\[object \w+\]/.test(m)) return false;
  if (/\n\s+at \S/.test(m) || /\(\S+:\d+:\d+\)/.test(m)) return false; // stack frames
  if (/"(?:code|path|expected|received)"\s*:/.test(m) || /\bZodError\b|"issues"/.test(m)) return false; // a zod dump
  if (/Invalid `|\bprisma\.|PrismaClient|SQLITE_|\bP[12]\d{3}\b|DriverAdapterError/.test(m)) return false; // database internals
  if (/\b(?:TypeError|ReferenceError|RangeError|Cannot read propert)/.test(m)) return false;
  return true;
}

/** The operation names of every mutation the app sends (from app/graphql), to count Shopify writes in the stand-in's ledger. */
export function appMutationNames(): Set<string> {
  const dir = path.resolve(import.meta.dirname, "..", "..", "app", "graphql");
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".ts")) continue;
    for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/\bmutation\s+([A-Za-z_]\w*)/g)) names.add(m[1]!);
  }
  return names;
}

const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).digest("hex").slice(0, 16);

/**
 * Counts every row any statement inserts, updates or deletes in the app's tables (a trigger per
 * table bumps one counter row), so "did this request write anything?" costs one tiny query.
 * Writes rolled back with their transaction are not counted.
 */
export async function installWriteCounter(db: Db, provider: "sqlite" | "postgres", tables: readonly string[]) {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "BadInputWrites" ("id" INTEGER PRIMARY KEY, "n" INTEGER NOT NULL)`);
  await db.$executeRawUnsafe(`INSERT INTO "BadInputWrites" ("id", "n") VALUES (1, 0)`);
  const drops: string[] = [];
  if (provider === "postgres") {
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION bad_input_write() RETURNS trigger AS $$ BEGIN UPDATE "BadInputWrites" SET "n" = "n" + 1 WHERE "id" = 1; RETURN NULL; END $$ LANGUAGE plpgsql`);
    for (const t of tables) {
      await db.$executeRawUnsafe(`CREATE TRIGGER "bad_input_${t}" AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION bad_input_write()`);
      drops.push(`DROP TRIGGER IF EXISTS "bad_input_${t}" ON "${t}"`);
    }
    drops.push(`DROP FUNCTION IF EXISTS bad_input_write()`);
  } else {
    for (const t of tables) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        await db.$executeRawUnsafe(`CREATE TRIGGER "bad_input_${t}_${op}" AFTER ${op} ON "${t}" BEGIN UPDATE "BadInputWrites" SET "n" = "n" + 1 WHERE "id" = 1; END`);
        drops.push(`DROP TRIGGER IF EXISTS "bad_input_${t}_${op}"`);
      }
    }
  }
  drops.push(`DROP TABLE IF EXISTS "BadInputWrites"`);
  return {
    count: async () => Number((await db.$queryRaw<Array<{ n: unknown }>>`SELECT "n" FROM "BadInputWrites" WHERE "id" = 1`)[0]?.n ?? -1),
    remove: async () => {
      for (const sql of drops) await db.$executeRawUnsafe(sql);
    },
  };
}

/**
 * What a shop holds, three ways. `writes` is cheap enough for every payload: rows written (the
 * counter above), Shopify mutations sent and evidence files stored. `quick` is one SQL round trip
 * of counts, versions and last updates, taken when something was written, to tell a real change
 * from a write that put things back as they were. `deep` hashes the rows themselves, per batch.
 */
export function shopState(db: Db, shop: string, opts: { ledger: Ledger; evidenceDir: () => string; rowWrites: () => Promise<number> }) {
  const mutations = appMutationNames();
  let seen = 0;
  let sent = 0;
  const shopifyWrites = () => {
    // The ledger only grows: count the new entries only.
    for (; seen < opts.ledger.length; seen++) {
      const e = opts.ledger.at(seen)!;
      if (e.shop === shop && e.operationName !== null && mutations.has(e.operationName)) sent++;
    }
    return sent;
  };
  const files = () => {
    const dir = path.join(opts.evidenceDir(), shop);
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };
  async function writes(): Promise<string> {
    return `${await opts.rowWrites()}/${shopifyWrites()}/${files()}`;
  }
  /** The figures as JSON text (equal text: nothing changed). */
  async function quick(): Promise<string> {
    const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
      SELECT
        (SELECT COUNT(*) FROM "ReturnCase" WHERE "shop" = ${shop}) AS cases,
        (SELECT COALESCE(SUM("version"), 0) FROM "ReturnCase" WHERE "shop" = ${shop}) AS versions,
        (SELECT MAX("updatedAt") FROM "ReturnCase" WHERE "shop" = ${shop}) AS touched,
        (SELECT COUNT(*) FROM "CaseAuditEntry" WHERE "shop" = ${shop}) AS audit,
        (SELECT COUNT(*) FROM "CaseNote" n JOIN "ReturnCase" c ON c."id" = n."caseId" WHERE c."shop" = ${shop}) AS notes,
        (SELECT COUNT(*) FROM "CaseEvidence" e JOIN "ReturnCase" c ON c."id" = e."caseId" WHERE c."shop" = ${shop}) AS evidence,
        (SELECT COUNT(*) FROM "EvidenceUpload" WHERE "shop" = ${shop}) AS uploads,
        (SELECT COUNT("caseId") FROM "EvidenceUpload" WHERE "shop" = ${shop}) AS attached,
        (SELECT COUNT(*) FROM "PolicyVersion" WHERE "shop" = ${shop}) AS policies,
        (SELECT COUNT(*) FROM "SimulationRun" WHERE "shop" = ${shop}) AS runs,
        (SELECT COUNT(*) FROM "IntakeClaim" WHERE "shop" = ${shop}) AS claims,
        (SELECT COALESCE(MAX("next"), 0) FROM "RmaCounter" WHERE "shop" = ${shop}) AS rma`;
    const counts = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]));
    return JSON.stringify({ ...counts, shopifyWrites: shopifyWrites(), files: files() });
  }
  async function deep(): Promise<string> {
    const cases = await db.returnCase.findMany({ where: { shop }, orderBy: { id: "asc" }, include: { lines: { orderBy: { id: "asc" } }, evidence: { orderBy: { id: "asc" } }, notes: { orderBy: { id: "asc" } } } });
    return sha({
      cases,
      audit: await db.caseAuditEntry.findMany({ where: { shop }, orderBy: { id: "asc" }, select: { id: true, action: true } }),
      uploads: await db.evidenceUpload.findMany({ where: { shop }, orderBy: { id: "asc" } }),
      policies: await db.policyVersion.findMany({ where: { shop }, orderBy: { version: "asc" } }),
      runs: await db.simulationRun.findMany({ where: { shop }, orderBy: { id: "asc" } }),
      claims: await db.intakeClaim.findMany({ where: { shop }, orderBy: { id: "asc" } }),
      rma: await db.rmaCounter.findUnique({ where: { shop } }),
      shopRow: await db.shop.findUnique({ where: { shop } }),
      sessions: await db.session.findMany({ where: { shop }, orderBy: { id: "asc" } }),
      writes: shopifyWrites(),
      files: files(),
    });
  }
  return { writes, quick, deep };
}

function changedKeys(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return Object.keys(b).filter((k) => a[k] !== b[k]).map((k) => `${k} ${String(a[k])}→${String(b[k])}`).join(", ");
}

export type Expectation = "reject" | "readonly";

/**
 * Sends payloads and keeps the figures. `reject`: the payload is bad by construction, so it
 * must get a 4xx and change nothing. `readonly`: any answer below 500 will do (a read, or a
 * request that is harmless however it is answered), but it must change nothing either.
 */
export function createProber(state: { writes: () => Promise<string>; quick: () => Promise<string>; deep: () => Promise<string> }) {
  const figures = { payloads: 0, answers5xx: 0, stateChanges: 0, unreadable4xx: 0, acceptedBadInput: 0, answers4xx: 0, pollution: 0, writesPutBack: 0 };
  const perSurface: Record<string, number> = {};
  const findings: string[] = [];
  let writesBefore = "";
  let quickBefore = "";
  let deepBefore = "";
  const note = (line: string) => {
    if (findings.length < 60) findings.push(line);
  };

  async function begin() {
    writesBefore = await state.writes();
    quickBefore = await state.quick();
    deepBefore = await state.deep();
  }

  async function send(surface: string, expectation: Expectation, describe: string, run: () => Promise<Answer & { crash?: unknown }>) {
    figures.payloads++;
    perSurface[surface] = (perSurface[surface] ?? 0) + 1;
    const a = await run();
    const what = `${surface} ${describe.slice(0, 160)}`;
    if (a.status >= 500) {
      figures.answers5xx++;
      const why = a.crash instanceof Error ? `${a.crash.name}: ${a.crash.message.slice(0, 200)}` : a.text.slice(0, 200);
      note(`5xx ${a.status} ← ${what} :: ${why}`);
    } else if (a.status >= 400) {
      figures.answers4xx++;
      const message = messageOf(a);
      if (!readable(message)) {
        figures.unreadable4xx++;
        note(`unreadable ${a.status} ← ${what} :: ${JSON.stringify(message ?? a.text).slice(0, 200)}`);
      }
    } else if (expectation === "reject") {
      figures.acceptedBadInput++;
      note(`accepted ${a.status} ← ${what} :: ${a.text.slice(0, 160)}`);
    }
    if (({} as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).isAdmin !== undefined) {
      figures.pollution++;
      note(`Object.prototype polluted ← ${what}`);
      delete (Object.prototype as Record<string, unknown>).polluted;
      delete (Object.prototype as Record<string, unknown>).isAdmin;
    }
    const writesAfter = await state.writes();
    if (writesAfter === writesBefore) return a;
    writesBefore = writesAfter;
    const quickAfter = await state.quick();
    // Written, but every figure as before: rows put back (a claim released, say); the batch's
    // row comparison below still sees any change the figures miss.
    if (quickAfter === quickBefore) {
      figures.writesPutBack++;
      if (process.env.CLAUSE_BAD_INPUT_TRACE) console.log(`written and put back (${a.status}) ← ${what}`);
    }
    else {
      // An accepted payload may change things (it is counted above as accepted); a refused one may not.
      if (a.status >= 400 || expectation === "readonly") {
        figures.stateChanges++;
        note(`state changed (${a.status}: ${changedKeys(quickBefore, quickAfter)}) ← ${what}`);
      }
      quickBefore = quickAfter;
      deepBefore = await state.deep();
    }
    return a;
  }

  /** After a batch: the rows themselves, for a change the quick fingerprint cannot see. */
  async function settle(surface: string) {
    const deepAfter = await state.deep();
    if (deepAfter !== deepBefore) {
      figures.stateChanges++;
      note(`state changed in batch ${surface} (rows differ, counts do not)`);
    }
    deepBefore = deepAfter;
    quickBefore = await state.quick();
    writesBefore = await state.writes();
  }

  return { begin, send, settle, figures, perSurface, findings };
}
