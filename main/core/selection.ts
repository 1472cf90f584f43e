// Selection: which accounts a reset is about. By search, by "all", or by a
// CSV import naming a directory and one identifier per row. Every CSV row that
// does not become exactly one account is reported with its line and reason.
import { accountKey, collectAccounts, type Account, type AccountQuery, type Directory, type SelectionProblem } from './domain';
import { defaultYield, readCsv, type CsvReadProgress, type CsvRow } from './csv';

export interface Selection {
  accounts: Account[];
  problems: SelectionProblem[];
  /** A sentence for the plan and the journal. */
  description: string;
}

export type SelectionProgress =
  | ({ phase: 'reading' } & CsvReadProgress)
  | { phase: 'listing'; directoryId: string; accounts: number }
  | { phase: 'resolving'; rows: number; resolved: number };

export interface SelectionOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SelectionProgress) => void;
  yieldControl?: () => Promise<void>;
  /** Rows resolved between yields to the event loop. */
  rowsPerYield?: number;
  chunkChars?: number;
}

function directoryNames(directories: readonly Directory[]): string {
  return directories.map((directory) => directory.displayName).join(', ');
}

/** Accounts matching a search in each directory (deduplicated, in directory order). */
export async function selectByQuery(directories: readonly Directory[], query: AccountQuery, options: SelectionOptions = {}): Promise<Selection> {
  const seen = new Set<string>();
  const accounts: Account[] = [];
  for (const directory of directories) {
    for await (const page of directory.listAccounts(query, options.signal)) {
      for (const account of page) {
        const key = accountKey(account);
        if (seen.has(key)) continue;
        seen.add(key);
        accounts.push(account);
      }
      options.onProgress?.({ phase: 'listing', directoryId: directory.id, accounts: accounts.length });
    }
  }
  const what = query.search ? `accounts matching "${query.search}"` : 'all accounts';
  const group = query.group ? ` in group "${query.group}"` : '';
  return { accounts, problems: [], description: `${what}${group} in ${directoryNames(directories)}` };
}

export function selectAll(directories: readonly Directory[], options: SelectionOptions = {}): Promise<Selection> {
  return selectByQuery(directories, {}, options);
}

// ---------------------------------------------------------------------------
// CSV import

type IdentifierColumn = 'id' | 'upn' | 'login' | 'sam';

const headerAliases: Record<string, 'directory' | IdentifierColumn> = {
  directory: 'directory',
  directoryid: 'directory',
  tenant: 'directory',
  id: 'id',
  objectid: 'id',
  userid: 'id',
  sid: 'id',
  upn: 'upn',
  userprincipalname: 'upn',
  login: 'login',
  username: 'login',
  sam: 'sam',
  samname: 'sam',
  samaccountname: 'sam',
  accountname: 'sam',
};

const identifierOrder: IdentifierColumn[] = ['id', 'upn', 'login', 'sam'];

interface HeaderMap {
  directory: number;
  identifiers: Array<{ column: IdentifierColumn; index: number }>;
  width: number;
}

function mapHeader(fields: string[]): HeaderMap | string {
  const found = new Map<string, number>();
  fields.forEach((name, index) => {
    const normalised = name.trim().toLowerCase().replace(/[\s_-]/g, '');
    const column = headerAliases[normalised];
    if (column && !found.has(column)) found.set(column, index);
  });
  const directory = found.get('directory');
  const identifiers = identifierOrder.flatMap((column) => {
    const index = found.get(column);
    return index === undefined ? [] : [{ column, index }];
  });
  if (directory === undefined || identifiers.length === 0) {
    return `The first line must be a header naming a "directory" column and at least one of "id", "upn", "login" or "sam" (found: ${fields.map((f) => `"${f}"`).join(', ') || 'nothing'}).`;
  }
  return { directory, identifiers, width: fields.length };
}

interface PendingRow {
  line: number;
  directory: string;
  column: IdentifierColumn;
  value: string;
}

interface DirectoryIndex {
  directory: Directory;
  byId: Map<string, Account>;
  byName: Map<string, Account[]>;
}

function fold(text: string): string {
  return text.trim().toLowerCase();
}

function indexAccounts(directory: Directory, accounts: Account[]): DirectoryIndex {
  const byId = new Map<string, Account>();
  const byName = new Map<string, Account[]>();
  const addName = (name: string | undefined, account: Account) => {
    if (!name) return;
    const key = fold(name);
    const list = byName.get(key);
    if (!list) byName.set(key, [account]);
    else if (!list.includes(account)) list.push(account);
  };
  for (const account of accounts) {
    byId.set(fold(account.id), account);
    addName(account.login, account);
    addName(account.attributes.email, account);
    // Windows: HOST\name identifies a SAM account on one host.
    if (account.attributes.host) addName(`${account.attributes.host}\\${account.login}`, account);
  }
  return { directory, byId, byName };
}

function findDirectory(directories: readonly Directory[], text: string): Directory | undefined {
  const wanted = fold(text);
  const exact = directories.find((d) => fold(d.id) === wanted || fold(d.displayName) === wanted);
  if (exact) return exact;
  const ofKind = directories.filter((d) => d.kind === wanted);
  return ofKind.length === 1 ? ofKind[0] : undefined;
}

/**
 * Accounts named in a CSV file. Columns: a directory (id, display name, or
 * kind when only one directory of that kind is connected) and one of id, upn,
 * login, sam; the first non-empty identifier in that order is used.
 * Separator `,` or `;`, UTF-8 with or without BOM, RFC 4180 quoting.
 */
export async function selectFromCsv(
  directories: readonly Directory[],
  source: string | AsyncIterable<string>,
  fileName: string,
  options: SelectionOptions = {},
): Promise<Selection> {
  const problems: SelectionProblem[] = [];
  const rows: PendingRow[] = [];
  let header: HeaderMap | null = null;
  let headerProblem = false;
  const description = `accounts listed in ${fileName}`;

  const onRow = (row: CsvRow) => {
    if (headerProblem) return;
    if (!header) {
      const mapped = mapHeader(row.fields);
      if (typeof mapped === 'string') {
        problems.push({ line: row.line, reason: 'malformed', message: mapped });
        headerProblem = true;
      } else header = mapped;
      return;
    }
    if (row.error) {
      problems.push({ line: row.line, reason: 'malformed', message: `The line is not valid CSV: ${row.error}.` });
      return;
    }
    if (row.fields.length !== header.width) {
      problems.push({
        line: row.line,
        reason: 'malformed',
        message: `The line has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'} but the header has ${header.width}.`,
      });
      return;
    }
    const directory = (row.fields[header.directory] ?? '').trim();
    if (!directory) {
      problems.push({ line: row.line, reason: 'malformed', message: 'The directory column is empty.' });
      return;
    }
    const identifier = header.identifiers.find(({ index }) => (row.fields[index] ?? '').trim() !== '');
    if (!identifier) {
      problems.push({ line: row.line, reason: 'malformed', message: `No account identifier: ${header.identifiers.map((i) => i.column).join(', ')} are all empty.` });
      return;
    }
    rows.push({ line: row.line, directory, column: identifier.column, value: (row.fields[identifier.index] ?? '').trim() });
  };

  const read = await readCsv(source, onRow, {
    signal: options.signal,
    yieldControl: options.yieldControl,
    chunkChars: options.chunkChars,
    onProgress: (progress) => options.onProgress?.({ phase: 'reading', ...progress }),
  });
  if (read.rows === 0) problems.push({ line: null, reason: 'malformed', message: `${fileName} is empty: expected a header line and one line per account.` });

  // List only the directories the file refers to, once each.
  const indexes = new Map<string, DirectoryIndex>();
  const directoryFor = new Map<string, Directory | null>();
  for (const row of rows) {
    const text = fold(row.directory);
    if (!directoryFor.has(text)) directoryFor.set(text, findDirectory(directories, row.directory) ?? null);
  }
  for (const directory of new Set(directoryFor.values())) {
    if (!directory) continue;
    const accounts = await collectAccounts(directory, {}, options.signal);
    options.onProgress?.({ phase: 'listing', directoryId: directory.id, accounts: accounts.length });
    indexes.set(directory.id, indexAccounts(directory, accounts));
  }

  const accounts: Account[] = [];
  const firstLine = new Map<string, number>();
  const rowsPerYield = options.rowsPerYield ?? 5000;
  const yieldControl = options.yieldControl ?? defaultYield;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % rowsPerYield === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.({ phase: 'resolving', rows: rows.length, resolved: i });
      await yieldControl();
    }
    const row = rows[i] as PendingRow;
    const directory = directoryFor.get(fold(row.directory));
    if (!directory) {
      problems.push({
        line: row.line,
        reason: 'unknown-directory',
        message: `No connected directory is called "${row.directory}" (connected: ${directoryNames(directories) || 'none'}).`,
      });
      continue;
    }
    const index = indexes.get(directory.id) as DirectoryIndex;
    const matches = row.column === 'id' ? [index.byId.get(fold(row.value))].filter((a): a is Account => a !== undefined) : (index.byName.get(fold(row.value)) ?? []);
    if (matches.length === 0) {
      problems.push({ line: row.line, reason: 'unknown-account', message: `No account with ${row.column} "${row.value}" in ${directory.displayName}.` });
      continue;
    }
    if (matches.length > 1) {
      problems.push({
        line: row.line,
        reason: 'ambiguous',
        message: `${row.column} "${row.value}" matches ${matches.length} accounts in ${directory.displayName} (${matches.map((a) => a.attributes.host ? `${a.attributes.host}\\${a.login}` : a.login).join(', ')}); name it by id instead.`,
      });
      continue;
    }
    const account = matches[0] as Account;
    const key = accountKey(account);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, reason: 'duplicate', message: `The same account (${account.login}) is already selected on line ${earlier}.` });
      continue;
    }
    firstLine.set(key, row.line);
    accounts.push(account);
  }
  options.onProgress?.({ phase: 'resolving', rows: rows.length, resolved: rows.length });
  // Report in file order: reading finds malformed lines before resolution finds unknown ones.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { accounts, problems, description };
}
