// What a reset will do to one Okta account, decided from what the listing
// already knows (status, credential provider, admin roles): no requests.
//
// Okta lets an admin expire a password only for users who have one and can
// sign in: ACTIVE, PASSWORD_EXPIRED (again is harmless), LOCKED_OUT, RECOVERY.
// Clearing sessions makes sense for anyone who may hold a session.
import type { Account, AccountPlan, PlanWarning, PlannedStep, ResetOptions } from '../core/domain';

export const expirableStatuses: ReadonlySet<string> = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);

const notExpirableBecause: Record<string, string> = {
  STAGED: 'The user was never activated (STAGED): there is no password to expire.',
  PROVISIONED: 'The user has not finished activation (PROVISIONED) and has no password yet; Okta does not allow expiring it.',
  SUSPENDED: 'The user is suspended (SUSPENDED): they cannot sign in, and Okta does not allow expiring the password until the user is unsuspended.',
  DEPROVISIONED: 'The user is deactivated (DEPROVISIONED): they cannot sign in and Okta does not allow expiring the password.',
};

const noSessionsBecause: Record<string, string> = {
  STAGED: 'The user was never activated (STAGED), so there are no sessions to end.',
  DEPROVISIONED: 'Deactivating the user (DEPROVISIONED) already ended their sessions.',
};

export interface PlanContext {
  /** The admin roles Rekey's own connection holds, when known. */
  connectionRoles?: readonly string[];
}

export function planOktaReset(account: Account, options: ResetOptions, context: PlanContext = {}): AccountPlan {
  const status = account.attributes.status ?? 'UNKNOWN';
  const provider = account.attributes.credentialProvider ?? 'OKTA';
  const steps: PlannedStep[] = [];
  const warnings: PlanWarning[] = [];

  if (options.forceChange) {
    const federated = provider === 'FEDERATION' || provider === 'SOCIAL';
    if (federated) {
      steps.push({ step: 'force-change', applicable: false, description: 'The user signs in through an external identity provider; Okta holds no password to expire.' });
      warnings.push({ kind: 'federated-password', message: `${account.login} signs in through an external identity provider (${provider}): reset the credential there, and end the Okta sessions here.` });
    } else if (!expirableStatuses.has(status)) {
      steps.push({ step: 'force-change', applicable: false, description: notExpirableBecause[status] ?? `Okta does not allow expiring the password of a user in status ${status}.` });
    } else {
      steps.push({
        step: 'force-change',
        applicable: true,
        description:
          status === 'PASSWORD_EXPIRED'
            ? 'Expire the password (it is already expired; expiring it again keeps the user on "change password at next sign-in").'
            : 'Expire the password: Okta sets the status to PASSWORD_EXPIRED and the user must choose a new password at next sign-in.',
      });
      if (provider === 'ACTIVE_DIRECTORY' || provider === 'LDAP') {
        const where = provider === 'ACTIVE_DIRECTORY' ? 'Active Directory' : 'the LDAP directory';
        warnings.push({
          kind: 'ad-delegated-password',
          message: `${account.login}'s password is delegated to ${where}: expiring it in Okta also expires it in ${where}, so the user must change it at their next sign-in to any system that uses it.`,
        });
      }
    }
  }

  if (options.endSessions) {
    const reason = noSessionsBecause[status];
    const what = options.revokeOAuthTokens ? 'End all Okta sessions and revoke the OAuth and OpenID Connect tokens issued to the user' : 'End all Okta sessions (OAuth tokens are kept)';
    steps.push(
      reason
        ? { step: 'end-sessions', applicable: false, description: reason }
        : { step: 'end-sessions', applicable: true, description: `${what}${options.forgetDevices ? ', and forget remembered devices' : ''}.` },
    );
  }

  if (account.privileged && context.connectionRoles && !context.connectionRoles.includes('SUPER_ADMIN')) {
    warnings.push({
      kind: 'privileged-needs-stronger-role',
      message: `${account.login} is an Okta admin (${account.privilegedWhy ?? 'admin role'}). Okta lets only a Super Administrator (or an Org Administrator, for non-super admins) reset admins; Rekey's connection holds ${context.connectionRoles.length ? context.connectionRoles.join(', ') : 'no admin role'}.`,
    });
  }
  if (account.attributes.isConnectionAccount) {
    warnings.push({
      kind: 'connection-account',
      message: `Rekey connects to Okta with ${account.login}'s API token. The reset does not revoke that token, but this admin will have to change their password at next sign-in; consider an API service app instead.`,
    });
  }
  return { account, steps, warnings };
}
