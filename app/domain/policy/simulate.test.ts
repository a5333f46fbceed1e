/**
 * simulateOrders on hand-made orders: every expectation is computed here from decide() (never
 * hard-coded amounts), and money is checked in bigint minor units.
 */
import { describe, expect, it } from "vitest";
import { minorUnits } from "../money/currency";
import { formatDecimal, parseDecimal } from "../money/money";
import { decide, orderSchema, parsePolicy, presets, type Decision, type OrderSnapshot, type Policy, type ReturnRequest } from "./index";
import {
  MAX_EXAMPLES,
  SIMULATION_CONDITIONS,
  emptySimulationResult,
  mergeSimulationResults,
  simulateOrders,
  simulationRequest,
  type SimulationCondition,
} from "./simulate";
import { buildOrder, lineGid, type OrderSpec } from "./testing";

const NOW = new Date("2026-06-15T16:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** Purtly's policy in force: 30-day window, UNOPENED 100 %, OPENED 85 %, original shipping deducted. */
const current: Policy = presets.purtly;

function draftOf(edit: (p: Policy) => void): Policy {
  const copy = structuredClone(current) as Policy;
  edit(copy);
  return parsePolicy(copy);
}

type Named = OrderSpec & { name: string; titles?: Record<string, string> };

/** An order as the simulation service hands it over: the engine's snapshot plus name and line titles. */
function order(spec: Named): OrderSnapshot {
  const raw = buildOrder(spec) as { lineItems: { nodes: Array<{ id: string }> } };
  const parsed = orderSchema.parse(raw);
  return {
    ...parsed,
    name: spec.name,
    lineItems: { nodes: parsed.lineItems.nodes.map((li) => ({ ...li, name: spec.titles?.[li.id.replace("gid://shopify/LineItem/", "")] ?? `Item ${li.id}` })) },
  } as OrderSnapshot;
}

let seq = 0;
const oid = () => `gid://shopify/Order/${++seq}`;

/** A mixed bag: inside and outside the window, partial and canceled fulfillments, earlier returns, exclusions. */
function mixedOrders(currency = "USD"): OrderSnapshot[] {
  const p = (usd: string, jpy: string) => (currency === "JPY" ? jpy : usd);
  return [
    // Delivered 5 days ago, two lines, shipping charged.
    order({ id: oid(), name: "#1001", currency, shipping: [p("9.95", "800")], lines: [{ id: "11", price: p("199.80", "29800"), tags: ["purifier"] }, { id: "12", price: p("40.00", "1500"), quantity: 2, tags: ["filter", "clearance"] }], fulfillments: [{ createdAt: daysAgo(8), deliveredAt: daysAgo(5), lines: { "11": 1, "12": 2 } }] }),
    // Delivered 45 days ago: outside 30, inside 60.
    order({ id: oid(), name: "#1002", currency, lines: [{ id: "21", price: p("59.80", "4980") }], fulfillments: [{ createdAt: daysAgo(48), deliveredAt: daysAgo(45), lines: { "21": 1 } }] }),
    // Partly fulfilled: 1 of 3 units shipped; a second line not fulfilled at all.
    order({ id: oid(), name: "#1003", currency, shipping: [p("5.00", "500")], lines: [{ id: "31", price: p("12.60", "1260"), quantity: 3, tags: ["clearance"] }, { id: "32", price: p("20.00", "2000") }], fulfillments: [{ createdAt: daysAgo(10), deliveredAt: daysAgo(7), lines: { "31": 1 } }] }),
    // A canceled fulfillment, then the real one; an earlier OPEN return of one unit of two.
    order({ id: oid(), name: "#1004", currency, lines: [{ id: "41", price: p("100.00", "10000"), quantity: 2 }], fulfillments: [{ createdAt: daysAgo(20), displayStatus: "CANCELED", lines: { "41": 2 } }, { createdAt: daysAgo(19), deliveredAt: daysAgo(16), lines: { "41": 2 } }], returns: [{ status: "OPEN", lines: { "41": 1 } }] }),
    // Everything already returned (CLOSED); a DECLINED return does not hold items.
    order({ id: oid(), name: "#1005", currency, lines: [{ id: "51", price: p("80.00", "8000"), refundableQuantity: 0 }, { id: "52", price: p("30.00", "3000") }], fulfillments: [{ createdAt: daysAgo(12), deliveredAt: daysAgo(9), lines: { "51": 1, "52": 1 } }], returns: [{ status: "CLOSED", lines: { "51": 1 } }, { status: "DECLINED", lines: { "52": 1 } }] }),
    // Gift card and a subscription item (both excluded by Purtly).
    order({ id: oid(), name: "#1006", currency, lines: [{ id: "61", price: p("50.00", "5000"), isGiftCard: true }, { id: "62", price: p("24.00", "2400"), sellingPlan: true }, { id: "63", price: p("16.00", "1600") }], fulfillments: [{ createdAt: daysAgo(6), deliveredAt: null, lines: { "61": 1, "62": 1, "63": 1 } }] }),
    // Not fulfilled at all.
    order({ id: oid(), name: "#1007", currency, lines: [{ id: "71", price: p("99.00", "9900") }], fulfillments: [] }),
  ];
}

/** The scenario's requests, built here from what each hand-made order holds (not from the module). */
const EXPECTED_REQUEST_LINES: Record<string, Array<[string, number]>> = {
  "#1001": [["11", 1], ["12", 2]],
  "#1002": [["21", 1]],
  "#1003": [["31", 1]],
  "#1004": [["41", 1]],
  "#1005": [["52", 1]],
  "#1006": [["61", 1], ["62", 1], ["63", 1]],
  "#1007": [],
};

function nameOf(o: OrderSnapshot): string {
  return (o as OrderSnapshot & { name: string }).name;
}

function requestFor(o: OrderSnapshot, condition: SimulationCondition): ReturnRequest | null {
  const lines = EXPECTED_REQUEST_LINES[nameOf(o)] ?? [];
  if (lines.length === 0) return null;
  return { type: "RETURN", lines: lines.map(([id, quantity]) => ({ lineItemId: lineGid(id), quantity, reason: "", condition, evidence: [] })) };
}

/** The aggregate, the slow way: a plain loop of decide() calls. */
function directLoop(before: Policy, after: Policy, orders: OrderSnapshot[], now: Date) {
  const transitions: Record<string, Record<string, number>> = { UNOPENED: {}, OPENED: {} };
  const eligible: Record<string, { current: number; draft: number }> = { UNOPENED: { current: 0, draft: 0 }, OPENED: { current: 0, draft: 0 } };
  const refundChanged: Record<string, number> = { UNOPENED: 0, OPENED: 0 };
  const sums: Record<string, { lineCurrent: bigint; lineDraft: bigint; totalCurrent: bigint; totalDraft: bigint }> = {};
  const changedLines = new Set<string>();
  let evaluated = 0;
  for (const o of orders) {
    const scale = minorUnits(o.currencyCode);
    for (const condition of SIMULATION_CONDITIONS) {
      const request = requestFor(o, condition);
      if (!request) continue;
      if (condition === "UNOPENED") evaluated += request.lines.length;
      const b: Decision = decide(before, o, request, now);
      const a: Decision = decide(after, o, request, now);
      const key = `${o.currencyCode}|${condition}`;
      const sum = (sums[key] ??= { lineCurrent: 0n, lineDraft: 0n, totalCurrent: 0n, totalDraft: 0n });
      sum.totalCurrent += parseDecimal(b.refundTotal, scale);
      sum.totalDraft += parseDecimal(a.refundTotal, scale);
      b.lines.forEach((bl, i) => {
        const al = a.lines[i]!;
        if (bl.eligible) eligible[condition]!.current += 1;
        if (al.eligible) eligible[condition]!.draft += 1;
        if (bl.refundAmount) sum.lineCurrent += parseDecimal(bl.refundAmount, scale);
        if (al.refundAmount) sum.lineDraft += parseDecimal(al.refundAmount, scale);
        if (bl.code !== al.code) {
          const t = `${bl.code} → ${al.code}`;
          transitions[condition]![t] = (transitions[condition]![t] ?? 0) + 1;
        } else if (bl.refundAmount !== al.refundAmount) refundChanged[condition]! += 1;
        if (bl.code !== al.code || bl.refundAmount !== al.refundAmount) changedLines.add(`${o.id}/${bl.lineItemId}`);
      });
    }
  }
  return { transitions, eligible, refundChanged, sums, changed: changedLines.size, evaluated };
}

const transitionMap = (t: ReadonlyArray<{ from: string; to: string; count: number }>) => Object.fromEntries(t.map((x) => [`${x.from} → ${x.to}`, x.count]));

function expectMatchesLoop(before: Policy, after: Policy, orders: OrderSnapshot[]) {
  const result = simulateOrders(before, after, orders, NOW);
  const loop = directLoop(before, after, orders, NOW);
  expect(result.lines.evaluated).toBe(loop.evaluated);
  expect(result.lines.changed).toBe(loop.changed);
  for (const s of result.scenarios) {
    expect(s.lines).toBe(loop.evaluated);
    expect(transitionMap(s.transitions)).toEqual(loop.transitions[s.condition]);
    expect(s.eligible).toEqual(loop.eligible[s.condition]);
    expect(s.refundChanged).toBe(loop.refundChanged[s.condition]);
  }
  for (const t of result.totals) {
    const sum = loop.sums[`${t.currency}|${t.condition}`]!;
    const scale = minorUnits(t.currency);
    expect(t.lineRefunds).toEqual({ current: formatDecimal(sum.lineCurrent, scale), draft: formatDecimal(sum.lineDraft, scale), delta: formatDecimal(sum.lineDraft - sum.lineCurrent, scale) });
    expect(t.refundTotal).toEqual({ current: formatDecimal(sum.totalCurrent, scale), draft: formatDecimal(sum.totalDraft, scale), delta: formatDecimal(sum.totalDraft - sum.totalCurrent, scale) });
  }
  expect(result.totals.map((t) => `${t.currency}|${t.condition}`).sort()).toEqual(Object.keys(loop.sums).sort());
  return result;
}

describe("simulateOrders", () => {
  it("builds the documented scenario: every returnable line, whole, in one RETURN request per order and condition", () => {
    for (const o of mixedOrders()) {
      for (const condition of SIMULATION_CONDITIONS) expect(simulationRequest(o, condition)).toEqual(requestFor(o, condition));
    }
  });

  it("equals a direct loop of decide() calls (window, condition and exclusion changes at once)", () => {
    const draft = draftOf((p) => {
      p.returnWindow.days = 60;
      p.conditions.OPENED = { accepted: true, refundPercent: 80 };
      p.exclusions.push({ id: "clearance", title: "Clearance", match: [{ by: "productTag", values: ["clearance"] }], code: "FINAL_SALE", reason: "Clearance items are final sale.", appliesTo: ["RETURN"] });
    });
    const orders = mixedOrders();
    const result = expectMatchesLoop(current, draft, orders);
    expect(result.orders).toBe(7);
    expect(result.ordersFailed).toBe(0);
    // 12 lines: 1 not fulfilled (#1003's second line) + 1 on #1007, 1 with nothing left (#1005's first).
    expect(result.lines).toMatchObject({ total: 12, evaluated: 9, notFulfilled: 2, nothingToReturn: 1 });
    const unopened = result.scenarios.find((s) => s.condition === "UNOPENED")!;
    expect(transitionMap(unopened.transitions)).toMatchObject({ "OK → FINAL_SALE": 2, "RETURN_WINDOW_EXPIRED → OK": 1 });
    // Examples: every changed line (fewer than the limits here), in order, with both scenarios.
    expect(result.examples).toHaveLength(result.lines.changed);
    const first = result.examples[0]!;
    expect(first).toMatchObject({ orderName: "#1001", title: "Item gid://shopify/LineItem/11", change: "OPENED: refund", quantity: 1, currency: "USD" });
    const direct = decide(draft, orders[0]!, requestFor(orders[0]!, "OPENED")!, NOW).lines[0]!;
    expect(first.scenarios.OPENED.draft).toEqual({ code: direct.code, refund: direct.refundAmount });
    expect(result.examples.some((e) => e.change === "UNOPENED: OK → FINAL_SALE" && e.orderName === "#1003")).toBe(true);
  });

  it("OPENED 85 % → 80 % moves the OPENED totals by exactly 5 % of the opened lines' prices; UNOPENED does not move", () => {
    const draft = draftOf((p) => {
      p.conditions.OPENED = { accepted: true, refundPercent: 80 };
    });
    const orders = mixedOrders();
    const result = expectMatchesLoop(current, draft, orders);
    // The gross of every line OK on OPENED (prices chosen so 5 % and 85 % are whole cents).
    let gross = 0n;
    for (const o of orders) {
      const request = requestFor(o, "OPENED");
      if (!request) continue;
      for (const l of decide(current, o, request, NOW).lines) if (l.eligible) gross += parseDecimal(l.grossAmount!, 2);
    }
    expect(gross).toBeGreaterThan(0n);
    expect(gross % 20n).toBe(0n);
    const opened = result.totals.find((t) => t.condition === "OPENED")!;
    expect(parseDecimal(opened.lineRefunds.delta, 2)).toBe(-(gross * 5n) / 100n);
    expect(parseDecimal(opened.refundTotal.delta, 2)).toBe(-(gross * 5n) / 100n);
    expect(parseDecimal(opened.lineRefunds.current, 2) - parseDecimal(opened.lineRefunds.draft, 2)).toBe((gross * 5n) / 100n);
    const unopened = result.totals.find((t) => t.condition === "UNOPENED")!;
    expect(unopened.lineRefunds.delta).toBe("0.00");
    expect(unopened.refundTotal.delta).toBe("0.00");
    const openedScenario = result.scenarios.find((s) => s.condition === "OPENED")!;
    expect(openedScenario.transitions).toEqual([]);
    expect(openedScenario.refundChanged).toBe(openedScenario.eligible.current);
    expect(result.examples.every((e) => e.change === "OPENED: refund")).toBe(true);
  });

  it("an exclusion added counts OK → EXCLUDED in both scenarios", () => {
    const draft = draftOf((p) => {
      p.exclusions.push({ id: "filters", title: "Filters", match: [{ by: "productTag", values: ["Filter"] }, { by: "productTag", values: ["clearance"] }], code: "EXCLUDED", reason: "Filters can't be returned once shipped.", appliesTo: ["RETURN"] });
    });
    const orders = mixedOrders();
    const result = expectMatchesLoop(current, draft, orders);
    for (const s of result.scenarios) {
      expect(s.transitions).toEqual([{ from: "OK", to: "EXCLUDED", count: 2 }]); // #1001 line 12, #1003 line 31
      expect(s.codeChanged).toBe(2);
      expect(s.eligible.current - s.eligible.draft).toBe(2);
    }
    expect(result.lines.changed).toBe(2);
    expect(result.examples.map((e) => [e.orderName, e.change])).toEqual([
      ["#1001", "UNOPENED: OK → EXCLUDED"],
      ["#1003", "UNOPENED: OK → EXCLUDED"],
    ]);
  });

  it("JPY (no minor units) sums in whole yen", () => {
    const draft = draftOf((p) => {
      p.conditions.OPENED = { accepted: true, refundPercent: 80 };
    });
    const orders = mixedOrders("JPY");
    const result = expectMatchesLoop(current, draft, orders);
    expect(result.totals.map((t) => t.currency)).toEqual(["JPY", "JPY"]);
    for (const t of result.totals) for (const v of [...Object.values(t.lineRefunds), ...Object.values(t.refundTotal)]) expect(v).toMatch(/^-?\d+$/);
    let opened = 0n;
    for (const o of orders) {
      const request = requestFor(o, "OPENED");
      if (request) for (const l of decide(draft, o, request, NOW).lines) if (l.refundAmount) opened += BigInt(l.refundAmount);
    }
    expect(result.totals.find((t) => t.condition === "OPENED")!.lineRefunds.draft).toBe(opened.toString());
  });

  it("keeps currencies apart", () => {
    const draft = draftOf((p) => {
      p.conditions.OPENED = { accepted: true, refundPercent: 80 };
    });
    const result = expectMatchesLoop(current, draft, [...mixedOrders("USD"), ...mixedOrders("JPY")]);
    expect(result.totals.map((t) => `${t.currency} ${t.condition}`)).toEqual(["JPY UNOPENED", "JPY OPENED", "USD UNOPENED", "USD OPENED"]);
  });

  it("an order the engine refuses under the draft is left out of every tally and listed", () => {
    const draft = draftOf((p) => {
      p.returnShipping.customerLabelFee = { amount: "5.00", currencyCode: "EUR" };
    });
    const orders = mixedOrders();
    const result = simulateOrders(current, draft, orders, NOW);
    // Every order with an eligible line needs the fee (in EUR on a USD order): refused.
    const refused = orders.filter((o) => {
      const r = requestFor(o, "UNOPENED");
      return r !== null && decide(current, o, r, NOW).eligible;
    });
    expect(result.ordersFailed).toBe(refused.length);
    expect(result.failures.map((f) => f.orderName)).toEqual(refused.map(nameOf));
    expect(result.failures[0]).toMatchObject({ policy: "draft", message: expect.stringMatching(/EUR/) });
    const kept = orders.filter((o) => !refused.includes(o));
    const keptOnly = simulateOrders(current, draft, kept, NOW);
    expect(result.lines).toEqual(keptOnly.lines);
    expect(result.totals).toEqual(keptOnly.totals);
  });

  it("the same policy on both sides changes nothing; an empty list is the empty result", () => {
    const result = simulateOrders(current, current, mixedOrders(), NOW);
    expect(result.lines.changed).toBe(0);
    expect(result.examples).toEqual([]);
    for (const t of result.totals) expect([t.lineRefunds.delta, t.refundTotal.delta]).toEqual(["0.00", "0.00"]);
    expect(simulateOrders(current, current, [], NOW)).toEqual(emptySimulationResult());
  });

  it("is deterministic: `now` decides the windows", () => {
    const draft = draftOf((p) => {
      p.returnWindow.days = 60;
    });
    const orders = mixedOrders();
    expect(simulateOrders(current, draft, orders, NOW)).toEqual(simulateOrders(current, draft, orders, new Date(NOW)));
    const later = simulateOrders(current, draft, orders, new Date(NOW.getTime() + 40 * 86_400_000));
    expect(later).not.toEqual(simulateOrders(current, draft, orders, NOW));
  });

  it("merging page results equals simulating all orders at once, with the example limits in force", () => {
    const draft = draftOf((p) => {
      p.returnWindow.days = 60;
      p.conditions.OPENED = { accepted: true, refundPercent: 80 };
      // Gift cards and subscriptions become returnable; clearance becomes final sale.
      p.assumptions = p.assumptions.filter((a) => !a.path.startsWith("exclusions."));
      p.exclusions = [{ id: "clearance", title: "Clearance", match: [{ by: "productTag", values: ["clearance"] }], code: "FINAL_SALE", reason: "Clearance items are final sale.", appliesTo: ["RETURN"] }];
      p.returnShipping.customerLabelFee = { amount: "5.00", currencyCode: "EUR" };
    });
    // Many orders, so examples hit both limits; the USD ones fail (the fee's currency) to exercise failures.
    const orders: OrderSnapshot[] = [];
    for (let i = 0; i < 8; i++) orders.push(...mixedOrders(i % 3 === 0 ? "USD" : "EUR"));
    const whole = simulateOrders(current, draft, orders, NOW);
    expect(whole.lines.changed).toBeGreaterThan(MAX_EXAMPLES);
    expect(whole.examples).toHaveLength(MAX_EXAMPLES);
    // Every kind of change shows, and no kind has more than one example above another's (unless it ran out).
    const count = (list: readonly { change: string }[]) => {
      const m = new Map<string, number>();
      for (const e of list) m.set(e.change, (m.get(e.change) ?? 0) + 1);
      return m;
    };
    const shown = count(whole.examples);
    const pooled = count(whole.examplePool);
    expect(shown.size).toBeGreaterThanOrEqual(4);
    expect([...shown.keys()].sort()).toEqual([...pooled.keys()].sort());
    const fair = Math.min(...[...shown].filter(([k, n]) => n < pooled.get(k)!).map(([, n]) => n));
    for (const [k, n] of shown) expect(n >= fair || n === pooled.get(k)).toBe(true);
    expect(Math.max(...shown.values()) - fair).toBeLessThanOrEqual(1);
    // Picked in pool order; the pool holds at most MAX_EXAMPLES of a kind.
    expect(whole.examples).toEqual(whole.examplePool.filter((e) => whole.examples.includes(e)));
    expect(Math.max(...pooled.values())).toBeLessThanOrEqual(MAX_EXAMPLES);
    expect(whole.ordersFailed).toBeGreaterThan(0);
    for (const size of [1, 2, 3, 5, 7, 13, 40]) {
      let merged = emptySimulationResult();
      for (let i = 0; i < orders.length; i += size) merged = mergeSimulationResults(merged, simulateOrders(current, draft, orders.slice(i, i + size), NOW));
      expect(merged).toEqual(whole);
      // What a run stores between pages is JSON: it must survive the round trip.
      expect(JSON.parse(JSON.stringify(merged))).toEqual(whole);
    }
  });
});
