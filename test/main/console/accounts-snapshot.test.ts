// The listing snapshot: every directory listed at once, pages served while it
// grows, a refresh makes a new snapshot, a failed directory says why, and CSV
// imports resolve against the snapshot instead of listing again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, AccountQuery, Directory } from '../../../main/core/domain';
import { AccountsService } from '../../../main/console/accounts';
import { AccountsSnapshots } from '../../../main/console/accounts-snapshot';
import { makeAccount, ScriptedDirectory } from '../core/fakes';
import { gate } from './support';

/** Yields its pages one by one; the test opens a gate before each page after the first. */
class PagedDirectory extends ScriptedDirectory {
  listings = 0;
  constructor(
    id: string,
    private readonly pages: Account[][],
    private readonly gates: Array<{ promise: Promise<void> }> = [],
    private readonly failAfterPage?: string,
  ) {
    super(id, pages.flat());
  }

  override async *listAccounts(_query: AccountQuery) {
    this.listings++;
    for (const [index, page] of this.pages.entries()) {
      if (index > 0) await this.gates[index - 1]?.promise;
      yield page;
    }
    if (this.failAfterPage) throw new Error(this.failAfterPage);
  }
}

const accountsOf = (directoryId: string, n: number, kind: Account['kind'] = 'entra') =>
  Array.from({ length: n }, (_, i) => makeAccount({ directoryId, kind, login: `${directoryId.split(':')[1]}-${i}@example.com` }));

let snapshots: AccountsSnapshots | null = null;
afterEach(() => snapshots?.close());

describe('the listing snapshot', () => {
  it('lists every directory at once and serves pages while a slow one is still listing', async () => {
    const fast = new PagedDirectory('okta:fast', [accountsOf('okta:fast', 3, 'okta')]);
    const slowGate = gate();
    const slowPages = [accountsOf('entra:slow', 2), accountsOf('entra:slow', 4)];
    const slow = new PagedDirectory('entra:slow', slowPages, [slowGate]);
    snapshots = new AccountsSnapshots(() => [fast, slow], { pageWaitMs: 2000 });

    const first = await snapshots.page(0, 2);
    expect(first.accounts).toHaveLength(2);
    expect(first.loading).toBe(true);
    // Wait until both first pages are in, then look at the states mid-listing.
    const snapshot = snapshots.current();
    await snapshot.waitForMoreThan(4, 2000);
    const mid = await snapshots.page(0, 100);
    expect(mid.snapshotId).toBe(first.snapshotId);
    expect(mid.total).toBe(5);
    expect(mid.directories.map((d) => [d.directoryId, d.state, d.accounts])).toEqual([
      ['okta:fast', 'listed', 3],
      ['entra:slow', 'listing', 2],
    ]);

    slowGate.open();
    await snapshot.done;
    const all = await snapshots.page(0, 100);
    expect(all.loading).toBe(false);
    expect(all.total).toBe(9);
    expect(all.snapshotId).toBe(first.snapshotId);
    // The slow directory's second page arrived last.
    expect(all.accounts.slice(-4).map((a) => a.login)).toEqual(slowPages[1]!.map((a) => a.login));
    // Offset and limit page through the same order.
    expect((await snapshots.page(3, 4)).accounts.map((a) => a.login)).toEqual(all.accounts.slice(3, 7).map((a) => a.login));
    expect(fast.listings).toBe(1);
  });

  it('starts a new snapshot with a new id on refresh, and after the directories changed', async () => {
    const directory = new PagedDirectory('okta:one', [accountsOf('okta:one', 2, 'okta')]);
    snapshots = new AccountsSnapshots(() => [directory]);
    const first = await snapshots.page(0, 10);
    const again = await snapshots.page(0, 10);
    expect(again.snapshotId).toBe(first.snapshotId);
    expect(directory.listings).toBe(1);
    const refreshed = await snapshots.page(0, 10, true);
    expect(refreshed.snapshotId).not.toBe(first.snapshotId);
    expect(directory.listings).toBe(2);
    snapshots.invalidate();
    const afterChange = await snapshots.page(0, 10);
    expect(afterChange.snapshotId).not.toBe(refreshed.snapshotId);
    expect(directory.listings).toBe(3);
  });

  it('marks a directory whose listing fails with a sentence, keeps what it listed and lists the others', async () => {
    const broken = new PagedDirectory('entra:broken', [accountsOf('entra:broken', 1)], [], 'Graph answered 403: the app lacks User.Read.All; grant it and sign in again.');
    const fine = new PagedDirectory('okta:fine', [accountsOf('okta:fine', 2, 'okta')]);
    snapshots = new AccountsSnapshots(() => [broken, fine]);
    await snapshots.current().done;
    const page = await snapshots.page(0, 10);
    expect(page.loading).toBe(false);
    expect(page.total).toBe(3);
    const state = page.directories.find((d) => d.directoryId === 'entra:broken');
    expect(state).toMatchObject({ state: 'failed', accounts: 1 });
    expect(state?.message).toBe('Scripted entra:broken could not be listed after 1 account: Graph answered 403: the app lacks User.Read.All; grant it and sign in again.');
    expect(page.directories.find((d) => d.directoryId === 'okta:fine')?.state).toBe('listed');
  });

  it('says which Windows computers did not answer when the others were listed', async () => {
    const windows = Object.assign(new PagedDirectory('windows:hosts', [accountsOf('windows:hosts', 2, 'windows')]), {
      hostProblems: () => [{ sentence: 'LONDON-KIOSK3 could not be reached over WinRM: check that it is on.' }],
    });
    snapshots = new AccountsSnapshots(() => [windows]);
    await snapshots.current().done;
    const [state] = (await snapshots.page(0, 10)).directories;
    expect(state).toMatchObject({ state: 'listed', accounts: 2 });
    expect(state?.message).toBe('Listed 2 accounts, but not everything answered: LONDON-KIOSK3 could not be reached over WinRM: check that it is on.');
  });
});

describe('CSV import against the snapshot', () => {
  it('resolves rows to keys of the listed accounts without listing again, and reports every other row', async () => {
    const accounts = accountsOf('entra:csv', 3);
    const directory = new PagedDirectory('entra:csv', [accounts]);
    snapshots = new AccountsSnapshots(() => [directory]);
    const service = new AccountsService(snapshots, () => [directory as Directory]);
    const text = ['directory,login', `entra:csv,${accounts[1]!.login}`, 'entra:csv,ghost@example.com', 'okta:nowhere,someone@example.com', `Scripted entra:csv,${accounts[2]!.login.toUpperCase()}`, 'too,many,fields'].join('\n');

    const result = await service.importCsv('suspects.csv', text);

    expect(result.keys).toEqual([`entra:csv|${accounts[1]!.id}`, `entra:csv|${accounts[2]!.id}`]);
    expect(result.rows).toBe(5);
    expect(result.description).toBe('accounts listed in suspects.csv');
    expect(result.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'unknown-account'],
      [4, 'unknown-directory'],
      [6, 'malformed'],
    ]);
    expect(directory.listings).toBe(1);
  });
});
