// What went wrong with an Okta call, in a sentence an admin can act on, plus
// whether trying again can help. Okta errors arrive from the SDK as
// OktaApiError { status, errorCode, errorSummary, errorId, headers }; token
// endpoint refusals as OktaTokenError (client.ts); network trouble as
// OktaNetworkError (executor.ts).
import type { Clock } from '../core/ports';
import { OktaTokenError, SdkConfigurationError } from './client';
import { OktaNetworkError } from './executor';

export type OktaFailureKind =
  | 'rate-limited'
  | 'transient'
  | 'invalid-credentials'
  | 'missing-scope'
  | 'insufficient-role'
  | 'not-found'
  | 'status-not-allowed'
  | 'dpop'
  | 'token'
  | 'rejected'
  | 'cancelled'
  | 'configuration';

export interface OktaFailure {
  kind: OktaFailureKind;
  /** A sentence (or two) an admin can act on. */
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  status?: number;
  errorCode?: string;
  errorId?: string;
  requestId?: string;
  /** The scope Okta said is missing (insufficient_scope). */
  scope?: string;
}

export interface FailureSubject {
  /** How the failing call is described: "expire the password of ana@example.com". */
  action?: string;
  /** The account's id or login, for "not found" messages. */
  account?: string;
  authMode: 'api-token' | 'private-key';
  clock: Clock;
}

interface ApiErrorLike {
  status: number;
  errorCode?: unknown;
  errorSummary?: unknown;
  errorId?: unknown;
  headers?: { get(name: string): string | null };
}

export function describeFailure(error: unknown, subject: FailureSubject): OktaFailure {
  if (error instanceof OktaNetworkError) {
    return { kind: 'transient', retryable: true, message: `${error.message} Check the network or proxy to Okta; Rekey retries transient failures.`, errorCode: error.code ?? error.reason };
  }
  if (error instanceof OktaTokenError) return tokenFailure(error);
  if (error instanceof SdkConfigurationError) return { kind: 'configuration', retryable: false, message: error.message };
  if (isAbort(error)) return { kind: 'cancelled', retryable: false, message: 'Cancelled before Okta answered.' };
  if (isApiError(error)) return apiFailure(error, subject);
  const text = error instanceof Error ? error.message : String(error);
  return { kind: 'rejected', retryable: false, message: `The Okta request failed unexpectedly: ${text}` };
}

function apiFailure(error: ApiErrorLike, subject: FailureSubject): OktaFailure {
  const status = error.status;
  const errorCode = typeof error.errorCode === 'string' ? error.errorCode : undefined;
  const summary = typeof error.errorSummary === 'string' && error.errorSummary ? error.errorSummary : undefined;
  const base = {
    status,
    errorCode,
    errorId: typeof error.errorId === 'string' ? error.errorId : undefined,
    requestId: error.headers?.get('x-okta-request-id') ?? undefined,
  };
  const code = errorCode ? ` (${errorCode})` : '';
  const challenge = parseChallenge(error.headers?.get('www-authenticate') ?? null);
  const action = subject.action ?? 'do this';

  if (status === 429) {
    const retryAfterMs = retryAfter(error, subject.clock);
    const when = retryAfterMs !== undefined ? ` for about ${Math.max(1, Math.round(retryAfterMs / 1000))} s` : '';
    return { ...base, kind: 'rate-limited', retryable: true, retryAfterMs, message: `Okta's rate limit for these requests is used up${when}${code}; the budget is shared by every app in the org. Rekey waits for the reset and retries.` };
  }
  if (status >= 500) {
    return { ...base, kind: 'transient', retryable: true, message: `Okta answered ${status}${summary ? ` "${summary}"` : ''}${code}: a problem on Okta's side that usually passes. Rekey retries.` };
  }
  if (challenge.error === 'invalid_dpop_proof') {
    return { ...base, kind: 'dpop', retryable: false, message: `Okta rejected the DPoP proof sent with the request${challenge.description ? ` ("${challenge.description}")` : ''}. Check that this computer's clock is right; if it is, report this to Rekey's maintainers.` };
  }
  if (status === 401) {
    const message =
      subject.authMode === 'api-token'
        ? `Okta rejected the API token${code}: it was revoked, expired after 30 days without use, or its creator was deactivated. Create a new token (Security > API > Tokens) and save it in Rekey's Okta connection.`
        : `Okta rejected Rekey's access token${code}. Run "Check connection"; if it fails, make sure the service app is active and still has Rekey's public key.`;
    return { ...base, kind: 'invalid-credentials', retryable: false, message };
  }
  if (status === 403 && challenge.error === 'insufficient_scope') {
    const scope = challenge.scope ?? 'the required';
    return { ...base, kind: 'missing-scope', retryable: false, scope, message: `The Okta app is not granted the ${scope} scope, so Okta refused to ${action}${code}. Grant it in the Admin Console: Applications > Applications > (Rekey's app) > Okta API Scopes > ${scope} > Grant.` };
  }
  if (status === 403 && errorCode === 'E0000038') {
    return { ...base, kind: 'status-not-allowed', retryable: false, message: `Okta does not allow this for the account in its current status${code}, so it was not changed.` };
  }
  if (status === 403) {
    const message =
      subject.authMode === 'api-token'
        ? `Okta refused to ${action}${code}: the admin who created the API token lacks the permission. Use a token created by a Super Administrator (needed for other admins' accounts) or a User Administrator.`
        : `Okta refused to ${action}${code}: the service app's admin role does not allow it. Assign the app the Super Administrator role (needed for other admins' accounts) or the User Administrator role (Applications > (Rekey's app) > Admin roles).`;
    return { ...base, kind: 'insufficient-role', retryable: false, message };
  }
  if (status === 404) {
    const who = subject.account ? ` ${subject.account}` : ' this account';
    return { ...base, kind: 'not-found', retryable: false, message: `Okta has no user${who}${code}: it was deleted or the id is wrong. Refresh the account list.` };
  }
  return { ...base, kind: 'rejected', retryable: false, message: `Okta refused to ${action}: ${status}${summary ? ` "${summary}"` : ''}${code}.` };
}

function tokenFailure(error: OktaTokenError): OktaFailure {
  const detail = error.description ? ` ("${error.description}")` : '';
  const errorCode = error.error;
  switch (error.error) {
    case 'invalid_client':
      return { kind: 'invalid-credentials', retryable: false, errorCode, message: `Okta refused Rekey's client credentials${detail}. Check the client id, and that the public key Rekey shows is added to the service app (Applications > (Rekey's app) > General > Public keys).` };
    case 'invalid_scope':
      return { kind: 'missing-scope', retryable: false, errorCode, message: `Okta refused the scopes Rekey asked for${detail}. Grant them on the app's Okta API Scopes tab.` };
    case 'unauthorized_client':
      return { kind: 'invalid-credentials', retryable: false, errorCode, message: `The Okta app may not use the client credentials grant${detail}. Create an "API Services" app integration for Rekey.` };
    case 'invalid_dpop_proof':
    case 'use_dpop_nonce':
      return { kind: 'dpop', retryable: false, errorCode, message: `Okta rejected the DPoP proof for the token request${detail}. Check that this computer's clock is right.` };
    default:
      return { kind: 'token', retryable: false, errorCode, message: `Okta refused to issue an access token: ${error.error}${detail}.` };
  }
}

/** How long until the rate window resets, measured against the server's own Date header. */
function retryAfter(error: ApiErrorLike, clock: Clock): number | undefined {
  const reset = Number(error.headers?.get('x-rate-limit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  const date = Date.parse(error.headers?.get('date') ?? '');
  const serverNow = Number.isFinite(date) ? date : clock.now();
  return Math.max(0, reset * 1000 - serverNow) + 1000;
}

/** Fields of a WWW-Authenticate challenge: error, error_description, scope. */
export function parseChallenge(header: string | null): { error?: string; description?: string; scope?: string } {
  if (!header) return {};
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(header)?.[1];
  return { error: field('error'), description: field('error_description'), scope: field('scope') };
}

function isApiError(error: unknown): error is ApiErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as { name?: unknown }).name === 'AbortError' || (error as { name?: unknown }).name === 'CancelledError');
}
