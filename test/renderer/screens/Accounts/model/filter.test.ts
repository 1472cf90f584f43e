import { describe, expect, it } from 'vitest';
import { AccountTable } from '../../../../../renderer/screens/Accounts/model/account-table';
import { compileFilter, concatRows, filterRange, filterRows, isFiltering, type AccountFilter } from '../../../../../renderer/screens/Accounts/model/filter';
import { directories, smallPopulation } from './accounts-fixture';

function tableOf() {
  const table = new AccountTable();
  table.append(smallPopulation(), directories);
  return table;
}

const logins = (table: AccountTable, rows: Int32Array) => [...rows].map((row) => table.accounts[row]?.login);
const run = (table: AccountTable, filter: AccountFilter, order?: Int32Array) => logins(table, filterRows(table, compileFilter(table, filter), order));

describe('filterRows', () => {
  const table = tableOf();

  it('returns every row in listing order without a filter', () => {
    expect(run(table, { search: '', facets: {} })).toHaveLength(5);
    expect(isFiltering({ search: '  ', facets: { status: [] } })).toBe(false);
  });

  it('matches every term anywhere in login, display name, directory or groups, ignoring case and accents', () => {
    expect(run(table, { search: 'SEAN', facets: {} })).toEqual(['sean.obrien@contoso.example']);
    expect(run(table, { search: 'lukasz', facets: {} })).toEqual(['lukasz@fabrikam.example']);
    expect(run(table, { search: 'fabrikam research', facets: {} })).toEqual(['zoe@fabrikam.example']);
    expect(run(table, { search: 'it admins', facets: {} })).toEqual(['sean.obrien@contoso.example']);
    expect(run(table, { search: 'nobody-has-this', facets: {} })).toEqual([]);
  });

  it('narrows by facets: values of one facet are alternatives, facets combine', () => {
    expect(run(table, { search: '', facets: { directory: ['okta:fabrikam'] } })).toEqual(['lukasz@fabrikam.example', 'zoe@fabrikam.example']);
    expect(run(table, { search: '', facets: { mustChange: ['yes', 'unknown'] } })).toEqual([
      'sean.obrien@contoso.example',
      'lukasz@fabrikam.example',
      'zoe@fabrikam.example',
    ]);
    expect(run(table, { search: '', facets: { mustChange: ['yes'], directory: ['entra:contoso'] } })).toEqual(['sean.obrien@contoso.example']);
    expect(run(table, { search: '', facets: { privileged: ['yes'], enabled: ['no'] } })).toEqual([]);
    expect(isFiltering({ search: '', facets: { enabled: ['no'] } })).toBe(true);
  });

  it('ignores a chosen value nobody has instead of matching everything', () => {
    expect(run(table, { search: '', facets: { status: ['LOCKED_OUT'] } })).toEqual([]);
  });

  it('keeps the order it is given (a sort)', () => {
    const reversed = Int32Array.from([4, 3, 2, 1, 0]);
    expect(run(table, { search: 'example', facets: { enabled: ['yes'] } }, reversed)).toEqual([
      'zoe@fabrikam.example',
      'lukasz@fabrikam.example',
      'sean.obrien@contoso.example',
      'adele.vance@contoso.example',
    ]);
    // The unfiltered view of a sort is a copy, not the sort itself (the store caches the sort).
    const view = filterRows(table, compileFilter(table, { search: '', facets: {} }), reversed);
    expect(view).not.toBe(reversed);
    expect([...view]).toEqual([4, 3, 2, 1, 0]);
  });

  it('filters only newly arrived rows for an unsorted view, with the same result as a full pass', () => {
    const compiled = compileFilter(table, { search: 'contoso', facets: {} });
    const joined = concatRows(filterRange(table, compiled, 0, 2), filterRange(table, compiled, 2, 5));
    expect([...joined]).toEqual([...filterRows(table, compiled)]);
  });
});
