// Shopify's GraphQL rate limit: a leaky bucket of cost points per shop. It holds at most
// `maximumAvailable` points and refills at `restoreRate` points per second; a query is let in
// only if its requested cost fits what is available now, is charged the requested cost up
// front, and gets the difference back once its actual cost is known. The clock is injected, so
// tests move time instead of waiting.
export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export type ThrottleOptions = { maximumAvailable?: number; restoreRate?: number };

export class LeakyBucket {
  readonly maximumAvailable: number;
  readonly restoreRate: number;
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    private readonly now: () => number,
    options: ThrottleOptions = {},
  ) {
    this.maximumAvailable = options.maximumAvailable ?? 2000;
    this.restoreRate = options.restoreRate ?? 100;
  }

  private bucket(shop: string) {
    const now = this.now();
    let b = this.buckets.get(shop);
    if (!b) {
      b = { available: this.maximumAvailable, at: now };
      this.buckets.set(shop, b);
    }
    if (now > b.at) {
      b.available = Math.min(this.maximumAvailable, b.available + ((now - b.at) / 1000) * this.restoreRate);
      b.at = now;
    }
    return b;
  }

  status(shop: string): ThrottleStatus {
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.bucket(shop).available), restoreRate: this.restoreRate };
  }

  /** Takes `cost` points if they are available now; false (nothing taken) otherwise. */
  take(shop: string, cost: number): boolean {
    const b = this.bucket(shop);
    if (cost > b.available) return false;
    b.available -= cost;
    return true;
  }

  /** Gives back points charged but not used (requested − actual). */
  refund(shop: string, points: number): void {
    const b = this.bucket(shop);
    b.available = Math.min(this.maximumAvailable, b.available + Math.max(0, points));
  }

  /** Sets what a shop has available now (tests drain the bucket with this). */
  setAvailable(shop: string, points: number): void {
    const b = this.bucket(shop);
    b.available = Math.max(0, Math.min(this.maximumAvailable, points));
  }

  reset(): void {
    this.buckets.clear();
  }
}
