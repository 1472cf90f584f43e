import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windows1252High } from '../../../main/windows/code-pages';
import {
  dateOrderFromPattern,
  explainNetUser,
  parseNetUser,
  repairOemShownAsAnsi,
  type NetUserRecord,
} from '../../../main/windows/net-user';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'net-user', name), 'utf8');

const quiet: Pick<NetUserRecord, 'completed' | 'unrecognized' | 'unparsedValues'> = { completed: true, unrecognized: [], unparsedValues: [] };

const expected: Record<string, NetUserRecord> = {
  'en-US-country-region.txt': {
    language: 'en',
    countryLabel: 'country-region-code',
    encodingRepair: 'none',
    dateOrder: 'MDY',
    userName: 'jdoe',
    fullName: 'John Doe',
    comment: null,
    userComment: null,
    countryCode: '000 (System Default)',
    accountActive: true,
    lockedOut: false,
    accountExpires: null,
    passwordLastSet: '2026-11-21T14:03:04',
    passwordExpires: '2027-01-02T14:03:04',
    passwordChangeable: '2026-11-22T14:03:04',
    passwordRequired: true,
    userMayChangePassword: true,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: '2026-11-21T09:15:00',
    logonHoursAllowed: 'all',
    // "*Remote Management Use*Users": the first cell is full (21 characters), the second follows at once.
    localGroups: ['Remote Management Use', 'Users', 'Administrators'],
    globalGroups: [],
    possiblyTruncatedGroups: ['Remote Management Use'],
    ...quiet,
  },
  'en-older-country-code.txt': {
    language: 'en',
    countryLabel: 'country-code',
    encodingRepair: 'none',
    dateOrder: 'MDY',
    userName: 'Administrator',
    fullName: null,
    comment: 'Built-in account for administering the computer/domain',
    userComment: null,
    countryCode: '000 (System Default)',
    accountActive: false,
    lockedOut: false,
    accountExpires: null,
    passwordLastSet: '2011-04-12T10:31:45',
    passwordExpires: null,
    passwordChangeable: '2011-04-12T10:31:45',
    passwordRequired: true,
    userMayChangePassword: true,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: null,
    logonHoursAllowed: 'all',
    localGroups: ['Administrators'],
    globalGroups: [],
    possiblyTruncatedGroups: [],
    ...quiet,
  },
  'en-GB.txt': {
    language: 'en',
    countryLabel: 'country-region-code',
    encodingRepair: 'none',
    dateOrder: 'DMY',
    userName: "o'brien",
    fullName: "Siobhan O'Brien",
    comment: 'Front desk',
    userComment: null,
    countryCode: '000 (System Default)',
    accountActive: true,
    lockedOut: true,
    accountExpires: '2027-12-31T23:59:59',
    passwordLastSet: '2026-11-03T08:45:12',
    passwordExpires: '2026-12-15T08:45:12',
    passwordChangeable: '2026-11-04T08:45:12',
    passwordRequired: true,
    userMayChangePassword: false,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: '2026-11-20T17:02:33',
    logonHoursAllowed: ['Monday 08:00:00 - 18:00:00', 'Tuesday 08:00:00 - 18:00:00', 'Wednesday 08:00:00 - 18:00:00'],
    localGroups: ['Event Log Readers', 'Performance Log Users', 'Users'],
    globalGroups: [],
    possiblyTruncatedGroups: ['Performance Log Users'],
    ...quiet,
  },
  'de-DE.txt': {
    language: 'de',
    countryLabel: 'country-region-code',
    encodingRepair: 'none',
    dateOrder: 'DMY',
    userName: 'jürgen',
    fullName: 'Jürgen Weiß',
    comment: null,
    userComment: null,
    countryCode: '000 (Standardsystemvorgabe)',
    accountActive: true,
    lockedOut: false,
    accountExpires: null,
    passwordLastSet: '2026-11-21T14:03:04',
    passwordExpires: null,
    passwordChangeable: '2026-11-21T14:03:04',
    passwordRequired: true,
    userMayChangePassword: true,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: '2026-05-03T18:26:34',
    logonHoursAllowed: ['Sonntag 13:00:00 - 19:00:00', 'Montag 13:00:00 - 15:00:00'],
    localGroups: ['Benutzer', 'Remotedesktopbenutzer'],
    globalGroups: [],
    possiblyTruncatedGroups: ['Remotedesktopbenutzer'],
    ...quiet,
  },
  'de-DE-cp850-shown-as-1252.txt': {
    language: 'de',
    countryLabel: 'country-region-code',
    encodingRepair: 'oem-shown-as-ansi',
    dateOrder: 'DMY',
    userName: 'lena.müller',
    fullName: 'Lena Müller',
    comment: null,
    userComment: null,
    countryCode: '000 (Standardsystemvorgabe)',
    accountActive: false,
    lockedOut: false,
    accountExpires: null,
    passwordLastSet: '2025-02-28T19:37:09',
    passwordExpires: '2025-04-11T19:37:09',
    passwordChangeable: '2025-02-28T19:37:09',
    passwordRequired: false,
    userMayChangePassword: true,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: null,
    logonHoursAllowed: 'all',
    localGroups: ['Benutzer'],
    globalGroups: [],
    possiblyTruncatedGroups: [],
    ...quiet,
  },
  'fr-FR.txt': {
    language: 'fr',
    countryLabel: 'country-region-code',
    encodingRepair: 'none',
    dateOrder: 'DMY',
    userName: 'Zoë',
    fullName: 'Zoë Lefèvre',
    comment: null,
    userComment: null,
    countryCode: '000 (Valeur par défaut du système)',
    accountActive: true,
    lockedOut: false,
    accountExpires: null,
    passwordLastSet: '2026-07-29T01:15:48',
    passwordExpires: null,
    passwordChangeable: '2026-07-29T01:15:48',
    passwordRequired: true,
    userMayChangePassword: true,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: '2026-11-20T08:01:10',
    logonHoursAllowed: 'all',
    localGroups: ['Administrateurs', 'Utilisateurs', 'Utilisateurs du journ'],
    globalGroups: [],
    possiblyTruncatedGroups: ['Utilisateurs du journ'],
    ...quiet,
  },
  'es-ES.txt': {
    language: 'es',
    countryLabel: 'country-region-code',
    encodingRepair: 'none',
    dateOrder: 'DMY',
    userName: 'Łukasz',
    fullName: 'Łukasz Nowak',
    comment: null,
    userComment: null,
    countryCode: '000 (Predeterminado por el equipo)',
    accountActive: true,
    lockedOut: false,
    accountExpires: null,
    passwordLastSet: '2026-10-05T09:07:30',
    passwordExpires: '2026-11-16T09:07:30',
    passwordChangeable: '2026-10-06T09:07:30',
    passwordRequired: true,
    userMayChangePassword: true,
    workstationsAllowed: 'all',
    logonScript: null,
    userProfile: null,
    homeDirectory: null,
    lastLogon: '2026-11-19T16:44:02',
    logonHoursAllowed: 'all',
    localGroups: ['Administradores', 'Usuarios'],
    globalGroups: [],
    possiblyTruncatedGroups: [],
    ...quiet,
  },
};

describe('parseNetUser on real-shaped captures', () => {
  it.each(Object.keys(expected))('%s', (name) => {
    expect(parseNetUser(fixture(name))).toEqual(expected[name]);
  });

  it('the fixtures are what they claim: CRLF, padded labels, 22-character group cells, typography', () => {
    const us = fixture('en-US-country-region.txt');
    expect(us.split('\r\n').length).toBeGreaterThan(20);
    expect(us).not.toMatch(/[^\r]\n/);
    expect(us).toContain('Comment                      \r\n');
    expect(us).toContain('Local Group Memberships      *Remote Management Use*Users                \r\n');
    const fr = fixture('fr-FR.txt');
    expect(fr).toContain('Compte\u202F: actif');
    expect(fr).toContain('Mot de passe\u00A0: dernier changmt.');
    expect(fr).toContain('Nom d’utilisateur');
    const garbled = fixture('de-DE-cp850-shown-as-1252.txt');
    expect(garbled).toContain('Kennwort l„uft ab');
    expect(garbled).toContain('Vollst„ndiger Name');
    expect(garbled).toContain('ausgef\u0081hrt');
  });
});

describe('reading details', () => {
  it('reads straight apostrophes and plain spaces in French labels as well as the typographic ones', () => {
    const plain = fixture('fr-FR.txt').replace(/’/g, "'").replace(/[\u202F\u00A0]/g, ' ');
    expect(parseNetUser(plain)).toEqual(expected['fr-FR.txt']);
  });

  it('reads "Ultimo" without its accent, as older Spanish Windows prints it', () => {
    const old = fixture('es-ES.txt').replace('Último cambio', 'Ultimo cambio').replace('Última sesión', 'Ultima sesión');
    expect(parseNetUser(old).passwordLastSet).toBe('2026-10-05T09:07:30');
    expect(parseNetUser(old).lastLogon).toBe('2026-11-19T16:44:02');
  });

  it('repairs UTF-8 text that was shown as Windows-1252 (or as Latin-1)', () => {
    const bytes = [...Buffer.from(fixture('de-DE.txt'), 'utf8')];
    const asWindows1252 = bytes.map((b) => (b >= 0x80 ? (windows1252High[b - 0x80] ?? '') : String.fromCharCode(b))).join('');
    expect(asWindows1252).toContain('VollstÃ¤ndiger Name');
    expect(asWindows1252).toContain('WeiÃŸ');
    for (const garbled of [asWindows1252, Buffer.from(bytes).toString('latin1')]) {
      const record = parseNetUser(garbled);
      expect(record.encodingRepair).toBe('utf8-shown-as-ansi');
      expect(record.fullName).toBe('Jürgen Weiß');
    }
  });

  it('repairs CP850 shown as Windows-1252 character by character, and refuses text 1252 could not have shown', () => {
    expect(repairOemShownAsAnsi('Kennwort l„uft ab')).toBe('Kennwort läuft ab');
    expect(repairOemShownAsAnsi('Benutzer kann Kennwort „ndern')).toBe('Benutzer kann Kennwort ändern');
    expect(repairOemShownAsAnsi('漢字')).toBeNull();
  });

  it('uses the computer culture when the dates alone cannot tell day from month', () => {
    const ambiguous = fixture('en-GB.txt').replace('31/12/2027 23:59:59', '01/12/2027 23:59:59').replace('15/12/2026', '05/12/2026').replace('20/11/2026', '10/11/2026');
    expect(parseNetUser(ambiguous).passwordLastSet).toBe('2026-11-03T08:45:12');
    expect(parseNetUser(ambiguous, { dateOrder: 'MDY' }).passwordLastSet).toBe('2026-03-11T08:45:12');
    expect(dateOrderFromPattern('M/d/yyyy')).toBe('MDY');
    expect(dateOrderFromPattern('dd.MM.yyyy')).toBe('DMY');
    expect(dateOrderFromPattern("yyyy'-'MM'-'dd")).toBe('YMD');
  });

  it('turns 12 AM and 12 PM into 00 and 12 hours', () => {
    const text = fixture('en-US-country-region.txt').replace('11/21/2026 2:03:04 PM', '11/21/2026 12:03:04 AM').replace('11/21/2026 9:15:00 AM', '11/21/2026 12:15:00 PM');
    const record = parseNetUser(text);
    expect(record.passwordLastSet).toBe('2026-11-21T00:03:04');
    expect(record.lastLogon).toBe('2026-11-21T12:15:00');
  });

  it('says what it could not read instead of guessing', () => {
    const text = fixture('en-US-country-region.txt').replace('11/21/2026 9:15:00 AM', 'yesterday-ish').replace('Password required            Yes', 'Password required            Perhaps');
    const record = parseNetUser(text);
    expect(record.lastLogon).toBeNull();
    expect(record.passwordRequired).toBeNull();
    expect(record.unparsedValues).toEqual([
      { field: 'passwordRequired', value: 'Perhaps' },
      { field: 'lastLogon', value: 'yesterday-ish' },
    ]);
  });

  it('keeps lines it does not know, such as the domain notice, and notices a missing closing line', () => {
    const text = `The request will be processed at a domain controller for domain corp.com.\r\n\r\n${fixture('en-older-country-code.txt').replace('The command completed successfully.', '')}`;
    const record = parseNetUser(text);
    expect(record.userName).toBe('Administrator');
    expect(record.unrecognized).toEqual(['The request will be processed at a domain controller for domain corp.com.']);
    expect(record.completed).toBe(false);
  });

  it('reads an error from net user as no account at all', () => {
    const record = parseNetUser('The user name could not be found.\r\n\r\nMore help is available by typing NET HELPMSG 2221.\r\n');
    expect(record.userName).toBeNull();
    expect(record.language).toBeNull();
    expect(explainNetUser(record)).toEqual(['This is not a net user account listing: no "User name" line was found, so nothing can be read from it.']);
  });
});

describe('explainNetUser', () => {
  it('is honest that net user cannot show "must change password at next logon"', () => {
    for (const name of Object.keys(expected)) {
      const sentences = explainNetUser(parseNetUser(fixture(name)));
      expect(sentences.some((s) => s.includes('net user has no line for "User must change password at next logon"') && s.includes('ADSI'))).toBe(true);
    }
  });

  it('explains the helpdesk-relevant facts of one account in plain sentences', () => {
    const sentences = explainNetUser(parseNetUser(fixture('en-GB.txt')));
    expect(sentences).toContain("Account o'brien (Siobhan O'Brien), read from English net user output.");
    expect(sentences).toContain('The account is enabled but locked out after too many wrong passwords.');
    expect(sentences).toContain('The account itself expires on 2027-12-31 at 23:59:59.');
    expect(sentences).toContain('The password was last set on 2026-11-03 at 08:45:12 (this computer\'s local time).');
    expect(sentences).toContain('The user is not allowed to change the password, so if the account must change it at next logon, the user cannot sign in until an administrator sets a new one.');
    expect(sentences).toContain('"Performance Log Users" is 21 characters, the most net user prints for a group, so the real group name may be longer.');
  });

  it('says a "Never" expiry does not tell "password never expires" from an unlimited policy', () => {
    const sentences = explainNetUser(parseNetUser(fixture('de-DE.txt')));
    expect(sentences.some((s) => s.startsWith('"Password expires: Never" means either "Password never expires" is set on the account or the policy sets no maximum age'))).toBe(true);
  });

  it('mentions the repaired code page', () => {
    expect(explainNetUser(parseNetUser(fixture('de-DE-cp850-shown-as-1252.txt')))[0]).toBe(
      'Account lena.müller (Lena Müller), read from German net user output, repaired because it was shown in the wrong code page (OEM text read as Windows-1252).',
    );
  });

  it('treats a last-set time equal to the moment of reading as a hint of the flag, never as proof', () => {
    const record = parseNetUser(fixture('en-US-country-region.txt'));
    const hint = explainNetUser(record, { readAt: '2026-11-21T14:03:30' }).find((s) => s.startsWith('"Password last set" is the moment this was read'));
    expect(hint).toContain('does not prove it');
    expect(explainNetUser(record, { readAt: '2026-11-25T10:00:00' }).some((s) => s.startsWith('"Password last set" is the moment'))).toBe(false);
  });
});
