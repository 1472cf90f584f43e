// The pacer's rules, on a clock that moves only when the test says so.
import { describe, expect, it } from 'vitest';
import { RatePacer, type PacerTicket } from '../../../main/okta/pacer';
import { manualClock } from './support/manual-clock';

function track(promise: Promise<PacerTicket>) {
  const state: { ticket?: PacerTicket; error?: unknown } = {};
  promise.then((ticket) => (state.ticket = ticket), (error: unknown) => (state.error = error));
  return state;
}

const second = 1000;

describe('RatePacer', () => {
  it('sends one probe until Okta has announced the limit', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1, resetMarginMs: 0 });
    const first = track(pacer.acquire('api-v1'));
    const waiting = track(pacer.acquire('api-v1'));
    await clock.settle();
    expect(first.ticket).toBeDefined();
    expect(waiting.ticket).toBeUndefined();
    pacer.settle(first.ticket!, { status: 200, limit: 100, remaining: 99, resetEpochSeconds: clock.now() / 1000 + 60, serverDateMs: clock.now() });
    await clock.settle();
    expect(waiting.ticket).toBeDefined();
  });

  it('spreads the budget over what is left of the window instead of bursting', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1, resetMarginMs: 0 });
    const probe = await pacer.acquire('api-v1');
    pacer.settle(probe, { status: 200, limit: 10, remaining: 9, resetEpochSeconds: clock.now() / 1000 + 60, serverDateMs: clock.now() });
    pacer.settle(await pacer.acquire('api-v1')); // 9 left over 60 s: next slot in 60/9 s
    const next = track(pacer.acquire('api-v1'));
    await clock.advance(6 * second);
    expect(next.ticket).toBeUndefined();
    await clock.advance(1 * second);
    expect(next.ticket).toBeDefined();
  });

  it('keeps (1 - rateShare) of the limit for other apps and waits for the reset', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 0.5, resetMarginMs: 0 });
    const windowEnd = clock.now() + 60 * second;
    let remaining = 10;
    let sent = 0;
    let ticket = track(pacer.acquire('api-v1'));
    for (;;) {
      while (!ticket.ticket && clock.now() < windowEnd - second) await clock.advance(second);
      if (!ticket.ticket) break;
      sent++;
      remaining--; // what the server would announce after counting this request
      pacer.settle(ticket.ticket, { status: 200, limit: 10, remaining, resetEpochSeconds: windowEnd / 1000, serverDateMs: clock.now() });
      ticket = track(pacer.acquire('api-v1'));
      await clock.settle();
    }
    // A 10/min limit at share 0.5 leaves 5 for others: Rekey sent 5 in the window, and waits for the next one.
    expect(sent).toBe(5);
    await clock.advance(2 * second);
    expect(ticket.ticket).toBeDefined();
  });

  it('after a 429 waits until its X-Rate-Limit-Reset, measured against the server Date', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1, resetMarginMs: 0 });
    const ticket = await pacer.acquire('api-v1');
    // The server's clock is 5 s behind ours: the wait is measured from its Date header.
    pacer.settle(ticket, { status: 429, limit: 100, remaining: 0, resetEpochSeconds: (clock.now() - 5 * second) / 1000 + 30, serverDateMs: clock.now() - 5 * second });
    const next = track(pacer.acquire('api-v1'));
    await clock.advance(29 * second);
    expect(next.ticket).toBeUndefined();
    await clock.advance(1 * second);
    expect(next.ticket).toBeDefined();
    expect(pacer.snapshot()[0]).toMatchObject({ bucket: 'api-v1', throttled: 1 });
  });

  it('does not let a late answer from an earlier window raise what is left', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1, resetMarginMs: 0 });
    const base = clock.now() / 1000;
    pacer.settle(await pacer.acquire('b'), { status: 200, limit: 100, remaining: 3, resetEpochSeconds: base + 60, serverDateMs: clock.now() });
    pacer.settle(await pacer.acquire('b'), { status: 200, limit: 100, remaining: 90, resetEpochSeconds: base, serverDateMs: clock.now() });
    expect(pacer.snapshot()[0]!.remaining).toBe(3);
  });

  it('frees the slot of a request that got no answer', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1 });
    const first = await pacer.acquire('b');
    const next = track(pacer.acquire('b'));
    await clock.settle();
    expect(next.ticket).toBeUndefined();
    pacer.settle(first); // connection reset: no headers to learn from
    await clock.settle();
    expect(next.ticket).toBeDefined();
  });

  it('stops waiting when the run is cancelled', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1 });
    await pacer.acquire('b');
    const controller = new AbortController();
    const cancelled = track(pacer.acquire('b', controller.signal));
    controller.abort(new Error('run cancelled'));
    await clock.settle();
    expect((cancelled.error as Error).message).toBe('run cancelled');
    expect(pacer.snapshot()[0]!.inFlight).toBe(1);
  });

  it('keeps buckets apart', async () => {
    const clock = manualClock();
    const pacer = new RatePacer({ clock, rateShare: 1 });
    const ticket = await pacer.acquire('users-get');
    pacer.settle(ticket, { status: 429, limit: 10, remaining: 0, resetEpochSeconds: clock.now() / 1000 + 60, serverDateMs: clock.now() });
    const other = track(pacer.acquire('api-v1'));
    await clock.settle();
    expect(other.ticket).toBeDefined();
  });
});
