// The account list of the Accounts screen: every listed account (as the
// columnar AccountTable, not React state), how far the listing has got, and
// the current search, filters, sort and resulting view (the positions the
// grid shows). Loading runs here, outside any component, so switching screens
// neither restarts it nor loses it.
import { create } from 'zustand';
import type { AccountsPage, RekeyApi } from '../../preload/contract';
import { callErrorMessage } from '../lib/errors';
import { AccountTable } from '../screens/Accounts/model/account-table';
import type { FacetId } from '../screens/Accounts/model/facets';
import { compileFilter, concatRows, emptyFilter, filterRange, filterRows, type AccountFilter } from '../screens/Accounts/model/filter';
import { foldText } from '../screens/Accounts/model/fold';
import { firstRequest, nextStep, noProgress, receivePage, type ListingProgress, type ListingRequest } from '../screens/Accounts/model/page-loader';
import { sortRows, type AccountSort } from '../screens/Accounts/model/sort';

/** The part of window.rekey the listing needs (a fake in tests). */
export type AccountsApi = Pick<RekeyApi['accounts'], 'list'>;

export type ListingPhase = 'idle' | 'loading' | 'loaded' | 'failed';

/** Give up restarting after this many snapshot changes in one load: something keeps re-listing. */
const MAX_RESTARTS = 5;

export interface AccountsState {
  table: AccountTable;
  /** Changes whenever rows are added or replaced. */
  dataVersion: number;
  phase: ListingPhase;
  progress: ListingProgress;
  /** Why the last load failed, as a sentence; the rows already shown stay. */
  error: string | null;
  /** A Refresh (re-list every directory) is under way. */
  refreshing: boolean;
  filter: AccountFilter;
  sort: AccountSort | null;
  /** Rows of `table` that pass the filter, in display order. */
  view: Int32Array;
  setSearch(search: string): void;
  setFacet(id: FacetId, values: readonly string[]): void;
  clearFilters(): void;
  setSort(sort: AccountSort | null): void;
  /** Fetch the listing page by page; `refresh` asks every directory to list again. */
  load(api: AccountsApi, options?: { refresh?: boolean; pollDelayMs?: number }): Promise<void>;
  /** Load if nothing is loaded, or reload if the listing changed since (a connection was added or removed). */
  revalidate(api: AccountsApi): Promise<void>;
  /** Forget everything (tests; a new console session). */
  reset(): void;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const useAccountsStore = create<AccountsState>()((set, get) => {
  // Bumped by every load; an older load that wakes up sees it changed and stops.
  let generation = 0;
  // Every row in the current sort, so a filter change is one pass in display order.
  let sortedOrder: Int32Array | null = null;
  let sortedVersion = -1;

  const orderFor = (table: AccountTable, sort: AccountSort | null, version: number): Int32Array | undefined => {
    if (!sort) return undefined;
    if (!sortedOrder || sortedVersion !== version) {
      sortedOrder = sortRows(table, sort);
      sortedVersion = version;
    }
    return sortedOrder;
  };

  const computeView = (table: AccountTable, filter: AccountFilter, sort: AccountSort | null, version: number): Int32Array =>
    filterRows(table, compileFilter(table, filter), orderFor(table, sort, version));

  /** Show a new page: append to the view where order allows, else recompute it. */
  const showRows = (table: AccountTable, fresh: boolean, from: number, added: number, page: AccountsPage['accounts']) => {
    const state = get();
    const version = state.dataVersion + 1;
    sortedOrder = null;
    const appendable = !fresh && !state.sort && added === page.length;
    const view = appendable
      ? concatRows(state.view, filterRange(table, compileFilter(table, state.filter), from, table.size))
      : computeView(table, state.filter, state.sort, version);
    set({ table, dataVersion: version, view });
  };

  return {
    table: new AccountTable(),
    dataVersion: 0,
    phase: 'idle',
    progress: noProgress,
    error: null,
    refreshing: false,
    filter: emptyFilter,
    sort: null,
    view: new Int32Array(0),

    setSearch: (search) => {
      const { table, filter, sort, dataVersion, view } = get();
      if (search === filter.search) return;
      const next = { ...filter, search };
      // Typing more of the same query can only narrow the list: scan what is shown, not everything.
      const narrowing = filter.search.trim() !== '' && foldText(search).startsWith(foldText(filter.search));
      set({ filter: next, view: narrowing ? filterRows(table, compileFilter(table, next), view) : computeView(table, next, sort, dataVersion) });
    },
    setFacet: (id, values) => {
      const { table, filter, sort, dataVersion } = get();
      const next = { ...filter, facets: { ...filter.facets, [id]: [...values] } };
      set({ filter: next, view: computeView(table, next, sort, dataVersion) });
    },
    clearFilters: () => {
      const { table, sort, dataVersion } = get();
      set({ filter: emptyFilter, view: computeView(table, emptyFilter, sort, dataVersion) });
    },
    setSort: (sort) => {
      const { table, filter, dataVersion } = get();
      sortedOrder = null;
      set({ sort, view: computeView(table, filter, sort, dataVersion) });
    },

    load: async (api, options = {}) => {
      const mine = ++generation;
      const refresh = options.refresh === true;
      set({ phase: 'loading', error: null, refreshing: refresh });
      let request: ListingRequest = firstRequest(refresh);
      let progress = get().progress;
      let table = get().table;
      let restarts = 0;
      for (;;) {
        let page: AccountsPage;
        try {
          page = await api.list(request);
        } catch (error) {
          if (mine === generation) set({ phase: 'failed', refreshing: false, error: callErrorMessage(error) });
          return;
        }
        if (mine !== generation) return;
        const outcome = receivePage(progress, request, page);
        if (outcome.kind === 'restart') {
          restarts += 1;
          if (restarts > MAX_RESTARTS) {
            set({
              phase: 'failed',
              refreshing: false,
              error: `The account listing changed ${restarts} times while Rekey was reading it, so it stopped to avoid mixing two listings. Press Refresh to read it again.`,
            });
            return;
          }
          request = firstRequest(false);
          continue;
        }
        progress = outcome.progress;
        if (outcome.fresh) table = new AccountTable();
        const from = table.size;
        table.append(page.accounts, page.directories);
        showRows(table, outcome.fresh, from, table.size - from, page.accounts);
        set({ progress });
        const step = nextStep(progress);
        if (step.kind === 'done') {
          set({ phase: 'loaded', refreshing: false });
          return;
        }
        if (step.kind === 'wait') {
          await delay(options.pollDelayMs ?? step.delayMs);
          if (mine !== generation) return;
        }
        request = step.request;
      }
    },

    revalidate: async (api) => {
      const { phase, progress } = get();
      if (phase === 'loading') return;
      if (phase === 'idle' || phase === 'failed') return get().load(api);
      let page: AccountsPage;
      try {
        page = await api.list({ offset: 0, limit: 1 });
      } catch {
        // Offline or refused: keep showing what was listed; the screen says the console is offline.
        return;
      }
      if (page.snapshotId !== progress.snapshotId || page.loading) await get().load(api);
    },

    reset: () => {
      generation += 1;
      sortedOrder = null;
      set({
        table: new AccountTable(),
        dataVersion: 0,
        phase: 'idle',
        progress: noProgress,
        error: null,
        refreshing: false,
        filter: emptyFilter,
        sort: null,
        view: new Int32Array(0),
      });
    },
  };
});
