// A plan of 100,000 accounts, end to end: 100 simulated computers with 1,000
// local accounts each, listed, planned, checked against the IPC contract (the
// plan as plan.create answers it, the approvals as run.start takes them), run
// and verified. Its journal (about 600 MB with the Windows evidence) is longer
// than the longest string V8 can hold, so the run can only finish, and later
// be resumed, reported or checked, if journals are read line by line.
import { afterAll, describe, expect, it } from 'vitest';
import { collectAccounts } from '../../main/core/domain';
import { channels } from '../../preload/contract';
import { auditRun, trackEffects } from './harness/audit';
import { approveEverything, fileFlow, selectionOf } from './harness/flow';
import { hostSeed, startWindowsPractice, userNames, windowsEffects } from './harness/windows';

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('a plan of 100,000 accounts', () => {
  it('is planned within the contract, runs, and every account ends verified with the journal intact', async () => {
    const hosts = Array.from({ length: 100 }, (_, h) => hostSeed(`HOST${String(h).padStart(3, '0')}`, `S-1-5-21-${1000000 + h}-2000000002-3000000003`, userNames(`u${h}x`, 1000)));
    const practice = await startWindowsPractice({ hosts, timeoutMs: 120_000 });
    cleanup.push(() => practice.dispose());
    const accounts = (await collectAccounts(practice.directory, {})).filter((a) => (a.attributes.rid ?? 0) >= 1000);
    expect(accounts).toHaveLength(100_000);
    const flow = await fileFlow({ directories: [practice.directory] });
    cleanup.push(() => flow.dispose());

    const plan = await flow.flow.plan({ selection: selectionOf(accounts, '100,000 accounts') });
    expect(plan.entries).toHaveLength(100_000);
    // What the console sends and receives for it stays inside the contract.
    expect(channels['plan.create'].reply.safeParse(plan).success).toBe(true);
    const answers = approveEverything(plan);
    const runStart = { planId: plan.id, answers: [...answers].map(([key, answer]) => ({ key, ...answer })) };
    expect(channels['run.start'].request.safeParse(runStart).success).toBe(true);

    let runId = '';
    const outcome = await flow.flow.run(plan, answers, { onRunStarted: (id) => (runId = id) });
    expect(outcome.finalStates).toEqual({ verified: 100_000 });

    const audit = await auditRun({ journals: flow.journals, runId, effects: trackEffects([], windowsEffects(practice.network)) });
    expect(audit.problems).toEqual([]);
    expect(audit.lost).toBe(0);
    expect(audit.counts).toEqual({ verified: 100_000 });
    // The report and the integrity check read the same journal.
    expect((await flow.flow.report(runId)).rows).toHaveLength(100_000);
    expect(await flow.flow.checkJournal(runId)).toMatchObject({ ok: true, finished: true });
  }, 420_000);
});
