// What went wrong, in sentences an admin can act on: which role or
// permission is missing and where to add it, which user is synced from
// on-premises, what to retry. Graph's own code and message stay in the
// evidence; these sentences are what the console and the report show.
import type { Account } from '../core/domain';
import type { PermissionReport } from './permissions';

export type Operation = 'force-change' | 'end-sessions' | 'read';

export interface FailureFacts {
  status: number;
  errorCode?: string;
  errorMessage?: string;
  /** How many times the request was sent. */
  attempts: number;
  /** Still throttled / unavailable when attempts ran out. */
  exhausted: boolean;
}

export interface FailureContext {
  operation: Operation;
  account: Pick<Account, 'login' | 'privileged' | 'privilegedWhy'>;
  mode: 'delegated' | 'app-only';
  /** "meganb@contoso.com" or "the app's service principal". */
  actor: string;
  /** The latest permission check, when one ran. */
  permissions?: PermissionReport;
}

export interface Explanation {
  message: string;
  retryable: boolean;
}

const onPremisesMarker = 'on-premises mastered';

const neededPermission: Record<Operation, string> = {
  'force-change': 'User-PasswordProfile.ReadWrite.All',
  'end-sessions': 'User.RevokeSessions.All',
  read: 'User.Read.All',
};

const doing: Record<Operation, string> = {
  'force-change': 'setting "change password at next sign-in"',
  'end-sessions': 'ending sessions',
  read: 're-reading the account',
};

export function isOnPremisesRefusal(facts: Pick<FailureFacts, 'status' | 'errorMessage'>): boolean {
  return facts.status === 400 && (facts.errorMessage ?? '').includes(onPremisesMarker);
}

export function explainFailure(facts: FailureFacts, context: FailureContext): Explanation {
  const { login } = context.account;
  const what = doing[context.operation];
  const reconnect = context.mode === 'delegated' ? 'sign in again from Connections' : 'reconnect the app-only connection from Connections';

  if (facts.errorCode === 'SignInRequiredError' || facts.errorCode === 'InteractionRequiredAuthError') {
    return { message: `Rekey's Entra ID sign-in expired or was revoked before ${what} for ${login}; ${reconnect} and run again.`, retryable: false };
  }
  if (facts.status === 0) {
    return {
      message: `Microsoft Graph did not answer while ${what} for ${login} (network failure or timeout) after ${facts.attempts} attempt(s); the change may or may not have applied, so run it again and let verify decide.`,
      retryable: true,
    };
  }
  if (isOnPremisesRefusal(facts)) {
    return {
      message: `${login} is synchronised from on-premises Active Directory, so Entra ID refuses the change in the cloud; set "User must change password at next logon" for this user in Active Directory instead.`,
      retryable: false,
    };
  }
  switch (facts.status) {
    case 401:
      return { message: `Microsoft Graph no longer accepts Rekey's token while ${what} for ${login}; ${reconnect} and run again.`, retryable: false };
    case 403:
      return { message: forbidden(context), retryable: false };
    case 404:
      return { message: `${login} no longer exists in Entra ID (deleted, or the list is stale); refresh the account list before running again.`, retryable: false };
    case 424:
      return { message: `The request for ${login} was not run because a request it depended on failed; see that step.`, retryable: true };
    case 429:
      return {
        message: `Microsoft Graph kept throttling requests (429) for ${login} after ${facts.attempts} attempt(s), each after its Retry-After; nothing was changed by this step, so run again later or lower the rate share in Settings.`,
        retryable: true,
      };
    case 500:
    case 502:
    case 503:
    case 504:
      return {
        message: `Microsoft Graph failed with ${facts.status}${facts.errorCode ? ` ${facts.errorCode}` : ''} while ${what} for ${login} after ${facts.attempts} attempt(s); try again later.`,
        retryable: true,
      };
    case 400:
      if (context.operation === 'force-change') {
        // Besides synced users (handled above), Graph refuses passwordProfile for users whose
        // sign-in is federated to another identity provider: Entra ID does not hold their password.
        return {
          message: `Microsoft Graph refused to set "change password at next sign-in" for ${login} (${facts.errorCode ?? 'BadRequest'}: ${facts.errorMessage ?? 'no details'}). This is what happens when the user's sign-in is federated to another identity provider, which holds the password: set the flag there. If ${login} is not federated, report it with the request id from the evidence.`,
          retryable: false,
        };
      }
      return {
        message: `Microsoft Graph refused the request for ${login} as invalid (${facts.errorCode ?? 'BadRequest'}: ${facts.errorMessage ?? 'no details'}); this is a Rekey defect, please report it with the request id from the evidence.`,
        retryable: false,
      };
    default:
      return {
        message: `Microsoft Graph answered ${facts.status}${facts.errorCode ? ` ${facts.errorCode}` : ''} while ${what} for ${login}: ${facts.errorMessage ?? 'no details'}.`,
        retryable: facts.status >= 500,
      };
  }
}

/** 403: a missing permission (when the last check says so), else the directory role the target needs. */
function forbidden(context: FailureContext): string {
  const { account, operation, actor, mode, permissions } = context;
  const permission = neededPermission[operation];
  const permissionCheck = permissions?.checks.find((c) => c.name === permission);
  if (permissionCheck && !permissionCheck.satisfied) {
    const fix = permissionCheck.fix ?? 'Add it and grant admin consent.';
    return `Rekey's app registration has no ${permission} permission, which is needed for ${doing[operation]} (${account.login}); ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`;
  }
  if (operation === 'read') {
    return `${actor} may not read ${account.login} in Entra ID; grant User.Read.All to Rekey's app registration and run Check permissions.`;
  }
  const holder = mode === 'delegated' ? actor : "the app's service principal";
  if (account.privileged) {
    return `${account.login} is an admin (${account.privilegedWhy ?? 'holds a directory role'}), and ${doing[operation]} for an admin needs the Privileged Authentication Administrator role, which ${holder} does not hold; assign it in Roles and administrators or exclude this admin from the run.`;
  }
  return `${holder} lacks a directory role that allows ${doing[operation]} for ${account.login}; assign User Administrator (or Privileged Authentication Administrator) in Roles and administrators and run again.`;
}
