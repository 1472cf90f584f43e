import { describe, expect, it } from 'vitest';
import type { StepResult } from '../../../main/core/domain';
import { backoffDelay, isTransientFailure } from '../../../main/core/retry';
import { effectivePacing, RateLimiter } from '../../../main/core/pacing';
import { ProgressTracker } from '../../../main/core/progress';
import { FakeClock } from './fakes';

const failed = (extra: Partial<StepResult>): StepResult => ({ step: 'force-change', status: 'failed', message: 'x', evidence: [], at: 'now', ...extra });
const policy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8000 };

describe('transient failures', () => {
  it('follows the directory, else HTTP 429/502/503/504 and script timeouts', () => {
    expect(isTransientFailure(failed({ retryable: true }))).toBe(true);
    expect(isTransientFailure(failed({ retryable: false, evidence: [{ kind: 'http', method: 'GET', url: '/', status: 429, at: '' }] }))).toBe(false);
    for (const status of [429, 502, 503, 504]) expect(isTransientFailure(failed({ evidence: [{ kind: 'http', method: 'GET', url: '/', status, at: '' }] }))).toBe(true);
    expect(isTransientFailure(failed({ evidence: [{ kind: 'http', method: 'GET', url: '/', status: 403, at: '' }] }))).toBe(false);
    expect(isTransientFailure(failed({ evidence: [{ kind: 'powershell', host: 'h', script: 's', exitStatus: 'timeout', output: '', at: '' }] }))).toBe(true);
    expect(isTransientFailure({ ...failed({ retryable: true }), status: 'done' })).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially with equal jitter, capped', () => {
    expect(backoffDelay(1, undefined, policy, () => 0)).toBe(250);
    expect(backoffDelay(1, undefined, policy, () => 1)).toBe(500);
    expect(backoffDelay(3, undefined, policy, () => 0)).toBe(1000);
    expect(backoffDelay(10, undefined, policy, () => 1)).toBe(8000);
  });

  it('never comes back before Retry-After, even above the cap', () => {
    expect(backoffDelay(1, 3000, policy, () => 0)).toBe(3000);
    expect(backoffDelay(1, 3000, policy, () => 1)).toBe(3300);
    expect(backoffDelay(1, 60_000, policy, () => 0)).toBe(60_000);
  });
});

describe('pacing', () => {
  it('takes the lower of the directory hint and the settings, and scales the rate', () => {
    expect(effectivePacing({ batchSize: 20, maxConcurrency: 4, ratePerSecond: 50 }, { maxConcurrency: 2, rateShare: 0.5 })).toEqual({ batchSize: 20, concurrency: 2, ratePerSecond: 25 });
    expect(effectivePacing({ batchSize: 0, maxConcurrency: 2 }, { maxConcurrency: 8, rateShare: 1 })).toEqual({ batchSize: 1, concurrency: 2, ratePerSecond: undefined });
  });

  it('a token bucket holds writes to the rate (virtual time)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(5, clock);
    const start = clock.now();
    for (let i = 0; i < 15; i++) await limiter.acquire(1);
    // 5 in the initial burst, 10 more at 5 per second.
    expect(clock.now() - start).toBeGreaterThanOrEqual(2000);
    expect(clock.now() - start).toBeLessThan(2600);
  });

  it('lets a batch larger than the bucket through once and makes the next one wait longer', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(2, clock);
    await limiter.acquire(10);
    const before = clock.now();
    await limiter.acquire(1);
    expect(clock.now() - before).toBeGreaterThanOrEqual(4000);
  });

  it('gives up waiting when cancelled', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(1, clock);
    await limiter.acquire(1);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(limiter.acquire(1, controller.signal)).rejects.toThrow('stop');
    await limiter.acquire(1);
  });
});

describe('progress', () => {
  it('counts, measures throughput and estimates the time left', () => {
    const clock = new FakeClock();
    const tracker = new ProgressTracker('r', 4, clock);
    tracker.started(2);
    clock.current += 2000;
    tracker.finished('applied', true);
    tracker.finished('failed', true);
    const snapshot = tracker.snapshot();
    expect(snapshot.counts).toEqual({ total: 4, pending: 2, inFlight: 0, applied: 1, failed: 1, cancelled: 0, nothingToDo: 0 });
    expect(snapshot.throughputPerSecond).toBe(1);
    expect(snapshot.etaMs).toBe(2000);
    expect(new ProgressTracker('r', 1, clock).snapshot().etaMs).toBeNull();
  });
});
