// What each kind of plan warning means, in one title and one sentence for the
// group heading. The per-account messages from the directory stay as they are
// under the heading (they name the host, the provider, the account).
import type { PlanDto } from '../../../preload/contract';

export type WarningKind = PlanDto['entries'][number]['warnings'][number]['kind'];

export const warningKindText: Record<WarningKind, { title: string; sentence: string }> = {
  'synced-password-on-premises': {
    title: 'Password mastered on-premises',
    sentence: 'These Entra users are synced from Active Directory: the cloud cannot force the change. Reset them in on-premises AD; their sessions are still ended here.',
  },
  'federated-password': {
    title: 'Signs in through another identity provider',
    sentence: 'The password lives with the external identity provider: reset it there. Sessions are still ended here.',
  },
  'never-expires-will-be-cleared': {
    title: '"Password never expires" will be cleared',
    sentence: 'The setting silently cancels "must change password", so Rekey clears it first.',
  },
  'never-expires-blocks-flag': {
    title: '"Password never expires" blocks the change',
    sentence: 'The setting stays on (the "clear never-expires" option is off), so "must change" will have no effect. Turn the option on to clear it.',
  },
  'disabled-flag-applies-when-enabled': {
    title: 'Disabled accounts',
    sentence: 'The flag is set now and takes effect when the account is enabled again.',
  },
  'guest-sessions-not-revocable': {
    title: 'Guest accounts',
    sentence: "Sessions in the guest's home organisation cannot be revoked from here.",
  },
  'ad-delegated-password': {
    title: 'Password delegated to Active Directory',
    sentence: 'The directory delegates the password to Active Directory: reset it there.',
  },
  'sessions-not-ended': {
    title: 'Sessions are not ended',
    sentence: 'Windows local accounts keep their interactive sessions: sign the users out or restart the machines.',
  },
  'privileged-needs-stronger-role': {
    title: 'Privileged accounts need a stronger admin role',
    sentence: 'Changing a privileged account needs a higher directory role than a regular one; the run fails for these if the connection lacks it.',
  },
  'connection-account': {
    title: 'The account Rekey connects with',
    sentence: 'Resetting it mid-run would cut Rekey off from the directory.',
  },
  'not-a-local-account': {
    title: 'Not a local account',
    sentence: 'The account is not in the local account database (SAM) of its host, so Rekey cannot change it there.',
  },
  'host-unreachable': {
    title: 'Host unreachable',
    sentence: 'Rekey could not reach these Windows hosts while planning; the run will fail for them until they answer.',
  },
  'user-cannot-change-password': {
    title: 'User cannot change the password',
    sentence: '"User cannot change password" is set, so a forced change would lock the user out at next sign-in.',
  },
  'not-elevated': {
    title: 'Rekey is not running as administrator',
    sentence: 'Changing local Windows accounts needs administrator rights: restart Rekey as administrator.',
  },
};
