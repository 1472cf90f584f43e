// What the Verify screen says, computed from the lookup's answer: the outcome
// sentence announced to screen readers, the searched-directories line, and
// the words for tones and account facts. Pure, so the wording is tested.
import type { LookupMatch, LookupResult, NetUserExplanation } from '../../state/verify-store';
import { plural } from '../../lib/format';

export type Tone = 'good' | 'bad' | 'neutral' | 'unknown';

/** Spoken before each finding so its meaning never rests on the icon's colour. */
export const toneWords: Record<Tone, string> = {
  good: 'As expected',
  bad: 'Needs attention',
  neutral: 'Information',
  unknown: 'Could not tell',
};

export const directoryKindWords: Record<LookupMatch['account']['kind'], string> = { entra: 'Entra ID', okta: 'Okta', windows: 'Windows local' };

/** "Found 2 accounts named "lynner"." — the sentence the live region announces when a lookup ends. */
export function lookupAnnouncement(name: string, result: LookupResult): string {
  const failed = result.searched.filter((directory) => directory.error !== undefined).length;
  const searched = result.searched.length;
  const failedNote = failed === 0 ? '' : ` ${plural(failed, 'directory', 'directories')} could not be searched.`;
  if (searched === 0) return 'No directory is connected, so there was nowhere to look. Connect one under Connections.';
  if (result.matches.length === 0) {
    const where = failed === searched ? '' : ` in ${plural(searched - failed, 'directory', 'directories')}`;
    return `No account matching "${name}" was found${where}.${failedNote}`;
  }
  return `Found ${plural(result.matches.length, 'account')} matching "${name}".${failedNote}`;
}

export interface SearchedItem {
  directoryId: string;
  text: string;
  error: string | null;
}

/** One entry per directory searched: "Contoso Practice: 1 match", "WS-ADMIN01: could not search — why". */
export function searchedItems(searched: LookupResult['searched']): SearchedItem[] {
  return searched.map((directory) => ({
    directoryId: directory.directoryId,
    text:
      directory.error !== undefined
        ? `${directory.displayName}: could not be searched.`
        : `${directory.displayName}: ${directory.matched === 0 ? 'no match' : plural(directory.matched, 'match', 'matches')}.`,
    error: directory.error ?? null,
  }));
}

/** The searched directory's name for a match ("Contoso Practice"), or its id when the directory is not in the list. */
export function directoryName(match: LookupMatch, searched: LookupResult['searched']): string {
  return searched.find((directory) => directory.directoryId === match.account.directoryId)?.displayName ?? match.account.directoryId;
}

/** The short facts under an account's name: who and where. (Enabled and privileged are findings.) */
export function accountFacts(match: LookupMatch, searched: LookupResult['searched']): Array<{ label: string; value: string }> {
  const { account } = match;
  const facts = [
    { label: 'Login', value: account.login },
    { label: 'Directory', value: directoryName(match, searched) },
    { label: 'Kind', value: directoryKindWords[account.kind] },
  ];
  if (account.attributes.host) facts.push({ label: 'Host', value: account.attributes.host });
  return facts;
}

/** The request "Check again" sends for one match: the same account, in its own directory (and host). */
export function recheckRequest(match: LookupMatch): { name: string; directoryIds: string[]; host?: string } {
  const { account } = match;
  return { name: account.login, directoryIds: [account.directoryId], ...(account.attributes.host ? { host: account.attributes.host } : {}) };
}

const languageNames: Record<string, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', nl: 'Dutch', pt: 'Portuguese', pl: 'Polish' };

/** "German (de)" for a known code; the code itself otherwise. */
export function languageName(code: string): string {
  const base = code.toLowerCase().split(/[-_]/)[0] ?? code;
  const name = languageNames[base];
  return name ? `${name} (${code})` : code;
}

/** The sentence announced when an explanation arrives. */
export function explanationAnnouncement(explanation: NetUserExplanation): string {
  const who = explanation.userName ? ` for ${explanation.userName}` : '';
  return `Explained net user output${who} in ${languageName(explanation.language)}: ${plural(explanation.findings.length, 'finding')}, ${plural(explanation.unrecognised.length, 'unrecognised line')}.`;
}
