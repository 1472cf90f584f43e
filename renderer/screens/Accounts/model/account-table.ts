// The listed accounts as columns: the account itself for display, plus what
// search, filters and sorting need, computed once when a page arrives. A
// keystroke then costs one tight loop over these arrays, never a pass over
// the account objects.
import type { AccountDto } from '../../../../preload/contract';
import { facetIds, facetSpecs, facetValue, FacetDictionary, type FacetId } from './facets';
import { foldText } from './fold';

/** Sort values for last sign-in that is not a date: not reported sorts before never, never before any date. */
export const SIGN_IN_NOT_REPORTED = -2e15;
export const SIGN_IN_NEVER = -1e15;

export interface DirectoryName {
  directoryId: string;
  displayName: string;
}

export function accountKeyOf(account: Pick<AccountDto, 'directoryId' | 'id'>): string {
  return `${account.directoryId}|${account.id}`;
}

function signInValue(iso: string | null | undefined): number {
  if (iso === null) return SIGN_IN_NEVER;
  if (iso === undefined) return SIGN_IN_NOT_REPORTED;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? SIGN_IN_NOT_REPORTED : ms;
}

export class AccountTable {
  readonly accounts: AccountDto[] = [];
  /** "directoryId|accountId", the key the selection and the plan use. */
  readonly keys: string[] = [];
  /** Folded login, display name, directory name, groups, e-mail and host, space separated. */
  readonly searchText: string[] = [];
  readonly loginSort: string[] = [];
  readonly displayNameSort: string[] = [];
  readonly groupsSort: string[] = [];
  readonly lastSignIn: number[] = [];
  readonly facets: Record<FacetId, { dictionary: FacetDictionary; codes: number[] }>;
  private readonly rowByKey = new Map<string, number>();
  private readonly directoryNames = new Map<string, string>();

  constructor() {
    const facets = {} as Record<FacetId, { dictionary: FacetDictionary; codes: number[] }>;
    for (const id of facetIds) facets[id] = { dictionary: new FacetDictionary(facetSpecs[id].fixed), codes: [] };
    this.facets = facets;
  }

  get size(): number {
    return this.accounts.length;
  }

  rowOf(key: string): number | undefined {
    return this.rowByKey.get(key);
  }

  directoryName(directoryId: string): string {
    return this.directoryNames.get(directoryId) ?? directoryId;
  }

  /** Learn directory names (before the accounts that need them). */
  nameDirectories(directories: readonly DirectoryName[]): void {
    for (const { directoryId, displayName } of directories) {
      this.directoryNames.set(directoryId, displayName);
      this.facets.directory.dictionary.relabel(directoryId, displayName);
    }
  }

  /** Add a page of accounts; an account already present (same key) is replaced in place. */
  append(accounts: readonly AccountDto[], directories: readonly DirectoryName[] = []): void {
    this.nameDirectories(directories);
    for (const account of accounts) {
      const key = accountKeyOf(account);
      const existing = this.rowByKey.get(key);
      if (existing !== undefined) {
        this.write(existing, key, account);
        continue;
      }
      this.rowByKey.set(key, this.accounts.length);
      this.write(this.accounts.length, key, account);
    }
  }

  private write(row: number, key: string, account: AccountDto): void {
    const directory = this.directoryName(account.directoryId);
    const { attributes } = account;
    this.accounts[row] = account;
    this.keys[row] = key;
    this.searchText[row] = foldText(
      [account.login, account.displayName, directory, account.groups.join(' '), attributes.email ?? '', attributes.host ?? ''].join(' '),
    );
    this.loginSort[row] = foldText(account.login);
    this.displayNameSort[row] = foldText(account.displayName);
    this.groupsSort[row] = foldText(account.groups.join(', '));
    this.lastSignIn[row] = signInValue(attributes.lastSignIn);
    for (const id of facetIds) {
      const facet = this.facets[id];
      const value = facetValue(id, account);
      const code = facet.dictionary.code(value, id === 'directory' ? directory : value);
      const previous = facet.codes[row];
      if (previous !== undefined) facet.dictionary.counts[previous] = (facet.dictionary.counts[previous] ?? 1) - 1;
      facet.codes[row] = code;
      facet.dictionary.counts[code] = (facet.dictionary.counts[code] ?? 0) + 1;
    }
  }
}
