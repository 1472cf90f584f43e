import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../../renderer/screens/ReviewRun/approvals';
import { accountLabel, applicableSteps, directoryCounts, entryMatches, groupWarnings } from '../../../../renderer/screens/ReviewRun/plan-view';
import { planOf } from './plan-fixture';

const synced = { kind: 'synced-password-on-premises', message: 'x is synced' } as const;
const sessions = { kind: 'sessions-not-ended', message: 'interactive sessions are not ended; sign the user out or restart the machine' } as const;

const plan = planOf([
  { login: 'a@contoso.com', warnings: [synced] },
  { login: 'b@contoso.com', warnings: [synced], decision: 'typed-confirm' },
  { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', host: 'WS-01', warnings: [sessions], steps: ['clear-never-expires', 'force-change'] },
  { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', host: 'WS-02', warnings: [sessions] },
  { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', host: 'WS-03', warnings: [sessions] },
  { login: 'c@contoso.com', directoryId: 'okta-practice', kind: 'okta', decision: 'block' },
]);

describe('warnings grouped by kind', () => {
  it('makes one group per kind, the most frequent first, with a count, a title and the sentence', () => {
    const groups = groupWarnings(plan.entries);
    expect(groups.map((group) => [group.kind, group.count])).toEqual([
      ['sessions-not-ended', 3],
      ['synced-password-on-premises', 2],
    ]);
    expect(groups[0]!.title).toBe('Sessions are not ended');
    expect(groups[0]!.sentence).toMatch(/sign the users out/);
  });

  it('lists every account under its group with the directory’s own message, Windows accounts named HOST\\name', () => {
    const sessionsGroup = groupWarnings(plan.entries)[0]!;
    expect(sessionsGroup.accounts.map((account) => account.label)).toEqual(['WS-01\\jdoe', 'WS-02\\jdoe', 'WS-03\\jdoe']);
    expect(sessionsGroup.accounts[0]!.message).toBe(sessions.message);
  });

  it('has no groups for a plan without warnings', () => {
    expect(groupWarnings(planOf([{ login: 'quiet@contoso.com' }]).entries)).toEqual([]);
  });
});

describe('plan rows', () => {
  it('names directories and counts planned accounts per directory', () => {
    expect(directoryCounts(plan)).toEqual([
      { id: 'entra-practice', displayName: 'Contoso (Entra ID)', kind: 'entra', planned: 2, excluded: 0 },
      { id: 'okta-practice', displayName: 'Contoso (Okta)', kind: 'okta', planned: 1, excluded: 0 },
      { id: 'windows-practice', displayName: 'Windows hosts', kind: 'windows', planned: 3, excluded: 0 },
    ]);
  });

  it('filters by approval need, warnings and blocked, and searches login, host and display name', () => {
    const visible = (filter: Parameters<typeof entryMatches>[1], search = '') => plan.entries.filter((entry) => entryMatches(entry, filter, search, emptyDraft)).map((entry) => accountLabel(entry.account));
    expect(visible('blocked')).toEqual(['c@contoso.com']);
    expect(visible('warnings')).toHaveLength(5);
    expect(visible('needs-approval')).toEqual(['a@contoso.com', 'b@contoso.com', 'WS-01\\jdoe', 'WS-02\\jdoe', 'WS-03\\jdoe']);
    expect(visible('all', 'ws-02')).toEqual(['WS-02\\jdoe']);
    expect(visible('all', '  B@CONTOSO ')).toEqual(['b@contoso.com']);
  });

  it('lists the applicable steps in run order', () => {
    expect(applicableSteps(plan.entries[2]!)).toEqual(['clear-never-expires', 'force-change']);
  });
});
