// Windows fault matrix: the whole flow against simulated computers through the
// real PowerShell session, protocol and directory code. The PowerShell process
// crashes or hangs in the middle of a batch (after changing some accounts), a
// computer drops off the network between batches, one computer refuses access.
// Each case ends with every account in exactly one final state matching the
// simulated SAMs, the journal chain intact and no account reported twice.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../main/core/domain';
import { collectAccounts } from '../../main/core/domain';
import type { RetryPolicy } from '../../main/core/retry';
import { auditRun, trackEffects, type RunAudit } from './harness/audit';
import { fileFlow, planAndRun, selectionOf, type RecordedRun } from './harness/flow';
import { hostSeed, startWindowsPractice, userNames, windowsEffects, type ProcessFault, type WindowsPractice } from './harness/windows';

const retry: RetryPolicy = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 };

/** Three computers, 300 users each: 900 accounts, so two batches of up to 500. */
const hosts = () => [
  hostSeed('PARIS-FS01', 'S-1-5-21-2875460203-1234419751-3219874415', userNames('paris', 300)),
  hostSeed('BERLIN-APP02', 'S-1-5-21-1441178322-2953627491-4175539282', userNames('berlin', 300)),
  hostSeed('OSLO-WS03', 'S-1-5-21-1771178322-2953627491-4175539999', userNames('oslo', 300)),
];

interface CaseResult {
  practice: WindowsPractice;
  run: RecordedRun;
  audit: RunAudit;
  accounts: Account[];
}

async function runCase(options: { faults?: ProcessFault[]; adjust?: (practice: WindowsPractice) => void; afterReset?: (practice: WindowsPractice, count: number) => void }): Promise<CaseResult> {
  // The reset hook needs the practice it belongs to, which exists only once started.
  const started: { practice?: WindowsPractice } = {};
  const practice = await startWindowsPractice({
    hosts: hosts(),
    faults: options.faults ?? [],
    // Long enough for a normal round trip on a loaded CI machine, short enough that a hang costs little.
    timeoutMs: 1500,
    onReset: (count) => started.practice && options.afterReset?.(started.practice, count),
  });
  started.practice = practice;
  try {
    const accounts = (await collectAccounts(practice.directory, {})).filter((a) => (a.attributes.rid ?? 0) >= 1000);
    expect(accounts).toHaveLength(900);
    options.adjust?.(practice);
    const effects = trackEffects(accounts, windowsEffects(practice.network));
    const flow = await fileFlow({ directories: [practice.directory], retry });
    try {
      const run = await planAndRun(flow.flow, selectionOf(accounts));
      const audit = await auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events });
      return { practice, run, audit, accounts };
    } finally {
      await flow.dispose();
    }
  } finally {
    await practice.dispose();
  }
}

function finalOf(result: CaseResult, host: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const account of result.accounts.filter((a) => a.attributes.host === host)) {
    const final = result.audit.finalStates.get(`${account.directoryId}|${account.id}`) ?? 'missing';
    counts.set(final, (counts.get(final) ?? 0) + 1);
  }
  return counts;
}

describe('Windows: the PowerShell process fails in the middle of a batch', () => {
  it('crashes after changing 120 accounts: restarted, the batch runs again, every account ends verified', async () => {
    const result = await runCase({ faults: [{ kind: 'crash', onReset: 1, afterAccounts: 120 }] });
    expect(result.audit.problems).toEqual([]);
    expect(result.audit.lost).toBe(0);
    expect(result.audit.counts).toEqual({ verified: 900 });
    expect(result.practice.session.processesStarted).toBe(2);
    // The 120 accounts the dead process had already flagged were found flagged, not flagged twice.
    const already = [...result.audit.run.accounts.values()].filter((s) => s.steps.get('force-change')?.message.startsWith('Already had to change')).length;
    expect(already).toBe(120);
  });

  it('hangs after changing 60 accounts: stopped at the timeout, restarted, every account ends verified', async () => {
    const result = await runCase({ faults: [{ kind: 'hang', onReset: 2, afterAccounts: 60 }] });
    expect(result.audit.problems).toEqual([]);
    expect(result.audit.lost).toBe(0);
    expect(result.audit.counts).toEqual({ verified: 900 });
    expect(result.practice.session.processesStarted).toBe(2);
    const timedOut = [...result.audit.run.accounts.values()].filter((s) => s.retries.some((r) => r.evidence.some((e) => e.kind === 'powershell' && e.exitStatus === 'timeout')));
    expect(timedOut.length).toBe(400);
  });
});

describe('Windows: hosts that cannot be reached or refuse', () => {
  it('a computer becomes unreachable between batches: what it had done cannot be verified, the rest of it fails untouched', async () => {
    // Listing order: Paris, Berlin, Oslo. The first batch of 500 holds Paris and 200 of Berlin; Berlin drops off after it.
    const result = await runCase({
      afterReset: (practice, count) => {
        if (count === 1) practice.network.resolve('BERLIN-APP02')!.reachability = 'offline';
      },
    });
    expect(result.audit.problems).toEqual([]);
    expect(result.audit.lost).toBe(0);
    expect(finalOf(result, 'BERLIN-APP02')).toEqual(new Map([['could-not-verify', 200], ['failed', 100]]));
    expect(finalOf(result, 'PARIS-FS01')).toEqual(new Map([['verified', 300]]));
    expect(finalOf(result, 'OSLO-WS03')).toEqual(new Map([['verified', 300]]));
    const failed = [...result.audit.run.accounts.values()].find((s) => s.outcome === 'failed');
    expect(failed?.steps.get('force-change')?.message).toMatch(/^BERLIN-APP02 could not be reached over WinRM/);
    expect(failed?.retries.length).toBe(3);
    const unverified = [...result.audit.run.accounts.values()].find((s) => s.verify?.outcome === 'could-not-verify');
    expect(unverified?.verify?.reasons.join(' ')).toMatch(/BERLIN-APP02 could not be reached/);
  });

  it('access denied on one computer: its accounts fail with the reason, the others verify', async () => {
    const result = await runCase({
      adjust: (practice) => {
        practice.network.resolve('BERLIN-APP02')!.access.admins = [];
      },
    });
    expect(result.audit.problems).toEqual([]);
    expect(result.audit.lost).toBe(0);
    expect(finalOf(result, 'BERLIN-APP02')).toEqual(new Map([['failed', 300]]));
    expect(result.audit.counts).toEqual({ verified: 600, failed: 300 });
    const denied = [...result.audit.run.accounts.values()].find((s) => s.outcome === 'failed');
    expect(denied?.steps.get('force-change')?.message).toMatch(/^BERLIN-APP02 refused access/);
    expect(result.practice.network.resolve('BERLIN-APP02')!.sam.operations).toEqual([]);
  });
});
