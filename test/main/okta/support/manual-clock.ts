// A clock that moves only when the test says so: sleepers wake in deadline
// order as advance() passes their deadlines. Deterministic timing for the pacer.
import type { Clock } from '../../../../main/core/ports';

export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>;
  /** Let pending promise chains run. */
  settle(): Promise<void>;
}

export function manualClock(start = 1_800_000_000_000): ManualClock {
  let now = start;
  let sleepers: { until: number; resolve: () => void }[] = [];
  const settle = async () => {
    for (let round = 0; round < 5; round++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
        const sleeper = { until: now + Math.max(0, ms), resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers = sleepers.filter((entry) => entry !== sleeper);
          reject(signal.reason ?? new Error('aborted'));
        }, { once: true });
      }),
    settle,
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        await settle();
        const due = sleepers.filter((entry) => entry.until <= target).sort((a, b) => a.until - b.until)[0];
        if (!due) break;
        now = Math.max(now, due.until);
        sleepers = sleepers.filter((entry) => entry !== due);
        due.resolve();
      }
      now = target;
      await settle();
    },
  };
}
