import { describe, expect, it } from 'vitest';
import {
  failedDirectories,
  FIRST_PAGE_SIZE,
  firstRequest,
  nextStep,
  noProgress,
  PAGE_SIZE,
  POLL_DELAY_MS,
  receivePage,
} from '../../../../../renderer/screens/Accounts/model/page-loader';
import { generated, page } from './accounts-fixture';

describe('page loading', () => {
  it('asks for a small first page, re-listing only on Refresh', () => {
    expect(firstRequest(false)).toEqual({ offset: 0, limit: FIRST_PAGE_SIZE });
    expect(firstRequest(true)).toEqual({ offset: 0, limit: FIRST_PAGE_SIZE, refresh: true });
  });

  it('then asks for big pages from where it got to, until the snapshot total has arrived', () => {
    const first = receivePage(noProgress, firstRequest(false), page(generated(3), { total: 25_000 }));
    expect(first).toMatchObject({ kind: 'append', fresh: true, progress: { received: 3, total: 25_000, snapshotId: 's1' } });
    if (first.kind !== 'append') throw new Error('expected append');
    expect(nextStep(first.progress)).toEqual({ kind: 'fetch', request: { offset: 3, limit: PAGE_SIZE } });

    const second = receivePage(first.progress, { offset: 3, limit: PAGE_SIZE }, page(generated(24_997), { total: 25_000 }));
    if (second.kind !== 'append') throw new Error('expected append');
    expect(second.fresh).toBe(false);
    expect(second.progress.received).toBe(25_000);
    expect(nextStep(second.progress)).toEqual({ kind: 'done' });
  });

  it('waits and asks again while a directory is still listing and everything so far has arrived', () => {
    const outcome = receivePage(noProgress, firstRequest(false), page(generated(2), { total: 2, loading: true }));
    if (outcome.kind !== 'append') throw new Error('expected append');
    expect(nextStep(outcome.progress)).toEqual({ kind: 'wait', delayMs: POLL_DELAY_MS, request: { offset: 2, limit: PAGE_SIZE } });
  });

  it('starts over when a later page comes from another snapshot', () => {
    const first = receivePage(noProgress, firstRequest(false), page(generated(2), { total: 10 }));
    if (first.kind !== 'append') throw new Error('expected append');
    expect(receivePage(first.progress, { offset: 2, limit: PAGE_SIZE }, page(generated(2), { snapshotId: 's2', total: 10 }))).toEqual({ kind: 'restart' });
  });

  it('accepts any snapshot on a first page (after Refresh, or a restart)', () => {
    const progress = { ...noProgress, snapshotId: 'old', received: 10, total: 10, listing: false };
    const outcome = receivePage(progress, firstRequest(true), page(generated(1), { snapshotId: 'new' }));
    expect(outcome).toMatchObject({ kind: 'append', fresh: true, progress: { snapshotId: 'new', received: 1 } });
  });

  it('does not spin when a page is empty although the total says more', () => {
    const first = receivePage(noProgress, firstRequest(false), page(generated(2), { total: 5 }));
    if (first.kind !== 'append') throw new Error('expected append');
    const empty = receivePage(first.progress, { offset: 2, limit: PAGE_SIZE }, page([], { total: 5, loading: false }));
    if (empty.kind !== 'append') throw new Error('expected append');
    expect(nextStep(empty.progress)).toEqual({ kind: 'done' });
  });

  it('lists the directories that failed with their sentence', () => {
    const outcome = receivePage(
      noProgress,
      firstRequest(false),
      page([], {
        directories: [
          { directoryId: 'a', displayName: 'A', state: 'listed', accounts: 0 },
          { directoryId: 'b', displayName: 'B', state: 'failed', accounts: 0, message: 'WinRM refused the connection.' },
        ],
      }),
    );
    if (outcome.kind !== 'append') throw new Error('expected append');
    expect(failedDirectories(outcome.progress).map((d) => d.message)).toEqual(['WinRM refused the connection.']);
  });
});
