// Sorting the account list by one column. Sorts row numbers, not accounts,
// over keys computed when the rows arrived (folded text, sign-in as a number,
// facet codes ranked by label), with the listing order breaking ties so the
// result is stable and the same every time.
import type { AccountTable } from './account-table';
import type { FacetId } from './facets';

export const sortColumns = ['name', 'displayName', 'directory', 'status', 'mustChange', 'neverExpires', 'privileged', 'lastSignIn', 'groups'] as const;
export type SortColumn = (typeof sortColumns)[number];
export type SortDirection = 'ascending' | 'descending';

export interface AccountSort {
  column: SortColumn;
  direction: SortDirection;
}

export function isSortColumn(value: string): value is SortColumn {
  return (sortColumns as readonly string[]).includes(value);
}

/** Clicking a column: first ascending, then flip. */
export function nextSort(current: AccountSort | null, column: SortColumn): AccountSort {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/** Rank of each code of a facet when its values are ordered by label. */
function labelRanks(table: AccountTable, id: FacetId): Int32Array {
  const { labels } = table.facets[id].dictionary;
  const codes = labels.map((_label, code) => code).sort((a, b) => (labels[a] ?? '').localeCompare(labels[b] ?? ''));
  const ranks = new Int32Array(labels.length);
  codes.forEach((code, rank) => {
    ranks[code] = rank;
  });
  return ranks;
}

/** Codes of fixed facets are already in display order (yes, no, unknown). */
function codeRanks(table: AccountTable, id: FacetId): Int32Array {
  return Int32Array.from(table.facets[id].dictionary.values, (_value, code) => code);
}

type Keyed = { text: readonly string[] } | { numbers: ArrayLike<number> };

function sortKeys(table: AccountTable, column: SortColumn): Keyed {
  const byFacet = (id: FacetId, ranks: Int32Array): Keyed => {
    const codes = table.facets[id].codes;
    return { numbers: Int32Array.from(codes, (code) => ranks[code] ?? 0) };
  };
  switch (column) {
    case 'name':
      return { text: table.loginSort };
    case 'displayName':
      return { text: table.displayNameSort };
    case 'groups':
      return { text: table.groupsSort };
    case 'lastSignIn':
      return { numbers: table.lastSignIn };
    case 'directory':
      return byFacet('directory', labelRanks(table, 'directory'));
    case 'status':
      return byFacet('status', labelRanks(table, 'status'));
    case 'mustChange':
      return byFacet('mustChange', codeRanks(table, 'mustChange'));
    case 'neverExpires':
      return byFacet('neverExpires', codeRanks(table, 'neverExpires'));
    case 'privileged':
      return byFacet('privileged', codeRanks(table, 'privileged'));
  }
}

/** Every row of the table in the order of `sort`. */
export function sortRows(table: AccountTable, sort: AccountSort): Int32Array {
  const order = new Int32Array(table.size);
  for (let row = 0; row < order.length; row++) order[row] = row;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keys = sortKeys(table, sort.column);
  if ('text' in keys) {
    const text = keys.text;
    return order.sort((a, b) => {
      const x = text[a] ?? '';
      const y = text[b] ?? '';
      return x < y ? -sign : x > y ? sign : a - b;
    });
  }
  const numbers = keys.numbers;
  return order.sort((a, b) => {
    const x = numbers[a] ?? 0;
    const y = numbers[b] ?? 0;
    return x < y ? -sign : x > y ? sign : a - b;
  });
}
