// Reading a run's pace from its live events: the window from the first
// account started to the last account finished, and the writes in it.
import type { RunEvent, StepKind } from '../../main/core/domain';

const writeSteps: ReadonlySet<StepKind> = new Set(['clear-never-expires', 'force-change', 'end-sessions']);

export interface WriteWindow {
  /** Steps that reported done (each one write the directory accepted). */
  writes: number;
  /** Accounts that finished applied. */
  accounts: number;
  seconds: number;
  /** Writes per second over the second half of the window: the pace once any initial burst is spent. */
  laterHalfPerSecond: number;
}

export function writeWindow(run: { events: readonly RunEvent[]; times: readonly number[] }): WriteWindow {
  let first = Infinity;
  let last = -Infinity;
  let writes = 0;
  let accounts = 0;
  const writeTimes: number[] = [];
  run.events.forEach((event, index) => {
    const t = run.times[index] as number;
    if (event.type === 'account-started') first = Math.min(first, t);
    if (event.type === 'account-finished') {
      last = Math.max(last, t);
      if (event.outcome === 'applied') accounts++;
    }
    if (event.type === 'step-finished' && event.result.status === 'done' && writeSteps.has(event.result.step)) {
      writes++;
      writeTimes.push(t);
    }
  });
  if (!Number.isFinite(first) || !Number.isFinite(last)) throw new Error('The run started or finished no account.');
  const middle = first + (last - first) / 2;
  const later = writeTimes.filter((t) => t >= middle).length;
  return { writes, accounts, seconds: Math.max(0.001, (last - first) / 1000), laterHalfPerSecond: later / Math.max(0.001, (last - middle) / 1000) };
}
