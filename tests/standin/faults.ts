// Faults on demand, for reliability tests and benchmarks. Either a rate (each request fails with
// probability `rate`, its kind drawn from `kinds`, from a seeded PRNG) or a script of faults
// for the next matching requests. Kinds:
//   THROTTLED  HTTP 200 with errors [{ message: "Throttled", extensions: { code: "THROTTLED" } }]
//              (nothing executed), as when the bucket is empty;
//   5xx        an HTTP 5xx answer (503 unless `status` says otherwise);
//   timeout    no answer: the request hangs until the client aborts it (its AbortSignal) or
//              `hangMs` passes, then answers 504.
// A 5xx or timeout may strike after the operation executed (`afterCommit`): the change landed
// but the client never hears so — the ambiguous failure a retry-safe mutation must survive.
import { seededRandom, type Random } from "./prng";

export type FaultKind = "THROTTLED" | "5xx" | "timeout";
export type Fault = { kind: FaultKind; afterCommit: boolean; status: number };
export type ScriptedFault = { kind: FaultKind; afterCommit?: boolean; status?: number; operationName?: string };

export type FaultConfig = {
  rate?: number;
  kinds?: FaultKind[];
  random?: Random;
  seed?: number;
  /** Share of 5xx/timeout faults that strike after the operation executed (0–1). */
  afterCommitRate?: number;
  /** Only these operations are hit by rate-based faults (all when unset). */
  operations?: string[] | null;
  /** How long a timed-out request hangs when the client never aborts it. */
  hangMs?: number;
};

export class FaultInjector {
  rate = 0;
  kinds: FaultKind[] = ["THROTTLED", "5xx", "timeout"];
  random: Random = seededRandom(1);
  afterCommitRate = 0;
  operations: string[] | null = null;
  hangMs = 30_000;
  private readonly script: ScriptedFault[] = [];

  configure(config: FaultConfig): this {
    if (config.rate !== undefined) this.rate = config.rate;
    if (config.kinds) this.kinds = [...config.kinds];
    if (config.random) this.random = config.random;
    else if (config.seed !== undefined) this.random = seededRandom(config.seed);
    if (config.afterCommitRate !== undefined) this.afterCommitRate = config.afterCommitRate;
    if (config.operations !== undefined) this.operations = config.operations;
    if (config.hangMs !== undefined) this.hangMs = config.hangMs;
    return this;
  }

  /** Queues faults for the next requests (for the named operation, when given), in order. */
  next(...faults: ScriptedFault[]): this {
    this.script.push(...faults);
    return this;
  }

  /** Pending scripted faults. */
  get scripted(): readonly ScriptedFault[] {
    return this.script;
  }

  reset(): this {
    this.rate = 0;
    this.script.length = 0;
    this.operations = null;
    this.afterCommitRate = 0;
    return this;
  }

  /** The fault for this request, if any. */
  draw(operationName: string | null): Fault | null {
    const at = this.script.findIndex((f) => !f.operationName || f.operationName === operationName);
    if (at >= 0) {
      const [f] = this.script.splice(at, 1);
      return { kind: f!.kind, afterCommit: f!.kind !== "THROTTLED" && Boolean(f!.afterCommit), status: f!.status ?? (f!.kind === "timeout" ? 504 : 503) };
    }
    if (this.rate <= 0 || this.kinds.length === 0) return null;
    if (this.operations && (!operationName || !this.operations.includes(operationName))) return null;
    if (this.random() >= this.rate) return null;
    const kind = this.kinds[Math.floor(this.random() * this.kinds.length)] as FaultKind;
    const afterCommit = kind !== "THROTTLED" && this.random() < this.afterCommitRate;
    return { kind, afterCommit, status: kind === "timeout" ? 504 : 503 };
  }
}
