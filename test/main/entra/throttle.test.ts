// The write budget keeps every quota window under the allowed share, and
// Retry-After is honoured (seconds, HTTP dates, scaled for tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../main/core/ports';
import { defaultRetryTiming, parseRetryAfter, retryDelayMs, WriteBudget } from '../../../main/entra/throttle';

function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('WriteBudget', () => {
  it('never lets more than quota x share writes into any window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 300, maxLength: 300 }),
        async (sizes, share, pauses) => {
          const clock = fakeClock();
          const quota = { writes: 600, windowMs: 3000 };
          const budget = new WriteBudget(quota, share, clock);
          const grants: Array<{ at: number; writes: number }> = [];
          for (const [i, writes] of sizes.entries()) {
            await clock.sleep(pauses[i] ?? 0); // callers arrive at irregular times
            await budget.take(writes);
            grants.push({ at: clock.now(), writes });
          }
          const allowed = quota.writes * share;
          for (const start of grants) {
            const inWindow = grants.filter((g) => g.at >= start.at && g.at < start.at + quota.windowMs).reduce((sum, g) => sum + g.writes, 0);
            expect(inWindow).toBeLessThanOrEqual(allowed + 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("uses Graph's identity quota by default: 3,000 writes per 150 s, 90 % share", () => {
    const budget = new WriteBudget({ writes: 3000, windowMs: 150_000 }, 0.9, fakeClock());
    expect(budget.capacity).toBe(40);
    expect(budget.ratePerSecond).toBeCloseTo((2700 - 40) / 150, 6);
  });

  it('lets waiting callers go in arrival order and stops waiting when cancelled', async () => {
    const clock = fakeClock();
    const budget = new WriteBudget({ writes: 40, windowMs: 1000 }, 1, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => budget.take(20).then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(clock.slept.length).toBeGreaterThan(0);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(budget.take(20, controller.signal)).rejects.toThrow('cancelled');
  });
});

describe('retry delays', () => {
  const timing = { ...defaultRetryTiming, retryDelayScale: 1 };

  it('waits the Retry-After seconds Graph sends, scaled for tests', () => {
    expect(retryDelayMs('7', 1, timing)).toBe(7000);
    expect(retryDelayMs('7', 1, { ...timing, retryDelayScale: 0.001 })).toBe(7);
    expect(retryDelayMs('0', 3, timing)).toBe(0);
  });

  it('accepts an HTTP date and falls back to exponential backoff without a header', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryDelayMs(undefined, 1, timing)).toBe(1000);
    expect(retryDelayMs(null, 3, timing)).toBe(4000);
    expect(retryDelayMs('', 20, timing)).toBe(timing.maxDelayMs);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
