// A fake Microsoft identity platform (v2.0 endpoints) for one tenant, good
// enough for an unmodified MSAL Node:
//   GET  /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys
//   GET  /{tenant}/oauth2/v2.0/authorize   auth code + PKCE (S256 required), answered by form_post to the loopback redirect
//   POST /{tenant}/oauth2/v2.0/devicecode  device authorization (approve() / the /devicelogin page sign it in)
//   POST /{tenant}/oauth2/v2.0/token       authorization_code, refresh_token, device_code, client_credentials (certificate assertion)
// {tenant} is the tenant id or its domain. Access tokens are RS256 JWTs for
// https://graph.microsoft.com carrying scp (delegated) or roles (app-only),
// tid, oid, exp; refresh tokens are opaque and stop working when the user's
// sessions are revoked. "The browser" is signed in as one user (signIn()).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isoSeconds } from './seed';
import type { AppRegistration, TenantState, UserState } from './state';
import { jwks, signJwt, verifyClientAssertion, type SigningKey } from './tokens';

export const graphResource = 'https://graph.microsoft.com';
const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);
const defaultMemberRole = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

export interface AuthorityOptions {
  state: TenantState;
  key: SigningKey;
  origin: () => string;
  now?: () => number;
  accessTokenLifetimeSeconds?: number;
  /** Device code polling interval sent to clients (Entra: 5). Tests may use fractions. */
  deviceCodeIntervalSeconds?: number;
}

export interface AuthorityRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
}

export interface AuthorityResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  scopes: string[];
  nonce?: string;
  expiresAt: number;
}
interface RefreshToken {
  clientId: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
}
interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  approvedUserId?: string;
  declined?: boolean;
  redeemed?: boolean;
}

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeAuthority {
  /** The user "the browser" is signed in as (object id). */
  private browserUserId: string | undefined;
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly deviceCodes = new Map<string, DeviceCode>();
  private issued: string[] = [];
  private readonly expired = new Set<string>();
  readonly grants = { authorization_code: 0, refresh_token: 0, device_code: 0, client_credentials: 0 };
  private readonly now: () => number;
  accessTokenLifetimeSeconds: number;
  deviceCodeIntervalSeconds: number;

  constructor(private readonly options: AuthorityOptions) {
    this.now = options.now ?? (() => Date.now());
    this.accessTokenLifetimeSeconds = options.accessTokenLifetimeSeconds ?? 3600;
    this.deviceCodeIntervalSeconds = options.deviceCodeIntervalSeconds ?? 5;
  }

  get tenantId(): string {
    return this.options.state.tenant.id;
  }

  /** "The browser" signs in as this user (UPN or id); authorize and the device login page use it. */
  signIn(userPrincipalNameOrId: string): void {
    const user = this.options.state.findUser(userPrincipalNameOrId);
    if (!user) throw new Error(`No user ${userPrincipalNameOrId} in the practice tenant.`);
    this.browserUserId = user.id;
  }

  /** Does this path belong to the authority (/{tenantId|domain}/...)? */
  owns(path: string): boolean {
    const first = path.split('/')[1] ?? '';
    return this.isTenant(first) || path === '/devicelogin';
  }

  /** Approve a pending device code as a user (default: the browser's user). */
  approveDeviceCode(userCode: string, userPrincipalNameOrId?: string): void {
    const entry = [...this.deviceCodes.values()].find((d) => d.userCode === userCode.toUpperCase());
    if (!entry) throw new Error(`No pending device code ${userCode}.`);
    const user = userPrincipalNameOrId ? this.options.state.findUser(userPrincipalNameOrId) : this.browserUser();
    if (!user) throw new Error('No user to approve the device code as.');
    entry.approvedUserId = user.id;
  }

  declineDeviceCode(userCode: string): void {
    const entry = [...this.deviceCodes.values()].find((d) => d.userCode === userCode.toUpperCase());
    if (entry) entry.declined = true;
  }

  /** Every access token issued so far stops working (Graph answers 401 InvalidAuthenticationToken). */
  expireIssuedTokens(): void {
    for (const uti of this.issued) this.expired.add(uti);
    this.issued = [];
  }

  isExpired(uti: unknown): boolean {
    return typeof uti === 'string' && this.expired.has(uti);
  }

  /** A delegated access token for a user, without any OAuth flow (standalone stand-in, manual probing). */
  issueUserToken(userPrincipalNameOrId: string, clientId: string, lifetimeSeconds = 3600): string {
    const user = this.options.state.findUser(userPrincipalNameOrId);
    const app = this.options.state.appByClientId(clientId);
    if (!user || !app) throw new Error('Unknown user or app for the token.');
    return this.accessToken({ user, app, scopes: app.delegatedScopes, lifetimeSeconds });
  }

  handle(request: AuthorityRequest): AuthorityResponse {
    try {
      if (request.path === '/devicelogin') return this.deviceLoginPage(request);
      const [, tenant = '', ...rest] = request.path.split('/');
      if (!this.isTenant(tenant)) return json(404, { error: 'invalid_tenant', error_description: 'AADSTS90002: Tenant not found.' });
      const route = `${request.method} /${rest.join('/')}`;
      switch (route) {
        case 'GET /v2.0/.well-known/openid-configuration':
          return json(200, this.openIdConfiguration(tenant));
        case 'GET /discovery/v2.0/keys':
          return json(200, jwks(this.options.key));
        case 'GET /oauth2/v2.0/authorize':
          return this.authorize(request.query);
        case 'POST /oauth2/v2.0/devicecode':
          return this.deviceAuthorization(request.form, tenant);
        case 'POST /oauth2/v2.0/token':
          return this.token(request.form, tenant);
        case 'GET /oauth2/v2.0/logout':
          return html(200, '<html><body>You have signed out of the practice tenant.</body></html>');
        default:
          return json(404, { error: 'not_found', error_description: `AADSTS90000: No endpoint ${route}.` });
      }
    } catch (error) {
      if (error instanceof OAuthError) return this.oauthError(error);
      throw error;
    }
  }

  openIdConfiguration(tenant: string): Record<string, unknown> {
    const base = `${this.options.origin()}/${tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${this.options.origin()}/${this.tenantId}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
      tenant_region_scope: 'EU',
    };
  }

  // ----- authorization code + PKCE -----

  private authorize(query: URLSearchParams): AuthorityResponse {
    const clientId = query.get('client_id') ?? '';
    const app = this.options.state.appByClientId(clientId);
    if (!app) return errorPage(`AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${this.options.state.tenant.displayName}'.`);
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!redirectAllowed(app, redirectUri)) {
      return errorPage(
        `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      );
    }
    const state = query.get('state') ?? undefined;
    const mode = query.get('response_mode') ?? 'query';
    const reply = (params: Record<string, string>): AuthorityResponse => redirectWith(redirectUri, mode, { ...params, ...(state ? { state } : {}) });
    const fail = (error: string, description: string): AuthorityResponse => reply({ error, error_description: description });

    if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'AADSTS700054: response_type must be code.');
    const challenge = query.get('code_challenge');
    if (app.publicClient && !challenge) return fail('invalid_request', 'AADSTS9002325: Proof Key for Code Exchange is required for this client.');
    if (challenge && query.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'AADSTS501491: Invalid code_challenge_method; only S256 is accepted.');
    let scopes: string[];
    try {
      scopes = this.grantedScopes(app, query.get('scope') ?? '');
    } catch (error) {
      if (error instanceof OAuthError) return fail(error.error, `AADSTS${error.aadsts}: ${error.message}`);
      throw error;
    }
    const hint = query.get('login_hint');
    const user = (hint ? this.options.state.findUser(hint) : undefined) ?? this.browserUser();
    if (!user) return fail('login_required', 'AADSTS50058: No user is signed in to the practice browser.');
    if (!user.accountEnabled) return fail('access_denied', 'AADSTS50057: The user account is disabled.');
    const code = randomToken(48);
    this.codes.set(code, {
      clientId,
      redirectUri,
      codeChallenge: challenge ?? '',
      userId: user.id,
      scopes,
      nonce: query.get('nonce') ?? undefined,
      expiresAt: this.now() + 10 * 60_000,
    });
    const params: Record<string, string> = { code, session_state: randomUUID() };
    if (query.get('client_info') === '1') params.client_info = clientInfo(user.id, this.tenantId);
    return reply(params);
  }

  // ----- device code -----

  private deviceAuthorization(form: URLSearchParams, _tenant: string): AuthorityResponse {
    const clientId = form.get('client_id') ?? '';
    const app = this.requireApp(clientId);
    if (!app.publicClient) throw new OAuthError(400, 'unauthorized_client', 7000218, "The request body must contain the parameter 'client_assertion' or 'client_secret'.");
    const scopes = this.grantedScopes(app, form.get('scope') ?? '');
    const entry: DeviceCode = {
      deviceCode: randomToken(64),
      userCode: randomUserCode(),
      clientId,
      scopes,
      expiresAt: this.now() + 900_000,
    };
    this.deviceCodes.set(entry.deviceCode, entry);
    const verificationUri = `${this.options.origin()}/devicelogin`;
    return json(200, {
      user_code: entry.userCode,
      device_code: entry.deviceCode,
      verification_uri: verificationUri,
      expires_in: 900,
      interval: this.deviceCodeIntervalSeconds,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`,
    });
  }

  private deviceLoginPage(request: AuthorityRequest): AuthorityResponse {
    if (request.method === 'POST') {
      const code = request.form.get('user_code') ?? '';
      try {
        this.approveDeviceCode(code);
      } catch {
        return html(400, '<html><body><p>That code is not valid or has expired.</p></body></html>');
      }
      return html(200, '<html><body><p>You are signed in. You can close this window and return to Rekey.</p></body></html>');
    }
    return html(
      200,
      '<html><body><h1>Enter code</h1><form method="POST" action="/devicelogin"><input name="user_code" autofocus/><button type="submit">Next</button></form></body></html>',
    );
  }

  // ----- token endpoint -----

  private token(form: URLSearchParams, tenant: string): AuthorityResponse {
    const grantType = form.get('grant_type') ?? '';
    const clientId = form.get('client_id') ?? '';
    const app = this.requireApp(clientId);
    switch (grantType) {
      case 'authorization_code': {
        this.grants.authorization_code++;
        const code = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        if (!code || code.expiresAt < this.now() || code.clientId !== clientId) {
          throw new OAuthError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request.');
        }
        if (form.get('redirect_uri') !== code.redirectUri) throw new OAuthError(400, 'invalid_grant', 50148, 'The redirect_uri does not match the one used in the authorization request.');
        const verifier = form.get('code_verifier') ?? '';
        if (code.codeChallenge && createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) {
          throw new OAuthError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
        }
        return this.userTokens(app, this.requireUser(code.userId), code.scopes, code.nonce);
      }
      case 'refresh_token': {
        this.grants.refresh_token++;
        const entry = this.refreshTokens.get(form.get('refresh_token') ?? '');
        if (!entry || entry.clientId !== clientId) throw new OAuthError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
        const user = this.requireUser(entry.userId);
        if ((user.sessionsRevokedAtMs ?? 0) > entry.issuedAt) {
          throw new OAuthError(400, 'invalid_grant', 50173, `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${isoSeconds(entry.issuedAt)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${user.signInSessionsValidFromDateTime}'.`);
        }
        if (!user.accountEnabled) throw new OAuthError(400, 'invalid_grant', 50057, 'The user account is disabled.');
        const requested = form.get('scope');
        const scopes = requested ? this.grantedScopes(app, requested) : entry.scopes;
        return this.userTokens(app, user, scopes);
      }
      case 'device_code':
      case 'urn:ietf:params:oauth:grant-type:device_code': {
        this.grants.device_code++;
        const entry = this.deviceCodes.get(form.get('device_code') ?? '');
        if (!entry || entry.clientId !== clientId || entry.redeemed) throw new OAuthError(400, 'invalid_grant', 70000, 'The provided device code is not valid.');
        if (entry.expiresAt < this.now()) throw new OAuthError(400, 'expired_token', 70020, 'The provided value for the input parameter device_code has expired.');
        if (entry.declined) throw new OAuthError(400, 'authorization_declined', 70000, 'The user declined the sign-in request.');
        if (!entry.approvedUserId) throw new OAuthError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
        entry.redeemed = true;
        return this.userTokens(app, this.requireUser(entry.approvedUserId), entry.scopes);
      }
      case 'client_credentials': {
        this.grants.client_credentials++;
        if (app.publicClient) throw new OAuthError(400, 'unauthorized_client', 700025, 'Client is public so neither client_assertion nor client_secret should be presented.');
        if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
          throw new OAuthError(401, 'invalid_client', 7000218, "The request body must contain the parameter 'client_assertion' or 'client_secret'.");
        }
        const check = verifyClientAssertion(form.get('client_assertion') ?? '', {
          clientId,
          tokenEndpoint: `${this.options.origin()}/${tenant}/oauth2/v2.0/token`,
          certificates: app.certificates,
          nowSeconds: Math.floor(this.now() / 1000),
        });
        if (!check.ok) throw new OAuthError(401, 'invalid_client', 700027, `Client assertion failed signature validation. ${check.reason}`);
        const scope = form.get('scope') ?? '';
        if (scope.trim() !== `${graphResource}/.default`) {
          throw new OAuthError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
        }
        const accessToken = this.appToken(app);
        return json(200, { token_type: 'Bearer', expires_in: this.accessTokenLifetimeSeconds, ext_expires_in: this.accessTokenLifetimeSeconds, access_token: accessToken });
      }
      default:
        throw new OAuthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }
  }

  private userTokens(app: AppRegistration, user: UserState, scopes: string[], nonce?: string): AuthorityResponse {
    const graphScopes = scopes.filter((s) => !oidcScopes.has(s));
    const accessToken = this.accessToken({ user, app, scopes: graphScopes, lifetimeSeconds: this.accessTokenLifetimeSeconds });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: [...graphScopes.map((s) => `${graphResource}/${s}`), `${graphResource}/.default`].join(' '),
      expires_in: this.accessTokenLifetimeSeconds,
      ext_expires_in: this.accessTokenLifetimeSeconds,
      access_token: accessToken,
      client_info: clientInfo(user.id, this.tenantId),
    };
    if (scopes.includes('offline_access')) {
      const refreshToken = `0.A${randomToken(96)}`;
      this.refreshTokens.set(refreshToken, { clientId: app.clientId, userId: user.id, scopes, issuedAt: this.now() });
      body.refresh_token = refreshToken;
    }
    if (scopes.includes('openid')) body.id_token = this.idToken(app, user, nonce);
    return json(200, body);
  }

  private accessToken(input: { user: UserState; app: AppRegistration; scopes: string[]; lifetimeSeconds: number }): string {
    const now = Math.floor(this.now() / 1000);
    const uti = randomToken(16);
    this.issued.push(uti);
    const { user, app } = input;
    const roles = [...this.options.state.roleTemplateIdsOf(user.id)];
    return signJwt(
      {
        aud: graphResource,
        iss: `https://sts.windows.net/${this.tenantId}/`,
        iat: now,
        nbf: now,
        exp: now + input.lifetimeSeconds,
        acr: '1',
        app_displayname: app.displayName,
        appid: app.clientId,
        appidacr: '0',
        family_name: user.surname,
        given_name: user.givenName,
        idtyp: 'user',
        name: user.displayName,
        oid: user.id,
        scp: input.scopes.join(' '),
        sub: pairwiseSubject(user.id, app.clientId),
        tid: this.tenantId,
        unique_name: user.userPrincipalName,
        upn: user.userPrincipalName,
        uti,
        ver: '1.0',
        wids: [...roles, defaultMemberRole],
      },
      this.options.key,
    );
  }

  private appToken(app: AppRegistration): string {
    const now = Math.floor(this.now() / 1000);
    const uti = randomToken(16);
    this.issued.push(uti);
    return signJwt(
      {
        aud: graphResource,
        iss: `https://sts.windows.net/${this.tenantId}/`,
        iat: now,
        nbf: now,
        exp: now + this.accessTokenLifetimeSeconds,
        app_displayname: app.displayName,
        appid: app.clientId,
        appidacr: '2',
        idtyp: 'app',
        oid: app.servicePrincipalId,
        roles: [...app.applicationPermissions],
        sub: app.servicePrincipalId,
        tid: this.tenantId,
        uti,
        ver: '1.0',
      },
      this.options.key,
    );
  }

  private idToken(app: AppRegistration, user: UserState, nonce?: string): string {
    const now = Math.floor(this.now() / 1000);
    return signJwt(
      {
        aud: app.clientId,
        iss: `${this.options.origin()}/${this.tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        name: user.displayName,
        oid: user.id,
        preferred_username: user.userPrincipalName,
        sub: pairwiseSubject(user.id, app.clientId),
        tid: this.tenantId,
        ver: '2.0',
        ...(nonce ? { nonce } : {}),
      },
      this.options.key,
    );
  }

  /**
   * The Graph scopes a request may have: ".default" means everything the
   * admin consented to; a named scope must have been consented.
   */
  private grantedScopes(app: AppRegistration, requested: string): string[] {
    const out = new Set<string>();
    for (const raw of requested.split(/\s+/).filter(Boolean)) {
      if (oidcScopes.has(raw)) {
        out.add(raw);
        continue;
      }
      const name = raw.startsWith(`${graphResource}/`) ? raw.slice(graphResource.length + 1) : raw.includes('/') ? undefined : raw;
      if (name === undefined) throw new OAuthError(400, 'invalid_resource', 500011, `The resource principal named ${raw} was not found in the tenant.`);
      if (name === '.default') {
        for (const s of app.delegatedScopes) out.add(s);
        continue;
      }
      if (!app.delegatedScopes.includes(name)) {
        throw new OAuthError(400, 'consent_required', 65001, `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`);
      }
      out.add(name);
    }
    return [...out];
  }

  private oauthError(error: OAuthError): AuthorityResponse {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = new Date(this.now()).toISOString().replace('T', ' ').slice(0, 19) + 'Z';
    return json(error.status, {
      error: error.error,
      error_description: `AADSTS${error.aadsts}: ${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [error.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    });
  }

  private requireApp(clientId: string): AppRegistration {
    const app = this.options.state.appByClientId(clientId);
    if (!app) {
      throw new OAuthError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${this.options.state.tenant.displayName}'.`);
    }
    return app;
  }

  private requireUser(id: string): UserState {
    const user = this.options.state.findUser(id);
    if (!user) throw new OAuthError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.');
    return user;
  }

  private browserUser(): UserState | undefined {
    return this.browserUserId ? this.options.state.findUser(this.browserUserId) : undefined;
  }

  private isTenant(segment: string): boolean {
    const { tenant } = this.options.state;
    return segment.toLowerCase() === tenant.id || segment.toLowerCase() === tenant.domain.toLowerCase();
  }
}

/** RFC 8252: a registered "http://localhost" accepts any port on the loopback interface. */
function redirectAllowed(app: AppRegistration, redirectUri: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  return app.redirectUris.some((registered) => {
    if (registered === redirectUri) return true;
    const r = new URL(registered);
    const loopback = (h: string): boolean => h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
    return r.protocol === 'http:' && loopback(r.hostname) && url.protocol === 'http:' && loopback(url.hostname) && (url.pathname === r.pathname || url.pathname === '/');
  });
}

/** form_post: an auto-submitting form to the redirect URI, as Entra sends it; query: a 302. */
function redirectWith(redirectUri: string, mode: string, params: Record<string, string>): AuthorityResponse {
  if (mode === 'form_post') {
    const inputs = Object.entries(params)
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}" />`)
      .join('');
    return html(
      200,
      `<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form><script language="javascript">document.forms[0].submit();</script></body></html>`,
    );
  }
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { Location: url.href }, body: '' };
}

function errorPage(message: string): AuthorityResponse {
  return html(400, `<html><body><h1>Sorry, but we're having trouble signing you in.</h1><p>${escapeHtml(message)}</p></body></html>`);
}

function json(status: number, body: unknown): AuthorityResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, no-cache' }, body: JSON.stringify(body) };
}

function html(status: number, body: string): AuthorityResponse {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function clientInfo(uid: string, utid: string): string {
  return Buffer.from(JSON.stringify({ uid, utid })).toString('base64url');
}

function pairwiseSubject(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}|${clientId}`).digest('base64url').slice(0, 43);
}

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function randomUserCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(9), (b) => alphabet[b % alphabet.length]).join('');
}
