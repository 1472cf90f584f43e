import { describe, expect, it } from 'vitest';
import { accountKey, defaultResetOptions, type Account, type RunEvent, type StepKind } from '../../../main/core/domain';
import { runEngine, type EngineInput, type RunWork } from '../../../main/core/engine';
import type { StepData } from '../../../main/core/run-records';
import { FakeClock, makeAccount, MemoryJournal, ScriptedDirectory, type StepScript } from './fakes';

const steps: StepKind[] = ['force-change', 'end-sessions'];

function setup(count: number, script?: StepScript, pacing = { batchSize: 2, maxConcurrency: 2 }) {
  const clock = new FakeClock();
  const accounts = Array.from({ length: count }, (_, i) => makeAccount({ login: `u${i}@x.com` }));
  const directory = new ScriptedDirectory('entra:test', accounts, pacing, script, clock);
  const work: RunWork[] = accounts.map((account) => ({ key: accountKey(account), account, steps }));
  const events: RunEvent[] = [];
  const journal = new MemoryJournal();
  const input: EngineInput = {
    runId: 'run-1',
    work,
    directories: new Map([[directory.id, directory]]),
    options: defaultResetOptions,
    clock,
    journal,
    onEvent: (e) => events.push(e),
    random: () => 0.5,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
  };
  return { clock, accounts, directory, work, events, journal, input };
}

const finishedKeys = (journal: MemoryJournal) => journal.ofType('account-finished').map((d) => d.key);

describe('run engine', () => {
  it('runs every account in batches within the concurrency limit and journals before it reports', async () => {
    const { input, directory, journal, events, accounts } = setup(7);
    // Every report must already be in the journal when it is emitted.
    input.onEvent = (event) => {
      events.push(event);
      if (event.type === 'account-finished') expect(finishedKeys(journal)).toContain(event.key);
      if (event.type === 'step-finished') {
        const steps = journal.ofType('step') as StepData[];
        expect(steps.some((s) => s.key === event.key && s.result.step === event.result.step && s.final)).toBe(true);
      }
    };
    const result = await runEngine({ ...input, pacing: { maxConcurrency: 8, rateShare: 1 } });
    expect(result.accounts.map((a) => a.outcome)).toEqual(Array(7).fill('applied'));
    expect(directory.calls.map((c) => c.logins.length)).toEqual([2, 2, 2, 1]);
    expect(directory.maxInFlight).toBe(2);
    expect(new Set(finishedKeys(journal))).toEqual(new Set(accounts.map(accountKey)));
    for (const account of accounts) {
      const key = accountKey(account);
      const types = journal.entries.filter((e) => (e.data as { key?: string }).key === key).map((e) => e.type);
      expect(types).toEqual(['account-started', 'step', 'step', 'account-finished']);
    }
    expect(events[0]).toMatchObject({ type: 'run-started', total: 7 });
    const last = events.filter((e) => e.type === 'progress').at(-1);
    expect(last).toMatchObject({ counts: { total: 7, pending: 0, inFlight: 0, applied: 7 }, etaMs: 0 });
  });

  it('caps concurrency by the settings when lower than the directory hint', async () => {
    const { input, directory } = setup(6, undefined, { batchSize: 1, maxConcurrency: 4 });
    await runEngine({ ...input, pacing: { maxConcurrency: 1, rateShare: 1 } });
    expect(directory.maxInFlight).toBe(1);
  });

  it('respects the rate limit (virtual time)', async () => {
    const { input, clock } = setup(20, undefined, { batchSize: 5, maxConcurrency: 4, ratePerSecond: 10 } as never);
    const start = clock.now();
    await runEngine({ ...input, pacing: { maxConcurrency: 4, rateShare: 1 } });
    // 40 writes at 10/s with a 10-write burst: at least 3 seconds.
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000);
  });

  it('retries a transient failure after the requested delay, only from the failed step on', async () => {
    const script: StepScript = (account, step, call) =>
      account.login === 'u1@x.com' && step === 'end-sessions' && call === 1
        ? { status: 'failed', message: 'throttled', retryable: true, retryAfterMs: 2500, evidence: [{ kind: 'http', method: 'POST', url: '/x', status: 429, at: 'now' }] }
        : undefined;
    const { input, directory, journal, events, clock } = setup(2, script);
    const result = await runEngine(input);
    expect(result.accounts.map((a) => a.outcome)).toEqual(['applied', 'applied']);
    expect(directory.calls.map((c) => [c.logins, c.steps])).toEqual([
      [['u0@x.com', 'u1@x.com'], [steps, steps]],
      [['u1@x.com'], [['end-sessions']]],
    ]);
    const retry = events.find((e) => e.type === 'retry-scheduled');
    expect(retry).toMatchObject({ attempt: 2, keys: [result.accounts[1]!.key] });
    expect((retry as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(2500);
    expect(clock.sleeps).toContain((retry as { delayMs: number }).delayMs);
    const stepRecords = journal.ofType('step') as StepData[];
    expect(stepRecords.filter((s) => !s.final)).toEqual([expect.objectContaining({ result: expect.objectContaining({ step: 'end-sessions', status: 'failed', attempt: 1 }) })]);
    expect(result.accounts[1]!.steps.map((s) => [s.step, s.status, s.attempt])).toEqual([
      ['force-change', 'done', 1],
      ['end-sessions', 'done', 2],
    ]);
  });

  it('treats HTTP 429/503 evidence as transient when the directory does not say, and stops after the last attempt', async () => {
    const script: StepScript = (_a, step) => (step === 'force-change' ? { status: 'failed', message: 'busy', evidence: [{ kind: 'http', method: 'PATCH', url: '/x', status: 503, at: 'now' }] } : undefined);
    const { input, directory } = setup(1, script);
    const result = await runEngine(input);
    expect(directory.calls.length).toBe(3);
    expect(result.accounts[0]!.outcome).toBe('failed');
    expect(result.accounts[0]!.steps[0]).toMatchObject({ status: 'failed', attempt: 3 });
  });

  it('does not retry a permanent failure', async () => {
    const script: StepScript = (a, step) => (a.login === 'u0@x.com' && step === 'force-change' ? { status: 'failed', message: 'forbidden', retryable: false } : undefined);
    const { input, directory } = setup(1, script);
    const result = await runEngine(input);
    expect(directory.calls.length).toBe(1);
    expect(result.accounts[0]).toMatchObject({ outcome: 'failed' });
  });

  it('retries a batch whose call threw, then reports the error as the failure', async () => {
    const { input, directory } = setup(2);
    directory.reset = async () => {
      throw new Error('socket hang up');
    };
    const result = await runEngine(input);
    expect(result.accounts.every((a) => a.outcome === 'failed')).toBe(true);
    expect(result.accounts[0]!.steps[0]!.message).toContain('socket hang up');
  });

  it('cancels: in-flight batches finish, later ones are marked cancelled without being started', async () => {
    const { input, directory, journal, events } = setup(6, undefined, { batchSize: 2, maxConcurrency: 1 });
    const controller = new AbortController();
    input.onEvent = (event) => {
      events.push(event);
      if (event.type === 'account-started' && !controller.signal.aborted) controller.abort(new Error('stop'));
    };
    const result = await runEngine({ ...input, signal: controller.signal });
    expect(result.cancelled).toBe(true);
    expect(directory.calls.length).toBe(1);
    expect(result.accounts.map((a) => a.outcome)).toEqual(['applied', 'applied', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(journal.ofType('account-started').length).toBe(2);
    expect(finishedKeys(journal).length).toBe(6);
    expect(result.accounts[5]!.steps.every((s) => s.status === 'cancelled' && s.message.includes('cancelled'))).toBe(true);
  });

  it('cancels a pending retry instead of waiting for it', async () => {
    const script: StepScript = () => ({ status: 'failed', message: 'throttled', retryable: true, retryAfterMs: 60_000 });
    const { input, directory } = setup(1, script);
    const controller = new AbortController();
    input.onEvent = (event) => {
      if (event.type === 'retry-scheduled') controller.abort(new Error('stop'));
    };
    const result = await runEngine({ ...input, signal: controller.signal });
    expect(directory.calls.length).toBe(1);
    expect(result.accounts[0]!.outcome).toBe('cancelled');
    expect(result.accounts[0]!.steps[0]!.message).toContain('Not retried');
  });

  it('stops the run when the journal cannot be written, reporting nothing it could not record', async () => {
    const { input, events } = setup(6, undefined, { batchSize: 1, maxConcurrency: 1 });
    const journal = new MemoryJournal(undefined, 4);
    await expect(runEngine({ ...input, journal })).rejects.toThrow(/journal could not be written.*disk full/);
    const reported = events.filter((e) => e.type === 'account-finished').map((e) => (e as { key: string }).key);
    expect(reported.every((key) => journal.ofType('account-finished').some((d) => d.key === key))).toBe(true);
    expect(reported.length).toBeLessThan(6);
  });

  it('finishes work with no applicable step without calling the directory', async () => {
    const { input, directory, journal } = setup(1);
    const result = await runEngine({ ...input, work: input.work.map((w) => ({ ...w, steps: [] })) });
    expect(result.accounts[0]!.outcome).toBe('nothing-to-do');
    expect(directory.calls.length).toBe(0);
    expect(journal.ofType('account-finished')).toEqual([{ key: input.work[0]!.key, outcome: 'nothing-to-do', via: 'run' }]);
  });

  it('treats a missing answer as a transient failure and sanitises what the directory says', async () => {
    const { input, directory, journal, events } = setup(1);
    const original = directory.reset.bind(directory);
    let calls = 0;
    directory.reset = async (batch, signal) => {
      calls++;
      if (calls === 1) return [];
      const results = await original(batch, signal);
      results[0]!.steps[0]!.message = 'done with Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789';
      return results;
    };
    const result = await runEngine(input);
    expect(result.accounts[0]!.outcome).toBe('applied');
    const text = JSON.stringify(journal.entries) + JSON.stringify(events);
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(text).toContain('returned no result');
  });

  it('refuses work for a directory that is not connected', async () => {
    const { input } = setup(1);
    const stray: Account = makeAccount({ directoryId: 'okta:gone' });
    await expect(runEngine({ ...input, work: [{ key: accountKey(stray), account: stray, steps }] })).rejects.toThrow(/not connected/);
  });
});
