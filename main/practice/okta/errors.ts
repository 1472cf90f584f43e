// Okta's error bodies, as the Management API sends them:
// { errorCode, errorSummary, errorLink, errorId, errorCauses }.
// The codes and summaries below are the ones Okta documents for the cases the
// stand-in reproduces; errorId is a fresh opaque id per response, like Okta's.
import { randomBytes } from 'node:crypto';

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** A response the stand-in should send instead of the normal result. */
export class OktaHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: OktaErrorBody | Record<string, unknown> | undefined,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}${body && 'errorCode' in body ? ` ${String(body.errorCode)}` : ''}`);
  }
}

export function newErrorId(): string {
  return `oae${randomBytes(16).toString('base64url').replace(/[-_]/g, 'x').slice(0, 22)}`;
}

export function oktaError(code: string, summary: string, causes: string[] = []): OktaErrorBody {
  return { errorCode: code, errorSummary: summary, errorLink: code, errorId: newErrorId(), errorCauses: causes.map((errorSummary) => ({ errorSummary })) };
}

export const errors = {
  invalidToken: () => new OktaHttpError(401, oktaError('E0000011', 'Invalid token provided')),
  accessDenied: (headers: Record<string, string> = {}) =>
    new OktaHttpError(403, oktaError('E0000006', 'You do not have permission to perform the requested action'), headers),
  userNotFound: (id: string) => new OktaHttpError(404, oktaError('E0000007', `Not found: Resource not found: ${id} (User)`)),
  groupNotFound: (id: string) => new OktaHttpError(404, oktaError('E0000007', `Not found: Resource not found: ${id} (UserGroup)`)),
  resourceNotFound: (path: string) => new OktaHttpError(404, oktaError('E0000007', `Not found: Resource not found: ${path} (Resource)`)),
  methodNotAllowed: () => new OktaHttpError(405, oktaError('E0000022', 'The endpoint does not support the provided HTTP method')),
  statusNotAllowed: () => new OktaHttpError(403, oktaError('E0000038', "This operation is not allowed in the user's current status.")),
  invalidSearch: (detail: string) => new OktaHttpError(400, oktaError('E0000031', 'Invalid search criteria.', [detail])),
  badParameter: (detail: string) => new OktaHttpError(400, oktaError('E0000001', 'Api validation failed: parameter', [detail])),
  tooManyRequests: (headers: Record<string, string>) =>
    new OktaHttpError(429, oktaError('E0000047', 'API call exceeded rate limit due to too many requests.'), headers),
  internal: () => new OktaHttpError(500, oktaError('E0000009', 'Internal Server Error')),
  unavailable: () => new OktaHttpError(503, oktaError('E0000010', 'Service is temporarily unavailable. Please try again later.')),
};

/** An OAuth 2.0 error from the token endpoint: RFC 6749 shape, not Okta's. */
export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): OktaHttpError {
  return new OktaHttpError(status, { error, error_description: description }, headers);
}
