// Accounts of the connected directories, for the grid. The main process keeps
// one snapshot of the listing; the renderer pages through it so the first rows
// paint while 50,000 more arrive.
import { z } from 'zod';
import { channel } from './define';
import { account, selectionProblem } from './model';

export const accountsListRequest = z
  .object({
    /** Re-list every directory instead of paging the current snapshot. */
    refresh: z.boolean().optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(10_000),
  })
  .strict();

export const directoryListingStatus = z.object({
  directoryId: z.string(),
  displayName: z.string(),
  state: z.enum(['listing', 'listed', 'failed']),
  accounts: z.number().int(),
  /** For failed: a sentence saying what went wrong and what to do. */
  message: z.string().optional(),
});

export const accountsPage = z.object({
  /** Changes whenever the listing is refreshed; pages from different snapshots must not be mixed. */
  snapshotId: z.string(),
  accounts: z.array(account),
  /** Accounts in the snapshot so far. */
  total: z.number().int(),
  /** True while some directory is still listing: ask again for more. */
  loading: z.boolean(),
  directories: z.array(directoryListingStatus),
});
export type AccountsPage = z.infer<typeof accountsPage>;

export const csvImportRequest = z
  .object({
    fileName: z.string().trim().min(1).max(260),
    /** The file's text (UTF-8, BOM allowed). Up to 64 MB. */
    text: z.string().max(64 * 1024 * 1024),
  })
  .strict();

export const csvImportResult = z.object({
  /** Keys ("directoryId|accountId") of the accounts the file named. */
  keys: z.array(z.string()),
  rows: z.number().int(),
  /** Every row that did not become exactly one account, with its line and reason. */
  problems: z.array(selectionProblem),
  description: z.string(),
});
export type CsvImportResult = z.infer<typeof csvImportResult>;

export const accountsChannels = {
  'accounts.list': channel({ request: accountsListRequest, reply: accountsPage, summary: 'A page of the accounts of every connected directory.' }),
  'accounts.importCsv': channel({ request: csvImportRequest, reply: csvImportResult, summary: 'Resolve a CSV of accounts (directory + id/UPN/login/SAM name) against the listing.' }),
};
