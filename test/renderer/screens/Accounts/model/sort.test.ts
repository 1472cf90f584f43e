import { describe, expect, it } from 'vitest';
import { AccountTable } from '../../../../../renderer/screens/Accounts/model/account-table';
import { nextSort, sortRows, type AccountSort } from '../../../../../renderer/screens/Accounts/model/sort';
import { account, directories, smallPopulation } from './accounts-fixture';

function order(table: AccountTable, sort: AccountSort) {
  return [...sortRows(table, sort)].map((row) => table.accounts[row]?.login);
}

describe('sortRows', () => {
  const table = new AccountTable();
  table.append(smallPopulation(), directories);

  it('sorts by folded display name, so accented names sort with their letters', () => {
    expect(order(table, { column: 'displayName', direction: 'ascending' })).toEqual([
      'adele.vance@contoso.example',
      'svc-backup@contoso.example',
      'lukasz@fabrikam.example',
      'sean.obrien@contoso.example',
      'zoe@fabrikam.example',
    ]);
  });

  it('reverses for descending', () => {
    expect(order(table, { column: 'name', direction: 'descending' })).toEqual([
      'zoe@fabrikam.example',
      'svc-backup@contoso.example',
      'sean.obrien@contoso.example',
      'lukasz@fabrikam.example',
      'adele.vance@contoso.example',
    ]);
  });

  it('puts never and not-reported sign-ins before any date', () => {
    const sorted = order(table, { column: 'lastSignIn', direction: 'ascending' });
    expect(sorted.slice(0, 2)).toEqual(['sean.obrien@contoso.example', 'svc-backup@contoso.example']);
    expect(sorted.at(-1)).toBe('adele.vance@contoso.example');
  });

  it('sorts flags yes first and breaks ties by listing order (stable)', () => {
    expect(order(table, { column: 'privileged', direction: 'ascending' })).toEqual([
      'sean.obrien@contoso.example',
      'adele.vance@contoso.example',
      'svc-backup@contoso.example',
      'lukasz@fabrikam.example',
      'zoe@fabrikam.example',
    ]);
    expect(order(table, { column: 'mustChange', direction: 'ascending' })).toEqual([
      'sean.obrien@contoso.example',
      'zoe@fabrikam.example',
      'adele.vance@contoso.example',
      'svc-backup@contoso.example',
      'lukasz@fabrikam.example',
    ]);
  });

  it('sorts directory and status by their labels', () => {
    const many = new AccountTable();
    many.append([account('a', { directoryId: 'z-dir' }), account('b', { directoryId: 'a-dir' })], [
      { directoryId: 'z-dir', displayName: 'Alpha' },
      { directoryId: 'a-dir', displayName: 'Omega' },
    ]);
    expect(order(many, { column: 'directory', direction: 'ascending' })).toEqual(['a', 'b']);
    expect(order(table, { column: 'status', direction: 'ascending' })[0]).toBe('lukasz@fabrikam.example');
  });
});

describe('nextSort', () => {
  it('starts a new column ascending and flips the same column', () => {
    expect(nextSort(null, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'groups')).toEqual({ column: 'groups', direction: 'ascending' });
  });
});
