// An in-memory Security Accounts Manager for one simulated Windows computer.
// It keeps what the real SAM keeps for the questions Rekey asks: UserFlags,
// the time the password was last set (none while the user must change it),
// group membership by SID, and the password policy. The two facts the real
// SAM is known for are modelled, not scripted:
//   - "must change password" is "no last-set time", and
//   - "password never expires" silently cancels it (PasswordExpired reads 0).
import type { Clock } from '../../core/ports';

export type MachineCulture = 'en-US' | 'en-GB' | 'de-DE' | 'fr-FR' | 'es-ES';
export type PrincipalSource = 'Local' | 'MicrosoftAccount' | 'AzureAD';

export const userFlag = {
  accountDisabled: 0x2,
  passwordNotRequired: 0x20,
  passwordCannotChange: 0x40,
  normalAccount: 0x200,
  dontExpirePassword: 0x10000,
} as const;

/** Well-known local groups, by the SID that never changes; their names are per language. */
export const wellKnownGroups = {
  administrators: 'S-1-5-32-544',
  users: 'S-1-5-32-545',
  guests: 'S-1-5-32-546',
  backupOperators: 'S-1-5-32-551',
  remoteDesktopUsers: 'S-1-5-32-555',
  performanceLogUsers: 'S-1-5-32-559',
  remoteManagementUsers: 'S-1-5-32-580',
} as const;
export type WellKnownGroup = keyof typeof wellKnownGroups;

const groupNames: Record<WellKnownGroup, Record<'en' | 'de' | 'fr' | 'es', string>> = {
  administrators: { en: 'Administrators', de: 'Administratoren', fr: 'Administrateurs', es: 'Administradores' },
  users: { en: 'Users', de: 'Benutzer', fr: 'Utilisateurs', es: 'Usuarios' },
  guests: { en: 'Guests', de: 'Gäste', fr: 'Invités', es: 'Invitados' },
  backupOperators: { en: 'Backup Operators', de: 'Sicherungs-Operatoren', fr: 'Opérateurs de sauvegarde', es: 'Operadores de copia de seguridad' },
  remoteDesktopUsers: { en: 'Remote Desktop Users', de: 'Remotedesktopbenutzer', fr: 'Utilisateurs du Bureau à distance', es: 'Usuarios de escritorio remoto' },
  performanceLogUsers: { en: 'Performance Log Users', de: 'Leistungsprotokollbenutzer', fr: 'Utilisateurs du journal de performances', es: 'Usuarios del registro de rendimiento' },
  remoteManagementUsers: { en: 'Remote Management Users', de: 'Remoteverwaltungsbenutzer', fr: 'Utilisateurs de gestion à distance', es: 'Usuarios de administración remota' },
};

export function languageOf(culture: MachineCulture): 'en' | 'de' | 'fr' | 'es' {
  return culture.slice(0, 2) as 'en' | 'de' | 'fr' | 'es';
}

export interface AccountSeed {
  name: string;
  rid: number;
  fullName?: string;
  description?: string;
  enabled?: boolean;
  principalSource?: PrincipalSource;
  neverExpires?: boolean;
  cannotChangePassword?: boolean;
  passwordNotRequired?: boolean;
  /** Days since the password was set; null when the user must already change it. */
  passwordAgeDays?: number | null;
  /** Days since the last sign-in; null for never. */
  lastLogonDaysAgo?: number | null;
  groups?: WellKnownGroup[];
}

export interface SamAccount {
  name: string;
  rid: number;
  sid: string;
  fullName: string;
  description: string;
  principalSource: PrincipalSource;
  userFlags: number;
  /** ms since epoch; null = no last-set time stored = must change at next logon. */
  passwordLastSet: number | null;
  lastLogon: number | null;
}

export interface SamGroup {
  sid: string;
  name: string;
  members: Set<string>;
  /** Holds an orphaned SID, so Get-LocalGroupMember fails on it (ADSI still lists it). */
  orphanedMember?: boolean;
}

/** Ways a simulated account can make a write fail, as real ones do. */
export interface AccountFault {
  /** [ADSI] cannot bind (e.g. the WinNT provider is broken): reads and writes through ADSI throw. */
  adsiUnavailable?: boolean;
  /** Every write is refused (Access is denied), through ADSI and net user alike. */
  writesDenied?: boolean;
}

export interface SamOperation {
  at: number;
  sid: string;
  name: string;
  what: 'clear-never-expires' | 'set-password-expired';
  via: 'ADSI' | 'net user';
}

export interface MachineSeed {
  computerName: string;
  culture: MachineCulture;
  /** The domain part of every local SID on this computer, S-1-5-21-x-y-z. */
  machineSid: string;
  /** Minutes east of UTC, for the local times the computer prints. */
  utcOffsetMinutes: number;
  maxPasswordAgeDays: number | null;
  minPasswordAgeDays: number;
  accounts: AccountSeed[];
}

const day = 86_400_000;

export class SamDatabase {
  readonly computerName: string;
  readonly culture: MachineCulture;
  readonly machineSid: string;
  readonly utcOffsetMinutes: number;
  readonly maxPasswordAgeDays: number | null;
  readonly minPasswordAgeDays: number;
  readonly accounts = new Map<string, SamAccount>();
  readonly groups: SamGroup[];
  readonly faults = new Map<string, AccountFault>();
  readonly operations: SamOperation[] = [];

  constructor(
    seed: MachineSeed,
    private readonly clock: Clock,
  ) {
    this.computerName = seed.computerName;
    this.culture = seed.culture;
    this.machineSid = seed.machineSid;
    this.utcOffsetMinutes = seed.utcOffsetMinutes;
    this.maxPasswordAgeDays = seed.maxPasswordAgeDays;
    this.minPasswordAgeDays = seed.minPasswordAgeDays;
    const language = languageOf(seed.culture);
    this.groups = (Object.keys(wellKnownGroups) as WellKnownGroup[]).map((key) => ({
      sid: wellKnownGroups[key],
      name: groupNames[key][language],
      members: new Set<string>(),
    }));
    const now = clock.now();
    for (const a of seed.accounts) {
      const sid = `${seed.machineSid}-${a.rid}`;
      const flags =
        userFlag.normalAccount |
        (a.enabled === false ? userFlag.accountDisabled : 0) |
        (a.neverExpires ? userFlag.dontExpirePassword : 0) |
        (a.cannotChangePassword ? userFlag.passwordCannotChange : 0) |
        (a.passwordNotRequired ? userFlag.passwordNotRequired : 0);
      const age = a.passwordAgeDays === undefined ? 30 : a.passwordAgeDays;
      const logon = a.lastLogonDaysAgo === undefined ? 1 : a.lastLogonDaysAgo;
      this.accounts.set(sid, {
        name: a.name,
        rid: a.rid,
        sid,
        fullName: a.fullName ?? '',
        description: a.description ?? '',
        principalSource: a.principalSource ?? 'Local',
        userFlags: flags,
        passwordLastSet: age === null ? null : Math.floor((now - age * day) / 1000) * 1000,
        lastLogon: logon === null ? null : Math.floor((now - logon * day - 3_600_000) / 1000) * 1000,
      });
      for (const key of a.groups ?? ['users']) this.group(key).members.add(sid);
    }
  }

  now(): number {
    return this.clock.now();
  }

  group(key: WellKnownGroup): SamGroup {
    const group = this.groups.find((g) => g.sid === wellKnownGroups[key]);
    if (!group) throw new Error(`no group ${key}`);
    return group;
  }

  findBySid(sid: string): SamAccount | undefined {
    return this.accounts.get(sid);
  }

  /** SAM names are case-insensitive. */
  findByName(name: string): SamAccount | undefined {
    const wanted = name.toLowerCase();
    return [...this.accounts.values()].find((a) => a.name.toLowerCase() === wanted);
  }

  groupsOf(sid: string): SamGroup[] {
    return this.groups.filter((g) => g.members.has(sid));
  }

  enabled(account: SamAccount): boolean {
    return (account.userFlags & userFlag.accountDisabled) === 0;
  }

  neverExpires(account: SamAccount): boolean {
    return (account.userFlags & userFlag.dontExpirePassword) !== 0;
  }

  /** ADSI PasswordExpired: 1 when the password must be changed now; "never expires" overrides everything. */
  passwordExpired(account: SamAccount): 0 | 1 {
    if (this.neverExpires(account)) return 0;
    if (account.passwordLastSet === null) return 1;
    if (this.maxPasswordAgeDays !== null && account.passwordLastSet + this.maxPasswordAgeDays * day <= this.now()) return 1;
    return 0;
  }

  /** Get-LocalUser PasswordExpires: none when the password never expires, has no last-set time, or the policy has no maximum age. */
  passwordExpires(account: SamAccount): number | null {
    if (this.neverExpires(account) || account.passwordLastSet === null || this.maxPasswordAgeDays === null) return null;
    return account.passwordLastSet + this.maxPasswordAgeDays * day;
  }

  fault(account: SamAccount): AccountFault {
    return this.faults.get(account.sid) ?? {};
  }

  /** Make an account misbehave the way a real one can (see AccountFault). */
  injectFault(name: string, fault: AccountFault): void {
    const account = this.findByName(name);
    if (!account) throw new Error(`No account ${name} on ${this.computerName}`);
    this.faults.set(account.sid, fault);
  }

  // --- writes, as ADSI SetInfo() and net user perform them ----------------------------

  setUserFlags(account: SamAccount, flags: number, via: 'ADSI'): void {
    if (this.fault(account).writesDenied) throw new Error('Access is denied.');
    const clearing = (account.userFlags & userFlag.dontExpirePassword) !== 0 && (flags & userFlag.dontExpirePassword) === 0;
    account.userFlags = flags;
    if (clearing) this.operations.push({ at: this.now(), sid: account.sid, name: account.name, what: 'clear-never-expires', via });
  }

  /** PasswordExpired = 1 (ADSI) or /logonpasswordchg:yes (net user): the SAM forgets when the password was set. */
  expirePassword(account: SamAccount, via: 'ADSI' | 'net user'): void {
    if (this.fault(account).writesDenied) throw new Error('Access is denied.');
    account.passwordLastSet = null;
    this.operations.push({ at: this.now(), sid: account.sid, name: account.name, what: 'set-password-expired', via });
  }
}
