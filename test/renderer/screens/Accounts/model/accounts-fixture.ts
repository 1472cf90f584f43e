// Small, explicit account populations for the Accounts model tests.
import type { AccountDto, AccountsPage } from '../../../../../preload/contract';

export function account(login: string, change: Partial<AccountDto> & { attributes?: AccountDto['attributes'] } = {}): AccountDto {
  return {
    directoryId: 'entra:contoso',
    kind: 'entra',
    id: `id-${login}`,
    login,
    displayName: login.split('@')[0]?.replace('.', ' ') ?? login,
    enabled: true,
    privileged: false,
    groups: ['All Staff'],
    ...change,
    attributes: { status: 'Enabled', mustChange: false, lastSignIn: '2026-05-01T10:00:00Z', ...change.attributes },
  };
}

export const directories: AccountsPage['directories'] = [
  { directoryId: 'entra:contoso', displayName: 'Contoso (Entra ID)', state: 'listed', accounts: 3 },
  { directoryId: 'okta:fabrikam', displayName: 'Fabrikam (Okta)', state: 'listed', accounts: 2 },
];

/** Five accounts across two directories, each differing in what the tests look at. */
export function smallPopulation(): AccountDto[] {
  return [
    account('adele.vance@contoso.example', { displayName: 'Adele Vance', groups: ['All Staff', 'Sales'], attributes: { lastSignIn: '2026-05-02T08:00:00Z' } }),
    account('sean.obrien@contoso.example', {
      displayName: "Seán O'Brien",
      privileged: true,
      privilegedWhy: 'Global Administrator role',
      groups: ['All Staff', 'IT Admins'],
      attributes: { lastSignIn: null, mustChange: true },
    }),
    account('svc-backup@contoso.example', { displayName: 'Backup service', enabled: false, groups: [], attributes: { status: 'Disabled', lastSignIn: '2025-01-01T00:00:00Z' } }),
    account('lukasz@fabrikam.example', {
      directoryId: 'okta:fabrikam',
      kind: 'okta',
      displayName: 'Łukasz Żółkiewski',
      groups: ['Everyone', 'Engineering'],
      attributes: { status: 'ACTIVE', mustChange: null },
    }),
    account('zoe@fabrikam.example', {
      directoryId: 'okta:fabrikam',
      kind: 'okta',
      displayName: 'Zoë Ångström',
      groups: ['Everyone', 'Research'],
      attributes: { status: 'PASSWORD_EXPIRED', mustChange: true, neverExpires: false },
    }),
  ];
}

/** n generated accounts, for paging tests. */
export function generated(n: number, prefix = 'user'): AccountDto[] {
  return Array.from({ length: n }, (_unused, i) => account(`${prefix}${String(i).padStart(5, '0')}@contoso.example`));
}

export function page(accounts: AccountDto[], change: Partial<AccountsPage> = {}): AccountsPage {
  return { snapshotId: 's1', accounts, total: accounts.length, loading: false, directories, ...change };
}
