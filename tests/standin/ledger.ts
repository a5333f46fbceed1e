// Every request the stand-in answered: which shop, which operation, whether it succeeded, what it
// cost and how it was answered. Tests assert on it (what the app sent, how often it retried);
// benchmarks sum its costs.
import type { FaultKind } from "./faults";

export type LedgerEntry = {
  shop: string;
  operationName: string | null;
  /** Executed without top-level errors (a payload with userErrors is still ok). */
  ok: boolean;
  /** Requested and actual query cost; null when the request never got as far as costing. */
  cost: { requested: number; actual: number } | null;
  /** HTTP status answered (0 when the client gave up on a hung request). */
  status: number;
  /** The injected fault, when one struck; `afterCommit` when the operation had executed. */
  fault?: { kind: FaultKind; afterCommit: boolean };
  /** Top-level error codes answered (THROTTLED, GRAPHQL_VALIDATION_FAILED, …). */
  errorCodes?: string[];
  /** Stand-in clock time the request arrived (ms). */
  at: number;
};

export class Ledger implements Iterable<LedgerEntry> {
  readonly entries: LedgerEntry[] = [];

  record(entry: LedgerEntry): void {
    this.entries.push(entry);
  }

  get length(): number {
    return this.entries.length;
  }

  at(index: number): LedgerEntry | undefined {
    return this.entries.at(index);
  }

  [Symbol.iterator](): Iterator<LedgerEntry> {
    return this.entries[Symbol.iterator]();
  }

  filter(predicate: (entry: LedgerEntry) => boolean): LedgerEntry[] {
    return this.entries.filter(predicate);
  }

  forShop(shop: string): LedgerEntry[] {
    return this.filter((e) => e.shop === shop);
  }

  /** Entries for one operation name, optionally for one shop. */
  forOperation(operationName: string, shop?: string): LedgerEntry[] {
    return this.filter((e) => e.operationName === operationName && (shop === undefined || e.shop === shop));
  }

  /** The operation names in order, optionally for one shop. */
  operations(shop?: string): Array<string | null> {
    return this.filter((e) => shop === undefined || e.shop === shop).map((e) => e.operationName);
  }

  /** Sum of actual costs, optionally for one shop. */
  totalCost(shop?: string): number {
    return this.filter((e) => shop === undefined || e.shop === shop).reduce((sum, e) => sum + (e.cost?.actual ?? 0), 0);
  }

  reset(): void {
    this.entries.length = 0;
  }
}
