// A clock that runs `scale` times faster than real time, for tests: Okta's
// one-minute rate windows pass in well under a second, while the numbers on the
// wire (X-Rate-Limit-Reset in epoch seconds, Date headers) keep Okta's units.
// The stand-in and Rekey's pacer share one such clock, like a client and a
// server whose clocks agree.
import type { Clock } from '../../../../../main/core/ports';

export interface ScaledClock extends Clock {
  readonly scale: number;
}

export function scaledClock(scale: number, start: number = Date.now()): ScaledClock {
  const realStart = performance.now();
  return {
    scale,
    now: () => Math.floor(start + (performance.now() - realStart) * scale),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.max(0, ms) / scale);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason ?? new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
