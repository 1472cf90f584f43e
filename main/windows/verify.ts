// Turning what read-state.ps1 saw into core's VerifiedState. The proof is ADSI
// PasswordExpired: "must change" is yes exactly when it is 1. Get-LocalUser and
// the raw net user text are kept beside it as evidence a person can check.
import type { Evidence, VerifiedState } from '../core/domain';
import { dateOrderFromPattern, explainNetUser, parseNetUser } from './net-user';
import type { AccountStateReply, ReadStateReply } from './protocol';

const neverExpiresFlag = 0x10000;
const outputLimit = 4000;

export interface StateContext {
  directoryId: string;
  accountId: string;
  host: string;
  reply: ReadStateReply;
  item: AccountStateReply;
  runEvidence: Evidence;
  at: string;
}

/** DateTime.ToString('o') carries seven fractional digits; Date.parse wants at most three. */
export function parseRoundTripDate(value: string): number | null {
  const parsed = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(parsed) ? null : parsed;
}

function hex(flags: number): string {
  return `0x${flags.toString(16).toUpperCase()}`;
}

export function toVerifiedState(context: StateContext): VerifiedState {
  const { item, reply, at } = context;
  const base = { directoryId: context.directoryId, accountId: context.accountId, checkedAt: at, via: 'ADSI' };
  const evidence: Evidence[] = [context.runEvidence];

  if (!item.found) {
    return { ...base, mustChange: 'unknown', evidence, error: `No local account with SID ${item.sid} exists on ${context.host} any more.` };
  }

  const lines = [
    item.adsi
      ? `ADSI PasswordExpired=${item.adsi.passwordExpired} UserFlags=${hex(item.adsi.userFlags)}`
      : `ADSI could not read the account: ${item.adsiError ?? 'no answer'}`,
    item.localUser
      ? `Get-LocalUser Enabled=${item.localUser.enabled} PasswordLastSet=${item.localUser.passwordLastSet ?? '(empty)'} PasswordExpires=${item.localUser.passwordExpires ?? '(empty)'}`
      : `Get-LocalUser: ${item.localUserError ?? 'no answer'}`,
    item.netUser ? `net user ${item.currentName ?? item.name} (exit code ${item.netUser.exitCode}):\r\n${item.netUser.text}` : `net user: ${item.netUserError ?? 'no answer'}`,
  ];
  let output = lines.join('\n');
  if (output.length > outputLimit) output = `${output.slice(0, outputLimit)} …`;
  const exitStatus = context.runEvidence.kind === 'powershell' ? context.runEvidence.exitStatus : 0;
  evidence.push({ kind: 'powershell', host: context.host, script: 'read-state.ps1', exitStatus, output, at });

  const notes: string[] = [];
  if (item.currentName && item.currentName !== item.name) {
    notes.push(`The account was renamed from "${item.name}" to "${item.currentName}" since it was listed; it was found by its SID.`);
  }
  if (item.adsi && item.localUser) {
    if (item.adsi.passwordExpired === 1 && item.localUser.passwordLastSet !== null) {
      const expires = item.localUser.passwordExpires === null ? null : parseRoundTripDate(item.localUser.passwordExpires);
      notes.push(
        expires !== null && expires <= Date.parse(at)
          ? `The password expired under the policy on ${item.localUser.passwordExpires} rather than by the "must change" flag (Get-LocalUser still shows a last-set time); the user must change it at next sign-in either way.`
          : `Cross-check disagrees: ADSI says the password must be changed, but Get-LocalUser still shows it was last set on ${item.localUser.passwordLastSet} and not expired.`,
      );
    }
    if (item.adsi.passwordExpired === 0 && item.localUser.passwordLastSet === null && (item.adsi.userFlags & neverExpiresFlag) !== 0) {
      notes.push('Get-LocalUser shows no last-set time, so a forced change is pending, but "Password never expires" is on and cancels it.');
    }
  }
  if (item.netUser && item.netUser.exitCode === 0) {
    const order = dateOrderFromPattern(reply.shortDatePattern);
    const record = parseNetUser(item.netUser.text, order ? { dateOrder: order } : {});
    notes.push(...explainNetUser(record));
  }
  if (notes.length) evidence.push({ kind: 'note', text: notes.join(' '), at });

  if (!item.adsi) {
    return { ...base, mustChange: 'unknown', evidence, error: `ADSI could not read ${item.name} on ${context.host}: ${item.adsiError ?? 'no answer'}` };
  }
  const mustChange = item.adsi.passwordExpired === 1 ? 'yes' : 'no';
  const neverExpires = (item.adsi.userFlags & neverExpiresFlag) !== 0;
  const enabled = item.localUser?.enabled;
  const status =
    mustChange === 'yes'
      ? 'Password expired: must change at next sign-in'
      : neverExpires
        ? 'Password never expires'
        : 'Password valid';
  return {
    ...base,
    mustChange,
    sessionsRevokedSince: undefined,
    neverExpires,
    directoryStatus: enabled === false ? `${status} (account disabled)` : status,
    evidence,
  };
}

/** The state of an account whose host did not answer. */
export function unreadableState(directoryId: string, accountId: string, sentence: string, evidence: Evidence[], at: string): VerifiedState {
  return { directoryId, accountId, mustChange: 'unknown', checkedAt: at, via: 'ADSI', evidence, error: sentence };
}
