// accounts.* : pages of the listing snapshot, and CSV imports resolved
// against the very accounts the grid shows (core's selectFromCsv, through the
// flow's select), so the keys it returns are keys of the snapshot.
import type { AccountsPage, CsvImportResult } from '../../preload/contract';
import { accountKey, type Directory } from '../core/domain';
import { select } from '../flow/select';
import type { AccountsSnapshots } from './accounts-snapshot';
import { snapshotDirectory } from './directory-view';

export class AccountsService {
  constructor(
    private readonly snapshots: AccountsSnapshots,
    private readonly directories: () => Directory[],
  ) {}

  page(request: { offset: number; limit: number; refresh?: boolean }): Promise<AccountsPage> {
    return this.snapshots.page(request.offset, request.limit, request.refresh ?? false);
  }

  /** Resolve a CSV against the finished snapshot; a directory whose listing failed is listed live (its error then says why). */
  async importCsv(fileName: string, text: string): Promise<CsvImportResult> {
    const snapshot = await this.snapshots.complete();
    const directories = this.directories().map((d) => (snapshot.stateOf(d.id)?.state === 'listed' ? snapshotDirectory(d, snapshot.accountsOf(d.id)) : d));
    let rows = 0;
    const selection = await select(directories, { by: 'csv', fileName, text }, {
      onProgress: (progress) => {
        if (progress.phase === 'resolving') rows = progress.rows;
      },
    });
    // Rows that never reached resolution (bad CSV, missing fields) are rows too; a bad header is not.
    rows += selection.problems.filter((p) => p.reason === 'malformed' && p.line !== null && p.line > 1).length;
    return {
      keys: selection.accounts.map(accountKey),
      rows,
      problems: selection.problems,
      description: selection.description,
    };
  }
}
