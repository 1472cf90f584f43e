// One listing of every connected directory, kept in memory so the grid can
// page through it while it grows: all directories are listed at once, their
// accounts appended in the order they arrive, and each directory's state
// (listing, listed, failed with a sentence) travels with every page. A new
// listing (refresh, or a connection change) gets a new snapshot id, so pages
// of two listings are never mixed.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AccountsPage } from '../../preload/contract';
import { accountKey, type Account, type Directory } from '../core/domain';

export type DirectoryListing = AccountsPage['directories'][number];

/** How long a page request waits for its first rows before answering with what there is. */
const defaultPageWaitMs = 1500;
/** Once a page has rows, how much longer it waits for the rest of the page. */
const pageFillMs = 250;
/** Page size asked of each directory (Graph allows 999, Okta 200 by default). */
const listingPageSize = 500;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a directory knows went partly wrong in a listing that still produced accounts (hosts that did not answer, admins that could not be marked). */
function listingNotes(directory: Directory): string[] {
  const notes: string[] = [];
  const withHosts = directory as Partial<{ hostProblems(): Array<{ sentence: string }> }>;
  if (typeof withHosts.hostProblems === 'function') notes.push(...withHosts.hostProblems().map((p) => p.sentence));
  const withNotices = directory as Partial<{ listingNotices: string[] }>;
  if (Array.isArray(withNotices.listingNotices)) notes.push(...withNotices.listingNotices);
  return notes;
}

export class AccountsSnapshot {
  readonly id: string;
  readonly accounts: Account[] = [];
  private readonly byKey = new Map<string, Account>();
  private readonly states = new Map<string, DirectoryListing>();
  private readonly waiters = new Set<() => void>();
  private readonly controller = new AbortController();
  /** Resolves when every directory is listed or failed. */
  readonly done: Promise<void>;
  private finished = false;

  constructor(readonly directories: readonly Directory[]) {
    // Every directory's listing calls (pages, group memberships) listen to this one signal.
    setMaxListeners(1000, this.controller.signal);
    this.id = `snapshot-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    for (const d of directories) this.states.set(d.id, { directoryId: d.id, displayName: d.displayName, state: 'listing', accounts: 0 });
    this.done = Promise.all(directories.map((d) => this.list(d))).then(() => {
      this.finished = true;
      this.wake();
    });
  }

  get loading(): boolean {
    return !this.finished;
  }

  account(key: string): Account | undefined {
    return this.byKey.get(key);
  }

  accountsOf(directoryId: string): Account[] {
    return this.accounts.filter((a) => a.directoryId === directoryId);
  }

  directoryStates(): DirectoryListing[] {
    return [...this.states.values()].map((s) => ({ ...s }));
  }

  stateOf(directoryId: string): DirectoryListing | undefined {
    return this.states.get(directoryId);
  }

  /** Wait until the snapshot holds more than `count` accounts, the listing ends, or `ms` pass. */
  async waitForMoreThan(count: number, ms: number): Promise<void> {
    if (this.accounts.length > count || this.finished || ms <= 0) return;
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const waiter = () => {
        if (this.accounts.length > count || this.finished) finish();
      };
      const timer = setTimeout(finish, ms);
      timer.unref?.();
      this.waiters.add(waiter);
    });
  }

  /** Stop listing (the snapshot was replaced). */
  abandon(): void {
    this.controller.abort(new Error('The account listing was replaced by a newer one.'));
  }

  private async list(directory: Directory): Promise<void> {
    const state = this.states.get(directory.id) as DirectoryListing;
    try {
      for await (const page of directory.listAccounts({ pageSize: listingPageSize }, this.controller.signal)) {
        for (const account of page) {
          const key = accountKey(account);
          if (this.byKey.has(key)) continue;
          this.byKey.set(key, account);
          this.accounts.push(account);
          state.accounts++;
        }
        this.wake();
      }
      state.state = 'listed';
      const notes = listingNotes(directory);
      if (notes.length > 0) state.message = `Listed ${state.accounts} account${state.accounts === 1 ? '' : 's'}, but not everything answered: ${notes.join(' ')}`;
    } catch (error) {
      state.state = 'failed';
      if (this.controller.signal.aborted) {
        state.message = 'The listing was stopped because a newer one replaced it.';
      } else {
        const partly = state.accounts > 0 ? ` after ${state.accounts} account${state.accounts === 1 ? '' : 's'}` : '';
        state.message = `${directory.displayName} could not be listed${partly}: ${errorText(error)}`;
      }
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export interface AccountsSnapshotsOptions {
  pageWaitMs?: number;
}

/** Keeps the current snapshot; a refresh or a change of connected directories starts a new one. */
export class AccountsSnapshots {
  private snapshot: AccountsSnapshot | null = null;
  private readonly pageWaitMs: number;

  constructor(
    private readonly directories: () => Directory[],
    options: AccountsSnapshotsOptions = {},
  ) {
    this.pageWaitMs = options.pageWaitMs ?? defaultPageWaitMs;
  }

  /** The snapshot in use, starting a listing when there is none. */
  current(): AccountsSnapshot {
    this.snapshot ??= new AccountsSnapshot(this.directories());
    return this.snapshot;
  }

  /** The snapshot in use, without starting one. */
  peek(): AccountsSnapshot | null {
    return this.snapshot;
  }

  refresh(): AccountsSnapshot {
    this.snapshot?.abandon();
    this.snapshot = new AccountsSnapshot(this.directories());
    return this.snapshot;
  }

  /** The connected directories changed: the next page starts a new listing. */
  invalidate(): void {
    this.snapshot?.abandon();
    this.snapshot = null;
  }

  /** The finished snapshot (waits for every directory). */
  async complete(): Promise<AccountsSnapshot> {
    const snapshot = this.current();
    await snapshot.done;
    return snapshot;
  }

  async page(offset: number, limit: number, refresh = false): Promise<AccountsPage> {
    const snapshot = refresh ? this.refresh() : this.current();
    // Answer soon after this page has rows (or the listing ends): the grid paints while the rest arrives.
    await snapshot.waitForMoreThan(offset, this.pageWaitMs);
    await snapshot.waitForMoreThan(offset + limit - 1, Math.min(pageFillMs, this.pageWaitMs));
    return {
      snapshotId: snapshot.id,
      accounts: snapshot.accounts.slice(offset, offset + limit),
      total: snapshot.accounts.length,
      loading: snapshot.loading,
      directories: snapshot.directoryStates(),
    };
  }

  close(): void {
    this.snapshot?.abandon();
  }
}
