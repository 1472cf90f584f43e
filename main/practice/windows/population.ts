// The practice computers: this workstation and a few remote hosts, with the
// accounts a real estate has. Built-ins carry their translated names (the French
// host's Guest is "Invité", the German one's is "Gast") and are recognised by
// RID; there is a service account whose password never expires, disabled
// accounts, a Microsoft-account user, names with apostrophes and non-ASCII
// letters, a user who may not change the password, a workgroup host that needs
// a credential, and one host that is switched off.
import type { Clock } from '../../core/ports';
import type { AccountSeed, MachineCulture } from './sam';
import { SimulatedNetwork, type ComputerSeed } from './simulated-host';

const builtIns = (culture: MachineCulture): AccountSeed[] => {
  const names: Record<MachineCulture, [string, string]> = {
    'en-US': ['Administrator', 'Guest'],
    'en-GB': ['Administrator', 'Guest'],
    'de-DE': ['Administrator', 'Gast'],
    'fr-FR': ['Administrateur', 'Invité'],
    'es-ES': ['Administrador', 'Invitado'],
  };
  const [admin, guest] = names[culture];
  return [
    { name: admin, rid: 500, enabled: false, description: 'Built-in account for administering the computer/domain', passwordAgeDays: 400, lastLogonDaysAgo: null, groups: ['administrators'] },
    { name: guest, rid: 501, enabled: false, passwordNotRequired: true, cannotChangePassword: true, neverExpires: true, passwordAgeDays: null, lastLogonDaysAgo: null, groups: ['guests'] },
    { name: 'DefaultAccount', rid: 503, enabled: false, passwordNotRequired: true, neverExpires: true, passwordAgeDays: null, lastLogonDaysAgo: null, groups: [] },
    { name: 'WDAGUtilityAccount', rid: 504, enabled: false, passwordAgeDays: 400, lastLogonDaysAgo: null, groups: [] },
  ];
};

export const practiceIdentity = {
  /** The operator running Rekey on this (domain-joined) computer; Kerberos takes it to domain hosts. */
  domain: { name: 'CONTOSO\\helpdesk.ops', sid: 'S-1-5-21-1004336348-1177238915-682003330-1107' },
  /** The local administrator of the workgroup host, typed in as a credential. */
  workgroup: { userName: 'MADRID-WS07\\rekey-admin', password: 'Práctica-2026!' },
};

export const thisComputerSeed: ComputerSeed = {
  computerName: 'WS-ADMIN01',
  culture: 'en-US',
  machineSid: 'S-1-5-21-3623811015-3361044348-30300820',
  utcOffsetMinutes: -300,
  maxPasswordAgeDays: 42,
  minPasswordAgeDays: 1,
  accounts: [
    ...builtIns('en-US'),
    { name: 'sam.admin', rid: 1001, fullName: 'Sam Rivera', groups: ['administrators', 'users'], passwordAgeDays: 12, lastLogonDaysAgo: 0 },
    { name: "o'brien", rid: 1002, fullName: "Siobhan O'Brien", groups: ['users', 'remoteDesktopUsers'], passwordAgeDays: 20 },
    { name: 'Zoë', rid: 1003, fullName: 'Zoë Martin', groups: ['users'], passwordAgeDays: 5 },
    { name: 'Łukasz', rid: 1004, fullName: 'Łukasz Kowalczyk', groups: ['users', 'remoteManagementUsers'], passwordAgeDays: 33 },
    { name: 'svc-backup', rid: 1005, fullName: 'Backup service', description: 'Runs the nightly backup job', neverExpires: true, groups: ['backupOperators'], passwordAgeDays: 700, lastLogonDaysAgo: 0 },
    { name: 'kiosk', rid: 1006, fullName: 'Lobby kiosk', enabled: false, groups: ['users'], passwordAgeDays: 90, lastLogonDaysAgo: 60 },
    { name: 'maria', rid: 1007, fullName: 'María García', principalSource: 'MicrosoftAccount', groups: ['administrators', 'users'], passwordAgeDays: 3 },
    { name: 'temp.contractor', rid: 1008, fullName: 'Temporary contractor', cannotChangePassword: true, groups: ['users'], passwordAgeDays: 8, lastLogonDaysAgo: 2 },
  ],
};

const domainAccess = {
  kerberos: true,
  httpsListener: true,
  admins: [{ userName: practiceIdentity.domain.name, sid: practiceIdentity.domain.sid }],
};

export const remoteSeeds: { seed: ComputerSeed; aliases: string[] }[] = [
  {
    aliases: ['paris-fs01.contoso.local', '10.20.1.15'],
    seed: {
      computerName: 'PARIS-FS01',
      culture: 'fr-FR',
      machineSid: 'S-1-5-21-2875460203-1234419751-3219874415',
      utcOffsetMinutes: 60,
      maxPasswordAgeDays: 90,
      minPasswordAgeDays: 0,
      access: domainAccess,
      accounts: [
        ...builtIns('fr-FR'),
        { name: 'amélie', rid: 1001, fullName: 'Amélie Durand', groups: ['users'], passwordAgeDays: 14 },
        { name: 'gérard.dupont', rid: 1002, fullName: 'Gérard Dupont', groups: ['users', 'performanceLogUsers'], passwordAgeDays: 61 },
        { name: 'svc-sauvegarde', rid: 1003, fullName: 'Service de sauvegarde', neverExpires: true, groups: ['backupOperators'], passwordAgeDays: 800 },
        { name: "d'artagnan", rid: 1004, fullName: "Charles d'Artagnan", groups: ['administrators'], passwordAgeDays: 2 },
      ],
    },
  },
  {
    aliases: ['berlin-app02.contoso.local'],
    seed: {
      computerName: 'BERLIN-APP02',
      culture: 'de-DE',
      machineSid: 'S-1-5-21-1441178322-2953627491-4175539282',
      utcOffsetMinutes: 60,
      maxPasswordAgeDays: 42,
      minPasswordAgeDays: 1,
      access: domainAccess,
      accounts: [
        ...builtIns('de-DE'),
        { name: 'jürgen', rid: 1001, fullName: 'Jürgen Weiß', groups: ['users', 'remoteDesktopUsers'], passwordAgeDays: 9 },
        { name: 'lena.müller', rid: 1002, fullName: 'Lena Müller', enabled: false, groups: ['users'], passwordAgeDays: 200, lastLogonDaysAgo: 150 },
        { name: 'svc-druck', rid: 1003, fullName: 'Druckdienst', neverExpires: true, groups: ['users'], passwordAgeDays: 1200 },
      ],
    },
  },
  {
    aliases: ['10.30.0.7'],
    seed: {
      computerName: 'MADRID-WS07',
      culture: 'es-ES',
      machineSid: 'S-1-5-21-609314822-2731441125-1680327915',
      utcOffsetMinutes: 60,
      maxPasswordAgeDays: 42,
      minPasswordAgeDays: 0,
      access: {
        kerberos: false,
        httpsListener: true,
        localAccountTokenFilterPolicy: true,
        admins: [{ userName: 'rekey-admin', password: practiceIdentity.workgroup.password, localRid: 1001 }],
      },
      accounts: [
        ...builtIns('es-ES'),
        { name: 'rekey-admin', rid: 1001, fullName: 'Cuenta de Rekey', groups: ['administrators'], passwordAgeDays: 30 },
        { name: 'josé', rid: 1002, fullName: 'José Núñez', groups: ['users'], passwordAgeDays: 25 },
        { name: 'łukasz.n', rid: 1003, fullName: 'Łukasz Nowak', groups: ['users'], passwordAgeDays: 4 },
      ],
    },
  },
  {
    aliases: ['london-kiosk3.contoso.local'],
    seed: {
      computerName: 'LONDON-KIOSK3',
      culture: 'en-GB',
      machineSid: 'S-1-5-21-3890135591-1170214155-2870101264',
      utcOffsetMinutes: 0,
      maxPasswordAgeDays: 42,
      minPasswordAgeDays: 0,
      access: domainAccess,
      reachability: 'offline',
      accounts: [...builtIns('en-GB'), { name: 'kiosk', rid: 1001, groups: ['users'] }],
    },
  },
];

/** The whole practice estate, freshly seeded. */
export function practiceNetwork(clock: Clock): SimulatedNetwork {
  const local = SimulatedNetwork.computer(thisComputerSeed, clock);
  const network = new SimulatedNetwork(local, { name: practiceIdentity.domain.name, sid: practiceIdentity.domain.sid }, clock);
  for (const { seed, aliases } of remoteSeeds) network.addComputer(SimulatedNetwork.computer(seed, clock), ...aliases);
  return network;
}
