// The run manager: runs in the background with every event relayed, cancel
// (in-flight work finishes, the rest is cancelled), retry of what did not
// work, a run that loses its journal mid-way (run.failed) and its resume,
// and the run as the journal shows it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, RunEvent, VerifiedState } from '../../../main/core/domain';
import type { JournalRecord } from '../../../main/core/domain';
import type { JournalEntry, OpenRunJournal, RunJournalStore } from '../../../main/core/run-records';
import { nodeHasher } from '../../../main/storage/hasher';
import { JournalFileStore } from '../../../main/storage/journal-file';
import { FakeClock, makeAccount, ScriptedDirectory, type StepScript } from '../core/fakes';
import { gate, testConsole, type TestConsole } from './support';

const clock = new FakeClock(Date.now());
let desk: TestConsole | null = null;
afterEach(async () => {
  await desk?.close();
  desk = null;
});

function people(directoryId: string, n: number, extra: Partial<Account> = {}): Account[] {
  return Array.from({ length: n }, (_, i) => makeAccount({ directoryId, login: `person${i}@${directoryId.split(':')[1]}.example`, ...extra }));
}

/** One account per reset call, one call at a time; optional hooks around each call. */
class OneAtATime extends ScriptedDirectory {
  resets = 0;
  beforeReset: (call: number) => Promise<void> | void = () => {};
  notVerified = new Set<string>();
  constructor(id: string, accounts: Account[], script?: StepScript) {
    super(id, accounts, { batchSize: 1, maxConcurrency: 1 }, script, clock);
  }
  override async reset(...args: Parameters<ScriptedDirectory['reset']>) {
    this.resets++;
    await this.beforeReset(this.resets);
    return super.reset(...args);
  }
  /** Accounts listed here read back as "must change: no": the reset did not hold. */
  override async readState(accounts: Account[]): Promise<VerifiedState[]> {
    const states = await super.readState(accounts);
    return states.map((s) => (this.notVerified.has(s.accountId) ? { ...s, mustChange: 'no' } : s));
  }
}

const confirmAll = (plan: { entries: ReadonlyArray<{ key: string; account: Account }> }) => plan.entries.map((e) => ({ key: e.key, confirmed: true, typedText: e.account.login }));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('timed out waiting');
}

describe('run.start', () => {
  it('runs in the background, relays every event in order, coalesces progress, and the view shows every account verified', async () => {
    const directory = new OneAtATime('entra:contoso', people('entra:contoso', 6));
    desk = await testConsole(() => [directory], { clock, progressIntervalMs: 60_000 });
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    const { runId } = await desk.runs.start(plan.id, confirmAll(plan));
    const finished = await desk.finished(runId);

    expect(finished.finalStates).toEqual({ verified: 6 });
    const events = desk.runEvents(runId);
    expect(events[0]?.type).toBe('run-started');
    expect(events.at(-1)?.type).toBe('run-finished');
    expect(events.filter((e) => e.type === 'account-finished')).toHaveLength(6);
    expect(events.filter((e) => e.type === 'verify-finished')).toHaveLength(6);
    // Six batches each report progress; one per minute gets through, plus the newest before the end.
    const progress = events.filter((e): e is Extract<RunEvent, { type: 'progress' }> => e.type === 'progress');
    expect(progress.length).toBeLessThanOrEqual(2);
    expect(progress.at(-1)?.counts).toMatchObject({ total: 6, applied: 6, pending: 0, inFlight: 0 });
    expect(events.indexOf(progress.at(-1)!)).toBeLessThan(events.length - 1);

    const view = await desk.runs.view(runId);
    expect(view.active).toBe(false);
    expect(view.summary).toMatchObject({ runId, status: 'finished', planned: 6, operator: 'tester' });
    expect(view.accounts.map((a) => a.state)).toEqual(Array(6).fill('verified'));
    expect(view.accounts[0]).toMatchObject({ login: 'person0@contoso.example', directoryId: 'entra:contoso' });
    expect(view.accounts[0]?.steps.map((s) => [s.step, s.status])).toEqual([
      ['force-change', 'done'],
      ['end-sessions', 'done'],
    ]);
    expect(view.accounts[0]?.verify?.outcome).toBe('verified');
  });

  it('refuses a plan that is gone, and a plan whose directory is no longer connected, with a sentence', async () => {
    const directory = new OneAtATime('entra:contoso', people('entra:contoso', 1));
    let connected = [directory];
    desk = await testConsole(() => connected, { clock });
    expect(() => desk!.runs.start('plan-unknown', [])).toThrow('Plan plan-unknown is no longer available');
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    connected = [];
    await expect(desk.runs.start(plan.id, confirmAll(plan))).rejects.toThrow('Scripted entra:contoso (entra:contoso) is not connected; connect it before running this plan.');
    expect(await desk.flow.listRuns()).toEqual([]);
  });
});

describe('run.cancel', () => {
  it('lets the batch in flight finish, cancels the rest, and still verifies what was done', async () => {
    const directory = new OneAtATime('entra:contoso', people('entra:contoso', 5));
    const second = gate();
    const secondStarted = gate();
    directory.beforeReset = async (call) => {
      if (call !== 2) return;
      secondStarted.open();
      await second.promise;
    };
    desk = await testConsole(() => [directory], { clock });
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    const { runId } = await desk.runs.start(plan.id, confirmAll(plan));
    await secondStarted.promise;
    expect(desk.runs.isActive(runId)).toBe(true);
    expect((await desk.runs.view(runId)).active).toBe(true);
    expect(desk.runs.cancel(runId)).toEqual({ cancelling: true });
    second.open();
    const finished = await desk.finished(runId);

    expect(finished.cancelled).toBe(true);
    expect(finished.finalStates).toEqual({ verified: 2, cancelled: 3 });
    expect(directory.resets).toBe(2);
    const view = await desk.runs.view(runId);
    expect(view.summary.status).toBe('cancelled');
    const cancelled = view.accounts.filter((a) => a.state === 'cancelled');
    expect(cancelled).toHaveLength(3);
    expect(cancelled.every((a) => a.steps.every((s) => s.status !== 'done') && a.verify === undefined)).toBe(true);
    expect(desk.runs.cancel(runId)).toEqual({ cancelling: false });
  });
});

describe('run.retryFailed', () => {
  it('plans again the accounts that failed or did not verify, with the run\'s options and exclusion sets', async () => {
    const accounts = people('entra:contoso', 4);
    const failing = accounts[1]!;
    const directory = new OneAtATime('entra:contoso', accounts, (account, step) =>
      account.id === failing.id && step === 'force-change' ? { status: 'failed', message: 'Graph answered 403: Insufficient privileges to complete the operation.' } : undefined,
    );
    directory.notVerified.add(accounts[2]!.id);
    desk = await testConsole(() => [directory], { clock });
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: ['Service accounts'], options: { endSessions: false } });
    const { runId } = await desk.runs.start(plan.id, confirmAll(plan));
    const finished = await desk.finished(runId);
    expect(finished.finalStates).toEqual({ verified: 2, failed: 1, 'not-verified': 1 });

    const retry = await desk.runs.retryFailed(runId);
    expect(retry.entries.map((e) => e.account.login).sort()).toEqual([failing.login, accounts[2]!.login].sort());
    expect(retry.exclusionSets).toEqual(['Service accounts']);
    expect(retry.options.endSessions).toBe(false);
    expect(retry.selection).toBe(`2 accounts to retry from run ${runId}`);
    expect(desk.plans.get(retry.id)).toBe(retry);
    const view = await desk.runs.view(runId);
    expect(view.accounts.find((a) => a.key.endsWith(failing.id))?.reason).toContain('force-change: Graph answered 403: Insufficient privileges');
  });

  it('says so when a run has nothing to retry', async () => {
    const directory = new OneAtATime('entra:contoso', people('entra:contoso', 2));
    desk = await testConsole(() => [directory], { clock });
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    const { runId } = await desk.runs.start(plan.id, confirmAll(plan));
    await desk.finished(runId);
    await expect(desk.runs.retryFailed(runId)).rejects.toThrow(`Nothing to retry in run ${runId}: no account failed, was cancelled or did not verify.`);
  });
});

/** A journal store whose disk "fills up" on demand. */
class FlakyJournals implements RunJournalStore {
  full = false;
  constructor(private readonly inner: RunJournalStore) {}
  private wrap(journal: OpenRunJournal): OpenRunJournal {
    return {
      runId: journal.runId,
      append: async (entries: JournalEntry[]) => {
        if (this.full) throw new Error('No space left on device.');
        await journal.append(entries);
      },
      close: () => journal.close(),
    };
  }
  create = async (runId: string) => this.wrap(await this.inner.create(runId));
  reopen = async (runId: string) => this.wrap(await this.inner.reopen(runId));
  read = (runId: string): Promise<JournalRecord[]> => this.inner.read(runId);
  readText = (runId: string) => this.inner.readText(runId);
  list = () => this.inner.list();
}

describe('a run that stops before its end, and run.resume', () => {
  it('announces run.failed, is offered as unfinished, and resume finishes it with every account verified once', async () => {
    const directory = new OneAtATime('entra:contoso', people('entra:contoso', 4));
    let journals: FlakyJournals | null = null;
    directory.beforeReset = (call) => {
      if (call === 3 && journals) journals.full = true;
    };
    desk = await testConsole(() => [directory], { clock, journals: (dataDir) => (journals = new FlakyJournals(new JournalFileStore({ dataDir, hasher: nodeHasher, clock }))) });
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    const { runId } = await desk.runs.start(plan.id, confirmAll(plan));
    await until(() => desk!.events.some((e) => e.name === 'run.failed'));

    const failed = desk.events.find((e) => e.name === 'run.failed')?.payload as { runId: string; message: string };
    expect(failed.runId).toBe(runId);
    expect(failed.message).toBe('The run stopped before it finished: The journal could not be written (No space left on device.); the run stopped so that no result goes unrecorded. It can be resumed.');
    expect(desk.runEvents(runId).some((e) => e.type === 'run-finished')).toBe(false);
    await until(() => !desk!.runs.isActive(runId));
    expect((await desk.runs.unfinished()).map((r) => r.runId)).toEqual([runId]);

    journals!.full = false;
    expect(await desk.runs.resume(runId)).toEqual({ runId });
    const finished = await desk.finished(runId);
    expect(finished.finalStates).toEqual({ verified: 4 });
    expect(await desk.runs.unfinished()).toEqual([]);
    const view = await desk.runs.view(runId);
    expect(view.summary.status).toBe('finished');
    expect(view.accounts.map((a) => a.state)).toEqual(Array(4).fill('verified'));
    expect((await desk.activity.timeline()).map((t) => t.kind)).toContain('run-resumed');
    expect(await desk.activity.integrity(runId)).toMatchObject({ ok: true, finished: true });
  });
});
