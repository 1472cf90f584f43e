// Pasted `net user NAME` output from a computer Rekey cannot reach, read with
// main/windows/net-user.ts: the facts it shows become findings, and what it
// cannot prove (above all "must change password at next logon", for which
// net user has no line) is said in the caveats, in net-user.ts's own words.
import type { z } from 'zod';
import type { netUserExplanation } from '../../preload/contract';
import { explainNetUser, parseNetUser, type NetUserRecord } from '../windows/net-user';
import type { Finding } from './findings';

export type NetUserExplanation = z.infer<typeof netUserExplanation>;

const languageNames: Record<string, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish' };

/** Sentences of explainNetUser that say what the output cannot show or could not read. */
const caveatPattern = /has no line|can neither|does not say|does not prove|may be longer|may be incomplete|could not be read|is not a net user account listing/;

const when = (iso: string) => iso.replace('T', ' ');

function recordFindings(record: NetUserRecord): Finding[] {
  const findings: Finding[] = [];
  const yesNo = (value: boolean | null) => (value === null ? 'Unknown' : value ? 'Yes' : 'No');
  findings.push({
    label: 'Must change password at next sign-in',
    value: 'Cannot be read from net user',
    tone: 'unknown',
    detail: 'Rekey reads this flag with ADSI (PasswordExpired = 1); connect to the computer, or run the verify script there.',
  });
  findings.push({
    label: 'Account active',
    value: record.lockedOut ? 'Yes, but locked out' : yesNo(record.accountActive),
    tone: record.lockedOut ? 'bad' : record.accountActive === null ? 'unknown' : 'neutral',
  });
  findings.push({ label: 'Password last set', value: record.passwordLastSet ? when(record.passwordLastSet) : 'No date shown', tone: 'neutral' });
  findings.push({
    label: 'Password expires',
    value: record.passwordExpires ? when(record.passwordExpires) : 'Never',
    tone: record.passwordExpires ? 'neutral' : 'unknown',
    ...(record.passwordExpires ? {} : { detail: '"Never" may mean "Password never expires" is set on the account, which cancels "must change password".' }),
  });
  if (record.userMayChangePassword !== null) {
    findings.push({
      label: 'User may change password',
      value: yesNo(record.userMayChangePassword),
      tone: record.userMayChangePassword ? 'neutral' : 'bad',
      ...(record.userMayChangePassword ? {} : { detail: 'If the account must change its password, the user cannot sign in until an administrator sets one.' }),
    });
  }
  findings.push({ label: 'Account expires', value: record.accountExpires ? when(record.accountExpires) : 'Never', tone: 'neutral' });
  findings.push({ label: 'Last sign-in', value: record.lastLogon ? when(record.lastLogon) : 'Never', tone: 'neutral' });
  if (record.localGroups.length > 0) findings.push({ label: 'Local groups', value: record.localGroups.join(', '), tone: 'neutral' });
  return findings;
}

export function explainNetUserText(text: string, readAt?: string): NetUserExplanation {
  const record = parseNetUser(text);
  const sentences = explainNetUser(record, readAt ? { readAt } : {});
  const unrecognised = [...record.unrecognized, ...record.unparsedValues.map((v) => `${v.field}: ${v.value}`)];
  return {
    language: record.language ? (languageNames[record.language] ?? record.language) : 'unknown',
    userName: record.userName,
    findings: record.userName ? recordFindings(record) : [],
    caveats: sentences.filter((sentence) => caveatPattern.test(sentence)),
    unrecognised,
  };
}
