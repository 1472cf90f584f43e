// The people of the practice tenant: an Entra-like tenant (Contoso), an
// Okta-like org (Fabrikam) and two Windows hosts, one English and one French
// (localised built-in names: "Administrateur", "Invité" — recognised by RID,
// never by name). Deterministic, so tests and training sessions see the same
// accounts every time. Mixes every case the flow must handle: privileged
// admins, synced and federated users, guests, disabled accounts, built-ins,
// a never-expires service account, the operator's own account, the WinRM
// connection account, names with apostrophes and non-ASCII letters.
import type { Account, AccountAttributes } from '../core/domain';

export const ENTRA_ID = 'entra:contoso-practice.onmicrosoft.com';
export const OKTA_ID = 'okta:fabrikam-practice.okta.com';
export const WINDOWS_ID = 'windows:practice-hosts';

/** FNV-1a, to derive stable ids from names. */
function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function hex(text: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) out += hash32(`${round}:${text}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

export function stableGuid(text: string): string {
  const h = hex(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function oktaId(text: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '00u';
  for (let i = 0; i < 17; i++) id += alphabet[hash32(`${i}:${text}`) % alphabet.length];
  return id;
}

interface Person {
  first: string;
  last: string;
  groups: string[];
}

const staff: Person[] = [
  { first: 'Adele', last: 'Vance', groups: ['All Staff', 'Sales'] },
  { first: 'Alex', last: 'Wilber', groups: ['All Staff', 'Marketing'] },
  { first: 'Diego', last: 'Siciliani', groups: ['All Staff', 'Finance'] },
  { first: 'Grady', last: 'Archie', groups: ['All Staff', 'Engineering'] },
  { first: 'Henrietta', last: 'Mueller', groups: ['All Staff', 'Engineering'] },
  { first: 'Johanna', last: 'Lorenz', groups: ['All Staff', 'Engineering'] },
  { first: 'Joni', last: 'Sherman', groups: ['All Staff', 'Legal'] },
  { first: 'Lee', last: 'Gu', groups: ['All Staff', 'Finance'] },
  { first: 'Lidia', last: 'Holloway', groups: ['All Staff', 'Engineering'] },
  { first: 'Lynne', last: 'Robbins', groups: ['All Staff', 'Sales'] },
  { first: 'Miriam', last: 'Graham', groups: ['All Staff', 'Executives'] },
  { first: 'Nestor', last: 'Wilke', groups: ['All Staff', 'Operations'] },
  { first: 'Pradeep', last: 'Gupta', groups: ['All Staff', 'Finance'] },
  { first: 'Seán', last: "O'Brien", groups: ['All Staff', 'Sales'] },
  { first: 'Zoë', last: 'Ångström', groups: ['All Staff', 'Research'] },
  { first: 'José', last: 'Núñez', groups: ['All Staff', 'Support'] },
  { first: 'Łukasz', last: 'Żółkiewski', groups: ['All Staff', 'Engineering'] },
  { first: 'Thị Minh', last: 'Nguyễn', groups: ['All Staff', 'Finance'] },
  { first: 'Çağla', last: 'Öztürk', groups: ['All Staff', 'Marketing'] },
  { first: "D'Arcy", last: 'Fitzgerald-Smythe', groups: ['All Staff', 'Executives'] },
  { first: 'Søren', last: 'Kjærgaard', groups: ['All Staff', 'Research'] },
  { first: 'Aoife', last: "Ní Bhriain", groups: ['All Staff', 'Support'] },
  { first: 'Renée', last: 'Lefèvre', groups: ['All Staff', 'Legal'] },
  { first: 'Yūki', last: 'Tanaka', groups: ['All Staff', 'Engineering'] },
];

/** "Seán O'Brien" -> "sean.obrien": the usual way an admin derives a login from a name. */
export function loginPart(first: string, last: string): string {
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[æÆ]/g, 'ae')
      .replace(/[åÅ]/g, 'a')
      .replace(/[^A-Za-z-]/g, '')
      .toLowerCase();
  return `${ascii(first.split(' ')[0] as string)}.${ascii(last)}`;
}

function entra(login: string, displayName: string, extra: Partial<Account> & { attributes?: AccountAttributes } = {}): Account {
  return {
    directoryId: ENTRA_ID,
    kind: 'entra',
    id: stableGuid(`entra:${login}`),
    login,
    displayName,
    enabled: true,
    privileged: false,
    groups: ['All Staff'],
    ...extra,
    attributes: { status: extra.enabled === false ? 'Disabled' : 'Enabled', lastSignIn: '2026-05-02T08:14:00Z', mustChange: false, ...extra.attributes },
  };
}

export function entraPopulation(): Account[] {
  const domain = 'contoso-practice.onmicrosoft.com';
  const accounts: Account[] = staff.map((person, index) =>
    entra(`${loginPart(person.first, person.last)}@${domain}`, `${person.first} ${person.last}`, {
      groups: person.groups,
      // Every third account is mastered in on-premises AD (Entra Connect).
      attributes: { synced: index % 3 === 1, email: `${loginPart(person.first, person.last)}@contoso.example` },
    }),
  );
  accounts.push(
    entra(`megan.bowen@${domain}`, 'Megan Bowen', {
      privileged: true,
      privilegedWhy: 'Helpdesk Administrator role',
      groups: ['All Staff', 'Helpdesk'],
      attributes: { isCurrentUser: true },
    }),
    entra(`adm-patti@${domain}`, 'Patti Fernandez (admin)', { privileged: true, privilegedWhy: 'Global Administrator role', groups: ['Tier 0 Admins'] }),
    entra(`adm-isaiah@${domain}`, 'Isaiah Langer (admin)', { privileged: true, privilegedWhy: 'User Administrator role', groups: ['Tier 1 Admins'] }),
    entra(`breakglass-01@${domain}`, 'Emergency access 01', { privileged: true, privilegedWhy: 'Global Administrator role', groups: ['Tier 0 Admins'], attributes: { lastSignIn: null } }),
    entra(`svc-reporting@${domain}`, 'Reporting service', { groups: ['Service Accounts'], attributes: { lastSignIn: '2026-05-03T02:00:00Z' } }),
    entra(`christie.cline@${domain}`, 'Christie Cline', { enabled: false, groups: ['All Staff', 'Sales'], attributes: { lastSignIn: '2025-11-20T16:40:00Z' } }),
    entra(`enrico.cattaneo@${domain}`, 'Enrico Cattaneo', { enabled: false, groups: ['All Staff'], attributes: { synced: true } }),
    entra(`irvin.sayers@${domain}`, 'Irvin Sayers', { groups: ['All Staff', 'Partners'], attributes: { federated: true } }),
    entra(`john.partner_fabrikam.com#EXT#@${domain}`, 'John Partner (Fabrikam)', {
      groups: ['Guests'],
      attributes: { guest: true, email: 'john.partner@fabrikam.example', status: 'Enabled' },
    }),
    entra(`ana.lima_northwind.example#EXT#@${domain}`, 'Ana Lima (Northwind)', { groups: ['Guests'], attributes: { guest: true, email: 'ana.lima@northwind.example' } }),
  );
  return accounts;
}

function okta(login: string, displayName: string, extra: Partial<Account> & { attributes?: AccountAttributes } = {}): Account {
  return {
    directoryId: OKTA_ID,
    kind: 'okta',
    id: oktaId(login),
    login,
    displayName,
    enabled: true,
    privileged: false,
    groups: ['Everyone'],
    ...extra,
    attributes: { status: 'ACTIVE', credentialProvider: 'OKTA', email: login, lastSignIn: '2026-05-01T12:00:00Z', mustChange: false, ...extra.attributes },
  };
}

export function oktaPopulation(): Account[] {
  const accounts: Account[] = staff.slice(0, 16).map((person, index) =>
    okta(`${loginPart(person.first, person.last)}@fabrikam.example`, `${person.first} ${person.last}`, {
      groups: ['Everyone', ...person.groups.filter((g) => g !== 'All Staff')],
      // A few users sign in with their Active Directory password (delegated authentication).
      attributes: index % 5 === 2 ? { credentialProvider: 'ACTIVE_DIRECTORY' } : {},
    }),
  );
  accounts.push(
    okta('rekey.operator@fabrikam.example', 'Rekey Operator', { privileged: true, privilegedWhy: 'Help Desk Administrator', groups: ['Everyone', 'Helpdesk'], attributes: { isCurrentUser: true } }),
    okta('okta.superadmin@fabrikam.example', 'Okta Super Admin', { privileged: true, privilegedWhy: 'Super Administrator', groups: ['Everyone', 'Okta Admins'] }),
    okta('svc-scim@fabrikam.example', 'SCIM provisioning', { groups: ['Service Accounts'], attributes: { lastSignIn: null } }),
    okta('former.employee@fabrikam.example', 'Former Employee', { enabled: false, attributes: { status: 'DEPROVISIONED', lastSignIn: '2025-09-30T17:00:00Z' } }),
    okta('suspended.contractor@fabrikam.example', 'Suspended Contractor', { enabled: false, groups: ['Everyone', 'Contractors'], attributes: { status: 'SUSPENDED' } }),
    okta('already.expired@fabrikam.example', 'Already Expired', { attributes: { status: 'PASSWORD_EXPIRED', mustChange: true } }),
  );
  return accounts;
}

interface HostSpec {
  name: string;
  sid: string;
  builtins: Record<500 | 501 | 503 | 504, string>;
}

const hosts: HostSpec[] = [
  { name: 'WS-FIN01', sid: 'S-1-5-21-3623811015-3361044348-30300820', builtins: { 500: 'Administrator', 501: 'Guest', 503: 'DefaultAccount', 504: 'WDAGUtilityAccount' } },
  { name: 'SRV-PARIS02', sid: 'S-1-5-21-1004336348-1177238915-682003330', builtins: { 500: 'Administrateur', 501: 'Invité', 503: 'DefaultAccount', 504: 'WDAGUtilityAccount' } },
];

function windows(host: HostSpec, rid: number, login: string, displayName: string, extra: Partial<Account> & { attributes?: AccountAttributes } = {}): Account {
  return {
    directoryId: WINDOWS_ID,
    kind: 'windows',
    id: `${host.sid}-${rid}`,
    login,
    displayName,
    enabled: true,
    privileged: false,
    groups: ['Users'],
    ...extra,
    attributes: { rid, host: host.name, principalSource: 'Local', neverExpires: false, mustChange: false, lastSignIn: '2026-04-28T07:55:00Z', ...extra.attributes },
  };
}

export function windowsPopulation(): Account[] {
  const [fin, paris] = hosts as [HostSpec, HostSpec];
  const admins = { privileged: true, privilegedWhy: 'member of Administrators', groups: ['Administrators'] };
  const builtins = (host: HostSpec): Account[] => [
    windows(host, 500, host.builtins[500], host.builtins[500], { ...admins, attributes: { neverExpires: true } }),
    windows(host, 501, host.builtins[501], host.builtins[501], { enabled: false, groups: ['Guests'], attributes: { guest: true, lastSignIn: null } }),
    windows(host, 503, host.builtins[503], host.builtins[503], { enabled: false, groups: ['System Managed Accounts Group'], attributes: { lastSignIn: null } }),
    windows(host, 504, host.builtins[504], host.builtins[504], { enabled: false, groups: [], attributes: { lastSignIn: null } }),
  ];
  return [
    ...builtins(fin),
    windows(fin, 1001, 'jmorgan', 'Jordan Morgan', { ...admins, attributes: { isCurrentUser: true } }),
    windows(fin, 1002, 'kiosk', 'Front desk kiosk'),
    windows(fin, 1003, 'svc-backup', 'Backup service', { groups: ['Backup Operators'], attributes: { neverExpires: true, lastSignIn: '2026-05-03T01:00:00Z' } }),
    windows(fin, 1004, 'sobrien', "Seán O'Brien"),
    windows(fin, 1005, 'zoë', 'Zoë Ångström'),
    windows(fin, 1006, 'temp.audit', 'Temporary auditor', { enabled: false }),
    windows(fin, 1007, 'lee.gu@outlook.example', 'Lee Gu (Microsoft account)', { attributes: { principalSource: 'MicrosoftAccount' } }),
    ...builtins(paris),
    windows(paris, 1001, 'winrm-rekey', 'Compte de connexion Rekey', { ...admins, attributes: { isConnectionAccount: true } }),
    windows(paris, 1002, 'françois', 'François Lefèvre'),
    windows(paris, 1003, 'sql_svc', 'Service SQL Server', { groups: ['Users'], attributes: { neverExpires: true } }),
    windows(paris, 1004, 'amelie', 'Amélie Dupont', { groups: ['Users', 'Remote Desktop Users'] }),
    windows(paris, 1005, "o'connor", "Niamh O'Connor"),
    windows(paris, 1006, 'kiosk', 'Kiosque accueil'),
  ];
}

export const practiceHosts = hosts.map((h) => h.name);
