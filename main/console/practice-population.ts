// How many practice accounts each stand-in gets. Without a number the
// stand-ins keep their own realistic seeds (about 560 accounts). With one
// (the benchmark asks for 50,000), 2% go to extra simulated Windows
// computers of 100 accounts each, 20% to the Okta org and the rest to the
// Entra tenant (both take a size when seeded). Okta gets the smaller share
// because its stand-in answers each page of a listing in time proportional
// to the whole org, so a listing costs the square of its size, and all the
// stand-ins share this process's one thread.
import type { Clock } from '../core/ports';
import { practiceIdentity, remoteSeeds } from '../practice/windows/population';
import type { AccountSeed, MachineCulture } from '../practice/windows/sam';
import { SimulatedNetwork, type ComputerSeed } from '../practice/windows/simulated-host';

/** Accounts the Graph seed adds besides its ordinary users (the named operators and the break-glass account). */
const entraNamedAccounts = 10;
/** Default ordinary users of each stand-in's own seed. */
const defaultSeedUsers = 260;
const windowsShare = 0.02;
const oktaShare = 0.2;
const accountsPerExtraHost = 100;

/** The practice Windows computers the practice connection reaches (domain-joined ones answer; the others fail the way real ones do). */
export const practiceHostNames: string[] = remoteSeeds.map((r) => r.seed.computerName);

/** Accounts the practice computers list when reached with the current identity. */
export function baseWindowsAccounts(): number {
  return remoteSeeds.filter((r) => r.seed.access?.kerberos !== false && r.seed.reachability !== 'offline').reduce((sum, r) => sum + r.seed.accounts.length, 0);
}

export interface PracticePopulation {
  /** Ordinary users for the Graph seed (userCount). */
  entraUsers: number;
  /** Users for the Okta seed. */
  oktaUsers: number;
  /** Extra simulated computers and their account counts. */
  extraHosts: Array<{ name: string; accounts: number }>;
  /** Accounts the three directories list in total. */
  expectedTotal: number;
}

export function practicePopulation(total?: number): PracticePopulation {
  const windowsBase = baseWindowsAccounts();
  if (total === undefined) {
    return { entraUsers: defaultSeedUsers, oktaUsers: defaultSeedUsers, extraHosts: [], expectedTotal: defaultSeedUsers + entraNamedAccounts + defaultSeedUsers + windowsBase };
  }
  if (!Number.isInteger(total) || total < 100 || total > 500_000) throw new Error('The practice population must be a whole number of accounts between 100 and 500,000.');
  // Each extra computer also has its 4 built-in accounts (Administrator, Guest, DefaultAccount, WDAGUtilityAccount).
  const windowsExtra = Math.round(total * windowsShare);
  const extraHosts: PracticePopulation['extraHosts'] = [];
  for (let left = windowsExtra, n = 1; left > 0; n++) {
    const users = Math.min(accountsPerExtraHost, left);
    extraHosts.push({ name: `LAB-WS${String(n).padStart(3, '0')}`, accounts: users + 4 });
    left -= users;
  }
  const windowsTotal = windowsBase + extraHosts.reduce((sum, h) => sum + h.accounts, 0);
  const rest = Math.max(0, total - windowsTotal);
  const oktaUsers = Math.max(12, Math.round(total * oktaShare));
  const entraUsers = Math.max(1, rest - oktaUsers - entraNamedAccounts);
  return { entraUsers, oktaUsers, extraHosts, expectedTotal: entraUsers + entraNamedAccounts + oktaUsers + windowsTotal };
}

const cultures: MachineCulture[] = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'en-GB'];
const builtInNames: Record<MachineCulture, [string, string]> = {
  'en-US': ['Administrator', 'Guest'],
  'en-GB': ['Administrator', 'Guest'],
  'de-DE': ['Administrator', 'Gast'],
  'fr-FR': ['Administrateur', 'Invité'],
  'es-ES': ['Administrador', 'Invitado'],
};
const givenNames = ['anna', 'björn', 'chloé', 'dmitri', 'elif', 'françois', 'grace', 'hiroshi', 'inês', 'jürgen', 'kwame', 'łucja', 'mateo', 'noor', 'oskar', 'priya', 'rafael', 'søren', 'tomás', 'yuki', 'zoë'];

/** A lab computer in the practice domain: built-ins by RID, ordinary users, a few admins, services and disabled accounts. */
export function extraHostSeed(name: string, accounts: number, index: number): ComputerSeed {
  const culture = cultures[index % cultures.length] as MachineCulture;
  const [admin, guest] = builtInNames[culture];
  const seeds: AccountSeed[] = [
    { name: admin, rid: 500, enabled: false, passwordAgeDays: 400, lastLogonDaysAgo: null, groups: ['administrators'] },
    { name: guest, rid: 501, enabled: false, passwordNotRequired: true, cannotChangePassword: true, neverExpires: true, passwordAgeDays: null, lastLogonDaysAgo: null, groups: ['guests'] },
    { name: 'DefaultAccount', rid: 503, enabled: false, passwordNotRequired: true, neverExpires: true, passwordAgeDays: null, lastLogonDaysAgo: null, groups: [] },
    { name: 'WDAGUtilityAccount', rid: 504, enabled: false, passwordAgeDays: 400, lastLogonDaysAgo: null, groups: [] },
  ];
  for (let i = 0; i < accounts - 4; i++) {
    const given = givenNames[(i + index) % givenNames.length] as string;
    const service = i % 30 === 29;
    seeds.push({
      name: service ? `svc-lab${i}` : `${given}.${i}`,
      rid: 1001 + i,
      fullName: service ? `Lab service ${i}` : `${given.charAt(0).toUpperCase()}${given.slice(1)} ${i}`,
      enabled: i % 40 !== 39,
      neverExpires: service,
      groups: i % 25 === 0 ? ['administrators', 'users'] : ['users'],
      passwordAgeDays: 1 + ((i * 7) % 90),
      lastLogonDaysAgo: i % 17 === 3 ? null : (i * 3) % 30,
    });
  }
  return {
    computerName: name,
    culture,
    machineSid: `S-1-5-21-${1_000_000_000 + index * 7919}-${2_000_000_000 + index * 104_729}-${3_000_000_000 + index * 1_299_709}`,
    utcOffsetMinutes: 60,
    maxPasswordAgeDays: 42,
    minPasswordAgeDays: 1,
    access: { kerberos: true, httpsListener: true, admins: [{ userName: practiceIdentity.domain.name, sid: practiceIdentity.domain.sid }] },
    accounts: seeds,
  };
}

/** Add the extra lab computers to a practice network. */
export function addExtraHosts(network: SimulatedNetwork, hosts: PracticePopulation['extraHosts'], clock: Clock): void {
  hosts.forEach((host, index) => network.addComputer(SimulatedNetwork.computer(extraHostSeed(host.name, host.accounts, index), clock), `${host.name.toLowerCase()}.contoso.local`));
}
