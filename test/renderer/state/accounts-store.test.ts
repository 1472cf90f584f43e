import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountDto, AccountsPage } from '../../../preload/contract';
import { FIRST_PAGE_SIZE, PAGE_SIZE } from '../../../renderer/screens/Accounts/model/page-loader';
import { useAccountsStore, type AccountsApi } from '../../../renderer/state/accounts-store';
import { account, directories, generated } from '../screens/Accounts/model/accounts-fixture';

type Request = Parameters<AccountsApi['list']>[0];

/** A listing snapshot served page by page, like main's accounts.list. */
function snapshotApi(snapshots: { id: string; accounts: AccountDto[] }[], options: { switchAfterCalls?: number } = {}) {
  const requests: Request[] = [];
  let current = 0;
  const api: AccountsApi = {
    list: async (request) => {
      requests.push(request);
      if (options.switchAfterCalls !== undefined && requests.length > options.switchAfterCalls) current = Math.min(current + 1, snapshots.length - 1);
      if (request.refresh) current = Math.min(current + 1, snapshots.length - 1);
      const snapshot = snapshots[current] ?? snapshots[0]!;
      const slice = snapshot.accounts.slice(request.offset, request.offset + request.limit);
      const page: AccountsPage = { snapshotId: snapshot.id, accounts: slice, total: snapshot.accounts.length, loading: false, directories };
      return page;
    },
  };
  return { api, requests };
}

const store = () => useAccountsStore.getState();
const viewLogins = () => [...store().view].map((row) => store().table.accounts[row]?.login);

beforeEach(() => store().reset());

describe('accounts store: loading', () => {
  it('reads a small first page, then big pages, until the snapshot has arrived', async () => {
    const { api, requests } = snapshotApi([{ id: 's1', accounts: generated(FIRST_PAGE_SIZE + PAGE_SIZE + 5) }]);
    await store().load(api);
    expect(requests).toEqual([
      { offset: 0, limit: FIRST_PAGE_SIZE },
      { offset: FIRST_PAGE_SIZE, limit: PAGE_SIZE },
      { offset: FIRST_PAGE_SIZE + PAGE_SIZE, limit: PAGE_SIZE },
    ]);
    expect(store().phase).toBe('loaded');
    expect(store().table.size).toBe(FIRST_PAGE_SIZE + PAGE_SIZE + 5);
    expect(store().view.length).toBe(FIRST_PAGE_SIZE + PAGE_SIZE + 5);
    expect(store().progress).toMatchObject({ snapshotId: 's1', received: FIRST_PAGE_SIZE + PAGE_SIZE + 5, listing: false });
  });

  it('starts over when the snapshot changes half-way, and never mixes the two', async () => {
    const old = generated(FIRST_PAGE_SIZE + 10, 'old');
    const fresh = generated(FIRST_PAGE_SIZE + 20, 'new');
    const { api, requests } = snapshotApi(
      [
        { id: 's1', accounts: old },
        { id: 's2', accounts: fresh },
      ],
      { switchAfterCalls: 1 },
    );
    await store().load(api);
    expect(requests.map((r) => r.offset)).toEqual([0, FIRST_PAGE_SIZE, 0, FIRST_PAGE_SIZE]);
    expect(store().progress.snapshotId).toBe('s2');
    expect(store().table.size).toBe(fresh.length);
    expect(store().table.keys.every((key) => key.includes('new'))).toBe(true);
  });

  it('asks again while a directory is still listing', async () => {
    const all = generated(30);
    let calls = 0;
    const api: AccountsApi = {
      list: async (request) => {
        calls += 1;
        // The directory lists 10 accounts per ask and finishes on the third.
        const available = Math.min(all.length, calls * 10);
        return { snapshotId: 's1', accounts: all.slice(request.offset, Math.min(available, request.offset + request.limit)), total: available, loading: available < all.length, directories };
      },
    };
    await store().load(api, { pollDelayMs: 1 });
    expect(store().table.size).toBe(30);
    expect(store().phase).toBe('loaded');
  });

  it('keeps the rows it has and says why when a page fails', async () => {
    const accounts = generated(FIRST_PAGE_SIZE + 5);
    let calls = 0;
    const api: AccountsApi = {
      list: async (request) => {
        calls += 1;
        // A plain object, as contextBridge delivers errors inside Electron.
        if (calls === 2) throw { name: 'RekeyCallError', code: 'failed', message: 'The practice host stopped answering.' };
        return { snapshotId: 's1', accounts: accounts.slice(request.offset, request.offset + request.limit), total: accounts.length, loading: false, directories };
      },
    };
    await store().load(api);
    expect(store().phase).toBe('failed');
    expect(store().error).toBe('The practice host stopped answering.');
    expect(store().table.size).toBe(FIRST_PAGE_SIZE);
  });

  it('lets a newer load win over an older one still waiting', async () => {
    let release: (() => void) | null = null;
    const slow: AccountsApi = {
      list: () =>
        new Promise((resolve) => {
          release = () => resolve({ snapshotId: 'slow', accounts: generated(3, 'slow'), total: 3, loading: false, directories });
        }),
    };
    const first = store().load(slow);
    const { api } = snapshotApi([{ id: 'quick', accounts: generated(2, 'quick') }]);
    await store().load(api);
    (release as unknown as () => void)();
    await first;
    expect(store().progress.snapshotId).toBe('quick');
    expect(store().table.size).toBe(2);
  });

  it('re-reads only when the listing changed since', async () => {
    const snapshots = [
      { id: 's1', accounts: generated(3) },
      { id: 's2', accounts: generated(4) },
    ];
    const { api, requests } = snapshotApi(snapshots);
    await store().revalidate(api); // idle: loads
    expect(store().table.size).toBe(3);
    await store().revalidate(api); // unchanged: one small probe
    expect(requests.at(-1)).toEqual({ offset: 0, limit: 1 });
    expect(requests).toHaveLength(2);
    snapshots[0] = snapshots[1]!; // the listing changed (a connection was added)
    await store().revalidate(api);
    expect(store().progress.snapshotId).toBe('s2');
    expect(store().table.size).toBe(4);
  });
});

describe('accounts store: search, filters, sort', () => {
  const population = [
    account('carol@contoso.example', { displayName: 'Carol', privileged: true }),
    account('alice@contoso.example', { displayName: 'Alice' }),
    account('bob@fabrikam.example', { directoryId: 'okta:fabrikam', kind: 'okta', displayName: 'Bob', privileged: true }),
    account('alina@fabrikam.example', { directoryId: 'okta:fabrikam', kind: 'okta', displayName: 'Alina' }),
  ];

  beforeEach(async () => {
    await store().load(snapshotApi([{ id: 's1', accounts: population }]).api);
  });

  it('narrows instantly as the search grows, and widens again when it shrinks', () => {
    store().setSearch('a');
    expect(viewLogins()).toHaveLength(4);
    store().setSearch('ali');
    expect(viewLogins()).toEqual(['alice@contoso.example', 'alina@fabrikam.example']);
    store().setSearch('alin');
    expect(viewLogins()).toEqual(['alina@fabrikam.example']);
    store().setSearch('alina fab');
    expect(viewLogins()).toEqual(['alina@fabrikam.example']);
    store().setSearch('ali');
    expect(viewLogins()).toEqual(['alice@contoso.example', 'alina@fabrikam.example']);
  });

  it('filters by facets within the current sort', () => {
    store().setSort({ column: 'name', direction: 'ascending' });
    expect(viewLogins()).toEqual(['alice@contoso.example', 'alina@fabrikam.example', 'bob@fabrikam.example', 'carol@contoso.example']);
    store().setFacet('privileged', ['yes']);
    expect(viewLogins()).toEqual(['bob@fabrikam.example', 'carol@contoso.example']);
    store().setSort({ column: 'name', direction: 'descending' });
    expect(viewLogins()).toEqual(['carol@contoso.example', 'bob@fabrikam.example']);
    store().clearFilters();
    expect(viewLogins()).toHaveLength(4);
    expect(store().sort).toEqual({ column: 'name', direction: 'descending' });
  });

  it('adds newly arrived rows to a filtered view (unsorted and sorted)', async () => {
    store().setFacet('directory', ['okta:fabrikam']);
    const more = [...population, account('aaron@fabrikam.example', { directoryId: 'okta:fabrikam', kind: 'okta', displayName: 'Aaron' })];
    await store().load(snapshotApi([{ id: 's2', accounts: more }]).api);
    expect(viewLogins()).toEqual(['bob@fabrikam.example', 'alina@fabrikam.example', 'aaron@fabrikam.example']);
    store().setSort({ column: 'displayName', direction: 'ascending' });
    expect(viewLogins()).toEqual(['aaron@fabrikam.example', 'alina@fabrikam.example', 'bob@fabrikam.example']);
  });
});
