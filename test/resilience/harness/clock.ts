// A wall clock that can be moved forward: the Okta stand-in and Rekey's pacer
// share it, so jumping to the start of a rate-limit minute is, for both of
// them, simply time passing. Timers run in real time.
import { systemClock, type Clock } from '../../../main/core/ports';

export interface ShiftableClock extends Clock {
  /** Move time forward so that now() is `afterMs` into the next window of `windowMs`; returns the new offset from real time. */
  jumpToNextWindow(windowMs: number, afterMs?: number): number;
}

export function shiftableClock(): ShiftableClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    jumpToNextWindow(windowMs, afterMs = 0) {
      const now = Date.now() + offset;
      offset += Math.ceil(now / windowMs) * windowMs + afterMs - now;
      return offset;
    },
  };
}

/**
 * A clock `scale` times faster than real time: Okta's one-minute windows and
 * the run's retry delays pass quickly, while headers keep Okta's units. The
 * stand-in, the pacer and the flow share it, as a client and a server whose
 * clocks agree.
 */
export function scaledClock(scale: number): Clock {
  const start = Date.now();
  const realStart = performance.now();
  return {
    now: () => Math.floor(start + (performance.now() - realStart) * scale),
    sleep: (ms, signal) => systemClock.sleep(Math.max(0, ms) / scale, signal),
  };
}
