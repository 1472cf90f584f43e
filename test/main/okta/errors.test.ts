// Okta's answers turned into sentences an admin can act on.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/core/ports';
import { OktaTokenError } from '../../../main/okta/client';
import { describeFailure, parseChallenge } from '../../../main/okta/errors';
import { OktaNetworkError } from '../../../main/okta/executor';
import { sdk } from '../../../main/okta/sdk';

const apiError = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new sdk.OktaApiError('https://example.okta.com/api/v1/users/00u1', status, body, new Headers({ 'x-okta-request-id': 'req-1', ...headers }) as never);
const okta = (code: string, summary: string) => ({ errorCode: code, errorSummary: summary, errorLink: code, errorId: 'oae123', errorCauses: [] });
const asToken = { authMode: 'api-token' as const, clock: systemClock, action: 'expire the password of ana@example.com', account: 'ana@example.com' };
const asApp = { ...asToken, authMode: 'private-key' as const };

describe('describeFailure', () => {
  it('401 E0000011 tells the token owner what to renew', () => {
    const failure = describeFailure(apiError(401, okta('E0000011', 'Invalid token provided')), asToken);
    expect(failure).toMatchObject({ kind: 'invalid-credentials', status: 401, errorCode: 'E0000011', errorId: 'oae123', requestId: 'req-1', retryable: false });
    expect(failure.message).toMatch(/API token.*Security > API > Tokens/);
    expect(describeFailure(apiError(401, okta('E0000011', 'Invalid token provided')), asApp).message).toMatch(/Check connection/);
  });

  it('404 E0000007 names the account', () => {
    const failure = describeFailure(apiError(404, okta('E0000007', 'Not found: Resource not found: 00u1 (User)')), asApp);
    expect(failure).toMatchObject({ kind: 'not-found', errorCode: 'E0000007' });
    expect(failure.message).toBe('Okta has no user ana@example.com (E0000007): it was deleted or the id is wrong. Refresh the account list.');
  });

  it('403 with insufficient_scope names the scope and where to grant it', () => {
    const challenge = 'DPoP algs="RS256", authorization_uri="https://example.okta.com/oauth2/v1/authorize", realm="https://example.okta.com", scope="okta.users.manage", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/users/00u1/lifecycle/expire_password"';
    const failure = describeFailure(apiError(403, okta('E0000006', 'You do not have permission to perform the requested action'), { 'www-authenticate': challenge }), asApp);
    expect(failure).toMatchObject({ kind: 'missing-scope', scope: 'okta.users.manage' });
    expect(failure.message).toMatch(/not granted the okta\.users\.manage scope.*Okta API Scopes > okta\.users\.manage > Grant/);
  });

  it('403 E0000006 without a scope challenge is about the admin role', () => {
    expect(describeFailure(apiError(403, okta('E0000006', 'You do not have permission to perform the requested action')), asApp)).toMatchObject({ kind: 'insufficient-role', message: expect.stringContaining('Super Administrator') });
    expect(describeFailure(apiError(403, okta('E0000006', 'x')), asToken).message).toMatch(/admin who created the API token/);
  });

  it('403 E0000038 is a status Okta does not allow, not an error of Rekey\'s', () => {
    expect(describeFailure(apiError(403, okta('E0000038', "This operation is not allowed in the user's current status.")), asApp)).toMatchObject({ kind: 'status-not-allowed', retryable: false });
  });

  it('429 is retryable, with the wait measured from Okta\'s Date and reset headers', () => {
    const date = new Date('2026-01-01T00:00:10Z');
    const failure = describeFailure(apiError(429, okta('E0000047', 'API call exceeded rate limit due to too many requests.'), { date: date.toUTCString(), 'x-rate-limit-reset': String(date.getTime() / 1000 + 50) }), asApp);
    expect(failure).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 51_000 });
    expect(failure.message).toMatch(/shared by every app in the org/);
  });

  it('5xx and network trouble are transient', () => {
    expect(describeFailure(apiError(503, okta('E0000010', 'Service is temporarily unavailable.')), asApp)).toMatchObject({ kind: 'transient', retryable: true });
    expect(describeFailure(new OktaNetworkError('connection', 'Could not reach Okta at example.okta.com: the connection was reset.', 'ECONNRESET'), asApp)).toMatchObject({ kind: 'transient', retryable: true, errorCode: 'ECONNRESET' });
  });

  it('a DPoP proof rejection is reported as such', () => {
    const failure = describeFailure(new sdk.OktaApiError('u', 400, {}, new Headers({ 'www-authenticate': 'DPoP error="invalid_dpop_proof", error_description="\'htu\' claim in the DPoP proof JWT is invalid."' }) as never), asApp);
    expect(failure).toMatchObject({ kind: 'dpop' });
    expect(failure.message).toContain("'htu' claim");
  });

  it('token endpoint refusals keep Okta\'s own words', () => {
    expect(describeFailure(new OktaTokenError('invalid_client', 'The client_assertion signature is invalid.'), asApp)).toMatchObject({ kind: 'invalid-credentials', errorCode: 'invalid_client', message: expect.stringContaining('signature is invalid') });
    expect(describeFailure(new OktaTokenError('invalid_scope', 'The following scopes are not allowed: okta.roles.read'), asApp)).toMatchObject({ kind: 'missing-scope' });
  });

  it('parses WWW-Authenticate challenges', () => {
    expect(parseChallenge('Bearer realm="x", error="invalid_token", error_description="The token has expired."')).toEqual({ error: 'invalid_token', description: 'The token has expired.', scope: undefined });
    expect(parseChallenge(null)).toEqual({});
  });
});
