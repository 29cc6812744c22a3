// A token bucket per client address, in memory: enough to stop a runaway script or a code
// guesser, generous enough for a classroom behind one address (every trainee shares its IP).

export type RateLimit = {
  /** Requests allowed at once. */
  readonly burst: number;
  /** Requests allowed per second, sustained. */
  readonly perSecond: number;
};

/** Buckets kept before the full ones are forgotten. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Takes one request's token for `key`; false when the bucket is empty (the caller answers 429). */
  take(key: string, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((now - b.at) / 1000) * this.limit.perSecond);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > MAX_BUCKETS) this.prune(now);
    return ok;
  }

  /** Seconds until `key` may ask again. */
  retryAfter(key: string): number {
    const b = this.buckets.get(key);
    return b ? Math.max(1, Math.ceil((1 - b.tokens) / this.limit.perSecond)) : 1;
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((now - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(k);
  }
}
