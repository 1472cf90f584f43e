// Reading `net user NAME` as Windows prints it, in English (both the older
// "Country code" and the newer "Country/region code" wording), German, French
// and Spanish: CRLF lines, labels padded to a fixed column, values continued on
// indented lines, group names packed into 22-character cells (a "*" and at most
// 21 characters, so "*Remote Management Use*Users" is two groups, the first one
// truncated), French typography (’ and non-breaking spaces before colons), and
// text that went through the wrong code page (CP850 bytes shown as
// Windows-1252: "Kennwort l„uft ab"), which is repaired.
//
// Pure: no Node imports, so the renderer could use it too.
//
// What net user can and cannot prove: it has NO line for "User must change
// password at next logon". That flag is read with ADSI (PasswordExpired); this
// text is kept as evidence a helpdesk can read. See explainNetUser.
//
// What was found about a flagged account (research notes): the flag is stored
// as "no last-set time" (SAM PasswordLastSet = 0, like pwdLastSet = 0 in AD);
// PowerShell's LocalAccounts code (Sam.cs, DateTimeFromSam) turns 0 into an
// empty Get-LocalUser PasswordLastSet, which Rekey uses as a cross-check.
// net.exe derives "Password last set" from NetUserGetInfo's password age, and
// no primary source or capture was found of what it prints when no last-set
// time is stored; it appears to print the time of the command. Rekey therefore
// treats such a value as a hint only and never derives "must change" from
// net user.
import { cp850High, windows1252High } from './code-pages';

export type NetUserLanguage = 'en' | 'de' | 'fr' | 'es';
export type DateOrder = 'MDY' | 'DMY' | 'YMD';
export type EncodingRepair = 'none' | 'oem-shown-as-ansi' | 'utf8-shown-as-ansi';

export interface NetUserRecord {
  language: NetUserLanguage | null;
  /** English only: which wording of the country line the output used (tells older from newer Windows). */
  countryLabel: 'country-code' | 'country-region-code' | null;
  encodingRepair: EncodingRepair;
  dateOrder: DateOrder;
  userName: string | null;
  fullName: string | null;
  comment: string | null;
  userComment: string | null;
  countryCode: string | null;
  /** "Account active"; true also when the account is locked out (it is enabled, but locked). */
  accountActive: boolean | null;
  lockedOut: boolean;
  /** Local date-times "YYYY-MM-DDTHH:mm:ss" (the computer's own clock, no offset); null for Never. */
  accountExpires: string | null;
  passwordLastSet: string | null;
  passwordExpires: string | null;
  passwordChangeable: string | null;
  passwordRequired: boolean | null;
  userMayChangePassword: boolean | null;
  workstationsAllowed: 'all' | string[];
  logonScript: string | null;
  userProfile: string | null;
  homeDirectory: string | null;
  lastLogon: string | null;
  logonHoursAllowed: 'all' | string[];
  localGroups: string[];
  globalGroups: string[];
  /** Group names exactly 21 characters long: net user may have cut them. */
  possiblyTruncatedGroups: string[];
  /** The "command completed successfully" line was present. */
  completed: boolean;
  /** Lines that are neither a known label, a continuation nor the closing line. */
  unrecognized: string[];
  /** Values that should have been a date or yes/no but could not be read. */
  unparsedValues: { field: string; value: string }[];
}

type Field =
  | 'userName'
  | 'fullName'
  | 'comment'
  | 'userComment'
  | 'countryCode'
  | 'countryRegionCode'
  | 'accountActive'
  | 'accountExpires'
  | 'passwordLastSet'
  | 'passwordExpires'
  | 'passwordChangeable'
  | 'passwordRequired'
  | 'userMayChangePassword'
  | 'workstationsAllowed'
  | 'logonScript'
  | 'userProfile'
  | 'homeDirectory'
  | 'lastLogon'
  | 'logonHoursAllowed'
  | 'localGroups'
  | 'globalGroups';

// Labels exactly as net.exe prints them. Matching folds case, accents,
// apostrophes and non-breaking spaces, so "L’utilisateur" and "L'utilisateur"
// (or "Ultimo" and "Último") are the same label.
const labels: Record<NetUserLanguage, [Field, string][]> = {
  en: [
    ['userName', 'User name'],
    ['fullName', 'Full Name'],
    ['comment', 'Comment'],
    ['userComment', "User's comment"],
    ['countryRegionCode', 'Country/region code'],
    ['countryCode', 'Country code'],
    ['accountActive', 'Account active'],
    ['accountExpires', 'Account expires'],
    ['passwordLastSet', 'Password last set'],
    ['passwordExpires', 'Password expires'],
    ['passwordChangeable', 'Password changeable'],
    ['passwordRequired', 'Password required'],
    ['userMayChangePassword', 'User may change password'],
    ['workstationsAllowed', 'Workstations allowed'],
    ['logonScript', 'Logon script'],
    ['userProfile', 'User profile'],
    ['homeDirectory', 'Home directory'],
    ['lastLogon', 'Last logon'],
    ['logonHoursAllowed', 'Logon hours allowed'],
    ['localGroups', 'Local Group Memberships'],
    ['globalGroups', 'Global Group memberships'],
  ],
  de: [
    ['userName', 'Benutzername'],
    ['fullName', 'Vollständiger Name'],
    ['comment', 'Beschreibung'],
    ['userComment', 'Benutzerbeschreibung'],
    ['countryRegionCode', 'Länder-/Regionscode'],
    ['countryCode', 'Ländercode'],
    ['accountActive', 'Konto aktiv'],
    ['accountExpires', 'Konto abgelaufen'],
    ['passwordLastSet', 'Letztes Setzen des Kennworts'],
    ['passwordExpires', 'Kennwort läuft ab'],
    ['passwordChangeable', 'Kennwort änderbar'],
    ['passwordRequired', 'Kennwort erforderlich'],
    ['userMayChangePassword', 'Benutzer kann Kennwort ändern'],
    ['workstationsAllowed', 'Erlaubte Arbeitsstationen'],
    ['logonScript', 'Anmeldeskript'],
    ['userProfile', 'Benutzerprofil'],
    ['homeDirectory', 'Basisverzeichnis'],
    ['lastLogon', 'Letzte Anmeldung'],
    ['logonHoursAllowed', 'Erlaubte Anmeldezeiten'],
    ['localGroups', 'Lokale Gruppenmitgliedschaften'],
    ['globalGroups', 'Globale Gruppenmitgliedschaften'],
  ],
  fr: [
    ['userName', 'Nom d’utilisateur'],
    ['fullName', 'Nom complet'],
    ['comment', 'Commentaire'],
    ['userComment', 'Commentaires utilisateur'],
    ['countryRegionCode', 'Code du pays ou de la région'],
    ['countryCode', 'Code du pays'],
    ['accountActive', 'Compte : actif'],
    ['accountExpires', 'Le compte expire'],
    ['passwordLastSet', 'Mot de passe : dernier changmt.'],
    ['passwordExpires', 'Le mot de passe expire'],
    ['passwordChangeable', 'Le mot de passe modifiable'],
    ['passwordRequired', 'Mot de passe exigé'],
    ['userMayChangePassword', 'L’utilisateur peut changer de mot de passe'],
    ['workstationsAllowed', 'Stations autorisées'],
    ['logonScript', 'Script d’ouverture de session'],
    ['userProfile', 'Profil d’utilisateur'],
    ['homeDirectory', 'Répertoire de base'],
    ['lastLogon', 'Dernier accès'],
    ['logonHoursAllowed', 'Heures d’accès autorisé'],
    ['localGroups', 'Appartient aux groupes locaux'],
    ['globalGroups', 'Appartient aux groupes globaux'],
  ],
  es: [
    ['userName', 'Nombre de usuario'],
    ['fullName', 'Nombre completo'],
    ['comment', 'Comentario'],
    ['userComment', 'Comentario del usuario'],
    ['countryRegionCode', 'Código de país o región'],
    ['countryCode', 'Código de país'],
    ['accountActive', 'Cuenta activa'],
    ['accountExpires', 'La cuenta expira'],
    ['passwordLastSet', 'Último cambio de contraseña'],
    ['passwordExpires', 'La contraseña expira'],
    ['passwordChangeable', 'Cambio de contraseña'],
    ['passwordRequired', 'Contraseña requerida'],
    ['userMayChangePassword', 'El usuario puede cambiar la contraseña'],
    ['workstationsAllowed', 'Estaciones de trabajo autorizadas'],
    ['logonScript', 'Script de inicio de sesión'],
    ['userProfile', 'Perfil de usuario'],
    ['homeDirectory', 'Directorio principal'],
    ['lastLogon', 'Última sesión iniciada'],
    ['logonHoursAllowed', 'Horas de inicio de sesión autorizadas'],
    ['localGroups', 'Miembros del grupo local'],
    ['globalGroups', 'Miembros del grupo global'],
  ],
};

const closingLines = [
  'The command completed successfully.',
  'The command completed with one or more errors.',
  'Der Befehl wurde erfolgreich ausgeführt.',
  'La commande s’est terminée correctement.',
  'Se ha completado el comando correctamente.',
];

const words = {
  yes: ['yes', 'ja', 'oui', 'si'],
  no: ['no', 'nein', 'non'],
  locked: ['locked', 'gesperrt', 'verrouille', 'bloqueada', 'bloqueado'],
  never: ['never', 'nie', 'jamais', 'nunca'],
  all: ['all', 'alle', 'tout', 'toutes', 'todas', 'todos'],
  noGroup: ['none', 'kein', 'keine', 'aucun', 'ninguno'],
};

// --- folding: one output character per input character, so positions survive ----

function foldChar(ch: string): string {
  if (ch === '\u2019' || ch === '\u2018' || ch === '\u00B4' || ch === '`') return "'";
  if (ch === '\u00A0' || ch === '\u202F' || ch === '\u2007' || ch === '\t') return ' ';
  const base = ch.normalize('NFD')[0] ?? ch;
  return base.toLowerCase().length === 1 ? base.toLowerCase() : ch;
}

function fold(text: string): string {
  let out = '';
  for (const unit of text.split('')) out += foldChar(unit);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A label as a pattern over folded text: single spaces inside, optional spaces around a colon, then padding or end of line. */
function labelPattern(label: string): RegExp {
  const folded = fold(label).replace(/ *: */g, ':');
  const body = folded
    .split(':')
    .map((part) => part.split(' ').map(escapeRegExp).join(' '))
    .join(' ?: ?');
  return new RegExp(`^${body}(?= |$)`);
}

interface LabelMatcher {
  language: NetUserLanguage;
  field: Field;
  pattern: RegExp;
  length: number;
}

const matchers: LabelMatcher[] = (Object.keys(labels) as NetUserLanguage[])
  .flatMap((language) => labels[language].map(([field, label]) => ({ language, field, pattern: labelPattern(label), length: label.length })))
  // Longest first, so "Comentario del usuario" wins over "Comentario".
  .sort((a, b) => b.length - a.length);

const closingFolded = closingLines.map((line) => fold(line));

// --- wrong code page ----------------------------------------------------------------

const windows1252Byte = new Map<string, number>();
windows1252High.forEach((ch, index) => windows1252Byte.set(ch, 0x80 + index));

function toWindows1252Bytes(text: string): number[] | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code <= 0x9f) bytes.push(code); // a C1 control stands for its own byte (.NET's 1252, or Latin-1)
    else {
      const byte = windows1252Byte.get(ch);
      if (byte === undefined) return null; // not something Windows-1252 could have shown
      bytes.push(byte);
    }
  }
  return bytes;
}

/** CP850 bytes that were displayed as Windows-1252 ("l„uft" → "läuft"). */
export function repairOemShownAsAnsi(text: string): string | null {
  const bytes = toWindows1252Bytes(text);
  if (!bytes) return null;
  return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : (cp850High[b - 0x80] ?? '\uFFFD'))).join('');
}

/** UTF-8 bytes that were displayed as Windows-1252 ("VollstÃ¤ndiger" → "Vollständiger"). */
export function repairUtf8ShownAsAnsi(text: string): string | null {
  const bytes = toWindows1252Bytes(text);
  if (!bytes || bytes.every((b) => b < 0x80)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

// --- lines and fields ---------------------------------------------------------------

interface RawField {
  field: Field;
  language: NetUserLanguage;
  values: string[];
}

interface Scan {
  fields: RawField[];
  completed: boolean;
  unrecognized: string[];
  labelHits: number;
}

function scan(text: string): Scan {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const result: Scan = { fields: [], completed: false, unrecognized: [], labelHits: 0 };
  let current: RawField | null = null;
  for (const line of lines) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const folded = fold(line);
    if (/^\s/.test(line)) {
      // An indented line continues the value above (logon hours, groups).
      if (current) current.values.push(line.trim());
      else result.unrecognized.push(line.trim());
      continue;
    }
    if (closingFolded.some((c) => folded.trim() === c || (c.length > 12 && folded.trim().startsWith(c.slice(0, 12))))) {
      result.completed = true;
      current = null;
      continue;
    }
    const matcher = matchers.find((m) => m.pattern.test(folded));
    if (!matcher) {
      result.unrecognized.push(line.trim());
      current = null;
      continue;
    }
    const matched = folded.match(matcher.pattern)?.[0] ?? '';
    current = { field: matcher.field, language: matcher.language, values: [line.slice(matched.length).trim()] };
    result.fields.push(current);
    result.labelHits += 1;
  }
  return result;
}

// --- values -------------------------------------------------------------------------

function word(value: string, list: string[]): boolean {
  return list.includes(fold(value).trim());
}

interface DateParts {
  first: number;
  second: number;
  third: number;
  hour: number;
  minute: number;
  secondOfMinute: number;
  meridiem: 'am' | 'pm' | null;
}

const dateShape = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\.?,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(a\.? ?m\.?|p\.? ?m\.?)?$/;

function dateParts(value: string): DateParts | null {
  const match = dateShape.exec(fold(value).trim());
  if (!match) return null;
  const meridiem = match[7] ? (match[7].startsWith('a') ? 'am' : 'pm') : null;
  return {
    first: Number(match[1]),
    second: Number(match[2]),
    third: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    secondOfMinute: Number(match[6] ?? '0'),
    meridiem,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoFromParts(parts: DateParts, order: DateOrder): string | null {
  let year: number;
  let month: number;
  let day: number;
  if (order === 'YMD' || parts.first > 31) [year, month, day] = [parts.first, parts.second, parts.third];
  else if (order === 'MDY') [month, day, year] = [parts.first, parts.second, parts.third];
  else [day, month, year] = [parts.first, parts.second, parts.third];
  if (year < 100) year += year < 70 ? 2000 : 1900;
  let hour = parts.hour;
  if (parts.meridiem === 'pm' && hour < 12) hour += 12;
  if (parts.meridiem === 'am' && hour === 12) hour = 0;
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && hour <= 23 && parts.minute <= 59 && parts.secondOfMinute <= 59;
  if (!valid) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(parts.minute)}:${pad(parts.secondOfMinute)}`;
}

/** The day/month order of a .NET short date pattern, e.g. "M/d/yyyy" → MDY, "dd.MM.yyyy" → DMY. */
export function dateOrderFromPattern(shortDatePattern: string): DateOrder | null {
  const order = shortDatePattern
    .replace(/'[^']*'/g, '')
    .split('')
    .filter((ch) => ch === 'd' || ch === 'M' || ch === 'y')
    .filter((ch, index, all) => all.indexOf(ch) === index)
    .join('');
  if (order === 'dMy') return 'DMY';
  if (order === 'Mdy') return 'MDY';
  if (order === 'yMd') return 'YMD';
  return null;
}

/**
 * Which way round the dates are. A day above 12 settles it; otherwise German,
 * French and Spanish put the day first, and English output with AM/PM is the
 * US format (en-GB prints 24-hour times, day first).
 */
function inferDateOrder(values: string[], language: NetUserLanguage | null): DateOrder {
  const parts = values.map(dateParts).filter((p): p is DateParts => p !== null);
  if (parts.some((p) => p.first > 31)) return 'YMD';
  if (parts.some((p) => p.first > 12)) return 'DMY';
  if (parts.some((p) => p.second > 12)) return 'MDY';
  if (language === 'en' && parts.some((p) => p.meridiem !== null)) return 'MDY';
  return 'DMY';
}

function splitGroups(values: string[]): string[] {
  const names = values
    .join('')
    .split('*')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 1 && word(names[0] ?? '', words.noGroup)) return [];
  return names;
}

export interface ParseNetUserOptions {
  /** Day/month order when known (from the computer's culture, see dateOrderFromPattern); otherwise inferred. */
  dateOrder?: DateOrder;
}

export function parseNetUser(text: string, options: ParseNetUserOptions = {}): NetUserRecord {
  // Try the text as it is and the two common code-page accidents; keep whichever reads best.
  const candidates: { repair: EncodingRepair; scan: Scan }[] = [{ repair: 'none', scan: scan(text) }];
  const oem = repairOemShownAsAnsi(text);
  if (oem !== null && oem !== text) candidates.push({ repair: 'oem-shown-as-ansi', scan: scan(oem) });
  const utf8 = repairUtf8ShownAsAnsi(text);
  if (utf8 !== null && utf8 !== text) candidates.push({ repair: 'utf8-shown-as-ansi', scan: scan(utf8) });
  const best = candidates.reduce((a, b) => (b.scan.labelHits > a.scan.labelHits || (b.scan.labelHits === a.scan.labelHits && b.scan.completed && !a.scan.completed) ? b : a));

  const { fields } = best.scan;
  const votes = new Map<NetUserLanguage, number>();
  for (const f of fields) votes.set(f.language, (votes.get(f.language) ?? 0) + 1);
  const language = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const get = (field: Field): string[] | undefined => fields.find((f) => f.field === field)?.values;
  const single = (field: Field): string | null => {
    const value = get(field)?.join(' ').trim() ?? '';
    return value === '' ? null : value;
  };

  const dateFields: Field[] = ['accountExpires', 'passwordLastSet', 'passwordExpires', 'passwordChangeable', 'lastLogon'];
  const dateValues = dateFields.map(single).filter((v): v is string => v !== null && !word(v, words.never));
  const dateOrder = options.dateOrder ?? inferDateOrder(dateValues, language);
  const unparsedValues: { field: string; value: string }[] = [];

  const date = (field: Field): string | null => {
    const value = single(field);
    if (value === null || word(value, words.never)) return null;
    const parts = dateParts(value);
    const iso = parts ? isoFromParts(parts, dateOrder) : null;
    if (iso === null) unparsedValues.push({ field, value });
    return iso;
  };

  const yesNo = (field: Field): boolean | null => {
    const value = single(field);
    if (value === null) return null;
    if (word(value, words.yes)) return true;
    if (word(value, words.no)) return false;
    unparsedValues.push({ field, value });
    return null;
  };

  const active = single('accountActive');
  const lockedOut = active !== null && word(active, words.locked);
  const accountActive = lockedOut ? true : yesNo('accountActive');

  const allOrList = (field: Field): 'all' | string[] => {
    const values = (get(field) ?? []).filter((v) => v !== '');
    if (values.length === 1 && word(values[0] ?? '', words.all)) return 'all';
    return values;
  };

  const localGroups = splitGroups(get('localGroups') ?? []);
  const globalGroups = splitGroups(get('globalGroups') ?? []);
  const countryRegion = single('countryRegionCode');
  const country = single('countryCode');

  return {
    language,
    countryLabel: get('countryRegionCode') ? 'country-region-code' : get('countryCode') ? 'country-code' : null,
    encodingRepair: best.repair,
    dateOrder,
    userName: single('userName'),
    fullName: single('fullName'),
    comment: single('comment'),
    userComment: single('userComment'),
    countryCode: countryRegion ?? country,
    accountActive,
    lockedOut,
    accountExpires: date('accountExpires'),
    passwordLastSet: date('passwordLastSet'),
    passwordExpires: date('passwordExpires'),
    passwordChangeable: date('passwordChangeable'),
    passwordRequired: yesNo('passwordRequired'),
    userMayChangePassword: yesNo('userMayChangePassword'),
    workstationsAllowed: allOrList('workstationsAllowed'),
    logonScript: single('logonScript'),
    userProfile: single('userProfile'),
    homeDirectory: single('homeDirectory'),
    lastLogon: date('lastLogon'),
    logonHoursAllowed: allOrList('logonHoursAllowed'),
    localGroups,
    globalGroups,
    possiblyTruncatedGroups: [...localGroups, ...globalGroups].filter((name) => name.length === 21),
    completed: best.scan.completed,
    unrecognized: best.scan.unrecognized,
    unparsedValues,
  };
}

// --- explaining ---------------------------------------------------------------------

const languageNames: Record<NetUserLanguage, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish' };

function spoken(iso: string): string {
  return iso.replace('T', ' at ');
}

function secondsBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}Z`) - Date.parse(`${b}Z`)) / 1000;
}

export interface ExplainOptions {
  /** When the text was captured, as a local "YYYY-MM-DDTHH:mm:ss" on the same computer. */
  readAt?: string;
}

/**
 * Plain sentences for the helpdesk. They say what net user shows and, just as
 * plainly, what it cannot show: it has no line for "must change password at
 * next logon", so it can hint at that state but never prove it.
 */
export function explainNetUser(record: NetUserRecord, options: ExplainOptions = {}): string[] {
  const out: string[] = [];
  if (!record.userName) {
    out.push('This is not a net user account listing: no "User name" line was found, so nothing can be read from it.');
    return out;
  }
  const source = record.language ? `${languageNames[record.language]} net user output` : 'net user output';
  const repaired =
    record.encodingRepair === 'oem-shown-as-ansi'
      ? ', repaired because it was shown in the wrong code page (OEM text read as Windows-1252)'
      : record.encodingRepair === 'utf8-shown-as-ansi'
        ? ', repaired because UTF-8 text was shown as Windows-1252'
        : '';
  out.push(`Account ${record.userName}${record.fullName ? ` (${record.fullName})` : ''}, read from ${source}${repaired}.`);

  if (record.lockedOut) out.push('The account is enabled but locked out after too many wrong passwords.');
  else if (record.accountActive === true) out.push('The account is enabled.');
  else if (record.accountActive === false) out.push('The account is disabled: nobody can sign in with it until it is enabled again.');

  out.push(record.accountExpires ? `The account itself expires on ${spoken(record.accountExpires)}.` : 'The account itself never expires.');

  out.push(
    'net user has no line for "User must change password at next logon", so this output can neither prove nor disprove it; Rekey reads that flag with ADSI (PasswordExpired = 1).',
  );
  if (record.passwordLastSet) {
    const justNow = options.readAt !== undefined && secondsBetween(record.passwordLastSet, options.readAt) <= 120;
    out.push(
      justNow
        ? `"Password last set" is the moment this was read (${spoken(record.passwordLastSet)}); Windows stores no last-change time while a user must change the password at next logon, and net user then seems to show the current time, so this hints at the flag but does not prove it.`
        : `The password was last set on ${spoken(record.passwordLastSet)} (this computer's local time).`,
    );
  } else {
    out.push('net user shows no date for the last password change.');
  }

  out.push(
    record.passwordExpires
      ? `Under the password policy the password expires on ${spoken(record.passwordExpires)}.`
      : '"Password expires: Never" means either "Password never expires" is set on the account or the policy sets no maximum age; net user does not say which, and if it is the account flag, Windows ignores "must change password at next logon".',
  );

  if (record.userMayChangePassword === false) {
    out.push('The user is not allowed to change the password, so if the account must change it at next logon, the user cannot sign in until an administrator sets a new one.');
  }
  if (record.passwordRequired === false) out.push('This account may have an empty password (no password required).');

  out.push(record.lastLogon ? `Last sign-in on this computer: ${spoken(record.lastLogon)}.` : 'The account has never signed in on this computer.');

  out.push(record.localGroups.length ? `Local groups: ${record.localGroups.join(', ')}.` : 'The account is in no local group.');
  for (const name of record.possiblyTruncatedGroups) {
    out.push(`"${name}" is 21 characters, the most net user prints for a group, so the real group name may be longer.`);
  }
  if (!record.completed) out.push('The output lacks the closing "command completed" line, so it may be incomplete.');
  if (record.unparsedValues.length) {
    out.push(`Some values could not be read: ${record.unparsedValues.map((v) => `${v.field} "${v.value}"`).join(', ')}.`);
  }
  return out;
}
