import { describe, expect, it } from 'vitest';
import { groupExclusions } from '../../../../renderer/screens/ReviewRun/exclusion-view';
import { initialRunModel, visibleRunRows, zeroCounts, runTotals } from '../../../../renderer/screens/ReviewRun/run-model';
import { progressAnnouncement, progressLine } from '../../../../renderer/screens/ReviewRun/run-progress-text';
import { rowSummary } from '../../../../renderer/screens/ReviewRun/status-text';
import { planEntry, planOf } from './plan-fixture';

const at = '2026-11-21T14:00:00.000Z';

describe('run rows: filter, search and the summary line', () => {
  const plan = planOf([{ login: 'a@contoso.com' }, { login: 'b@contoso.com' }, { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', host: 'WS-01' }]);
  const statuses = ['verified', 'failed', 'pending'] as const;
  const model = initialRunModel(plan, () => 'pending');
  plan.entries.forEach((entry, index) => (model.rows[entry.key] = { ...model.rows[entry.key]!, status: statuses[index]! }));

  it('keeps plan order, and returns the very same list when nothing filters', () => {
    expect(visibleRunRows(model, 'all', '')).toBe(model.order);
    expect(visibleRunRows(model, 'problems', '')).toEqual([plan.entries[1]!.key]);
    expect(visibleRunRows(model, 'in-progress', '')).toEqual([plan.entries[2]!.key]);
    expect(visibleRunRows(model, 'all', ' ws-01\\ ')).toEqual([plan.entries[2]!.key]);
  });

  it('says why a row failed, what a retry waits for, and what was done', () => {
    const failed = { message: 'Graph refused: Insufficient privileges to complete the operation.', evidence: [], at };
    expect(rowSummary({ status: 'failed', steps: [{ step: 'force-change', status: 'failed', ...failed }], retryNotes: [], verify: null, reason: '' })).toBe(failed.message);
    expect(rowSummary({ status: 'retrying', steps: [], retryNotes: [{ attempt: 2, delayMs: 900, reason: 'Okta rate limit used up.', at }], verify: null, reason: '' })).toBe('Okta rate limit used up.');
    expect(
      rowSummary({
        status: 'verified',
        steps: [
          { step: 'force-change', status: 'done', message: '', evidence: [], at },
          { step: 'end-sessions', status: 'done', message: '', evidence: [], at },
        ],
        retryNotes: [],
        verify: null,
        reason: '',
      }),
    ).toBe('Force change at next sign-in, End sessions: done');
    expect(rowSummary({ status: 'not-verified', steps: [], retryNotes: [], verify: { outcome: 'not-verified', reasons: ['"Must change" reads no.'], state: null }, reason: '' })).toBe('"Must change" reads no.');
  });
});

describe('progress words', () => {
  it('gives counts, throughput and time left while running, and a closing count when finished', () => {
    const counts = { ...zeroCounts(), done: 40, running: 10, pending: 50 };
    const totals = runTotals(counts, 100);
    expect(progressLine(totals, 'running', 12.34, 65_000)).toBe('40 of 100 accounts done · 12.3 per second · about 1 min 5 s left');
    expect(progressLine(totals, 'running', 12.34, 400)).toMatch(/almost done$/);
    // Screen readers hear quarters, not every frame.
    expect(progressAnnouncement(totals, 'running', false)).toBe('Running: 25% done.');
    const end = runTotals({ ...zeroCounts(), verified: 98, failed: 2 }, 100);
    expect(progressAnnouncement(end, 'finished', false)).toBe('Finished: 98 verified, 0 not verified, 0 could not be verified, 2 failed.');
  });
});

describe('exclusions grouped by rule', () => {
  it('counts excluded accounts per set and rule, the rule note or its type as the words', () => {
    const account = planEntry({ login: 'svc-backup' }).account;
    const excluded = [
      { key: 'k1', account, exclusion: { setName: 'Service accounts', rule: { id: 'svc', type: 'service-account' }, reason: 'looks like a service account' } },
      { key: 'k2', account, exclusion: { setName: 'Service accounts', rule: { id: 'svc', type: 'service-account' }, reason: 'looks like a service account' } },
      { key: 'k3', account, exclusion: { setName: 'Break-glass', rule: { id: 'bg', type: 'never-touch', note: 'emergency access account' }, reason: 'never touch' } },
    ];
    expect(groupExclusions(excluded)).toEqual([
      { setName: 'Service accounts', ruleId: 'svc', description: 'service account names', count: 2 },
      { setName: 'Break-glass', ruleId: 'bg', description: 'emergency access account', count: 1 },
    ]);
  });
});
