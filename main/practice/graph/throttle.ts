// Identity write throttling as Graph applies it: a budget per app + tenant
// (documented: 3,000 writes per 150 seconds), answered with 429 and a
// Retry-After in whole seconds when spent.
//
// Time scale: tests compress time so nobody sleeps for real seconds. One
// "service second" lasts `timeScale` x 1000 real milliseconds (timeScale 1 =
// real time). The Retry-After header is always an integer number of service
// seconds, as Graph sends it; a client using the same scale waits the right
// real time.

export interface ThrottleOptions {
  /** Writes allowed per window (Graph: 3,000). */
  writesPerWindow: number;
  /** Window length in service seconds (Graph: 150). */
  windowSeconds: number;
  /** Real milliseconds per service millisecond (1 = real time, 0.001 = a second lasts 1 ms). */
  timeScale: number;
  now?: () => number;
}

export const graphIdentityWriteQuota = { writesPerWindow: 3000, windowSeconds: 150 } as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class WriteThrottle {
  private readonly buckets = new Map<string, { tokens: number; last: number }>();
  private readonly now: () => number;

  constructor(private options: ThrottleOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  configure(options: Partial<ThrottleOptions>): void {
    this.options = { ...this.options, ...options };
    this.buckets.clear();
  }

  get settings(): ThrottleOptions {
    return this.options;
  }

  /** Spend one write for this app + tenant, or say how many service seconds to wait. */
  take(key: string): ThrottleDecision {
    const { writesPerWindow, windowSeconds, timeScale } = this.options;
    const realWindowMs = windowSeconds * 1000 * timeScale;
    const refillPerMs = writesPerWindow / realWindowMs;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { tokens: writesPerWindow, last: now }));
    bucket.tokens = Math.min(writesPerWindow, bucket.tokens + (now - bucket.last) * refillPerMs);
    bucket.last = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitRealMs = (1 - bucket.tokens) / refillPerMs;
    const waitServiceSeconds = waitRealMs / (1000 * timeScale);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitServiceSeconds)) };
  }
}
