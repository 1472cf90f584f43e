// A good citizen of a shared rate budget. Okta's per-minute limits are shared
// by every app and token in the org, so Rekey must stay under them instead of
// bouncing off them. For each bucket the pacer learns limit / remaining /
// reset from every response (X-Rate-Limit-*), keeps a reserve of
// (1 - rateShare) x limit for everyone else, and spreads what is left evenly
// over the rest of the window rather than bursting at its start. When the
// window is spent it waits for the reset; after a reset, one probe request
// learns the new window before more follow (another app may already have
// used it). All waiting goes through the injected Clock.
import type { Clock } from '../core/ports';

export interface RateObservation {
  status: number;
  limit?: number;
  remaining?: number;
  /** X-Rate-Limit-Reset: epoch seconds at which the window ends. */
  resetEpochSeconds?: number;
  /** The response's Date header, in epoch ms: lets us measure reset against the server's clock. */
  serverDateMs?: number;
}

export interface PacerOptions {
  clock: Clock;
  /** Fraction of each bucket's limit Rekey may use (settings.pacing.rateShare). */
  rateShare: number;
  /** Requests in flight per bucket at most. */
  maxInFlight?: number;
  /** Extra wait after a computed reset, for latency and clock skew. */
  resetMarginMs?: number;
}

export interface BucketSnapshot {
  bucket: string;
  limit?: number;
  remaining?: number;
  /** Local clock time at which the current window is believed to end. */
  windowEndsAt?: number;
  inFlight: number;
  sent: number;
  /** 429 answers observed (each one is also in the evidence of the call that got it). */
  throttled: number;
  /** Total time requests waited in this bucket, in clock ms. */
  waitedMs: number;
}

export interface PacerTicket {
  readonly bucket: string;
  readonly sentAt: number;
}

interface BucketState {
  limit?: number;
  remaining?: number;
  /** Identifies the server window the knowledge belongs to (its reset value). */
  windowKey?: number;
  windowEndsAt?: number;
  inFlight: number;
  nextSendAt: number;
  sent: number;
  throttled: number;
  waitedMs: number;
  wakers: Set<() => void>;
}

export class RatePacer {
  private readonly buckets = new Map<string, BucketState>();
  private readonly maxInFlight: number;
  private readonly resetMarginMs: number;

  constructor(private readonly options: PacerOptions) {
    if (!(options.rateShare > 0 && options.rateShare <= 1)) throw new RangeError('rateShare must be in (0, 1]');
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 8);
    this.resetMarginMs = options.resetMarginMs ?? 500;
  }

  /** Wait until a request to `bucket` may be sent without eating into other apps' share. */
  async acquire(bucket: string, signal?: AbortSignal): Promise<PacerTicket> {
    const state = this.state(bucket);
    const startedAt = this.options.clock.now();
    for (;;) {
      signal?.throwIfAborted();
      const now = this.options.clock.now();
      if (state.windowEndsAt !== undefined && now >= state.windowEndsAt) {
        // The window we knew about is over; what remains in the next one is unknown.
        state.remaining = undefined;
        state.windowEndsAt = undefined;
        state.nextSendAt = 0;
      }
      if (state.remaining === undefined || state.limit === undefined || state.windowEndsAt === undefined) {
        if (state.inFlight === 0) return this.take(state, bucket, startedAt);
        await this.waitForSettle(state, undefined, signal);
        continue;
      }
      const reserve = Math.ceil(state.limit * (1 - this.options.rateShare));
      const available = state.remaining - state.inFlight - reserve;
      if (available <= 0) {
        await this.waitForSettle(state, state.windowEndsAt - now, signal, state.inFlight === 0);
        continue;
      }
      if (state.inFlight >= this.maxInFlight) {
        await this.waitForSettle(state, undefined, signal);
        continue;
      }
      if (now < state.nextSendAt) {
        await this.options.clock.sleep(state.nextSendAt - now, signal);
        continue;
      }
      // Keep to the schedule: a send that is late by less than one interval
      // (timers fire late, the event loop was busy) must not push every later
      // send back, or the lateness adds up and a fifth of the share goes
      // unused (the x10 benchmark reached 0.67 of the limit). After a longer
      // pause the schedule restarts from now, so there is no burst; the
      // budget itself is bounded by `available` above either way.
      const spacing = (state.windowEndsAt - now) / available;
      const slot = state.nextSendAt > 0 && now - state.nextSendAt < spacing ? state.nextSendAt : now;
      state.nextSendAt = slot + spacing;
      return this.take(state, bucket, startedAt);
    }
  }

  /** Report how the request ended: with a response (its rate headers) or without one (network failure). */
  settle(ticket: PacerTicket, observation?: RateObservation): void {
    const state = this.state(ticket.bucket);
    state.inFlight = Math.max(0, state.inFlight - 1);
    if (observation) this.learn(state, observation);
    for (const wake of [...state.wakers]) wake();
  }

  snapshot(): BucketSnapshot[] {
    return [...this.buckets.entries()].map(([bucket, state]) => ({
      bucket,
      limit: state.limit,
      remaining: state.remaining,
      windowEndsAt: state.windowEndsAt,
      inFlight: state.inFlight,
      sent: state.sent,
      throttled: state.throttled,
      waitedMs: state.waitedMs,
    }));
  }

  /** The limit last announced for a bucket, if any response has told us. */
  learnedLimit(bucket: string): number | undefined {
    return this.buckets.get(bucket)?.limit;
  }

  get rateShare(): number {
    return this.options.rateShare;
  }

  private learn(state: BucketState, observation: RateObservation): void {
    if (observation.status === 429) state.throttled++;
    const { limit, remaining, resetEpochSeconds } = observation;
    if (limit === undefined || remaining === undefined || resetEpochSeconds === undefined) {
      if (observation.status === 429) {
        // A 429 without headers: assume the window is spent for a full minute.
        state.remaining = 0;
        state.limit ??= 1;
        state.windowEndsAt = this.options.clock.now() + 60_000 + this.resetMarginMs;
      }
      return;
    }
    const now = this.options.clock.now();
    const serverNow = observation.serverDateMs ?? now;
    // Date has one-second resolution and is truncated, so this over-estimates the wait by < 1 s: the safe direction.
    const windowEndsAt = now + Math.max(0, resetEpochSeconds * 1000 - serverNow) + this.resetMarginMs;
    if (state.windowKey !== undefined && resetEpochSeconds < state.windowKey) {
      // An answer about an earlier window. A 429 still means "nothing until its reset": honour whichever wait is longer.
      if (observation.status === 429) {
        state.remaining = 0;
        state.limit ??= limit;
        state.windowEndsAt = Math.max(state.windowEndsAt ?? 0, windowEndsAt);
      }
      return;
    }
    const effectiveRemaining = observation.status === 429 ? 0 : remaining;
    if (state.windowKey === resetEpochSeconds && state.remaining !== undefined) {
      state.remaining = Math.min(state.remaining, effectiveRemaining);
    } else {
      state.remaining = effectiveRemaining;
      state.nextSendAt = 0;
    }
    state.windowKey = resetEpochSeconds;
    state.limit = limit;
    state.windowEndsAt = windowEndsAt;
  }

  private take(state: BucketState, bucket: string, startedAt: number): PacerTicket {
    const now = this.options.clock.now();
    state.inFlight++;
    state.sent++;
    state.waitedMs += now - startedAt;
    return { bucket, sentAt: now };
  }

  /** Sleep until a request in this bucket settles, or `timeoutMs` passes (whichever is first). */
  private async waitForSettle(state: BucketState, timeoutMs: number | undefined, signal?: AbortSignal, timeoutOnly = false): Promise<void> {
    signal?.throwIfAborted();
    const timer = new AbortController();
    let wake: (() => void) | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onAbort = () => reject(signal?.reason ?? new Error('aborted'));
        signal?.addEventListener('abort', onAbort, { once: true });
        if (!timeoutOnly) {
          wake = resolve;
          state.wakers.add(resolve);
        }
        if (timeoutMs !== undefined) {
          this.options.clock.sleep(Math.max(0, timeoutMs), timer.signal).then(resolve, () => undefined);
        }
      });
    } finally {
      if (wake) state.wakers.delete(wake);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      timer.abort();
    }
  }

  private state(bucket: string): BucketState {
    let state = this.buckets.get(bucket);
    if (!state) {
      state = { inFlight: 0, nextSendAt: 0, sent: 0, throttled: 0, waitedMs: 0, wakers: new Set() };
      this.buckets.set(bucket, state);
    }
    return state;
  }
}
