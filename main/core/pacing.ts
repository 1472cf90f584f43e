// Pacing: how many batches run at once and how fast writes go out, from the
// directory's hints capped by the operator's settings.
import type { Clock } from './ports';
import type { PacingHints } from './domain';

export interface PacingSettings {
  /** Cap on batches in flight per directory. */
  maxConcurrency: number;
  /** Share of the directory's documented rate Rekey may use. */
  rateShare: number;
}

export interface EffectivePacing {
  batchSize: number;
  concurrency: number;
  /** Writes per second, or undefined for no rate limit. */
  ratePerSecond: number | undefined;
}

export function effectivePacing(hints: PacingHints, settings?: PacingSettings): EffectivePacing {
  const concurrency = Math.max(1, Math.min(hints.maxConcurrency, settings?.maxConcurrency ?? hints.maxConcurrency));
  const rate = hints.ratePerSecond === undefined ? undefined : Math.max(0.01, hints.ratePerSecond * (settings?.rateShare ?? 1));
  return { batchSize: Math.max(1, hints.batchSize), concurrency, ratePerSecond: rate };
}

/**
 * A token bucket holding one second of writes. A batch larger than the bucket
 * may go once the bucket is full and leaves it in debt, so later batches wait
 * longer: the sustained rate stays at ratePerSecond either way. First come,
 * first served.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number | undefined,
    private readonly clock: Clock,
  ) {
    this.capacity = Math.max(1, ratePerSecond ?? 1);
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  acquire(writes: number, signal?: AbortSignal): Promise<void> {
    const rate = this.ratePerSecond;
    if (rate === undefined) return Promise.resolve();
    const turn = this.queue.then(async () => {
      const needed = Math.min(writes, this.capacity);
      this.refill(rate);
      while (this.tokens < needed) {
        signal?.throwIfAborted();
        await this.clock.sleep(Math.ceil(((needed - this.tokens) / rate) * 1000), signal);
        this.refill(rate);
      }
      this.tokens -= writes;
    });
    // A failed (aborted) turn must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(rate: number): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * rate) / 1000);
    this.last = now;
  }
}
