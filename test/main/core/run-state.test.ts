import { describe, expect, it } from 'vitest';
import { accountKey, defaultResetOptions, type JournalRecord, type Plan } from '../../../main/core/domain';
import { JournalChain } from '../../../main/core/journal';
import { buildPlan } from '../../../main/core/plan';
import { defaultApprovalRules } from '../../../main/core/policy';
import { buildRunReport, csvCell, reportToCsv, reportToHtml, reportToJson, summaryChartSvg } from '../../../main/core/report';
import { decideResume } from '../../../main/core/resume';
import type { JournalEntry } from '../../../main/core/run-records';
import { finalStateCounts, finalStateOf, replayRun, unfinishedAccounts, unverifiedAccounts } from '../../../main/core/run-state';
import { buildTimeline } from '../../../main/core/timeline';
import { allCapabilities, makeAccount, ScriptedDirectory, testHasher } from './fakes';

const at = '2026-05-04T09:00:00.000Z';

async function scenario() {
  const done = makeAccount({ login: 'done@x.com' });
  const failed = makeAccount({ login: 'failed@x.com' });
  const midway = makeAccount({ login: 'midway@x.com' });
  const waiting = makeAccount({ login: 'waiting@x.com' });
  const refused = makeAccount({ login: '=cmd|evil <script>@x.com', privileged: true });
  const guest = makeAccount({ login: 'me@x.com', attributes: { isCurrentUser: true } });
  const accounts = [done, failed, midway, waiting, refused, guest];
  const directory = new ScriptedDirectory('entra:test', accounts);
  const plan: Plan = await buildPlan({
    id: 'plan-1',
    createdAt: at,
    createdBy: 'alice',
    selection: { accounts, problems: [{ line: 7, reason: 'unknown-account', message: 'No account "x".' }], description: 'test selection' },
    directories: [directory],
    options: defaultResetOptions,
    savedSets: [],
    chosenSets: [],
    approvalRules: defaultApprovalRules,
  });
  const key = accountKey;
  const step = (k: string, s: 'force-change' | 'end-sessions', status: 'done' | 'failed', final = true): JournalEntry => ({
    type: 'step',
    data: { key: k, final, result: { step: s, status, message: status === 'done' ? 'ok' : 'refused', evidence: [], at, startedAt: at, attempt: 1 } },
  });
  const entries: JournalEntry[] = [
    { type: 'run-started', data: { runId: 'run-1', planId: plan.id, operator: 'alice', practice: false } },
    { type: 'plan', data: { plan } },
    ...[done, failed, midway, waiting].map((a): JournalEntry => ({ type: 'approval', data: { key: key(a), granted: true, grant: { key: key(a), decision: 'confirm', by: 'alice', at, typed: false } } })),
    { type: 'approval', data: { key: key(refused), granted: false, state: 'not-approved', reason: 'Needs interactive approval.', by: 'alice' } },
    ...[done, failed, midway].map((a): JournalEntry => ({ type: 'account-started', data: { key: key(a), directoryId: a.directoryId, login: a.login, steps: ['force-change', 'end-sessions'] } })),
    step(key(done), 'force-change', 'done'),
    step(key(done), 'end-sessions', 'done'),
    { type: 'account-finished', data: { key: key(done), outcome: 'applied', via: 'run' } },
    step(key(failed), 'force-change', 'failed', false),
    step(key(failed), 'force-change', 'done'),
    step(key(failed), 'end-sessions', 'failed'),
    { type: 'account-finished', data: { key: key(failed), outcome: 'failed', via: 'run' } },
  ];
  return { plan, entries, accounts: { done, failed, midway, waiting, refused, guest }, directory };
}

function records(entries: JournalEntry[]): JournalRecord[] {
  const chain = new JournalChain(testHasher);
  return entries.map((e) => chain.next(e.type, e.data, at).record);
}

describe('replaying a run', () => {
  it('rebuilds each account and knows what is unfinished and unverified', async () => {
    const { entries, accounts } = await scenario();
    const run = replayRun(records(entries));
    const state = (a: typeof accounts.done) => run.accounts.get(accountKey(a))!;
    expect(finalStateOf(run, state(accounts.done))).toBe('pending');
    expect(finalStateOf(run, state(accounts.failed))).toBe('failed');
    expect(finalStateOf(run, state(accounts.refused))).toBe('not-approved');
    expect(finalStateOf(run, state(accounts.guest))).toBe('excluded');
    expect(state(accounts.failed).retries.length).toBe(1);
    expect(unfinishedAccounts(run).map((s) => s.key)).toEqual([accountKey(accounts.midway), accountKey(accounts.waiting)]);
    expect(unverifiedAccounts(run).map((s) => s.key)).toEqual([accountKey(accounts.done), accountKey(accounts.failed)]);
    expect(() => replayRun(records(entries.slice(0, 1)))).toThrow(/holds no plan/);
  });

  it('on resume, re-runs what is not proved applied; accounts never started always run again', async () => {
    const { entries, accounts } = await scenario();
    const run = replayRun(records(entries));
    const read = (mustChange: 'yes' | 'no', revoked: string | null) => ({ directoryId: 'entra:test', accountId: '', mustChange, sessionsRevokedSince: revoked, checkedAt: at, via: 't', evidence: [] });
    const proved = decideResume(run, new Map([[accountKey(accounts.midway), read('yes', at)], [accountKey(accounts.waiting), read('yes', at)]]), () => allCapabilities);
    expect(proved.alreadyApplied.map((a) => a.state.key)).toEqual([accountKey(accounts.midway)]);
    expect(proved.rerun.map((s) => s.key)).toEqual([accountKey(accounts.waiting)]);
    const notYet = decideResume(run, new Map([[accountKey(accounts.midway), read('no', null)]]), () => allCapabilities);
    expect(notYet.rerun.map((s) => s.key)).toEqual([accountKey(accounts.midway), accountKey(accounts.waiting)]);
  });

  it('after the end record, every account has exactly one final state', async () => {
    const { entries, accounts } = await scenario();
    const run = replayRun(
      records([
        ...entries,
        { type: 'verify', data: { key: accountKey(accounts.done), manual: false, by: 'alice', result: { key: accountKey(accounts.done), outcome: 'verified', reasons: [], state: { directoryId: 'd', accountId: 'a', mustChange: 'yes', checkedAt: at, via: 'Graph', evidence: [] } } } },
        { type: 'run-ended', data: { finalStates: {}, cancelled: false } },
      ]),
    );
    expect(finalStateCounts(run)).toEqual({ verified: 1, failed: 1, cancelled: 2, 'not-approved': 1, excluded: 1 });
  });
});

describe('reports', () => {
  async function report() {
    const { entries, accounts } = await scenario();
    const run = replayRun(records([...entries, { type: 'run-ended', data: { finalStates: {}, cancelled: false } }]));
    return { report: buildRunReport(run), accounts };
  }

  it('has one row per account, excluded ones with their reason', async () => {
    const { report: r } = await report();
    expect(r.rows.map((row) => [row.login, row.finalState])).toEqual([
      ['done@x.com', 'could-not-verify'],
      ['failed@x.com', 'failed'],
      ['midway@x.com', 'cancelled'],
      ['waiting@x.com', 'cancelled'],
      ['=cmd|evil <script>@x.com', 'not-approved'],
      ['me@x.com', 'excluded'],
    ]);
    expect(r.rows[5]!.reason).toContain('your own signed-in account');
    expect(r.rows[1]!.reason).toContain('end-sessions: refused');
    expect(r.rows[0]!.approval).toBe(`confirm by alice at ${at}`);
    expect(r.selectionProblems).toEqual([{ line: 7, reason: 'unknown-account', message: 'No account "x".' }]);
  });

  it('CSV: quoted where needed, formulas neutralised, one line per account plus a header', async () => {
    const { report: r } = await report();
    const csv = reportToCsv(r);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines.length).toBe(1 + r.rows.length);
    expect(lines[5]).toContain("'=cmd|evil <script>@x.com");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('+1')).toBe("'+1");
  });

  it('JSON round-trips', async () => {
    const { report: r } = await report();
    expect(JSON.parse(reportToJson(r))).toEqual(r);
  });

  it('HTML is self-contained: inline CSS and SVG, no script, everything escaped', async () => {
    const { report: r } = await report();
    const html = reportToHtml(r);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain('<style>');
    expect(html).toContain("default-src 'none'");
    expect((html.match(/<tr>/g) ?? []).length).toBe(1 + r.rows.length + 1 + 1);
    expect(summaryChartSvg({ verified: 3, failed: 1 })).toMatch(/<rect[^>]*fill="#107c10"/);
  });
});

describe('timeline', () => {
  it('lists starts, resumes, manual verifications and ends across runs, newest first', async () => {
    const { entries, accounts } = await scenario();
    const chain = new JournalChain(testHasher);
    const stamp = (s: number) => `2026-05-04T09:00:${String(s).padStart(2, '0')}.000Z`;
    const recs = [
      ...entries.map((e, i) => chain.next(e.type, e.data, stamp(Math.min(i, 10))).record),
      chain.next('run-resumed', { by: 'bob', alreadyApplied: [], rerun: [accountKey(accounts.midway)] }, stamp(20)).record,
      chain.next('run-ended', { finalStates: {}, cancelled: false }, stamp(30)).record,
      chain.next('verify', { key: accountKey(accounts.done), manual: true, by: 'carol', result: { key: accountKey(accounts.done), outcome: 'verified', reasons: [], state: { directoryId: 'd', accountId: 'a', mustChange: 'yes', checkedAt: at, via: 'Graph', evidence: [] } } }, stamp(40)).record,
    ];
    const run = replayRun(recs);
    const unfinished = replayRun(records(entries.slice(0, 2)).map((r) => ({ ...r, data: r.type === 'run-started' ? { ...(r.data as object), runId: 'run-2' } : r.data })));
    const timeline = buildTimeline([run, unfinished]);
    expect(timeline.filter((t) => t.runId === 'run-1').map((t) => [t.kind, t.who])).toEqual([
      ['verify-again', 'carol'],
      ['run-ended', 'alice'],
      ['run-resumed', 'bob'],
      ['run-started', 'alice'],
    ]);
    expect(timeline.filter((t) => t.runId === 'run-2').map((t) => t.kind).sort()).toEqual(['run-interrupted', 'run-started']);
    expect(timeline.find((t) => t.kind === 'verify-again')?.text).toContain('done@x.com');
  });
});
