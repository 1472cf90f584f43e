import { describe, expect, it } from 'vitest';
import { AccountTable, SIGN_IN_NEVER, SIGN_IN_NOT_REPORTED } from '../../../../../renderer/screens/Accounts/model/account-table';
import { facetOptions } from '../../../../../renderer/screens/Accounts/model/facets';
import { account, directories, smallPopulation } from './accounts-fixture';

describe('AccountTable', () => {
  it('keys accounts as "directoryId|accountId" and folds the search text once, with the directory name', () => {
    const table = new AccountTable();
    table.append(smallPopulation(), directories);
    expect(table.size).toBe(5);
    expect(table.keys[1]).toBe('entra:contoso|id-sean.obrien@contoso.example');
    expect(table.searchText[1]).toContain("sean o'brien");
    expect(table.searchText[1]).toContain('contoso (entra id)');
    expect(table.searchText[1]).toContain('it admins');
    expect(table.rowOf('okta:fabrikam|id-zoe@fabrikam.example')).toBe(4);
  });

  it('turns last sign-in into sortable numbers: not reported < never < any date', () => {
    const table = new AccountTable();
    table.append([account('a', { attributes: { lastSignIn: undefined } }), account('b', { attributes: { lastSignIn: null } }), account('c')]);
    expect(table.lastSignIn[0]).toBe(SIGN_IN_NOT_REPORTED);
    expect(table.lastSignIn[1]).toBe(SIGN_IN_NEVER);
    expect(table.lastSignIn[2]).toBe(Date.parse('2026-05-01T10:00:00Z'));
  });

  it('counts facet values and offers only those present, fixed facets in their order, others by label', () => {
    const table = new AccountTable();
    table.append(smallPopulation(), directories);
    const status = facetOptions('status', table.facets.status.dictionary);
    expect(status.map((o) => [o.label, o.count])).toEqual([
      ['ACTIVE', 1],
      ['Disabled', 1],
      ['Enabled', 2],
      ['PASSWORD_EXPIRED', 1],
    ]);
    const mustChange = facetOptions('mustChange', table.facets.mustChange.dictionary);
    expect(mustChange.map((o) => [o.value, o.count])).toEqual([
      ['yes', 2],
      ['no', 2],
      ['unknown', 1],
    ]);
    const directory = facetOptions('directory', table.facets.directory.dictionary);
    expect(directory.map((o) => [o.label, o.count])).toEqual([
      ['Contoso (Entra ID)', 3],
      ['Fabrikam (Okta)', 2],
    ]);
  });

  it('replaces an account that arrives again in place and keeps the counts right', () => {
    const table = new AccountTable();
    table.append([account('a'), account('b')]);
    table.append([account('a', { enabled: false, attributes: { status: 'Disabled' } })]);
    expect(table.size).toBe(2);
    expect(table.accounts[0]?.enabled).toBe(false);
    const enabled = table.facets.enabled.dictionary;
    expect(enabled.counts[enabled.codeOf('yes') ?? -1]).toBe(1);
    expect(enabled.counts[enabled.codeOf('no') ?? -1]).toBe(1);
  });

  it('falls back to the directory id when the listing has not named the directory', () => {
    const table = new AccountTable();
    table.append([account('a', { directoryId: 'windows:hosts' })]);
    expect(table.directoryName('windows:hosts')).toBe('windows:hosts');
    table.nameDirectories([{ directoryId: 'windows:hosts', displayName: 'Practice Windows hosts' }]);
    expect(table.directoryName('windows:hosts')).toBe('Practice Windows hosts');
    expect(facetOptions('directory', table.facets.directory.dictionary)[0]?.label).toBe('Practice Windows hosts');
  });
});
