// A realistic org for practice and tests: a few hundred people with every user
// status, Active Directory-mastered and federated users, non-ASCII names,
// departments as groups, admins holding roles directly and through groups, and
// an API token belonging to a super admin. Deterministic for a given seed.
import { OrgState, type ProviderType, type RoleType, type StandinUser, type UserStatus } from './state';

export interface SeedOptions {
  users?: number;
  seed?: number;
  /** Epoch ms the org's timestamps are relative to. */
  now?: number;
}

export interface SeededOrg {
  state: OrgState;
  /** SSWS token of the org's first super admin. */
  apiToken: string;
  superAdmin: StandinUser;
}

/** Small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Isaac', 'Amara', 'José', 'Zoë', 'Łukasz', 'Søren', 'Chloé', 'Björn', 'Ana Lúcia', 'François', 'Dmitri', 'Ngozi', 'Mateo', 'Yuki',
  'Priya', 'Oluwaseun', 'Émilie', 'Jürgen', 'Siobhán', 'Nguyễn', 'Fatima', 'Kwame', 'Ingrid', 'Rafael', 'Aisling', 'Hiroshi', 'Leïla',
  'Tomás', 'Małgorzata', 'Ólafur', 'Sven', 'Camille', 'Wei', 'Ravi', 'Grace', 'Omar', 'Hana', 'Lars', 'Beatriz', 'Noah',
];
const lastNames = [
  'Brock', 'Okafor', 'Álvarez', 'Müller', 'Wiśniewski', 'Ødegård', 'Lefèvre', 'Järvinen', 'Conceição', 'Dubois', 'Ivanov', 'Adeyemi',
  'García', 'Tanaka', 'Raman', 'Bankole', 'Lambert', 'Groß', 'Ó Briain', 'Văn An', 'Haddad', 'Mensah', 'Solberg', 'Peña', 'Ní Bhriain',
  'Sato', 'Benali', 'Herrera', 'Kowalczyk', 'Guðmundsson', 'Lindqvist', 'Moreau', 'Zhang', 'Iyer', 'Hopper', 'Farouk', 'Kim', 'Nilsen',
  'Rocha', 'Cohen',
];
const departments = ['Engineering', 'Sales', 'Finance', 'Human Resources', 'Support', 'IT Operations', 'Marketing', 'Legal'];
const titles = ['Engineer', 'Analyst', 'Manager', 'Specialist', 'Director', 'Associate', 'Coordinator'];

/** Status mix of a real workforce org (most people active, a tail of everything else). */
const statusWeights: [UserStatus, number][] = [
  ['ACTIVE', 70], ['PROVISIONED', 6], ['PASSWORD_EXPIRED', 5], ['SUSPENDED', 4], ['DEPROVISIONED', 6], ['LOCKED_OUT', 3], ['STAGED', 4], ['RECOVERY', 2],
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: () => number, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function asciiLocalPart(first: string, last: string): string {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ß/g, 'ss').replace(/ð/g, 'd').replace(/Ð/g, 'D')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${fold(first)}.${fold(last)}`;
}

export function seedOrg(options: SeedOptions = {}): SeededOrg {
  const random = seededRandom(options.seed ?? 6);
  const state = new OrgState(random);
  const now = options.now ?? Date.now();
  const day = 86_400_000;
  const at = (daysAgo: number) => new Date(now - Math.round(daysAgo * day)).toISOString().replace(/\.\d{3}Z$/, '.000Z');

  const created = at(1200);
  const everyone = state.addGroup({ type: 'BUILT_IN', name: 'Everyone', description: 'All users in your organization', created, lastUpdated: created, lastMembershipUpdated: at(1) });
  const departmentGroups = new Map(
    departments.map((name) => [name, state.addGroup({ type: 'OKTA_GROUP', name, description: `${name} department`, created, lastUpdated: created, lastMembershipUpdated: at(3) })]),
  );
  const domainUsers = state.addGroup({ type: 'APP_GROUP', name: 'Domain Users (corp.example.com)', description: 'Imported from Active Directory', created, lastUpdated: created, lastMembershipUpdated: at(2) });
  const oktaAdmins = state.addGroup({ type: 'OKTA_GROUP', name: 'Okta Admins', description: 'Organization administrators', created, lastUpdated: created, lastMembershipUpdated: at(30) });
  const helpDesk = state.addGroup({ type: 'OKTA_GROUP', name: 'Help Desk', description: 'First-line support', created, lastUpdated: created, lastMembershipUpdated: at(10) });
  const contractors = state.addGroup({ type: 'OKTA_GROUP', name: 'Contractors', description: 'External staff', created, lastUpdated: created, lastMembershipUpdated: at(5) });
  state.assignRole('ORG_ADMIN', { kind: 'GROUP', id: oktaAdmins.id }, at(400));
  state.assignRole('HELP_DESK_ADMIN', { kind: 'GROUP', id: helpDesk.id }, at(300));

  const usedLogins = new Set<string>();
  const count = Math.max(options.users ?? 260, 12);
  const users: StandinUser[] = [];
  for (let index = 0; index < count; index++) {
    const first = firstNames[index % firstNames.length]!;
    const last = lastNames[Math.floor(index / firstNames.length + index * 7) % lastNames.length]!;
    // The first accounts are the org's admins: keep them active and Okta-mastered.
    const status: UserStatus = index < 12 ? 'ACTIVE' : weighted(random, statusWeights);
    const provider: ProviderType = index < 12 ? 'OKTA' : weighted(random, [['OKTA', 70], ['ACTIVE_DIRECTORY', 22], ['LDAP', 3], ['FEDERATION', 5]] as [ProviderType, number][]);
    let local = asciiLocalPart(first, last);
    for (let n = 2; usedLogins.has(local); n++) local = `${asciiLocalPart(first, last)}${n}`;
    usedLogins.add(local);
    const domain = provider === 'ACTIVE_DIRECTORY' ? 'corp.example.com' : 'example.com';
    const createdDaysAgo = 30 + random() * 1100;
    const activated = status === 'STAGED' ? null : at(createdDaysAgo - 1);
    const neverSignedIn = status === 'STAGED' || status === 'PROVISIONED' || random() < 0.05;
    const department = pick(random, departments);
    const user = state.addUser({
      status,
      created: at(createdDaysAgo),
      activated,
      statusChanged: status === 'STAGED' ? null : at(random() * 60),
      lastLogin: neverSignedIn ? null : at(random() * 20),
      lastUpdated: at(random() * 15),
      passwordChanged: status === 'STAGED' || status === 'PROVISIONED' || provider === 'FEDERATION' ? null : at(random() * 200),
      profile: {
        firstName: first,
        lastName: last,
        email: `${local}@${domain}`,
        login: `${local}@${domain}`,
        displayName: `${first} ${last}`,
        department,
        title: `${department} ${pick(random, titles)}`,
      },
      provider: provider === 'ACTIVE_DIRECTORY' ? { type: provider, name: 'corp.example.com' } : provider === 'LDAP' ? { type: provider, name: 'ldap.example.com' } : provider === 'FEDERATION' ? { type: provider, name: 'FEDERATION' } : { type: provider, name: 'OKTA' },
      sessions: status === 'ACTIVE' || status === 'PASSWORD_EXPIRED' ? 1 + Math.floor(random() * 3) : 0,
      oauthTokens: status === 'ACTIVE' ? Math.floor(random() * 4) : 0,
      rememberedDevices: Math.floor(random() * 3),
    });
    users.push(user);
    if (status !== 'DEPROVISIONED') state.addMember(everyone.id, user.id);
    state.addMember(departmentGroups.get(department)!.id, user.id);
    if (provider === 'ACTIVE_DIRECTORY') state.addMember(domainUsers.id, user.id);
    if (random() < 0.08) state.addMember(contractors.id, user.id);
  }

  const direct: [number, RoleType][] = [[0, 'SUPER_ADMIN'], [1, 'SUPER_ADMIN'], [2, 'ORG_ADMIN'], [3, 'USER_ADMIN'], [4, 'USER_ADMIN'], [5, 'READ_ONLY_ADMIN'], [6, 'REPORT_ADMIN'], [7, 'APP_ADMIN']];
  for (const [index, role] of direct) state.assignRole(role, { kind: 'USER', id: users[index]!.id }, at(500 - index));
  for (const index of [8, 9]) state.addMember(oktaAdmins.id, users[index]!.id);
  for (const index of [10, 11]) state.addMember(helpDesk.id, users[index]!.id);

  const superAdmin = users[0]!;
  const apiToken = state.issueApiToken(superAdmin.id, 'Rekey practice token').token;
  return { state, apiToken, superAdmin };
}
