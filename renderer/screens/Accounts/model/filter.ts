// Instant search and facet filters over the precomputed columns of an
// AccountTable. The result is the positions of the matching rows, in the
// order given (the current sort), as an Int32Array the grid renders from.
import type { AccountTable } from './account-table';
import { facetIds, type FacetId } from './facets';
import { searchTerms } from './fold';

export interface AccountFilter {
  search: string;
  /** Chosen values per facet; a facet with none chosen does not filter. */
  facets: Partial<Record<FacetId, readonly string[]>>;
}

export const emptyFilter: AccountFilter = { search: '', facets: {} };

export function isFiltering(filter: AccountFilter): boolean {
  return searchTerms(filter.search).length > 0 || facetIds.some((id) => (filter.facets[id]?.length ?? 0) > 0);
}

interface FacetMask {
  codes: number[];
  /** allowed[code] === 1 when the value is chosen. */
  allowed: Uint8Array;
}

export interface CompiledFilter {
  terms: string[];
  masks: FacetMask[];
}

export function compileFilter(table: AccountTable, filter: AccountFilter): CompiledFilter {
  const masks: FacetMask[] = [];
  for (const id of facetIds) {
    const chosen = filter.facets[id];
    if (!chosen || chosen.length === 0) continue;
    const { dictionary, codes } = table.facets[id];
    const allowed = new Uint8Array(dictionary.values.length);
    for (const value of chosen) {
      const code = dictionary.codeOf(value);
      if (code !== undefined) allowed[code] = 1;
    }
    masks.push({ codes, allowed });
  }
  return { terms: searchTerms(filter.search), masks };
}

function matches(table: AccountTable, compiled: CompiledFilter, row: number): boolean {
  for (const mask of compiled.masks) {
    if (mask.allowed[mask.codes[row] ?? -1] !== 1) return false;
  }
  if (compiled.terms.length > 0) {
    const text = table.searchText[row] ?? '';
    for (const term of compiled.terms) {
      if (text.indexOf(term) === -1) return false;
    }
  }
  return true;
}

/**
 * The rows that pass the filter. `order` lists rows in display order (a sort);
 * without it, rows keep their listing order. Checks facets first: they are a
 * byte lookup, the search a substring scan.
 */
export function filterRows(table: AccountTable, compiled: CompiledFilter, order?: Int32Array): Int32Array {
  const n = order ? order.length : table.size;
  const out = new Int32Array(n);
  let count = 0;
  if (compiled.terms.length === 0 && compiled.masks.length === 0) {
    if (order) return order.slice();
    for (let row = 0; row < n; row++) out[row] = row;
    return out;
  }
  for (let position = 0; position < n; position++) {
    const row = order ? (order[position] as number) : position;
    if (matches(table, compiled, row)) out[count++] = row;
  }
  return out.slice(0, count);
}

/** Rows [from, to) of the listing order that pass the filter: what a newly arrived page adds to an unsorted view. */
export function filterRange(table: AccountTable, compiled: CompiledFilter, from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  let count = 0;
  for (let row = from; row < to; row++) if (matches(table, compiled, row)) out[count++] = row;
  return out.slice(0, count);
}

export function concatRows(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
