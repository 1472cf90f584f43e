// Pacing Rekey's Graph writes under Microsoft's identity write quota, and
// how long to wait before trying a throttled or failed request again.
//
// Quota: 3,000 writes per 150 seconds per app + tenant. A token bucket with
// capacity C and refill rate r lets through at most C + r x window writes in
// any window, so r = (quota x share - C) / window keeps every window at or
// under quota x share (rateShare from Settings: the share of the quota Rekey
// may use, leaving the rest to the tenant's other tools).
import type { Clock } from '../core/ports';

export interface WriteQuota {
  writes: number;
  windowMs: number;
}

export const graphWriteQuota: WriteQuota = { writes: 3000, windowMs: 150_000 };

/** Burst: two full $batch requests. */
const defaultBurst = 40;
/**
 * The bucket also holds at least this much time's worth of writes. Tokens
 * that arrive while the bucket is full are lost for good, so a bucket that
 * holds only milliseconds of writes (a quota far above Graph's 20 writes/s,
 * as in the practice tenant's compressed time) loses budget to every timer
 * delay and event-loop pause: the x50 benchmark reached 0.77 of the quota.
 * At Graph's own quota two seconds are 40 writes, so nothing changes there.
 */
const burstSeconds = 2;

export class WriteBudget {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  readonly capacity: number;
  /** Refill, in writes per millisecond. */
  private readonly refillPerMs: number;

  constructor(
    quota: WriteQuota,
    rateShare: number,
    private readonly clock: Clock,
    burst: number = defaultBurst,
  ) {
    const allowed = Math.max(1, quota.writes * Math.min(1, Math.max(0.01, rateShare)));
    const burstOfTime = Math.floor((allowed * burstSeconds * 1000) / quota.windowMs);
    this.capacity = Math.max(1, Math.min(Math.max(burst, burstOfTime), Math.floor(allowed / 2)));
    this.refillPerMs = (allowed - this.capacity) / quota.windowMs;
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  /** Sustained writes per second this budget allows. */
  get ratePerSecond(): number {
    return this.refillPerMs * 1000;
  }

  /**
   * Wait until `writes` may go out, first come first served. A request larger
   * than the bucket waits for a full bucket and leaves it in debt, which
   * later callers pay for: the window bound holds either way.
   */
  take(writes: number, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      const needed = Math.min(writes, this.capacity);
      this.refill();
      while (this.tokens < needed) {
        signal?.throwIfAborted();
        await this.clock.sleep(Math.ceil((needed - this.tokens) / this.refillPerMs), signal);
        this.refill();
      }
      this.tokens -= writes;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.refillPerMs);
    this.last = now;
  }
}

export interface RetryTiming {
  /** Attempts per request in total, the first included. */
  maxAttempts: number;
  /** Backoff for failures without Retry-After: base x 2^(attempt-1), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Real milliseconds per service millisecond (1 in production). Tests run
   * the stand-in and the client at the same compressed scale so that
   * "Retry-After: 5" means 5 ms, not 5 s.
   */
  retryDelayScale: number;
}

export const defaultRetryTiming: RetryTiming = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000, retryDelayScale: 1 };

/** Statuses Graph asks clients to retry (throttled, unavailable, gateway timeout). */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 503, 504]);

/** Delay before attempt `failedAttempt + 1`: the server's Retry-After when given, else exponential backoff. */
export function retryDelayMs(retryAfter: string | null | undefined, failedAttempt: number, timing: RetryTiming, now: number = Date.now()): number {
  const serviceMs = parseRetryAfter(retryAfter, now) ?? Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.max(0, Math.round(serviceMs * timing.retryDelayScale));
}

/** Retry-After as milliseconds: delta-seconds (what Graph sends) or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
