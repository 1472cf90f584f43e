import { describe, expect, it } from 'vitest';
import { exclusionsView, keepKnownSets, ruleTypeLabel } from '../../../../../renderer/screens/Accounts/model/exclusions-view';
import { account } from './accounts-fixture';

const excluded = (login: string, setName: string, id: string, type: string, reason: string) => ({
  key: `entra:contoso|id-${login}`,
  account: account(login),
  exclusion: { setName, rule: { id, type }, reason },
});

describe('exclusionsView', () => {
  it('lists every excluded account with its set, rule and reason, and counts by rule', () => {
    const view = exclusionsView({
      selected: 10,
      excluded: [
        excluded('svc-a', 'Service accounts', 'service-account-patterns', 'service-account', 'Matches svc-*.'),
        excluded('old', 'Disabled accounts', 'skip-disabled', 'disabled', 'The account is disabled.'),
        excluded('svc-b', 'Service accounts', 'service-account-patterns', 'service-account', 'Matches svc-*.'),
      ],
    });
    expect(view.rows.map((row) => [row.login, row.setName, row.ruleId, row.reason])).toEqual([
      ['svc-a', 'Service accounts', 'service-account-patterns', 'Matches svc-*.'],
      ['old', 'Disabled accounts', 'skip-disabled', 'The account is disabled.'],
      ['svc-b', 'Service accounts', 'service-account-patterns', 'Matches svc-*.'],
    ]);
    expect(view.byRule.map((rule) => [rule.setName, rule.ruleId, rule.count])).toEqual([
      ['Service accounts', 'service-account-patterns', 2],
      ['Disabled accounts', 'skip-disabled', 1],
    ]);
    expect(view.remaining).toBe(7);
    expect(view.summary).toBe('3 of the 10 selected accounts are excluded; 7 go on to the plan.');
  });

  it('names a Windows account with its computer', () => {
    const view = exclusionsView({
      selected: 1,
      excluded: [{ ...excluded('Administrator', 'Built-in protections', 'protect-system-accounts', 'builtin-rid', 'Built-in administrator.'), account: account('Administrator', { attributes: { host: 'PARIS-FS01' } }) }],
    });
    expect(view.rows[0]?.account).toBe('PARIS-FS01\\Administrator');
    expect(view.rows[0]?.login).toBe('Administrator');
  });

  it('says plainly when nothing is excluded', () => {
    expect(exclusionsView({ selected: 1, excluded: [] }).summary).toBe('None of the 1 selected account is excluded; all 1 go on to the plan.');
  });

  it('names rule types in words and drops exclusion sets that no longer exist', () => {
    expect(ruleTypeLabel('never-touch')).toBe('never touch');
    expect(keepKnownSets(['Break-glass', 'Gone', 'Disabled accounts'], ['Disabled accounts', 'Break-glass'])).toEqual(['Break-glass', 'Disabled accounts']);
  });
});
