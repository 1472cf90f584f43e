// How the account list is fetched: a small first page so rows paint at once,
// then large pages until every directory has finished listing and every
// account of the snapshot has arrived. Pages of different snapshots must not
// mix: if the snapshot changes half-way (someone pressed Refresh elsewhere, a
// connection changed), the listing starts over.
import type { AccountsPage } from '../../../../preload/contract';

export const FIRST_PAGE_SIZE = 500;
export const PAGE_SIZE = 10_000;
/** Wait between asks while directories are still listing and every account so far has arrived. */
export const POLL_DELAY_MS = 250;

export interface ListingRequest {
  offset: number;
  limit: number;
  refresh?: boolean;
}

export interface ListingProgress {
  snapshotId: string | null;
  /** Accounts of this snapshot received so far. */
  received: number;
  /** Accounts in the snapshot, as last reported. */
  total: number;
  /** True while some directory is still listing. */
  listing: boolean;
  directories: AccountsPage['directories'];
}

export const noProgress: ListingProgress = { snapshotId: null, received: 0, total: 0, listing: true, directories: [] };

export function firstRequest(refresh: boolean): ListingRequest {
  return refresh ? { offset: 0, limit: FIRST_PAGE_SIZE, refresh: true } : { offset: 0, limit: FIRST_PAGE_SIZE };
}

export type PageOutcome =
  /** Keep the page's accounts; `fresh` means they start a new table (first page of a snapshot). */
  | { kind: 'append'; fresh: boolean; progress: ListingProgress }
  /** The snapshot changed under us: drop the page and ask for the first page again. */
  | { kind: 'restart' };

export function receivePage(progress: ListingProgress, request: ListingRequest, page: AccountsPage): PageOutcome {
  const fresh = request.offset === 0;
  if (!fresh && page.snapshotId !== progress.snapshotId) return { kind: 'restart' };
  const received = (fresh ? 0 : progress.received) + page.accounts.length;
  // An empty page means nothing more is there yet, whatever total says: asking again at once would spin.
  const total = page.accounts.length === 0 ? received : Math.max(page.total, received);
  return {
    kind: 'append',
    fresh,
    progress: { snapshotId: page.snapshotId, received, total, listing: page.loading, directories: page.directories },
  };
}

export type NextStep = { kind: 'fetch'; request: ListingRequest } | { kind: 'wait'; delayMs: number; request: ListingRequest } | { kind: 'done' };

export function nextStep(progress: ListingProgress): NextStep {
  const request = { offset: progress.received, limit: PAGE_SIZE };
  if (progress.received < progress.total) return { kind: 'fetch', request };
  if (progress.listing) return { kind: 'wait', delayMs: POLL_DELAY_MS, request };
  return { kind: 'done' };
}

/** Directories that could not be listed, each with its sentence. */
export function failedDirectories(progress: ListingProgress): AccountsPage['directories'] {
  return progress.directories.filter((directory) => directory.state === 'failed');
}
