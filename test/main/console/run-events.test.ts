// Progress coalescing: at most one progress event per interval, never a stale
// one after the newest, and the latest always before run-finished.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../../main/core/domain';
import { RunEventRelay } from '../../../main/console/run-events';

const progress = (applied: number): RunEvent => ({
  type: 'progress',
  runId: 'r1',
  counts: { total: 10, pending: 10 - applied, inFlight: 0, applied, failed: 0, cancelled: 0, nothingToDo: 0 },
  throughputPerSecond: 1,
  etaMs: null,
  at: new Date().toISOString(),
});
const finishedAccount: RunEvent = { type: 'account-finished', runId: 'r1', key: 'k', login: 'a@x', outcome: 'applied', at: 'now' };
const runFinished: RunEvent = { type: 'run-finished', runId: 'r1', finalStates: { verified: 10 }, cancelled: false, at: 'now' };

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('RunEventRelay', () => {
  it('sends the first progress at once, holds later ones to one per interval, and sends the newest', () => {
    const sent: RunEvent[] = [];
    const relay = new RunEventRelay((e) => sent.push(e), { intervalMs: 100 });
    relay.push(progress(1));
    vi.advanceTimersByTime(10);
    relay.push(progress(2));
    relay.push(finishedAccount);
    vi.advanceTimersByTime(10);
    relay.push(progress(3));
    expect(sent.map((e) => e.type)).toEqual(['progress', 'account-finished']);
    vi.advanceTimersByTime(80);
    expect(sent.map((e) => (e.type === 'progress' ? e.counts.applied : e.type))).toEqual([1, 'account-finished', 3]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });

  it('sends the held progress before run-finished', () => {
    const sent: RunEvent[] = [];
    const relay = new RunEventRelay((e) => sent.push(e), { intervalMs: 10_000 });
    relay.push(progress(1));
    relay.push(progress(9));
    relay.push(progress(10));
    relay.push(runFinished);
    expect(sent.map((e) => (e.type === 'progress' ? e.counts.applied : e.type))).toEqual([1, 10, 'run-finished']);
    vi.advanceTimersByTime(20_000);
    expect(sent).toHaveLength(3);
  });
});
