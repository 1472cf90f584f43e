// An account's re-read state in plain words for the helpdesk:
//   Must change password at next sign-in   Yes — checked 14:02 via ADSI
//   Sessions                               Revoked since 14:03
//   Password never expires                 No
// Times are this computer's local clock, HH:MM (with the date when it is not
// the day of the check).
import type { z } from 'zod';
import type { finding } from '../../preload/contract';
import type { Account, DirectoryCapabilities, VerifiedState } from '../core/domain';

export type Finding = z.infer<typeof finding>;

const pad = (n: number) => String(n).padStart(2, '0');

function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "14:02", or "2026-05-03 14:02" when `iso` is on another day than `reference`. */
export function clockTime(iso: string, reference: string = iso): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const ref = new Date(reference);
  return Number.isNaN(ref.getTime()) || localDate(ref) === localDate(date) ? time : `${localDate(date)} ${time}`;
}

const mustChangeWords = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;
const mustChangeTone = { yes: 'good', no: 'bad', unknown: 'unknown' } as const;

export function stateFindings(account: Account, state: VerifiedState, capabilities: DirectoryCapabilities): Finding[] {
  const checked = `checked ${clockTime(state.checkedAt)} via ${state.via}`;
  const findings: Finding[] = [];
  if (state.error) {
    findings.push({ label: 'Could not read the account', value: `Unknown — ${checked}`, tone: 'unknown', detail: state.error });
  }
  findings.push({
    label: 'Must change password at next sign-in',
    value: `${mustChangeWords[state.mustChange]} — ${checked}`,
    tone: mustChangeTone[state.mustChange],
    ...(state.mustChange === 'no' && state.neverExpires ? { detail: '"Password never expires" is set, which cancels the flag: reset again with "clear never expires".' } : {}),
  });

  if (account.kind === 'okta') {
    findings.push({
      label: 'Sessions',
      value: `Okta cannot report session revocation; status is ${state.directoryStatus ?? 'unknown'}`,
      tone: 'unknown',
      detail: 'Okta clears sessions when asked but keeps no record of when; a run\'s evidence shows the call that cleared them.',
    });
  } else if (capabilities.readsSessionRevocation) {
    if (state.sessionsRevokedSince) {
      findings.push({ label: 'Sessions', value: `Revoked since ${clockTime(state.sessionsRevokedSince, state.checkedAt)}`, tone: 'neutral', detail: 'Sign-ins before this time must authenticate again.' });
    } else if (state.sessionsRevokedSince === null) {
      findings.push({ label: 'Sessions', value: 'Not revoked', tone: 'bad' });
    } else {
      findings.push({ label: 'Sessions', value: 'Unknown', tone: 'unknown' });
    }
  } else if (account.kind === 'windows') {
    findings.push({
      label: 'Sessions',
      value: 'Not ended by Rekey',
      tone: 'neutral',
      detail: `Windows keeps interactive sessions open; sign the user out on ${account.attributes.host ?? 'the computer'} if needed.`,
    });
  }

  if (state.neverExpires !== undefined) {
    const value = state.neverExpires === null ? 'Unknown' : state.neverExpires ? 'Yes' : 'No';
    findings.push({
      label: 'Password never expires',
      value,
      tone: state.neverExpires === null ? 'unknown' : state.neverExpires ? 'bad' : 'good',
      ...(state.neverExpires ? { detail: 'Windows ignores "must change password" while this is set.' } : {}),
    });
  }
  if (state.directoryStatus) findings.push({ label: 'Directory status', value: state.directoryStatus, tone: 'neutral' });
  findings.push({
    label: 'Account enabled',
    value: account.enabled ? 'Yes' : 'No',
    tone: 'neutral',
    ...(account.enabled ? {} : { detail: 'The flag takes effect when the account is enabled again.' }),
  });
  if (account.privileged) findings.push({ label: 'Privileged', value: 'Yes', tone: 'neutral', ...(account.privilegedWhy ? { detail: account.privilegedWhy } : {}) });
  return findings;
}
