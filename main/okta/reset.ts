// Applying a reset to one Okta account and re-reading its state.
//   force-change: POST /api/v1/users/{id}/lifecycle/expire_password  -> 200 User, status PASSWORD_EXPIRED
//   end-sessions: DELETE /api/v1/users/{id}/sessions?oauthTokens=..&forgetDevices=.. -> 204
//   verify:       GET /api/v1/users/{id} -> mustChange is "yes" iff status is PASSWORD_EXPIRED.
// Okta offers no way to read when sessions were revoked, so verification says
// nothing about sessions (sessionsRevokedSince stays undefined).
import type { Account, AccountResetResult, ResetItem, ResetOptions, StepKind, StepResult, VerifiedState } from '../core/domain';
import { callOkta, type CallOutcome } from './call';
import type { OktaFailure } from './errors';
import type { OktaSession } from './session';

/** Failures after which the account's other steps cannot succeed either. */
const stopsTheAccount = new Set<OktaFailure['kind']>(['not-found', 'invalid-credentials', 'configuration']);

/**
 * The SDK puts the user id into the URL path as one encoded segment. Three
 * values cannot be one user's segment: "." and ".." are dot segments, which
 * URL parsing removes (POST /api/v1/users/../lifecycle/expire_password went to
 * /api/v1/lifecycle/expire_password in the resilience suite), and "me" is
 * Okta's alias for the caller (with an API token, the admin who made it).
 * Such an account is refused before anything is sent. Why, or undefined.
 */
export function unaddressableUserId(id: string): string | undefined {
  if (id === '' || id === '.' || id === '..') return 'it would address another part of the Okta API';
  if (id.toLowerCase() === 'me') return "it is Okta's alias for the signed-in admin";
  return undefined;
}

function refusedId(account: Account, why: string): string {
  return `${account.login} has the id "${account.id}", which Okta would not read as this user's id (${why}); nothing was sent. Refresh the account list; if the id stays, check the user in the Okta Admin Console.`;
}

export async function resetAccount(session: OktaSession, item: ResetItem, options: ResetOptions, signal: AbortSignal): Promise<AccountResetResult> {
  const { account } = item;
  const steps: StepResult[] = [];
  const unaddressable = unaddressableUserId(account.id);
  if (unaddressable) {
    const at = new Date(session.clock.now()).toISOString();
    const message = refusedId(account, unaddressable);
    return { directoryId: account.directoryId, accountId: account.id, steps: item.steps.map((step) => ({ step, status: 'failed', message, evidence: [], at, retryable: false })) };
  }
  // A connection that cannot be built (no secret saved, SDK refused the settings) fails every step, with the reason.
  let stopReason = await session.sdk().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  if (stopReason) {
    const at = new Date(session.clock.now()).toISOString();
    return { directoryId: account.directoryId, accountId: account.id, steps: item.steps.map((step) => ({ step, status: 'failed', message: stopReason as string, evidence: [], at })) };
  }
  for (const step of item.steps) {
    const at = () => new Date(session.clock.now()).toISOString();
    if (signal.aborted) {
      steps.push({ step, status: 'cancelled', message: 'Cancelled before this step ran.', evidence: [], at: at() });
      continue;
    }
    if (stopReason) {
      steps.push({ step, status: 'skipped', message: `Not attempted: ${stopReason}`, evidence: [], at: at() });
      continue;
    }
    const result = await runStep(session, account, step, options, signal);
    steps.push(result.step);
    if (result.failure && stopsTheAccount.has(result.failure.kind)) stopReason = result.failure.message;
  }
  return { directoryId: account.directoryId, accountId: account.id, steps };
}

async function runStep(session: OktaSession, account: Account, step: StepKind, options: ResetOptions, signal: AbortSignal): Promise<{ step: StepResult; failure?: OktaFailure }> {
  const at = () => new Date(session.clock.now()).toISOString();
  if (step === 'clear-never-expires') {
    return { step: { step, status: 'not-applicable', message: 'Okta has no "password never expires" flag; its password policy decides expiry.', evidence: [], at: at() } };
  }
  const client = await session.sdk();
  if (step === 'force-change') {
    const outcome = await callOkta(session.policy, { signal, idempotent: true, action: `expire the password of ${account.login}`, account: account.login }, () =>
      client.userApi.expirePassword({ userId: account.id }),
    );
    if (!outcome.ok) return failed(step, outcome, at());
    const status = outcome.value.status;
    if (status !== 'PASSWORD_EXPIRED') {
      return {
        step: { step, status: 'failed', message: `Okta accepted the request but reports status ${status ?? 'unknown'} instead of PASSWORD_EXPIRED; the user may not be asked for a new password.`, evidence: outcome.evidence, at: at() },
      };
    }
    const provider = outcome.value.credentials?.provider;
    const delegated = provider?.type === 'ACTIVE_DIRECTORY' ? ` It was also expired in Active Directory${provider.name ? ` (${provider.name})` : ''}.` : provider?.type === 'LDAP' ? ' It was also expired in the LDAP directory.' : '';
    return { step: { step, status: 'done', message: `Password expired: Okta status is PASSWORD_EXPIRED, so the user must choose a new password at next sign-in.${delegated}`, evidence: outcome.evidence, at: at() } };
  }
  // Both flags are always sent: oauthTokens defaults to false, and forgetDevices defaults differ between Identity Engine and Classic.
  const outcome = await callOkta(session.policy, { signal, idempotent: true, action: `end the sessions of ${account.login}`, account: account.login }, () =>
    client.userApi.revokeUserSessions({ userId: account.id, oauthTokens: options.revokeOAuthTokens, forgetDevices: options.forgetDevices }),
  );
  if (!outcome.ok) return failed(step, outcome, at());
  const parts = ['Okta sessions ended', options.revokeOAuthTokens ? 'OAuth and OpenID Connect tokens revoked' : 'OAuth tokens kept (not requested)', options.forgetDevices ? 'remembered devices forgotten' : 'remembered devices kept'];
  return { step: { step, status: 'done', message: `${parts.join('; ')}.`, evidence: outcome.evidence, at: at() } };
}

function failed(step: StepKind, outcome: Extract<CallOutcome<unknown>, { ok: false }>, at: string): { step: StepResult; failure: OktaFailure } {
  const { failure } = outcome;
  const status = failure.kind === 'cancelled' ? 'cancelled' : failure.kind === 'status-not-allowed' ? 'not-applicable' : 'failed';
  return {
    failure,
    step: {
      step,
      status,
      message: failure.message,
      evidence: outcome.evidence,
      at,
      ...(status === 'failed' && failure.retryable ? { retryable: true } : {}),
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    },
  };
}

export async function readAccountState(session: OktaSession, account: Account, signal?: AbortSignal): Promise<VerifiedState> {
  const unaddressable = unaddressableUserId(account.id);
  if (unaddressable) {
    const checkedAt = new Date(session.clock.now()).toISOString();
    return { directoryId: account.directoryId, accountId: account.id, checkedAt, via: 'Okta API', evidence: [], mustChange: 'unknown', error: refusedId(account, unaddressable) };
  }
  let client: Awaited<ReturnType<OktaSession['sdk']>>;
  try {
    client = await session.sdk();
  } catch (error) {
    const checkedAt = new Date(session.clock.now()).toISOString();
    return { directoryId: account.directoryId, accountId: account.id, checkedAt, via: 'Okta API', evidence: [], mustChange: 'unknown', error: error instanceof Error ? error.message : String(error) };
  }
  const outcome = await callOkta(session.policy, { signal, idempotent: true, action: `read ${account.login}`, account: account.login }, () => client.userApi.getUser({ userId: account.id }));
  const checkedAt = new Date(session.clock.now()).toISOString();
  const base = { directoryId: account.directoryId, accountId: account.id, checkedAt, via: 'Okta API', evidence: outcome.evidence, sessionsRevokedSince: undefined };
  if (!outcome.ok) return { ...base, mustChange: 'unknown', error: outcome.failure.message };
  const status = outcome.value.status;
  return { ...base, mustChange: status === 'PASSWORD_EXPIRED' ? 'yes' : 'no', directoryStatus: status };
}
