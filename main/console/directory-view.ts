// A directory seen through a small change: the same directory (same id, same
// calls), with its listing or its pacing hints replaced. CSV imports use it to
// resolve rows against the listing snapshot instead of listing again.
import type { AccountQuery, Account, Directory, PacingHints } from '../core/domain';

export interface DirectoryOverrides {
  listAccounts?: (query: AccountQuery, signal?: AbortSignal) => AsyncIterable<Account[]>;
  pacing?: () => PacingHints;
}

export function directoryView(directory: Directory, overrides: DirectoryOverrides): Directory {
  return {
    get id() {
      return directory.id;
    },
    get kind() {
      return directory.kind;
    },
    get displayName() {
      return directory.displayName;
    },
    get pacing() {
      return overrides.pacing ? overrides.pacing() : directory.pacing;
    },
    get capabilities() {
      return directory.capabilities;
    },
    listAccounts: (query, signal) => (overrides.listAccounts ? overrides.listAccounts(query, signal) : directory.listAccounts(query, signal)),
    planReset: (accounts, options) => directory.planReset(accounts, options),
    reset: (batch, signal) => directory.reset(batch, signal),
    readState: (accounts, signal) => directory.readState(accounts, signal),
  };
}

/** The directory, except that an unfiltered listing answers from the given accounts instead of the network. */
export function snapshotDirectory(directory: Directory, accounts: readonly Account[]): Directory {
  return directoryView(directory, {
    listAccounts: (query, signal) =>
      query.search || query.group
        ? directory.listAccounts(query, signal)
        : (async function* () {
            yield [...accounts];
          })(),
  });
}
