/**
 * simulateOrders(current, draft, orders, now) — what a draft policy would change, on past orders.
 *
 * Pure and deterministic (the caller passes `now`; no I/O, no clock, no floats for money).
 *
 * The scenario set. For every order, every line with units the shopper could still send back
 * (fulfilled by a fulfillment that counts, minus units in active earlier returns, capped by the
 * refundable quantity: the engine's own rule) is returned whole, as a change-of-mind RETURN,
 * all such lines of the order in ONE request — once with every item UNOPENED and once with every
 * item OPENED — and decided at `now` under both policies (4 `decide()` calls per order):
 *   - RETURN because it is the claim every policy offers and the one merchants tune (window,
 *     exclusions, condition refunds, shipping deductions); fault claims depend on evidence and
 *     inspection that past orders do not have;
 *   - UNOPENED and OPENED because they bracket the everyday case and make condition-refund
 *     changes (OPENED 85 % → 80 %) show; USED/DAMAGED are rarely accepted;
 *   - one request per order so order-level terms (original shipping deducted once, the
 *     customer's label fee) count once, as they would for a shopper returning everything;
 *   - at `now`: "if these shoppers asked today", so a longer window turns expired lines OK.
 * Lines with nothing fulfilled, or nothing left to return, are counted but not decided (no
 * policy can change them). An order the engine refuses under either policy (a fixed fee in
 * another currency, a malformed date) is left out of every tally and listed in `failures`.
 *
 * Results of pages merge exactly (`mergeSimulationResults`): simulating all orders at once and
 * merging the results of consecutive pages give the same result, so a long run can store its
 * progress after each page and resume from it.
 */
import { minorUnits } from "../money/currency";
import { MoneyError, formatDecimal, parseDecimal } from "../money/money";
import { LINE_CODES, decide, type Decision, type LineCode } from "./decide";
import { PolicyEngineError } from "./errors";
import type { OrderLineItem, OrderSnapshot, ReturnRequest } from "./order";
import type { Policy } from "./schema";

export const SIMULATION_CONDITIONS = ["UNOPENED", "OPENED"] as const;
export type SimulationCondition = (typeof SIMULATION_CONDITIONS)[number];

/**
 * At most this many example lines are shown, picked in turn from each kind of change (so a rare
 * kind is not crowded out by a frequent one); the first MAX_EXAMPLES of every kind are pooled to
 * pick from, which keeps merging page results exact.
 */
export const MAX_EXAMPLES = 20;
export const MAX_FAILURES = 10;

export type SimulationPolicyLabel = "current" | "draft";

/** One line's decision in one scenario: the line code and its refund (decimal string; null when ineligible). */
export interface SimulatedLineOutcome {
  readonly code: LineCode;
  readonly refund: string | null;
}

export interface SimulationExample {
  readonly orderId: string;
  /** "#1042" when the order snapshot carries its name. */
  readonly orderName: string | null;
  readonly lineItemId: string;
  /** The line's title when the snapshot carries it. */
  readonly title: string | null;
  readonly quantity: number;
  readonly currency: string;
  /** What makes it an example: "OPENED: OK → EXCLUDED", or "OPENED: refund" when only the amount moved. */
  readonly change: string;
  readonly scenarios: Readonly<Record<SimulationCondition, { readonly current: SimulatedLineOutcome; readonly draft: SimulatedLineOutcome }>>;
}

export interface SimulationTransition {
  readonly from: LineCode;
  readonly to: LineCode;
  readonly count: number;
}

export interface SimulationScenario {
  readonly condition: SimulationCondition;
  /** Lines decided in this scenario (the same lines in every scenario). */
  readonly lines: number;
  readonly eligible: { readonly current: number; readonly draft: number };
  /** Lines whose code changed, by transition ("OK → EXCLUDED": 4), most frequent first. */
  readonly transitions: readonly SimulationTransition[];
  readonly codeChanged: number;
  /** Lines eligible under both whose refund changed (OK → OK at another percentage). */
  readonly refundChanged: number;
  /** Line codes under each policy, in LINE_CODES order (codes with no line left out). */
  readonly codes: ReadonlyArray<{ readonly code: LineCode; readonly current: number; readonly draft: number }>;
}

/** Decimal strings in the currency, summed in minor units. */
export interface SimulationAmounts {
  readonly current: string;
  readonly draft: string;
  /** draft − current */
  readonly delta: string;
}

export interface SimulationTotals {
  readonly currency: string;
  readonly condition: SimulationCondition;
  /** Σ of the eligible lines' refunds (before order-level deductions). */
  readonly lineRefunds: SimulationAmounts;
  /** Σ of the orders' refund totals: line refunds less original shipping and label fees, once per order. */
  readonly refundTotal: SimulationAmounts;
}

export interface SimulationFailure {
  readonly orderId: string;
  readonly orderName: string | null;
  readonly policy: SimulationPolicyLabel;
  readonly message: string;
}

export interface SimulationResult {
  readonly conditions: readonly SimulationCondition[];
  /** Orders read (including failed ones). */
  readonly orders: number;
  /** Orders left out because the engine refused them under either policy. */
  readonly ordersFailed: number;
  readonly lines: {
    /** Every line of the orders that were simulated. */
    readonly total: number;
    /** Lines decided (each in every scenario). */
    readonly evaluated: number;
    readonly notFulfilled: number;
    readonly nothingToReturn: number;
    /** Lines whose code or refund changed in at least one scenario. */
    readonly changed: number;
  };
  readonly scenarios: readonly SimulationScenario[];
  readonly totals: readonly SimulationTotals[];
  /** Up to MAX_EXAMPLES changed lines, in order, taken in turn from each kind of change. */
  readonly examples: readonly SimulationExample[];
  /** The first MAX_EXAMPLES changed lines of each kind of change, in order: what `examples` are picked from (and what merging needs). */
  readonly examplePool: readonly SimulationExample[];
  readonly failures: readonly SimulationFailure[];
}

/** In turn from each kind of change (kinds in order of first appearance), up to MAX_EXAMPLES, kept in pool order. */
function pickExamples(pool: readonly SimulationExample[]): SimulationExample[] {
  const byKind = new Map<string, number[]>();
  pool.forEach((e, i) => {
    const list = byKind.get(e.change) ?? [];
    list.push(i);
    byKind.set(e.change, list);
  });
  const picked = new Set<number>();
  for (let round = 0; picked.size < MAX_EXAMPLES && picked.size < pool.length; round++) {
    for (const indexes of byKind.values()) {
      if (picked.size >= MAX_EXAMPLES) break;
      const i = indexes[round];
      if (i !== undefined) picked.add(i);
    }
  }
  return pool.filter((_, i) => picked.has(i));
}

/** Fulfillments in these display states never left the warehouse (as in decide()). */
function fulfillmentCounts(displayStatus: string | null): boolean {
  return displayStatus !== "CANCELED" && displayStatus !== "FAILURE";
}

/** Returns in these states no longer hold their items (as in decide()). */
function isActiveReturnStatus(status: string): boolean {
  return status !== "DECLINED" && status !== "CANCELED";
}

export type LineAvailability = { kind: "notFulfilled" } | { kind: "nothingToReturn" } | { kind: "returnable"; quantity: number };

/**
 * What of each line a shopper could send back now: fulfilled units (fulfillments that count)
 * minus units in active earlier returns, capped by the refundable quantity — the engine's rule.
 */
export function lineAvailability(order: OrderSnapshot): Map<string, LineAvailability> {
  const fulfilled = new Map<string, number>();
  for (const f of order.fulfillments) {
    if (!fulfillmentCounts(f.displayStatus)) continue;
    for (const n of f.fulfillmentLineItems.nodes) fulfilled.set(n.lineItem.id, (fulfilled.get(n.lineItem.id) ?? 0) + n.quantity);
  }
  const returned = new Map<string, number>();
  for (const r of order.returns.nodes) {
    if (!isActiveReturnStatus(r.status)) continue;
    for (const rli of r.returnLineItems.nodes) {
      if (rli.fulfillmentLineItem === null) continue;
      const id = rli.fulfillmentLineItem.lineItem.id;
      returned.set(id, (returned.get(id) ?? 0) + rli.quantity);
    }
  }
  const out = new Map<string, LineAvailability>();
  for (const li of order.lineItems.nodes) {
    const f = fulfilled.get(li.id) ?? 0;
    if (f === 0) {
      out.set(li.id, { kind: "notFulfilled" });
      continue;
    }
    const quantity = Math.min(f - (returned.get(li.id) ?? 0), li.refundableQuantity);
    out.set(li.id, quantity > 0 ? { kind: "returnable", quantity } : { kind: "nothingToReturn" });
  }
  return out;
}

/** The scenario's request for an order: every returnable line, whole, in `condition`; null when none. */
export function simulationRequest(order: OrderSnapshot, condition: SimulationCondition): ReturnRequest | null {
  const availability = lineAvailability(order);
  const lines: ReturnRequest["lines"] = [];
  for (const li of order.lineItems.nodes) {
    const a = availability.get(li.id);
    if (a?.kind === "returnable") lines.push({ lineItemId: li.id, quantity: a.quantity, reason: "", condition, evidence: [] });
  }
  return lines.length > 0 ? { type: "RETURN", lines } : null;
}

function labelOf(value: object): string | null {
  const name = (value as { name?: unknown }).name;
  return typeof name === "string" && name.length > 0 ? name : null;
}

const CODE_INDEX = new Map<LineCode, number>(LINE_CODES.map((c, i) => [c, i]));
const CONDITION_INDEX = new Map<SimulationCondition, number>(SIMULATION_CONDITIONS.map((c, i) => [c, i]));

type Pair = { current: bigint; draft: bigint };

class ScenarioTally {
  lines = 0;
  eligibleCurrent = 0;
  eligibleDraft = 0;
  codeChanged = 0;
  refundChanged = 0;
  readonly transitions = new Map<string, number>();
  readonly codesCurrent = new Map<LineCode, number>();
  readonly codesDraft = new Map<LineCode, number>();
}

/** Accumulates results in exact integers; renders them as JSON-safe decimal strings. */
class Tally {
  orders = 0;
  ordersFailed = 0;
  linesTotal = 0;
  evaluated = 0;
  notFulfilled = 0;
  nothingToReturn = 0;
  changed = 0;
  readonly scenarios = new Map<SimulationCondition, ScenarioTally>(SIMULATION_CONDITIONS.map((c) => [c, new ScenarioTally()]));
  /** key `${currency}|${condition}` */
  readonly lineRefunds = new Map<string, Pair>();
  readonly refundTotals = new Map<string, Pair>();
  readonly pool: SimulationExample[] = [];
  private readonly poolKinds = new Map<string, number>();
  readonly failures: SimulationFailure[] = [];

  scenario(condition: SimulationCondition): ScenarioTally {
    return this.scenarios.get(condition)!;
  }

  addAmount(map: Map<string, Pair>, currency: string, condition: SimulationCondition, current: bigint, draft: bigint) {
    const key = `${currency}|${condition}`;
    const pair = map.get(key) ?? { current: 0n, draft: 0n };
    pair.current += current;
    pair.draft += draft;
    map.set(key, pair);
  }

  /** Pools the example while its kind of change has fewer than MAX_EXAMPLES. */
  offerExample(example: SimulationExample) {
    const seen = this.poolKinds.get(example.change) ?? 0;
    if (seen >= MAX_EXAMPLES) return;
    this.poolKinds.set(example.change, seen + 1);
    this.pool.push(example);
  }

  offerFailure(failure: SimulationFailure) {
    if (this.failures.length < MAX_FAILURES) this.failures.push(failure);
  }

  result(): SimulationResult {
    const amounts = (pair: Pair, scale: number): SimulationAmounts => ({
      current: formatDecimal(pair.current, scale),
      draft: formatDecimal(pair.draft, scale),
      delta: formatDecimal(pair.draft - pair.current, scale),
    });
    const keys = [...new Set([...this.lineRefunds.keys(), ...this.refundTotals.keys()])]
      .map((key) => {
        const [currency, condition] = key.split("|") as [string, SimulationCondition];
        return { key, currency, condition };
      })
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : CONDITION_INDEX.get(a.condition)! - CONDITION_INDEX.get(b.condition)!));
    const zero: Pair = { current: 0n, draft: 0n };
    return {
      conditions: [...SIMULATION_CONDITIONS],
      orders: this.orders,
      ordersFailed: this.ordersFailed,
      lines: { total: this.linesTotal, evaluated: this.evaluated, notFulfilled: this.notFulfilled, nothingToReturn: this.nothingToReturn, changed: this.changed },
      scenarios: SIMULATION_CONDITIONS.map((condition) => {
        const s = this.scenario(condition);
        const transitions = [...s.transitions.entries()]
          .map(([key, count]) => {
            const [from, to] = key.split(">") as [LineCode, LineCode];
            return { from, to, count };
          })
          .sort((a, b) => b.count - a.count || CODE_INDEX.get(a.from)! - CODE_INDEX.get(b.from)! || CODE_INDEX.get(a.to)! - CODE_INDEX.get(b.to)!);
        const codes = LINE_CODES.map((code) => ({ code, current: s.codesCurrent.get(code) ?? 0, draft: s.codesDraft.get(code) ?? 0 })).filter((c) => c.current > 0 || c.draft > 0);
        return {
          condition,
          lines: s.lines,
          eligible: { current: s.eligibleCurrent, draft: s.eligibleDraft },
          transitions,
          codeChanged: s.codeChanged,
          refundChanged: s.refundChanged,
          codes,
        };
      }),
      totals: keys.map(({ key, currency, condition }) => {
        const scale = minorUnits(currency);
        return {
          currency,
          condition,
          lineRefunds: amounts(this.lineRefunds.get(key) ?? zero, scale),
          refundTotal: amounts(this.refundTotals.get(key) ?? zero, scale),
        };
      }),
      examples: pickExamples(this.pool),
      examplePool: [...this.pool],
      failures: [...this.failures],
    };
  }

  /** Adds a result (of the orders that follow those already tallied). */
  absorb(r: SimulationResult) {
    this.orders += r.orders;
    this.ordersFailed += r.ordersFailed;
    this.linesTotal += r.lines.total;
    this.evaluated += r.lines.evaluated;
    this.notFulfilled += r.lines.notFulfilled;
    this.nothingToReturn += r.lines.nothingToReturn;
    this.changed += r.lines.changed;
    for (const s of r.scenarios) {
      const t = this.scenario(s.condition);
      t.lines += s.lines;
      t.eligibleCurrent += s.eligible.current;
      t.eligibleDraft += s.eligible.draft;
      t.codeChanged += s.codeChanged;
      t.refundChanged += s.refundChanged;
      for (const tr of s.transitions) {
        const key = `${tr.from}>${tr.to}`;
        t.transitions.set(key, (t.transitions.get(key) ?? 0) + tr.count);
      }
      for (const c of s.codes) {
        t.codesCurrent.set(c.code, (t.codesCurrent.get(c.code) ?? 0) + c.current);
        t.codesDraft.set(c.code, (t.codesDraft.get(c.code) ?? 0) + c.draft);
      }
    }
    for (const t of r.totals) {
      const scale = minorUnits(t.currency);
      this.addAmount(this.lineRefunds, t.currency, t.condition, parseDecimal(t.lineRefunds.current, scale), parseDecimal(t.lineRefunds.draft, scale));
      this.addAmount(this.refundTotals, t.currency, t.condition, parseDecimal(t.refundTotal.current, scale), parseDecimal(t.refundTotal.draft, scale));
    }
    for (const e of r.examplePool) this.offerExample(e);
    for (const f of r.failures) this.offerFailure(f);
  }
}

type OrderOutcome = { ok: true; decisions: Record<SimulationCondition, { current: Decision; draft: Decision }> } | { ok: false; failure: SimulationFailure };

function isEngineRefusal(error: unknown): error is Error {
  return error instanceof PolicyEngineError || error instanceof MoneyError;
}

function decideOrder(current: Policy, draft: Policy, order: OrderSnapshot, now: Date): OrderOutcome | null {
  const decisions = {} as Record<SimulationCondition, { current: Decision; draft: Decision }>;
  for (const condition of SIMULATION_CONDITIONS) {
    const request = simulationRequest(order, condition);
    if (request === null) return null;
    const pair: Partial<{ current: Decision; draft: Decision }> = {};
    for (const [label, policy] of [
      ["current", current],
      ["draft", draft],
    ] as const) {
      try {
        pair[label] = decide(policy, order, request, now);
      } catch (error) {
        if (!isEngineRefusal(error)) throw error;
        return { ok: false, failure: { orderId: order.id, orderName: labelOf(order), policy: label, message: error.message } };
      }
    }
    decisions[condition] = pair as { current: Decision; draft: Decision };
  }
  return { ok: true, decisions };
}

function outcomeOf(line: { code: LineCode; refundAmount: string | null }): SimulatedLineOutcome {
  return { code: line.code, refund: line.refundAmount };
}

/** Simulates the orders (in the order given) under both policies; see the module comment for the scenarios. */
export function simulateOrders(current: Policy, draft: Policy, orders: readonly OrderSnapshot[], now: Date): SimulationResult {
  if (Number.isNaN(now.getTime())) throw new PolicyEngineError("INVALID_ARGUMENTS", "`now` is not a valid date");
  const tally = new Tally();
  for (const order of orders) {
    tally.orders += 1;
    const outcome = decideOrder(current, draft, order, now);
    if (outcome !== null && !outcome.ok) {
      tally.ordersFailed += 1;
      tally.offerFailure(outcome.failure);
      continue;
    }
    const availability = lineAvailability(order);
    tally.linesTotal += order.lineItems.nodes.length;
    for (const a of availability.values()) {
      if (a.kind === "notFulfilled") tally.notFulfilled += 1;
      else if (a.kind === "nothingToReturn") tally.nothingToReturn += 1;
    }
    if (outcome === null) continue; // nothing on the order to return

    const scale = minorUnits(order.currencyCode);
    const items = new Map<string, OrderLineItem>(order.lineItems.nodes.map((li) => [li.id, li]));
    const requested = outcome.decisions.UNOPENED.current.lines;
    tally.evaluated += requested.length;

    for (const condition of SIMULATION_CONDITIONS) {
      const { current: before, draft: after } = outcome.decisions[condition];
      const s = tally.scenario(condition);
      let lineCurrent = 0n;
      let lineDraft = 0n;
      before.lines.forEach((b, i) => {
        const a = after.lines[i]!;
        s.lines += 1;
        if (b.eligible) s.eligibleCurrent += 1;
        if (a.eligible) s.eligibleDraft += 1;
        s.codesCurrent.set(b.code, (s.codesCurrent.get(b.code) ?? 0) + 1);
        s.codesDraft.set(a.code, (s.codesDraft.get(a.code) ?? 0) + 1);
        if (b.code !== a.code) {
          s.codeChanged += 1;
          const key = `${b.code}>${a.code}`;
          s.transitions.set(key, (s.transitions.get(key) ?? 0) + 1);
        } else if (b.refundAmount !== a.refundAmount) {
          s.refundChanged += 1;
        }
        if (b.refundAmount !== null) lineCurrent += parseDecimal(b.refundAmount, scale);
        if (a.refundAmount !== null) lineDraft += parseDecimal(a.refundAmount, scale);
      });
      tally.addAmount(tally.lineRefunds, order.currencyCode, condition, lineCurrent, lineDraft);
      tally.addAmount(tally.refundTotals, order.currencyCode, condition, parseDecimal(before.refundTotal, scale), parseDecimal(after.refundTotal, scale));
    }

    requested.forEach((line, i) => {
      let change: string | null = null;
      const scenarios = {} as Record<SimulationCondition, { current: SimulatedLineOutcome; draft: SimulatedLineOutcome }>;
      for (const condition of SIMULATION_CONDITIONS) {
        const b = outcome.decisions[condition].current.lines[i]!;
        const a = outcome.decisions[condition].draft.lines[i]!;
        scenarios[condition] = { current: outcomeOf(b), draft: outcomeOf(a) };
        if (change === null && b.code !== a.code) change = `${condition}: ${b.code} → ${a.code}`;
        else if (change === null && b.refundAmount !== a.refundAmount) change = `${condition}: refund`;
      }
      if (change === null) return;
      tally.changed += 1;
      const item = items.get(line.lineItemId);
      tally.offerExample({
        orderId: order.id,
        orderName: labelOf(order),
        lineItemId: line.lineItemId,
        title: item ? labelOf(item) : null,
        quantity: line.quantity,
        currency: order.currencyCode,
        change,
        scenarios,
      });
    });
  }
  return tally.result();
}

/**
 * The result of `a`'s orders followed by `b`'s: equal to simulating them all at once (examples
 * and failures are kept in order under the same limits).
 */
export function mergeSimulationResults(a: SimulationResult, b: SimulationResult): SimulationResult {
  const tally = new Tally();
  tally.absorb(a);
  tally.absorb(b);
  return tally.result();
}

/** The result of no orders (what a run starts from). */
export function emptySimulationResult(): SimulationResult {
  return new Tally().result();
}
