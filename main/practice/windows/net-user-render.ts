// What `net user NAME` prints on a simulated computer, in its language and
// date format: labels padded to a fixed column, groups in 22-character cells
// ("*" plus at most 21 characters), CRLF line ends, the closing line.
//
// One behaviour is inferred rather than captured: while a user must change the
// password at next logon the SAM stores no last-set time, and net user is taken
// to show the moment of the command as "Password last set" (and count the
// policy's ages from it). Rekey never relies on it; it reads ADSI instead.
import { languageOf, userFlag, type MachineCulture, type SamAccount, type SamDatabase } from './sam';

interface Layout {
  column: number;
  labels: [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  yes: string;
  no: string;
  never: string;
  all: string;
  none: string;
  done: string;
  countryValue: string;
}

const NNBSP = '\u202F';

// Label order: user name, full name, comment, user's comment, country, active, account expires,
// last set, expires, changeable, required, may change, workstations, script, profile, home,
// last logon, logon hours, local groups, global groups.
const layouts: Record<'en' | 'de' | 'fr' | 'es', Layout> = {
  en: {
    column: 29,
    labels: [
      'User name', 'Full Name', 'Comment', "User's comment", 'Country/region code', 'Account active', 'Account expires',
      'Password last set', 'Password expires', 'Password changeable', 'Password required', 'User may change password',
      'Workstations allowed', 'Logon script', 'User profile', 'Home directory', 'Last logon', 'Logon hours allowed',
      'Local Group Memberships', 'Global Group memberships',
    ],
    yes: 'Yes', no: 'No', never: 'Never', all: 'All', none: 'None',
    done: 'The command completed successfully.',
    countryValue: '000 (System Default)',
  },
  de: {
    column: 36,
    labels: [
      'Benutzername', 'Vollständiger Name', 'Beschreibung', 'Benutzerbeschreibung', 'Länder-/Regionscode', 'Konto aktiv', 'Konto abgelaufen',
      'Letztes Setzen des Kennworts', 'Kennwort läuft ab', 'Kennwort änderbar', 'Kennwort erforderlich', 'Benutzer kann Kennwort ändern',
      'Erlaubte Arbeitsstationen', 'Anmeldeskript', 'Benutzerprofil', 'Basisverzeichnis', 'Letzte Anmeldung', 'Erlaubte Anmeldezeiten',
      'Lokale Gruppenmitgliedschaften', 'Globale Gruppenmitgliedschaften',
    ],
    yes: 'Ja', no: 'Nein', never: 'Nie', all: 'Alle', none: 'Kein',
    done: 'Der Befehl wurde erfolgreich ausgeführt.',
    countryValue: '000 (Standardsystemvorgabe)',
  },
  fr: {
    column: 47,
    labels: [
      'Nom d’utilisateur', 'Nom complet', 'Commentaire', 'Commentaires utilisateur', 'Code du pays ou de la région', `Compte${NNBSP}: actif`, 'Le compte expire',
      `Mot de passe${NNBSP}: dernier changmt.`, 'Le mot de passe expire', 'Le mot de passe modifiable', 'Mot de passe exigé', 'L’utilisateur peut changer de mot de passe',
      'Stations autorisées', 'Script d’ouverture de session', 'Profil d’utilisateur', 'Répertoire de base', 'Dernier accès', 'Heures d’accès autorisé',
      'Appartient aux groupes locaux', 'Appartient aux groupes globaux',
    ],
    yes: 'Oui', no: 'Non', never: 'Jamais', all: 'Tout', none: 'Aucun',
    done: 'La commande s’est terminée correctement.',
    countryValue: '000 (Valeur par défaut du système)',
  },
  es: {
    column: 43,
    labels: [
      'Nombre de usuario', 'Nombre completo', 'Comentario', 'Comentario del usuario', 'Código de país o región', 'Cuenta activa', 'La cuenta expira',
      'Último cambio de contraseña', 'La contraseña expira', 'Cambio de contraseña', 'Contraseña requerida', 'El usuario puede cambiar la contraseña',
      'Estaciones de trabajo autorizadas', 'Script de inicio de sesión', 'Perfil de usuario', 'Directorio principal', 'Última sesión iniciada', 'Horas de inicio de sesión autorizadas',
      'Miembros del grupo local', 'Miembros del grupo global',
    ],
    yes: 'Sí', no: 'No', never: 'Nunca', all: 'Todas', none: 'Ninguno',
    done: 'Se ha completado el comando correctamente.',
    countryValue: '000 (Predeterminado por el equipo)',
  },
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A moment as the computer's own clock shows it, in its culture's short date and long time. */
export function formatLocal(ms: number, culture: MachineCulture, utcOffsetMinutes: number): string {
  const local = new Date(ms + utcOffsetMinutes * 60_000);
  const [y, mo, d, h, mi, s] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()];
  switch (culture) {
    case 'en-US': {
      const hour12 = h % 12 === 0 ? 12 : h % 12;
      return `${mo}/${d}/${y} ${hour12}:${pad2(mi)}:${pad2(s)} ${h < 12 ? 'AM' : 'PM'}`;
    }
    case 'de-DE':
      return `${pad2(d)}.${pad2(mo)}.${y} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
    case 'es-ES':
      return `${pad2(d)}/${pad2(mo)}/${y} ${h}:${pad2(mi)}:${pad2(s)}`;
    case 'en-GB':
    case 'fr-FR':
      return `${pad2(d)}/${pad2(mo)}/${y} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
  }
}

const lineWidth = 79;
const day = 86_400_000;

export function renderNetUser(sam: SamDatabase, account: SamAccount): string {
  const layout = layouts[languageOf(sam.culture)];
  const [lUser, lFull, lComment, lUserComment, lCountry, lActive, lAccountExpires, lLastSet, lExpires, lChangeable, lRequired, lMayChange, lWorkstations, lScript, lProfile, lHome, lLastLogon, lHours, lLocal, lGlobal] = layout.labels;
  const line = (label: string, value = '') => label.padEnd(layout.column) + value;
  const when = (ms: number) => formatLocal(ms, sam.culture, sam.utcOffsetMinutes);
  const now = sam.now();
  const shownLastSet = account.passwordLastSet ?? Math.floor(now / 1000) * 1000;
  const expires =
    sam.neverExpires(account) || sam.maxPasswordAgeDays === null ? layout.never : when(shownLastSet + sam.maxPasswordAgeDays * day);

  const cells = sam.groupsOf(account.sid).map((g) => `*${g.name.slice(0, 21).padEnd(21)}`);
  const perLine = Math.max(1, Math.floor((lineWidth - layout.column) / 22));
  const groupLines: string[] = [];
  for (let i = 0; i < Math.max(cells.length, 1); i += perLine) {
    const row = cells.slice(i, i + perLine).join('');
    groupLines.push(i === 0 ? line(lLocal, row) : ' '.repeat(layout.column) + row);
  }

  const lines = [
    line(lUser, account.name),
    line(lFull, account.fullName),
    line(lComment, account.description),
    line(lUserComment),
    line(lCountry, layout.countryValue),
    line(lActive, sam.enabled(account) ? layout.yes : layout.no),
    line(lAccountExpires, layout.never),
    '',
    line(lLastSet, when(shownLastSet)),
    line(lExpires, expires),
    line(lChangeable, when(shownLastSet + sam.minPasswordAgeDays * day)),
    line(lRequired, account.userFlags & userFlag.passwordNotRequired ? layout.no : layout.yes),
    line(lMayChange, account.userFlags & userFlag.passwordCannotChange ? layout.no : layout.yes),
    '',
    line(lWorkstations, layout.all),
    line(lScript),
    line(lProfile),
    line(lHome),
    line(lLastLogon, account.lastLogon === null ? layout.never : when(account.lastLogon)),
    '',
    line(lHours, layout.all),
    '',
    ...groupLines,
    line(lGlobal, `*${layout.none.padEnd(21)}`),
    layout.done,
    '',
  ];
  return lines.join('\r\n');
}

