// Who is calling, and may they? Two ways in, as in a real org:
//  - SSWS API tokens: act with every admin role of the admin who created them;
//    scopes do not apply.
//  - OAuth 2.0 for Okta (API service apps): client credentials with a
//    private-key JWT client assertion at /oauth2/v1/token, optionally DPoP-bound
//    (RFC 9449), then `Authorization: Bearer|DPoP <token>` on API calls, limited
//    by the granted scopes and the admin roles assigned to the app.
// Failures answer the way Okta does: invalid_client / invalid_scope /
// use_dpop_nonce / invalid_dpop_proof at the token endpoint, 401 E0000011 for a
// bad token, 403 E0000006 (+ WWW-Authenticate insufficient_scope) for a missing
// scope, 400 invalid_dpop_proof with WWW-Authenticate for a bad proof.
import { generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Clock } from '../../core/ports';
import { errors, oauthError, OktaHttpError, oktaError } from './errors';
import { decodeJwt, hasPrivateMembers, JwtFormatError, jwkThumbprint, sha256base64url, signJwtRs256, supportedAlgorithms, verifyJwt, type DecodedJwt } from './jwt';
import type { ApiToken, OrgState, RoleType } from './state';

export type Principal =
  | { kind: 'ssws'; name: string; token: ApiToken }
  | { kind: 'oauth'; name: string; clientId: string; scopes: ReadonlySet<string>; tokenType: 'Bearer' | 'DPoP' };

export interface IncomingAuth {
  method: string;
  /** Absolute URL of the request without query: what a DPoP proof's htu must equal. */
  htu: string;
  authorization?: string;
  dpop?: string;
}

const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** How far a proof's iat may be from the server's time. */
const proofWindowSeconds = 300;
const tokenLifetimeSeconds = 3600;

export class AuthService {
  private readonly signingKey: KeyObject;
  private readonly keyId = `stand-in-${randomBytes(4).toString('hex')}`;
  private readonly usedAssertions = new Map<string, number>();
  private readonly usedProofs = new Map<string, number>();
  private nonce = { current: randomBytes(16).toString('base64url'), previous: '', issuedAt: 0 };
  private readonly issuedTokens = new Set<string>();
  /** Tokens made to expire early by the "token expiry" fault. */
  private readonly expiredTokens = new Set<string>();
  /** Token requests answered with use_dpop_nonce (how often the SDK had to do the nonce dance). */
  nonceChallenges = 0;

  /**
   * @param clock time for everything Okta stamps (rate windows, Date headers).
   * @param jwtClock time for validating JWTs the client minted: the SDK stamps
   *   them with the host's real time, so tests that fast-forward `clock` keep
   *   this one real.
   */
  constructor(
    private readonly state: OrgState,
    private readonly jwtClock: Clock,
  ) {
    this.signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  /** Make every access token issued so far expire now (the SDK must fetch a new one). */
  expireAccessTokens(): void {
    for (const jti of this.issuedTokens) this.expiredTokens.add(jti);
    this.issuedTokens.clear();
  }

  // ---- token endpoint --------------------------------------------------------

  issueToken(origin: string, form: URLSearchParams, dpopHeader: string | undefined): Record<string, unknown> {
    if (form.get('grant_type') !== 'client_credentials') {
      throw oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    }
    if (form.get('client_assertion_type') !== assertionType || !form.get('client_assertion')) {
      throw oauthError(401, 'invalid_client', 'Client authentication failed. Either the client or the client credentials are invalid.');
    }
    const tokenUrl = `${origin}/oauth2/v1/token`;
    const assertion = this.decodeOrReject(form.get('client_assertion')!, 'invalid_client', 'The client_assertion token is not a valid JWT.', 401);
    const clientId = typeof assertion.payload.iss === 'string' ? assertion.payload.iss : '';
    const app = this.state.apps.get(clientId);
    if (!app) throw oauthError(401, 'invalid_client', 'The client_assertion token contains an invalid issuer.');

    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (requested.length === 0) throw oauthError(400, 'invalid_scope', 'The authorization server resource does not have any configured default scopes, \'scope\' must be provided.');

    // DPoP first: a missing or nonce-less proof must not burn the assertion's jti.
    let jkt: string | undefined;
    if (app.dpopRequired) {
      if (!dpopHeader) throw oauthError(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.');
      const proof = this.checkProof(dpopHeader, 'POST', tokenUrl, (message) => oauthError(400, 'invalid_dpop_proof', message));
      const nonce = proof.decoded.payload.nonce;
      if (typeof nonce !== 'string' || !this.nonceIsCurrent(nonce)) {
        this.nonceChallenges++;
        throw oauthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'DPoP-Nonce': this.currentNonce() });
      }
      this.consumeProof(proof.decoded, (message) => oauthError(400, 'invalid_dpop_proof', message));
      jkt = proof.jkt;
    }

    this.checkAssertion(assertion, clientId, tokenUrl, app.jwks);
    const notGranted = requested.filter((scope) => !app.grantedScopes.has(scope));
    if (notGranted.length > 0) {
      throw oauthError(400, 'invalid_scope', `The following scopes are not allowed: ${notGranted.join(' ')}`);
    }

    const now = this.nowSeconds();
    const jti = `AT.${randomBytes(18).toString('base64url')}`;
    this.issuedTokens.add(jti);
    const accessToken = signJwtRs256(
      { kid: this.keyId, typ: 'application/okta-internal-at+jwt' },
      {
        ver: 1,
        jti,
        iss: origin,
        aud: origin,
        sub: clientId,
        iat: now,
        exp: now + tokenLifetimeSeconds,
        cid: clientId,
        scp: requested,
        ...(jkt ? { cnf: { jkt } } : {}),
      },
      this.signingKey,
    );
    return { token_type: jkt ? 'DPoP' : 'Bearer', expires_in: tokenLifetimeSeconds, access_token: accessToken, scope: requested.join(' ') };
  }

  private checkAssertion(assertion: DecodedJwt, clientId: string, tokenUrl: string, jwks: JsonWebKey[]): void {
    const { header, payload } = assertion;
    const reject = (description: string) => oauthError(401, 'invalid_client', description);
    if (typeof header.alg !== 'string' || !supportedAlgorithms.includes(header.alg)) throw reject('The client_assertion token has an unsupported signing algorithm.');
    const candidates = typeof header.kid === 'string' ? jwks.filter((key) => (key as { kid?: string }).kid === header.kid) : jwks;
    if (candidates.length === 0) throw reject('The client_assertion token has a kid which does not identify a key registered for the client.');
    if (!candidates.some((key) => verifyJwt(assertion, key))) throw reject('The client_assertion signature is invalid.');
    if (payload.sub !== clientId) throw reject('The client_assertion token must have the same value for the issuer and subject claims.');
    if (payload.aud !== tokenUrl) throw reject('The audience claim for client_assertion must be the endpoint invoked for the request.');
    const now = this.nowSeconds();
    if (typeof payload.exp !== 'number') throw reject('The client_assertion token must contain an exp claim.');
    if (payload.exp <= now) throw reject('The client_assertion token is expired.');
    if (payload.exp > now + 3600) throw reject('The client_assertion token has an expiration too far in the future.');
    if (typeof payload.jti !== 'string' || payload.jti.length === 0) throw reject('The client_assertion token must contain a jti claim.');
    this.prune(this.usedAssertions, now);
    if (this.usedAssertions.has(payload.jti)) throw reject('The client_assertion token has already been used.');
    this.usedAssertions.set(payload.jti, payload.exp);
  }

  // ---- API requests ------------------------------------------------------------

  authenticate(request: IncomingAuth, origin: string): Principal {
    const header = request.authorization ?? '';
    const [scheme = '', credential = ''] = header.split(/\s+/, 2);
    if (scheme === 'SSWS') {
      const token = this.state.apiTokens.get(credential);
      if (!token) throw errors.invalidToken();
      return { kind: 'ssws', name: `ssws:${token.name}`, token };
    }
    if (scheme !== 'Bearer' && scheme !== 'DPoP') throw errors.invalidToken();
    let decoded: DecodedJwt;
    try {
      decoded = decodeJwt(credential);
    } catch {
      throw errors.invalidToken();
    }
    const claims = decoded.payload;
    const publicKey = this.signingKey.export({ format: 'jwk' });
    const now = this.nowSeconds();
    if (decoded.header.kid !== this.keyId || !verifyJwt(decoded, publicKey) || claims.iss !== origin) throw errors.invalidToken();
    if (typeof claims.exp !== 'number' || claims.exp <= now || this.expiredTokens.has(String(claims.jti))) {
      throw this.tokenChallenge(401, scheme, origin, 'invalid_token', 'The token has expired.', oktaError('E0000011', 'Invalid token provided'));
    }
    const clientId = String(claims.cid);
    const app = this.state.apps.get(clientId);
    if (!app) throw errors.invalidToken();
    const cnf = claims.cnf as { jkt?: string } | undefined;
    if (cnf?.jkt) {
      if (scheme !== 'DPoP') {
        throw this.tokenChallenge(401, 'DPoP', origin, 'invalid_token', 'The access token is DPoP-bound; send it with the DPoP authorization scheme and a DPoP proof.', oktaError('E0000011', 'Invalid token provided'));
      }
      const fail = (message: string) => this.tokenChallenge(400, 'DPoP', origin, 'invalid_dpop_proof', message, undefined);
      if (!request.dpop) throw fail('The DPoP proof JWT header is missing.');
      const proof = this.checkProof(request.dpop, request.method, request.htu, fail);
      if (proof.decoded.payload.ath !== sha256base64url(credential)) throw fail("'ath' claim in the DPoP proof JWT is invalid.");
      if (proof.jkt !== cnf.jkt) throw fail('The DPoP proof JWT key does not match the key the access token is bound to.');
      this.consumeProof(proof.decoded, fail);
    } else if (scheme !== 'Bearer') {
      throw errors.invalidToken();
    }
    const scopes = new Set(Array.isArray(claims.scp) ? claims.scp.map(String) : []);
    return { kind: 'oauth', name: app.name, clientId, scopes, tokenType: cnf?.jkt ? 'DPoP' : 'Bearer' };
  }

  /** 403 with Okta's body and the WWW-Authenticate challenge naming the missing scope. */
  insufficientScope(principal: Principal, scope: string, origin: string, resource: string): OktaHttpError {
    const scheme = principal.kind === 'oauth' ? principal.tokenType : 'Bearer';
    return errors.accessDenied({
      'WWW-Authenticate': `${scheme} authorization_uri="${origin}/oauth2/v1/authorize", realm="${origin}", scope="${scope}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="${resource}"`,
    });
  }

  rolesOf(principal: Principal): RoleType[] {
    const roles = principal.kind === 'ssws' ? this.state.rolesOfUser(principal.token.userId) : this.state.rolesOfClient(principal.clientId);
    return roles.map((role) => role.type);
  }

  // ---- DPoP proofs ----------------------------------------------------------------

  private checkProof(proofText: string, method: string, htu: string, fail: (message: string) => OktaHttpError): { decoded: DecodedJwt; jkt: string } {
    let decoded: DecodedJwt;
    try {
      decoded = decodeJwt(proofText);
    } catch (error) {
      throw fail(error instanceof JwtFormatError ? 'The DPoP proof JWT is malformed.' : 'The DPoP proof JWT is invalid.');
    }
    const { header, payload } = decoded;
    if (header.typ !== 'dpop+jwt') throw fail("'typ' header in the DPoP proof JWT is invalid.");
    if (typeof header.alg !== 'string' || !supportedAlgorithms.includes(header.alg)) throw fail("'alg' header in the DPoP proof JWT is invalid.");
    const jwk = header.jwk as JsonWebKey | undefined;
    if (typeof jwk !== 'object' || jwk === null || hasPrivateMembers(jwk)) throw fail("'jwk' header in the DPoP proof JWT is invalid.");
    if (!verifyJwt(decoded, jwk)) throw fail('The DPoP proof JWT signature is invalid.');
    if (payload.htm !== method.toUpperCase()) throw fail("'htm' claim in the DPoP proof JWT is invalid.");
    if (payload.htu !== htu) throw fail("'htu' claim in the DPoP proof JWT is invalid.");
    const now = this.nowSeconds();
    if (typeof payload.iat !== 'number' || Math.abs(payload.iat - now) > proofWindowSeconds) throw fail("'iat' claim in the DPoP proof JWT is invalid.");
    if (typeof payload.jti !== 'string' || payload.jti.length === 0) throw fail("'jti' claim in the DPoP proof JWT is invalid.");
    let jkt: string;
    try {
      jkt = jwkThumbprint(jwk);
    } catch {
      throw fail("'jwk' header in the DPoP proof JWT is invalid.");
    }
    return { decoded, jkt };
  }

  private consumeProof(decoded: DecodedJwt, fail: (message: string) => OktaHttpError): void {
    const now = this.nowSeconds();
    this.prune(this.usedProofs, now);
    const jti = String(decoded.payload.jti);
    if (this.usedProofs.has(jti)) throw fail('The DPoP proof JWT has already been used.');
    this.usedProofs.set(jti, now + proofWindowSeconds);
  }

  private tokenChallenge(status: number, scheme: string, origin: string, error: string, description: string, body: ReturnType<typeof oktaError> | undefined): OktaHttpError {
    const algs = scheme === 'DPoP' ? ' algs="RS256 RS384 RS512 ES256 ES384 ES512",' : '';
    return new OktaHttpError(status, body, {
      'WWW-Authenticate': `${scheme}${algs} authorization_uri="${origin}/oauth2/v1/authorize", realm="${origin}", error="${error}", error_description="${description}"`,
    });
  }

  private currentNonce(): string {
    const now = this.nowSeconds();
    if (now - this.nonce.issuedAt > 300) {
      this.nonce = { current: randomBytes(16).toString('base64url'), previous: this.nonce.current, issuedAt: now };
    }
    return this.nonce.current;
  }

  private nonceIsCurrent(nonce: string): boolean {
    this.currentNonce();
    return nonce === this.nonce.current || nonce === this.nonce.previous;
  }

  private decodeOrReject(token: string, error: string, description: string, status: number): DecodedJwt {
    try {
      return decodeJwt(token);
    } catch {
      throw oauthError(status, error, description);
    }
  }

  private prune(cache: Map<string, number>, now: number): void {
    for (const [key, expiry] of cache) if (expiry < now) cache.delete(key);
  }

  private nowSeconds(): number {
    return Math.floor(this.jwtClock.now() / 1000);
  }
}
