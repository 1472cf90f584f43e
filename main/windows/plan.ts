// What a reset would do to one Windows local account, and what the admin must
// know first. No writes: this is the dry run.
import type { Account, AccountPlan, PlanWarning, PlannedStep, ResetOptions } from '../core/domain';
import { builtInDescription, isLocalPrincipal } from './accounts';
import type { HostFailure } from './host-errors';

export interface PlanContext {
  /** The last known failure of the account's host, if any. */
  hostFailure?: HostFailure;
  /** False when the local PowerShell session is known not to run as administrator. */
  elevated?: boolean;
  /** From the last listing: false when the account has "User cannot change password". */
  userMayChangePassword?: boolean;
}

export const stepDescriptions = {
  'clear-never-expires': 'Turn off "Password never expires", which would silently cancel the forced change.',
  'force-change': 'Set "User must change password at next logon" (ADSI PasswordExpired = 1; net user /logonpasswordchg:yes if ADSI is unavailable).',
  'end-sessions': 'Not possible for Windows local accounts: interactive sessions are not ended.',
} as const;

export function planAccount(account: Account, options: ResetOptions, context: PlanContext = {}): AccountPlan {
  const host = account.attributes.host ?? 'this computer';
  const steps: PlannedStep[] = [];
  const warnings: PlanWarning[] = [];
  const local = isLocalPrincipal(account);
  const connection = account.attributes.isConnectionAccount === true;
  const neverExpires = account.attributes.neverExpires === true;

  if (!local) {
    warnings.push({
      kind: 'not-a-local-account',
      message: `${account.login} signs in with a ${account.attributes.principalSource} account, whose password is not kept on ${host}, so Rekey cannot force a change there.`,
    });
  }
  if (connection) {
    warnings.push({
      kind: 'connection-account',
      message: `${account.login} is the account Rekey connects to ${host} with; once it must change its password Windows refuses its network sign-ins (error 1907), so Rekey will not flag it in this run. Reset it last, from another account or at the console.`,
    });
  }
  const blocked = !local || connection;

  if (options.forceChange) {
    if (neverExpires && options.clearNeverExpires) {
      steps.push({ step: 'clear-never-expires', applicable: !blocked, description: stepDescriptions['clear-never-expires'] });
      warnings.push({
        kind: 'never-expires-will-be-cleared',
        message: `"Password never expires" is on for ${account.login} and will be turned off first; if this is a service account, its password will now age like any other.`,
      });
    }
    const flagBlocked = neverExpires && !options.clearNeverExpires;
    steps.push({ step: 'force-change', applicable: !blocked && !flagBlocked, description: stepDescriptions['force-change'] });
    if (flagBlocked) {
      warnings.push({
        kind: 'never-expires-blocks-flag',
        message: `"Password never expires" is on for ${account.login}, and Windows silently ignores "must change password" while it is; turn on "Clear password never expires" or this account cannot be flagged.`,
      });
    }
    if (context.userMayChangePassword === false && !blocked && !flagBlocked) {
      warnings.push({
        kind: 'user-cannot-change-password',
        message: `${account.login} is set so the user cannot change the password; once flagged, the user cannot sign in until an administrator sets a new password.`,
      });
    }
  }

  if (options.endSessions) {
    steps.push({ step: 'end-sessions', applicable: false, description: stepDescriptions['end-sessions'] });
    warnings.push({ kind: 'sessions-not-ended', message: 'interactive sessions are not ended; sign the user out or restart the machine' });
  }

  if (!account.enabled && !blocked) {
    const builtIn = builtInDescription(account.attributes.rid);
    warnings.push({
      kind: 'disabled-flag-applies-when-enabled',
      message: `${builtIn ? `${account.login} is ${builtIn} and` : `${account.login}`} is disabled; the flag takes effect when it is enabled again.`,
    });
  }
  if (context.hostFailure) {
    warnings.push({ kind: 'host-unreachable', message: context.hostFailure.sentence });
  }
  if (context.elevated === false) {
    warnings.push({
      kind: 'not-elevated',
      message: 'Rekey is not running as administrator on this computer, so Windows will refuse the change; restart Rekey with "Run as administrator".',
    });
  }
  return { account, steps, warnings };
}
