import { describe, expect, it } from 'vitest';
import type { Plan, RunEvent } from '../../../main/core/domain';
import { verifyJournal } from '../../../main/core/journal';
import { answersFor } from '../../../main/flow/approvals';
import { ENTRA_ID, OKTA_ID, WINDOWS_ID } from '../../../main/practice/sample-population';
import { testHasher } from '../core/fakes';
import { practiceFlow } from './flow-fixtures';

const confirmAll = (plan: Plan, typedNames: string[] = []) => answersFor(plan, { confirmAll: true, typedNames });

describe('the flow, end to end on practice directories', () => {
  it('select -> plan -> approve -> run -> verify -> record', async () => {
    const { flow, journals } = practiceFlow({ faults: { transient: [{ login: 'lynne.robbins@contoso-practice.onmicrosoft.com', times: 1, retryAfterMs: 2000 }] } });
    const selection = await flow.select({ by: 'search', search: 'robbins' });
    const plan = await flow.plan({ selection });
    expect(plan.entries.length).toBe(2);
    const events: RunEvent[] = [];
    const outcome = await flow.run(plan, confirmAll(plan), { onEvent: (e) => events.push(e) });
    expect(outcome).toMatchObject({ allVerified: true, cancelled: false, finalStates: { verified: 2 } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['run-started', 'account-started', 'retry-scheduled', 'step-finished', 'account-finished', 'progress', 'verify-finished', 'run-finished']));
    const text = await journals.readText(outcome.runId);
    expect(verifyJournal(text, testHasher)).toMatchObject({ ok: true, finished: true });
    const types = (await journals.read(outcome.runId)).map((r) => r.type);
    expect(types.slice(0, 2)).toEqual(['run-started', 'plan']);
    expect(types.filter((t) => t === 'approval').length).toBe(2);
    expect(types.at(-1)).toBe('run-ended');
    expect((await flow.listRuns())[0]).toMatchObject({ runId: outcome.runId, status: 'finished', planned: 2 });
    expect((await flow.timeline()).map((t) => t.kind)).toEqual(['run-ended', 'run-started']);
  });

  it('approvals: typed-confirm needs the typed login, blocked and unconfirmed accounts never run', async () => {
    const { flow } = practiceFlow();
    const plan = await flow.plan({ selection: await flow.select({ by: 'search', directoryIds: [WINDOWS_ID], search: 'admin' }) });
    expect(plan.entries.map((e) => [e.account.login, e.approval.decision])).toEqual([
      ['Administrator', 'typed-confirm'],
      ['Administrateur', 'typed-confirm'],
    ]);
    const outcome = await flow.run(plan, confirmAll(plan, ['Administrateur']));
    expect(outcome.finalStates).toEqual({ verified: 1, 'not-approved': 1 });
    expect(outcome.allVerified).toBe(false);
    const run = await flow.readRun(outcome.runId);
    const granted = [...run.accounts.values()].find((s) => s.approval?.granted);
    expect(granted?.approval).toMatchObject({ granted: true, grant: { decision: 'typed-confirm', by: 'alice', typed: true } });
  });

  it('failures are failures: refused, not sticking, unreadable', async () => {
    const { flow } = practiceFlow({
      faults: {
        permanent: ['adele.vance@fabrikam.example'],
        silentlyIgnored: ['alex.wilber@fabrikam.example'],
        unreadable: ['grady.archie@fabrikam.example'],
      },
    });
    const plan = await flow.plan({ selection: await flow.select({ by: 'csv', fileName: 'incident.csv', text: 'directory,login\nokta,adele.vance@fabrikam.example\nokta,alex.wilber@fabrikam.example\nokta,grady.archie@fabrikam.example\nokta,ghost@fabrikam.example\n' }) });
    expect(plan.selectionProblems).toEqual([{ line: 5, reason: 'unknown-account', message: expect.any(String) }]);
    const outcome = await flow.run(plan, confirmAll(plan));
    expect(outcome.finalStates).toEqual({ failed: 1, 'not-verified': 1, 'could-not-verify': 1 });
    const rows = Object.fromEntries(outcome.report.rows.map((r) => [r.login, r]));
    expect(rows['adele.vance@fabrikam.example']!.reason).toContain('E0000006');
    expect(rows['alex.wilber@fabrikam.example']!.reason).toContain('reads no');
    expect(rows['grady.archie@fabrikam.example']!.reason).toContain('could not be read back');
  });

  it('"verify again" re-reads, is journaled, and can turn could-not-verify into verified', async () => {
    const faults = { unreadable: ['grady.archie@fabrikam.example'] };
    const { flow, journals, clock } = practiceFlow({ faults });
    const plan = await flow.plan({ selection: await flow.select({ by: 'search', directoryIds: [OKTA_ID], search: 'grady' }) });
    const outcome = await flow.run(plan, confirmAll(plan));
    expect(outcome.finalStates).toEqual({ 'could-not-verify': 1 });
    faults.unreadable = [];
    clock.current += 5 * 60_000;
    const [again] = await flow.verifyAgain(outcome.runId);
    expect(again!.outcome).toBe('verified');
    const report = await flow.report(outcome.runId);
    expect(report.counts).toEqual({ verified: 1 });
    expect(verifyJournal(await journals.readText(outcome.runId), testHasher)).toMatchObject({ ok: true });
    expect((await flow.timeline())[0]).toMatchObject({ kind: 'verify-again', who: 'alice' });
    await expect(flow.verifyAgain(outcome.runId, ['okta:nowhere|x'])).rejects.toThrow(/did not reset/);
  });

  it('cancelling marks what did not start as cancelled and ends the run', async () => {
    const { flow, journals } = practiceFlow({ pacing: { batchSize: 1, maxConcurrency: 1 } });
    const plan = await flow.plan({ selection: await flow.select({ by: 'all', directoryIds: [ENTRA_ID] }) });
    const controller = new AbortController();
    let started = 0;
    const outcome = await flow.run(plan, confirmAll(plan), {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'account-started' && ++started === 3) controller.abort(new Error('operator'));
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.finalStates.verified).toBe(3);
    expect(outcome.finalStates.cancelled).toBeGreaterThan(10);
    const types = (await journals.read(outcome.runId)).map((r) => r.type);
    expect(types.slice(-2)).toEqual(['run-cancelled', 'run-ended']);
  });

  it('resumes a run whose process died, finishing each account exactly once', async () => {
    const { flow, journals, directories } = practiceFlow({ pacing: { batchSize: 2, maxConcurrency: 1 } });
    const plan = await flow.plan({ selection: await flow.select({ by: 'all', directoryIds: [OKTA_ID] }) });
    // Simulate a crash: the journal stops accepting writes after the 6th append.
    let appends = 0;
    const original = journals.create.bind(journals);
    journals.create = async (runId) => {
      const journal = await original(runId);
      return { ...journal, append: async (entries) => (++appends > 6 ? Promise.reject(new Error('process killed')) : journal.append(entries)) };
    };
    await expect(flow.run(plan, confirmAll(plan, ['okta.superadmin@fabrikam.example']))).rejects.toThrow(/process killed/);
    const [unfinished] = await flow.unfinishedRuns();
    expect(unfinished).toBeDefined();
    const before = await flow.readRun(unfinished!.runId);
    const finishedBefore = [...before.accounts.values()].filter((s) => s.outcome).map((s) => s.key);
    expect(finishedBefore.length).toBeGreaterThan(0);

    const outcome = await flow.resume(unfinished!.runId);
    const records = await journals.read(unfinished!.runId);
    const finishedKeys = records.filter((r) => r.type === 'account-finished').map((r) => (r.data as { key: string }).key);
    expect(new Set(finishedKeys).size).toBe(finishedKeys.length);
    expect(finishedKeys.length).toBe(plan.entries.length);
    const resumed = records.find((r) => r.type === 'run-resumed')!.data as { rerun: string[]; alreadyApplied: string[] };
    expect([...resumed.rerun, ...resumed.alreadyApplied].some((k) => finishedBefore.includes(k))).toBe(false);
    expect(outcome.finalStates['nothing-to-do']).toBe(1);
    expect(outcome.finalStates.verified).toBe(plan.entries.length - 1);
    expect(await flow.unfinishedRuns()).toEqual([]);
    await expect(flow.resume(unfinished!.runId)).rejects.toThrow(/already finished/);
    expect(directories.length).toBe(3);
  });

  it('refuses an unknown exclusion set and a run while the same run is busy', async () => {
    const { flow } = practiceFlow();
    const selection = await flow.select({ by: 'search', search: 'adele' });
    await expect(flow.plan({ selection, exclusionSets: ['Nope'] })).rejects.toThrow(/No saved exclusion set is called "Nope"/);
    const plan = await flow.plan({ selection, exclusionSets: ['Service accounts'] });
    let runId = '';
    let refusal: unknown;
    await flow.run(plan, confirmAll(plan), {
      onRunStarted: (id) => {
        runId = id;
      },
      onEvent: (e) => {
        if (e.type === 'account-started' && !refusal) flow.verifyAgain(runId).catch((error) => (refusal = error));
      },
    });
    expect(String(refusal)).toMatch(/in progress/);
  });
});
