export interface RateLimit {
  /** Writes allowed at once after a quiet spell. */
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Past this many callers the full (idle) buckets are dropped, so memory stays bounded. */
const MAX_BUCKETS = 10_000;

/** A token bucket per caller. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write; when none is left, says how long until the next one is allowed. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.now();
    const bucket = this.refill(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.limit.perSecond) * 1000),
    };
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.dropFull(now);
      bucket = { tokens: this.limit.burst, updatedAt: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.limit.perSecond);
    bucket.updatedAt = now;
    return bucket;
  }

  private dropFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.perSecond;
      if (tokens >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

export const rateLimitKey = (principal: { tokenId: string | null; mode: string }) =>
  principal.tokenId ?? principal.mode;
