// The agent return queue (/app/returns) and the home page's counts, through the real route
// loader and action on a real database, with Shopify answered by the stand-in.
import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { getPreset, presets, type ClaimType } from "~/domain/policy";
import type { CaseStatus } from "~/domain/cases";
import { endOfLocalToday } from "~/domain/cases/queue-day";
import { describeDb, dbProvider } from "../setup/describe-db";
import { adminDocumentRequest, adminFetchRequest, installShop, shopDomain, standIn } from "../helpers/shopify-test-app";
import { caseScene, db } from "../helpers/case-scene";
import type { BulkApproveResult as ApproveAnswer } from "~/routes/app.returns._index";

const HOUR = 3_600_000;
const LA = "America/Los_Angeles"; // Pura's calendar zone: the queue's days are counted there.

const route = () => import("~/routes/app.returns._index");
type QueueData = Awaited<ReturnType<Awaited<ReturnType<typeof route>>["loader"]>>;

async function queue(store: string, search = ""): Promise<QueueData> {
  const { loader } = await route();
  return loader({ request: await adminDocumentRequest(store, `/app/returns${search}`), params: {}, context: {} });
}

/** The 400 a bad URL gets, thrown by the loader as Response.json({ error }). */
async function queueRefusal(store: string, search: string) {
  const thrown = await queue(store, search).then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Response);
  const response = thrown as Response;
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

/** Every page from the first, following nextCursor; checks the page flags on the way. */
async function walkForward(store: string, search: string) {
  const pages: string[][] = [];
  let data = await queue(store, search);
  expect(data.hasPrevious).toBe(false);
  pages.push(data.rows.map((r) => r.id));
  while (data.hasNext) {
    data = await queue(store, `${search}${search ? "&" : "?"}after=${data.nextCursor}`);
    expect(data.hasPrevious).toBe(true);
    pages.push(data.rows.map((r) => r.id));
  }
  return { pages, last: data };
}

async function approveRequest(store: string, fields: Array<[string, string]>) {
  const { action } = await route();
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const request = await adminFetchRequest(store, "/app/returns?index", { method: "POST", body: form });
  return action({ request, params: {}, context: {} });
}

type Spec = {
  order: string;
  email: string;
  name: string;
  rma?: string;
  status?: CaseStatus;
  claimType?: ClaimType;
  urgent?: boolean;
  escalated?: boolean;
  /** slaDueAt; null for no running timer. */
  due?: Date | null;
  createdAt: Date;
};

/** A shop on Pura's policy (zone America/Los_Angeles) with cases made from specs. */
async function queueShop(prefix: string, specs: Spec[]) {
  const store = `${prefix}-${randomUUID().slice(0, 8)}`;
  await installShop(store);
  const shop = shopDomain(store);
  const { savePolicyVersion } = await import("~/models/policy-version.server");
  const { createCase } = await import("~/models/return-case.server");
  await savePolicyVersion(await db(), shop, getPreset("pura"), { actor: "test", presetId: "pura" });
  const ids: string[] = [];
  for (const s of specs) {
    const created = await createCase(
      await db(),
      shop,
      {
        orderId: `gid://shopify/Order/${ids.length + 1}`,
        orderName: s.order,
        customerEmail: s.email,
        customerName: s.name,
        rmaNumber: s.rma ?? null,
        claimType: s.claimType ?? "RETURN",
        policyId: "pura",
        policyVersion: 1,
        policyJson: JSON.stringify(presets.pura),
        decisionJson: "{}",
        orderJson: "{}",
        requestJson: "{}",
        currency: "USD",
        refundEstimate: "42.50",
        fullyEligible: true,
        lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Diffuser", quantity: 1, declaredCondition: "UNOPENED", refundBasisPoints: 10000, code: "OK", clause: "condition.unopened", explanation: "Unopened items are refunded in full." }],
      },
      "customer",
      s.createdAt,
    );
    await (await db()).returnCase.update({
      where: { id: created.id },
      data: { status: s.status ?? "REQUESTED", urgent: s.urgent ?? false, escalated: s.escalated ?? false, ...(s.due !== undefined ? { slaDueAt: s.due } : {}) },
    });
    ids.push(created.id);
  }
  return { store, shop, ids };
}

/** The shop's cases as stored, for expectations computed from the data. */
async function stored(shop: string) {
  return (await db()).returnCase.findMany({ where: { shop } });
}
type Stored = Awaited<ReturnType<typeof stored>>[number];

/** The queue's SLA order, computed here independently: due soonest first, no timer last, then created, then id. */
function slaOrder(a: Stored, b: Stored): number {
  const due = (c: Stored) => (c.slaDueAt ? c.slaDueAt.getTime() : Number.POSITIVE_INFINITY);
  return due(a) - due(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function newestOrder(a: Stored, b: Stored): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

const localDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: LA, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
const sorted = (ids: string[]) => [...ids].sort();

describeDb(`return queue (${dbProvider})`, () => {
  // Twelve cases over statuses, claim types, flags, SLA states and LA day boundaries.
  async function variedShop() {
    const now = Date.now();
    const specs: Spec[] = [
      { order: "#Q1001", email: "Ana.Lopez@Example.com", name: "Ana Lopez", rma: "PUR-1001", status: "APPROVED", due: new Date(now - 2 * HOUR), createdAt: new Date("2026-03-01T07:59:00Z") },
      { order: "#Q1002", email: "ben@example.com", name: "Ben Kim", urgent: true, due: new Date(now + 30 * HOUR), createdAt: new Date("2026-03-01T08:00:00Z") },
      { order: "#Q1003", email: "cara@example.com", name: "Cara Sato", claimType: "DEFECTIVE", escalated: true, due: new Date(now - 50 * HOUR), createdAt: new Date("2026-03-31T23:00:00Z") },
      { order: "#Q1004", email: "dev@example.com", name: "Dev Patel", claimType: "DAMAGED_IN_TRANSIT", urgent: true, escalated: true, due: null, createdAt: new Date("2026-04-01T06:59:00Z") },
      { order: "#Q1005", email: "eve@example.com", name: "Eve Walker", status: "DECLINED", due: null, createdAt: new Date("2026-04-01T07:00:00Z") },
      { order: "#Q1006", email: "finn@example.com", name: "Finn Brown", rma: "PUR-1006", status: "RECEIVED", claimType: "WRONG_ITEM", due: new Date(now + 3 * HOUR), createdAt: new Date("2026-04-15T12:00:00Z") },
      { order: "#Q1007", email: "gia@example.com", name: "Gia Nguyen", rma: "PUR-1007", status: "REFUNDED", due: null, createdAt: new Date("2026-02-10T12:00:00Z") },
      { order: "#Q1008", email: "hal@example.com", name: "Hal Miller", status: "CLOSED", due: null, createdAt: new Date("2026-02-11T12:00:00Z") },
      { order: "#Q1009", email: "ivy@example.com", name: "Ivy Garcia", urgent: true, due: new Date(now - 1 * HOUR), createdAt: new Date("2026-05-01T12:00:00Z") },
      { order: "#Q1010", email: "jo@example.com", name: "Jo Tanaka", status: "IN_TRANSIT", claimType: "MISSING_ITEM", escalated: true, due: new Date(now + 100 * HOUR), createdAt: new Date("2026-05-02T12:00:00Z") },
      { order: "#Q1011", email: "kai@example.com", name: "Kai Smith", status: "INSPECTED", due: new Date(now + 3 * HOUR), createdAt: new Date("2026-05-03T12:00:00Z") },
      { order: "#Q1012", email: "lea@example.com", name: "Lea Lopez", claimType: "DEFECTIVE", due: new Date(now + 3 * HOUR), createdAt: new Date("2026-05-03T12:00:00Z") },
    ];
    const scene = await queueShop("queue-filters", specs);
    return { ...scene, cases: await stored(scene.shop) };
  }

  it("filters by status, claim type, urgent, escalated, overdue and created dates (in the shop's zone)", async () => {
    const { store, cases } = await variedShop();
    const now = new Date();
    const ids = async (search: string) => sorted((await queue(store, search)).rows.map((r) => r.id));
    const expected = (keep: (c: Stored) => boolean) => sorted(cases.filter(keep).map((c) => c.id));

    expect(await ids("")).toEqual(expected(() => true));
    expect(await ids("?status=REQUESTED&status=APPROVED")).toEqual(expected((c) => ["REQUESTED", "APPROVED"].includes(c.status)));
    expect(await ids("?status=RECEIVED,INSPECTED")).toEqual(expected((c) => ["RECEIVED", "INSPECTED"].includes(c.status)));
    expect(await ids("?claimType=DEFECTIVE&claimType=WRONG_ITEM")).toEqual(expected((c) => ["DEFECTIVE", "WRONG_ITEM"].includes(c.claimType)));
    expect(await ids("?urgent=true")).toEqual(expected((c) => c.urgent));
    expect(await ids("?urgent=false")).toEqual(expected((c) => !c.urgent));
    expect(await ids("?escalated=true")).toEqual(expected((c) => c.escalated));
    expect(await ids("?overdue=true")).toEqual(expected((c) => c.slaDueAt !== null && c.slaDueAt <= now));
    expect(await ids("?overdue=false")).toEqual(expected((c) => c.slaDueAt === null || c.slaDueAt > now));
    // March in Los Angeles: 07:59Z on Mar 1 is still Feb 28 there, 06:59Z on Apr 1 still Mar 31.
    expect(await ids("?createdFrom=2026-03-01&createdTo=2026-03-31")).toEqual(expected((c) => localDay(c.createdAt) >= "2026-03-01" && localDay(c.createdAt) <= "2026-03-31"));
    expect(await ids("?createdFrom=2026-04-01")).toEqual(expected((c) => localDay(c.createdAt) >= "2026-04-01"));
    expect(await ids("?createdTo=2026-02-28")).toEqual(expected((c) => localDay(c.createdAt) <= "2026-02-28"));
    expect((await ids("?createdFrom=2026-03-01&createdTo=2026-03-31")).length).toBe(3);
    // Filters combine (AND).
    expect(await ids("?status=REQUESTED&urgent=true&overdue=true")).toEqual(expected((c) => c.status === "REQUESTED" && c.urgent && c.slaDueAt !== null && c.slaDueAt <= now));
    expect(await ids("?escalated=true&claimType=DEFECTIVE&claimType=DAMAGED_IN_TRANSIT")).toEqual(expected((c) => c.escalated && ["DEFECTIVE", "DAMAGED_IN_TRANSIT"].includes(c.claimType)));
  });

  it("searches order name, RMA, email and customer name, ignoring case", async () => {
    const { store, cases } = await variedShop();
    const ids = async (q: string) => sorted((await queue(store, `?q=${encodeURIComponent(q)}`)).rows.map((r) => r.id));
    const matching = (q: string) => sorted(cases.filter((c) => c.searchText.includes(q.trim().toLowerCase())).map((c) => c.id));
    const byOrder = (order: string) => cases.find((c) => c.orderName === order)!.id;

    expect(await ids("#Q1003")).toEqual([byOrder("#Q1003")]);
    expect(await ids("q1003")).toEqual([byOrder("#Q1003")]);
    expect(await ids("pur-1006")).toEqual([byOrder("#Q1006")]);
    expect(await ids("PUR-1006")).toEqual([byOrder("#Q1006")]);
    expect(await ids("ANA.LOPEZ@example.COM")).toEqual([byOrder("#Q1001")]);
    expect(await ids("  lopez ")).toEqual(matching("lopez"));
    expect(await ids("lopez")).toHaveLength(2);
    expect(await ids("nobody-here")).toEqual([]);
    // Search combines with the other filters.
    expect((await queue(store, "?q=lopez&status=APPROVED")).rows.map((r) => r.id)).toEqual([byOrder("#Q1001")]);
    const none = await queue(store, "?q=nobody-here");
    expect(none).toMatchObject({ rows: [], shopHasCases: true, hasNext: false, hasPrevious: false });
  });

  it("sorts by SLA due (soonest first, no timer last) or newest, and shapes each row", async () => {
    const { store, shop, cases } = await variedShop();
    const bySla = await queue(store, "");
    expect(bySla.rows.map((r) => r.id)).toEqual([...cases].sort(slaOrder).map((c) => c.id));
    expect((await queue(store, "?sort=sla")).rows.map((r) => r.id)).toEqual(bySla.rows.map((r) => r.id));
    const newest = await queue(store, "?sort=newest");
    expect(newest.rows.map((r) => r.id)).toEqual([...cases].sort(newestOrder).map((c) => c.id));

    const row = (order: string) => bySla.rows.find((r) => r.orderName === order)!;
    expect(row("#Q1003")).toMatchObject({ rma: "—", customer: "Cara Sato", claimType: "DEFECTIVE", status: "REQUESTED", escalated: true, refundEstimate: "$42.50" });
    expect(row("#Q1003").sla).toEqual({ text: expect.stringMatching(/^overdue \d+ business (hour|day)s?$/), tone: "critical" });
    expect(row("#Q1001")).toMatchObject({ rma: "PUR-1001", status: "APPROVED" });
    expect(row("#Q1004").sla).toBeNull();
    // Due in 3 hours: less than a business day, so a warning (unless the 3 hours fall outside business time).
    expect(row("#Q1006").sla?.text).toMatch(/^due in \d+ business hours?$/);
    expect(row("#Q1010").sla?.tone).toBeNull();
    // Dates show in the policy's zone: 07:59Z on Mar 1 is Feb 28 in Los Angeles.
    expect(row("#Q1001").created).toBe("Feb 28, 2026");
    expect(bySla.timeZone).toBe(LA);
    expect(cases.every((c) => c.shop === shop)).toBe(true);
  });

  it("pages through more than 25 cases with no duplicates or gaps, forward and back, in both sorts", async () => {
    const base = Date.parse("2026-06-01T16:00:00Z");
    // Ties on purpose: due times repeat every 7 cases, creation times in pairs, and every 5th case has no timer.
    const specs: Spec[] = Array.from({ length: 61 }, (_, i) => ({
      order: `#P${2000 + i}`,
      email: `p${i}@example.com`,
      name: `Pager ${i}`,
      urgent: i % 3 === 0,
      due: i % 5 === 0 ? null : new Date(base + (i % 7) * HOUR),
      createdAt: new Date(base - Math.floor(i / 2) * 60_000),
    }));
    const { store, shop } = await queueShop("queue-pages", specs);
    const cases = await stored(shop);

    for (const [search, order, keep] of [
      ["", slaOrder, () => true],
      ["?sort=newest", newestOrder, () => true],
      ["?urgent=true", slaOrder, (c: Stored) => c.urgent],
    ] as const) {
      const expected = cases.filter(keep).sort(order).map((c) => c.id);
      const { pages, last } = await walkForward(store, search);
      expect(pages.flat()).toEqual(expected);
      expect(new Set(pages.flat()).size).toBe(expected.length);
      expect(pages.slice(0, -1).every((p) => p.length === 25)).toBe(true);
      expect(pages.at(-1)!.length).toBe(expected.length - 25 * (pages.length - 1));

      // And back from the last page with the previous cursors.
      const backward: string[][] = [last.rows.map((r) => r.id)];
      let data = last;
      while (data.hasPrevious) {
        data = await queue(store, `${search}${search ? "&" : "?"}before=${data.previousCursor}`);
        expect(data.hasNext).toBe(true);
        backward.unshift(data.rows.map((r) => r.id));
      }
      expect(backward).toEqual(pages);
    }
    const sizes = (await walkForward(store, "")).pages.map((p) => p.length);
    expect(sizes).toEqual([25, 25, 11]);
  });

  it("never shows, pages from or approves another shop's cases", async () => {
    const spec = (n: number): Spec => ({ order: `#S${n}`, email: `same@example.com`, name: "Same Name", due: new Date(Date.now() - HOUR), createdAt: new Date("2026-05-01T12:00:00Z") });
    const mine = await queueShop("queue-mine", [spec(1), spec(2)]);
    const theirs = await queueShop("queue-theirs", [spec(1), spec(2), spec(3)]);

    for (const search of ["", "?q=same%40example.com", "?q=%23S1", "?overdue=true", "?status=REQUESTED&sort=newest"]) {
      const data = await queue(mine.store, search);
      expect(data.rows.every((r) => mine.ids.includes(r.id))).toBe(true);
      expect(data.rows.length).toBeGreaterThan(0);
    }
    expect(sorted((await queue(mine.store)).rows.map((r) => r.id))).toEqual(sorted(mine.ids));
    // Another shop's case id as a page cursor is simply unknown here.
    expect(await queueRefusal(mine.store, `?after=${theirs.ids[0]}`)).toEqual({ status: 400, error: expect.stringMatching(/no longer valid/) });

    const answer = (await approveRequest(mine.store, [["intent", "bulkApprove"], ["ids[]", theirs.ids[0]!], ["ids[]", theirs.ids[1]!]])) as ApproveAnswer;
    expect(answer).toMatchObject({ approved: 0, failed: [] });
    expect(answer.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/not found in this store/), expect.stringMatching(/not found in this store/)]);
    const untouched = await (await db()).returnCase.findMany({ where: { id: { in: theirs.ids } } });
    expect(untouched.every((c) => c.status === "REQUESTED" && c.version === 0 && c.shop === theirs.shop)).toBe(true);
  });

  it("answers a URL it cannot read with 400 and a readable message", async () => {
    const { store } = await queueShop("queue-bad", [{ order: "#B1", email: "b@example.com", name: "B", createdAt: new Date() }]);
    const cases: Array<[string, RegExp]> = [
      ["?status=SHIPPED", /status: "SHIPPED" is not a case status; use REQUESTED, APPROVED/],
      ["?claimType=BROKEN", /claimType: "BROKEN" is not a claim type/],
      ["?urgent=yes", /urgent: "yes" is not true or false/],
      ["?overdue=1", /overdue: "1" is not true or false/],
      ["?createdFrom=2026-02-30", /createdFrom: use a date like/],
      ["?createdTo=yesterday", /createdTo: use a date like/],
      ["?createdFrom=2026-03-10&createdTo=2026-03-01", /createdTo: the end date 2026-03-01 is before the start date 2026-03-10/],
      ["?sort=oldest", /sort: sort by sla or newest/],
      ["?after=..%2F..%2Fetc", /after: this page link is not valid/],
      ["?after=abc&before=def", /give either after or before/],
      ["?after=doesnotexist", /This page link is no longer valid/],
      [`?q=${"x".repeat(101)}`, /q: search at most 100 characters/],
    ];
    for (const [search, message] of cases) {
      const refusal = await queueRefusal(store, search);
      expect(refusal.status, search).toBe(400);
      expect(refusal.error, search).toMatch(message);
    }
  });

  it("bulk approve approves only fully eligible requested cases; Shopify's returns open for those", async () => {
    const candle = { title: "Spark Candle", productType: "Candle", vendor: "Soulmate Spark Studio", price: "30.00" };
    const mask = { title: "Silk Sleep Mask", productType: "Sleep mask", vendor: "Soulmate Spark Studio", tags: ["hygiene"], price: "25.00" };
    const crystals = { title: "Crystal Set", productType: "Crystals", vendor: "Soulmate Spark Studio", price: "45.00" };
    const journal = { title: "Love Journal", productType: "Stationery", vendor: "Soulmate Spark Studio", price: "18.00" };
    const s = await caseScene({ preset: "soulmate-spark-studio", lines: [{ product: candle }, { product: mask }, { product: crystals }, { product: journal }] });
    const open = (i: number) => s.open({ type: "RETURN", lines: [{ lineItemId: s.lineId(i), quantity: 1, condition: "UNOPENED" }] });
    const a = await open(0);
    const hygiene = await open(1);
    const already = await open(2);
    const d = await open(3);
    expect([a.fullyEligible, hygiene.fullyEligible, already.fullyEligible, d.fullyEligible]).toEqual([true, false, true, true]);

    // A bad payload changes nothing and never reaches Shopify.
    const calls = standIn.ledger.forShop(s.shop).length;
    for (const fields of [
      [["ids[]", a.id]],
      [["intent", "bulkDecline"], ["ids[]", a.id]],
      [["intent", "bulkApprove"]],
      [["intent", "bulkApprove"], ["ids[]", "not a case id!"]],
    ] as Array<Array<[string, string]>>) {
      const refused = await approveRequest(s.store, fields);
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(400);
      expect(((await (refused as Response).json()) as { error: string }).error).toMatch(/^Nothing was approved: (intent|ids)/);
    }
    expect(standIn.ledger.forShop(s.shop).length).toBe(calls);
    expect((await s.shopifyReturn(a.shopifyReturnId!)).status).toBe("REQUESTED");

    const first = (await approveRequest(s.store, [["intent", "bulkApprove"], ["ids[]", already.id]])) as ApproveAnswer;
    expect(first).toMatchObject({ approved: 1, approvedIds: [already.id], skipped: [], failed: [] });

    const other = await queueShop("queue-approve-other", [{ order: "#O1", email: "o@example.com", name: "O", createdAt: new Date() }]);
    const answer = (await approveRequest(s.store, [
      ["intent", "bulkApprove"],
      ["ids[]", a.id],
      ["ids[]", hygiene.id],
      ["ids[]", already.id],
      ["ids[]", d.id],
      ["ids[]", other.ids[0]!],
      ["ids[]", a.id],
    ])) as ApproveAnswer;
    expect(answer.approved).toBe(2);
    expect(sorted(answer.approvedIds)).toEqual(sorted([a.id, d.id]));
    expect(answer.failed).toEqual([]);
    expect(answer.skipped).toEqual([
      { id: hygiene.id, label: hygiene.rmaNumber, reason: expect.stringMatching(/Not every item is eligible/) },
      { id: already.id, label: expect.stringMatching(/^RMA-/), reason: expect.stringMatching(/already approved/) },
      { id: other.ids[0], label: other.ids[0], reason: expect.stringMatching(/not found in this store/) },
    ]);

    for (const c of [a, d, already]) expect((await s.shopifyReturn(c.shopifyReturnId!)).status).toBe("OPEN");
    expect((await s.shopifyReturn(hygiene.shopifyReturnId!)).status).toBe("REQUESTED");
    const after = new Map((await stored(s.shop)).map((c) => [c.id, c]));
    expect(after.get(a.id)).toMatchObject({ status: "APPROVED", version: 1, rmaNumber: expect.stringMatching(/^RMA-\d{4,}$/) });
    expect(after.get(d.id)).toMatchObject({ status: "APPROVED", version: 1 });
    expect(after.get(hygiene.id)).toMatchObject({ status: "REQUESTED", version: 0, rmaNumber: hygiene.rmaNumber });
    const otherCase = await (await db()).returnCase.findUnique({ where: { id: other.ids[0]! } });
    expect(otherCase).toMatchObject({ status: "REQUESTED", version: 0 });
    // The audit names the agent behind the session token.
    const audit = await (await db()).caseAuditEntry.findFirst({ where: { caseId: a.id, action: "approve" } });
    expect(audit?.actor).toMatch(/^staff/);

    // The queue shows the outcome: the hygiene case still waits, the approved ones carry their RMA.
    const requested = await queue(s.store, "?status=REQUESTED");
    expect(requested.rows.map((r) => r.id)).toEqual([hygiene.id]);
    expect(requested.rows[0]).toMatchObject({ fullyEligible: false, refundEstimate: "$0.00" });
  });

  it("home counts: due today, overdue, escalated and open, in the shop's zone at a fixed now", async () => {
    // Wednesday 2026-11-18, 13:00 in Los Angeles; the day ends at 08:00Z on the 19th.
    const now = new Date("2026-11-18T21:00:00Z");
    const endOfToday = endOfLocalToday(LA, now);
    expect(endOfToday.toISOString()).toBe("2026-11-19T08:00:00.000Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    const created = new Date("2026-11-16T17:00:00Z");
    const specs: Spec[] = [
      { order: "#H1", email: "h1@example.com", name: "H1", status: "REQUESTED", due: at(-HOUR), createdAt: created },
      { order: "#H2", email: "h2@example.com", name: "H2", status: "APPROVED", due: now, createdAt: created },
      { order: "#H3", email: "h3@example.com", name: "H3", status: "REQUESTED", due: at(5 * HOUR), createdAt: created },
      { order: "#H4", email: "h4@example.com", name: "H4", status: "RECEIVED", due: new Date(endOfToday.getTime() - 60_000), createdAt: created },
      { order: "#H5", email: "h5@example.com", name: "H5", status: "REQUESTED", due: endOfToday, createdAt: created },
      { order: "#H6", email: "h6@example.com", name: "H6", status: "INSPECTED", due: at(30 * HOUR), escalated: true, createdAt: created },
      { order: "#H7", email: "h7@example.com", name: "H7", status: "IN_TRANSIT", due: null, escalated: true, createdAt: created },
      { order: "#H8", email: "h8@example.com", name: "H8", status: "DECLINED", due: at(-HOUR), escalated: true, createdAt: created },
      { order: "#H9", email: "h9@example.com", name: "H9", status: "REFUNDED", due: at(2 * HOUR), createdAt: created },
      { order: "#H10", email: "h10@example.com", name: "H10", status: "CLOSED", due: null, createdAt: created },
    ];
    const { store, shop } = await queueShop("queue-home", specs);
    const cases = await stored(shop);
    const open = cases.filter((c) => ["REQUESTED", "APPROVED", "IN_TRANSIT", "RECEIVED", "INSPECTED"].includes(c.status));
    const expected = {
      open: open.length,
      overdue: open.filter((c) => c.slaDueAt !== null && c.slaDueAt <= now).length,
      dueToday: open.filter((c) => c.slaDueAt !== null && c.slaDueAt > now && localDay(c.slaDueAt) === localDay(now)).length,
      escalated: open.filter((c) => c.escalated).length,
    };
    expect(expected).toEqual({ open: 7, overdue: 2, dueToday: 2, escalated: 2 });

    const { caseCounts } = await import("~/models/case-queue.server");
    expect(await caseCounts(await db(), shop, now, LA)).toEqual(expected);
    // In New York the day ends three hours earlier: H4 (23:59 in LA) is tomorrow there.
    expect((await caseCounts(await db(), shop, now, "America/New_York")).dueToday).toBe(1);

    vi.useFakeTimers({ toFake: ["Date"], now });
    try {
      const { loader } = await import("~/routes/app._index");
      const home = await loader({ request: await adminDocumentRequest(store, "/app"), params: {}, context: {} });
      expect(home.queue.counts).toEqual(expected);
      expect(home.queue.timeZone).toBe(LA);
      // Each count links to the queue filtered to exactly the cases it counts.
      for (const key of ["open", "overdue", "dueToday", "escalated"] as const) {
        const link = new URL(home.queue.links[key], "https://clause.test");
        expect(link.pathname).toBe("/app/returns");
        const listed = await queue(store, link.search);
        expect(listed.rows.length, key).toBe(expected[key]);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
