// A realistic practice tenant: a few hundred users with names from many
// languages, on-premises synced users, guests, disabled accounts, admins in
// directory roles (one through a role-assignable group), groups, and the two
// app registrations Rekey uses (delegated desktop app, app-only automation).
// Deterministic: the same seed gives the same tenant, ids included.
import {
  TenantState,
  roleTemplates,
  type AppRegistration,
  type DirectoryRoleState,
  type GroupState,
  type UserState,
} from './state';

export interface SeedOptions {
  /** Ordinary users generated besides the named operators (default 260). */
  userCount?: number;
  seed?: number;
  tenantDomain?: string;
}

/** Fixed identities of the practice tenant, for tests and the standalone stand-in. */
export const practiceTenant = {
  tenantId: '4f1c2b7e-9d3a-4e51-8c2f-6a7b9e0d1c25',
  displayName: 'Contoso Practice',
  domain: 'contoso.onmicrosoft.com',
  /** "Rekey" desktop app registration: public client, delegated permissions. */
  delegatedClientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58',
  /** "Rekey automation" app registration: certificate credential, application permissions. */
  appOnlyClientId: 'a3e7b9c1-5d2f-4e68-9a0b-7c1d3e5f8a26',
  operators: {
    /** Global Administrator. */
    globalAdmin: 'pattif',
    /** Privileged Authentication Administrator: may reset everyone. The default browser sign-in. */
    privilegedAuthAdmin: 'meganb',
    /** User Administrator: may reset ordinary users only. */
    userAdmin: 'alexw',
    /** No directory role at all. */
    noRole: 'diegos',
  },
} as const;

export const leastPrivilegeDelegatedScopes = [
  'User-PasswordProfile.ReadWrite.All',
  'User.RevokeSessions.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'RoleManagement.Read.Directory',
];

const firstNames = [
  'Aarav', 'Adèle', 'Ahmed', 'Aiko', 'Alejandro', 'Amélie', 'Ana', 'Anders', 'Ayşe', 'Björn', 'Bogdan', 'Camille',
  'Chiara', 'Chloé', 'Dagný', 'Daniel', 'Dmitri', 'Elif', 'Émile', 'Emma', 'Farah', 'Fatima', 'Florian', 'François',
  'Gabriela', 'Grzegorz', 'Hana', 'Hannah', 'Hiroshi', 'Inês', 'Ingrid', 'Ivan', 'Jakub', 'Javier', 'Jörg', 'José',
  'Julia', 'Jürgen', 'Kai', 'Kateřina', 'Keanu', 'Lars', 'Léa', 'Liam', 'Łukasz', 'Maja', 'Malik', 'María', 'Mateo',
  'Mei', 'Mikael', 'Mohammed', 'Nadia', 'Nikolaj', 'Noah', 'Olivia', 'Ørjan', 'Pablo', 'Priya', 'Rafael', 'Renée',
  'Sakura', 'Samir', 'Siobhán', 'Sofía', 'Søren', 'Tomás', 'Uğur', 'Valentina', 'Wei', 'Xavier', 'Yasmin', 'Yusuf',
  'Zoë', 'Zsófia',
];
const lastNames = [
  'Abe', 'Álvarez', 'Andersen', 'Bauer', 'Bianchi', 'Brontë', 'Chen', 'Çelik', 'Dąbrowski', 'Dubois', 'Dvořák',
  'Eriksson', 'Fernández', 'Fischer', 'García', 'Gómez', 'Hansen', 'Hernández', 'Ivanova', 'Jansen', 'Johansson',
  'Kowalski', 'Kim', 'Kovač', 'Larsen', 'Lefèvre', 'López', 'Müller', 'Nakamura', 'Nguyễn', 'Novák', 'Núñez',
  "O'Brien", 'Okafor', 'Østergaard', 'Papadopoulos', 'Patel', 'Pérez', 'Petrović', 'Popescu', 'Quintero', 'Rossi',
  'Sánchez', 'Schmidt', 'Silva', 'Singh', 'Søndergaard', 'Suzuki', 'Szabó', 'Tanaka', 'Türk', 'van den Berg',
  'Wagner', 'Wiśniewski', 'Yılmaz', 'Zhang', 'Żak',
];
const departments = ['Finance', 'Engineering', 'Sales', 'Marketing', 'Operations', 'Legal', 'Human Resources', 'Support'];
const titles: Record<string, string[]> = {
  Finance: ['Accountant', 'Controller', 'Financial Analyst'],
  Engineering: ['Software Engineer', 'Site Reliability Engineer', 'Engineering Manager', 'QA Engineer'],
  Sales: ['Account Executive', 'Sales Manager', 'Sales Development Representative'],
  Marketing: ['Marketing Specialist', 'Content Strategist', 'Brand Manager'],
  Operations: ['Operations Coordinator', 'Facilities Manager', 'Logistics Planner'],
  Legal: ['Paralegal', 'Corporate Counsel'],
  'Human Resources': ['HR Generalist', 'Recruiter', 'HR Business Partner'],
  Support: ['Support Engineer', 'Customer Success Manager'],
};
const offices = ['Amsterdam', 'Berlin', 'Kraków', 'Lisbon', 'München', 'Osaka', 'Seattle', 'São Paulo', 'Zürich'];
const guestDomains = ['fabrikam.com', 'adatum.com', 'tailspintoys.com', 'wingtiptoys.com', 'northwindtraders.com'];

/** The reference moment seed timestamps are relative to (keeps the seed deterministic). */
const seedEpoch = Date.UTC(2026, 0, 15, 9, 0, 0);

export function seedTenant(options: SeedOptions = {}): TenantState {
  const random = mulberry32(options.seed ?? 20260115);
  const domain = options.tenantDomain ?? practiceTenant.domain;
  const state = new TenantState({ id: practiceTenant.tenantId, displayName: practiceTenant.displayName, domain });
  const guid = (): string => randomGuid(random);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const daysAgo = (days: number): string => isoSeconds(seedEpoch - days * 86_400_000 - Math.floor(random() * 86_400_000));

  const usedUpns = new Set<string>();
  const makeUser = (init: {
    given: string;
    surname: string;
    alias?: string;
    department?: string;
    guestOf?: string;
    synced?: boolean;
    enabled?: boolean;
    neverSignedIn?: boolean;
  }): UserState => {
    const department = init.department ?? pick(departments);
    let alias = init.alias ?? `${asciiAlias(init.given)}.${asciiAlias(init.surname)}`;
    let upn = init.guestOf ? `${alias}_${init.guestOf}#EXT#@${domain}` : `${alias}@${domain}`;
    for (let n = 2; usedUpns.has(upn.toLowerCase()); n++) {
      alias = `${init.alias ?? `${asciiAlias(init.given)}.${asciiAlias(init.surname)}`}${n}`;
      upn = init.guestOf ? `${alias}_${init.guestOf}#EXT#@${domain}` : `${alias}@${domain}`;
    }
    usedUpns.add(upn.toLowerCase());
    const created = daysAgo(30 + Math.floor(random() * 1500));
    const lastSignIn = init.neverSignedIn ? null : daysAgo(Math.floor(random() * 45));
    return state.addUser({
      id: guid(),
      userPrincipalName: upn,
      displayName: init.guestOf ? `${init.given} ${init.surname} (${init.guestOf})` : `${init.given} ${init.surname}`,
      givenName: init.given,
      surname: init.surname,
      mail: init.guestOf ? `${alias}@${init.guestOf}` : `${alias}@${domain.replace('.onmicrosoft.com', '.com')}`,
      jobTitle: init.guestOf ? null : pick(titles[department] ?? ['Specialist']),
      department: init.guestOf ? null : department,
      officeLocation: init.guestOf ? null : pick(offices),
      mobilePhone: null,
      businessPhones: init.guestOf ? [] : [`+1 425 555 0${100 + Math.floor(random() * 899)}`],
      preferredLanguage: null,
      usageLocation: init.guestOf ? null : pick(['US', 'DE', 'NL', 'PL', 'PT', 'JP', 'BR', 'CH']),
      accountEnabled: init.enabled ?? true,
      userType: init.guestOf ? 'Guest' : 'Member',
      onPremisesSyncEnabled: init.synced ? true : null,
      onPremisesSamAccountName: init.synced ? alias.replace(/\./g, '').slice(0, 20) : null,
      createdDateTime: created,
      passwordProfile: { forceChangePasswordNextSignIn: false, forceChangePasswordNextSignInWithMfa: false },
      lastPasswordChangeDateTime: init.guestOf ? null : daysAgo(Math.floor(random() * 200)),
      signInSessionsValidFromDateTime: created,
      signInActivity: { lastSignInDateTime: lastSignIn, lastNonInteractiveSignInDateTime: lastSignIn },
      extra: {},
    });
  };

  // The operators: the people who sign in to Rekey in the practice tenant.
  const ops = practiceTenant.operators;
  const patti = makeUser({ given: 'Patti', surname: 'Fernandez', alias: ops.globalAdmin, department: 'Operations' });
  const megan = makeUser({ given: 'Megan', surname: 'Bowen', alias: ops.privilegedAuthAdmin, department: 'Operations' });
  const alex = makeUser({ given: 'Alex', surname: 'Wilber', alias: ops.userAdmin, department: 'Support' });
  const diego = makeUser({ given: 'Diego', surname: 'Siciliani', alias: ops.noRole, department: 'Support' });
  const lynne = makeUser({ given: 'Lynne', surname: 'Robbins', alias: 'lynner', department: 'Support' });
  const isaiah = makeUser({ given: 'Isaiah', surname: 'Langer', alias: 'isaiahl', department: 'Engineering' });
  const johanna = makeUser({ given: 'Johanna', surname: 'Lorenz', alias: 'johannal', department: 'Operations' });
  const grady = makeUser({ given: 'Grady', surname: 'Archie', alias: 'gradya', department: 'Engineering' });
  const nestor = makeUser({ given: 'Nestor', surname: 'Wilke', alias: 'nestorw', department: 'Legal' });
  const breakGlass = makeUser({ given: 'Break', surname: 'Glass', alias: 'breakglass01', department: 'Operations', neverSignedIn: true });

  const ordinary: UserState[] = [];
  const count = options.userCount ?? 260;
  for (let i = 0; i < count; i++) {
    const guest = i % 13 === 5;
    ordinary.push(
      makeUser({
        given: pick(firstNames),
        surname: pick(lastNames),
        guestOf: guest ? pick(guestDomains) : undefined,
        synced: !guest && i % 9 === 2,
        enabled: i % 21 !== 7,
        neverSignedIn: i % 17 === 3,
      }),
    );
  }
  // A synced admin: the password step is refused on-premises AND it is privileged.
  const syncedAdmin = ordinary.find((u) => u.onPremisesSyncEnabled === true) as UserState;

  const group = (displayName: string, members: string[], extra: Partial<GroupState> = {}): GroupState => {
    const g: GroupState = {
      id: guid(),
      displayName,
      description: `${displayName} (practice tenant)`,
      mailNickname: displayName.replace(/[^A-Za-z0-9]/g, ''),
      mailEnabled: false,
      securityEnabled: true,
      isAssignableToRole: false,
      onPremisesSyncEnabled: null,
      createdDateTime: daysAgo(2000),
      members,
      ...extra,
    };
    state.groups.set(g.id, g);
    return g;
  };
  const members = [...state.users.values()].filter((u) => u.userType === 'Member');
  group('All Staff', members.map((u) => u.id));
  for (const department of departments) {
    group(department, members.filter((u) => u.department === department).map((u) => u.id));
  }
  group('Contractors', [...state.users.values()].filter((u) => u.userType === 'Guest').map((u) => u.id));
  const helpdesk = group('Helpdesk', [alex.id, lynne.id, diego.id]);
  group('IT Operations', [patti.id, megan.id, helpdesk.id]);
  const tier0 = group('Tier 0 Operators', [grady.id], { isAssignableToRole: true });

  const role = (displayName: string, roleTemplateId: string, description: string, memberIds: string[]): DirectoryRoleState => {
    const r: DirectoryRoleState = { id: guid(), displayName, description, roleTemplateId, members: memberIds };
    state.roles.set(r.id, r);
    return r;
  };

  // App registrations and their service principals.
  const delegatedSp = guid();
  const appOnlySp = guid();
  state.servicePrincipals.set(delegatedSp, {
    id: delegatedSp,
    appId: practiceTenant.delegatedClientId,
    displayName: 'Rekey',
    servicePrincipalType: 'Application',
    accountEnabled: true,
  });
  state.servicePrincipals.set(appOnlySp, {
    id: appOnlySp,
    appId: practiceTenant.appOnlyClientId,
    displayName: 'Rekey automation',
    servicePrincipalType: 'Application',
    accountEnabled: true,
  });
  const apps: AppRegistration[] = [
    {
      clientId: practiceTenant.delegatedClientId,
      displayName: 'Rekey',
      publicClient: true,
      redirectUris: ['http://localhost'],
      delegatedScopes: ['User.Read', ...leastPrivilegeDelegatedScopes],
      applicationPermissions: [],
      certificates: [],
      servicePrincipalId: delegatedSp,
    },
    {
      clientId: practiceTenant.appOnlyClientId,
      displayName: 'Rekey automation',
      publicClient: false,
      redirectUris: [],
      delegatedScopes: [],
      applicationPermissions: [...leastPrivilegeDelegatedScopes],
      certificates: [],
      servicePrincipalId: appOnlySp,
    },
  ];
  for (const app of apps) state.apps.set(app.clientId, app);

  role('Global Administrator', roleTemplates.globalAdministrator, 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.', [patti.id, breakGlass.id]);
  role('Privileged Authentication Administrator', roleTemplates.privilegedAuthenticationAdministrator, 'Can access to view, set and reset authentication method information for any user (admin or non-admin).', [megan.id]);
  role('Privileged Role Administrator', roleTemplates.privilegedRoleAdministrator, 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.', [tier0.id]);
  role('User Administrator', roleTemplates.userAdministrator, 'Can manage all aspects of users and groups, including resetting passwords for limited admins.', [alex.id, appOnlySp]);
  role('Helpdesk Administrator', roleTemplates.helpdeskAdministrator, 'Can reset passwords for non-administrators and Helpdesk Administrators.', [lynne.id]);
  role('Security Administrator', roleTemplates.securityAdministrator, 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.', [isaiah.id, syncedAdmin.id]);
  role('Exchange Administrator', roleTemplates.exchangeAdministrator, 'Can manage all aspects of the Exchange product.', [johanna.id]);
  role('Global Reader', roleTemplates.globalReader, 'Can read everything that a Global Administrator can, but not update anything.', [nestor.id]);
  role('Password Administrator', roleTemplates.passwordAdministrator, 'Can reset passwords for non-administrators and Password Administrators.', []);

  return state;
}

/** A UPN-safe alias: diacritics and non-Latin letters folded to ASCII. */
export function asciiAlias(name: string): string {
  const folded = name
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ı/g, 'i')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomGuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
