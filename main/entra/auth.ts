// Signing in to Entra ID with MSAL Node, unmodified:
//  - delegated, system browser: acquireTokenInteractive (auth code + PKCE, a
//    loopback listener on http://localhost:<port>); `openBrowser` is injected
//    (in Electron: the allowlisted shell.openExternal);
//  - delegated, device code: acquireTokenByDeviceCode; the caller shows the message;
//  - app-only: client credentials with a certificate (private key from the SecretStore).
// Tokens are always for https://graph.microsoft.com/.default: exactly the
// permissions an admin consented to on the customer's own app registration,
// which "check permissions" then reads back.
//
// No discovery call leaves the machine: the authority's metadata and cloud
// discovery metadata are built from the configured host and passed in.
import { X509Certificate, createHash } from 'node:crypto';
import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import type { SecretStore } from '../core/ports';
import { SecretStoreCachePlugin } from './cache-plugin';
import { readAccessTokenClaims } from './claims';

export const graphResource = 'https://graph.microsoft.com';
export const graphDefaultScope = `${graphResource}/.default`;
export const defaultAuthorityHost = 'https://login.microsoftonline.com';

export interface AuthorityConfiguration {
  authority: string;
  knownAuthorities: string[];
  authorityMetadata: string;
  cloudDiscoveryMetadata: string;
}

/** MSAL authority settings for https://HOST/TENANT with the metadata supplied up front (no discovery requests). */
export function authorityConfiguration(authorityHost: string, tenant: string): AuthorityConfiguration {
  const host = new URL(authorityHost);
  if (host.protocol !== 'https:') throw new Error(`The sign-in authority must use https (got ${authorityHost}).`);
  const base = `${host.origin}/${encodeURIComponent(tenant)}`;
  const hostAndPort = host.host;
  return {
    authority: base,
    knownAuthorities: [hostAndPort],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: hostAndPort, preferred_cache: hostAndPort, aliases: [hostAndPort] }],
    }),
  };
}

/** Who Rekey is connected as. No secret in here: it may be shown and stored. */
export interface SignedInIdentity {
  mode: 'delegated' | 'app-only';
  tenantId: string;
  /** The signed-in user's object id, or the app's service principal id. */
  objectId: string;
  /** UPN of the signed-in admin (delegated) or the app's client id (app-only). */
  username: string;
  displayName: string;
}

/** What the Graph client needs: a bearer token, and a way to say a token was refused. */
export interface TokenSource {
  readonly mode: 'delegated' | 'app-only';
  getAccessToken(): Promise<string>;
  /** Graph answered 401 for this token: the next getAccessToken must not return it. */
  reject(token: string): void;
}

/** Sign-in is needed again (refresh token revoked or expired): an admin must act in Connections. */
export class SignInRequiredError extends Error {
  constructor(message = 'Your Entra ID sign-in has expired or was revoked. Sign in again from Connections, then resume the run.') {
    super(message);
    this.name = 'SignInRequiredError';
  }
}

interface CommonAuthOptions {
  clientId: string;
  authorityHost: string;
  tenant: string;
  network?: INetworkModule;
}

function baseConfiguration(options: CommonAuthOptions, plugin: SecretStoreCachePlugin): Configuration {
  const authority = authorityConfiguration(options.authorityHost, options.tenant);
  return {
    auth: {
      clientId: options.clientId,
      authority: authority.authority,
      knownAuthorities: authority.knownAuthorities,
      authorityMetadata: authority.authorityMetadata,
      cloudDiscoveryMetadata: authority.cloudDiscoveryMetadata,
    },
    cache: { cachePlugin: plugin },
    system: {
      ...(options.network ? { networkClient: options.network } : {}),
      // No token or personal data ever goes to a log.
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  };
}

export interface DelegatedAuthOptions extends CommonAuthOptions {
  secrets: SecretStore;
  cacheSecretName: string;
}

export interface InteractiveSignIn {
  /** Opens the system browser at the sign-in URL (Electron: the allowlisted openExternal). */
  openBrowser: (url: string) => Promise<void>;
  /** Pre-fills the account on the sign-in page. */
  loginHint?: string;
  successTemplate?: string;
  errorTemplate?: string;
}

export interface DeviceCodeInfo {
  /** Microsoft's sentence: where to go and which code to enter. */
  message: string;
  userCode: string;
  verificationUri: string;
  expiresAt: string;
}

const defaultSuccessTemplate =
  '<!doctype html><html><head><meta charset="utf-8"><title>Rekey</title></head><body><p>Signed in to Rekey. You can close this tab and return to the app.</p></body></html>';
const defaultErrorTemplate =
  '<!doctype html><html><head><meta charset="utf-8"><title>Rekey</title></head><body><p>Sign-in did not complete. Return to Rekey for details.</p></body></html>';

export class DelegatedAuth implements TokenSource {
  readonly mode = 'delegated' as const;
  private readonly app: PublicClientApplication;
  private readonly plugin: SecretStoreCachePlugin;
  private account: AccountInfo | null = null;
  private rejected = new Set<string>();

  constructor(options: DelegatedAuthOptions) {
    this.plugin = new SecretStoreCachePlugin(options.secrets, options.cacheSecretName);
    this.app = new PublicClientApplication(baseConfiguration(options, this.plugin));
  }

  async signInInteractive(request: InteractiveSignIn): Promise<SignedInIdentity> {
    const result = await this.app.acquireTokenInteractive({
      scopes: [graphDefaultScope],
      openBrowser: request.openBrowser,
      successTemplate: request.successTemplate ?? defaultSuccessTemplate,
      errorTemplate: request.errorTemplate ?? defaultErrorTemplate,
      ...(request.loginHint ? { loginHint: request.loginHint } : {}),
    });
    return this.accept(result);
  }

  async signInWithDeviceCode(onCode: (info: DeviceCodeInfo) => void, signal?: AbortSignal): Promise<SignedInIdentity> {
    const request = {
      scopes: [graphDefaultScope],
      cancel: false,
      deviceCodeCallback: (response: { message: string; userCode: string; verificationUri: string; expiresIn: number }) =>
        onCode({
          message: response.message,
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
        }),
    };
    // MSAL polls until request.cancel becomes true.
    const onAbort = (): void => {
      request.cancel = true;
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.app.acquireTokenByDeviceCode(request);
      if (!result) throw new Error('The device code sign-in returned no token.');
      return this.accept(result);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Resume from the encrypted cache without any prompt; null when nobody is signed in. */
  async restore(): Promise<SignedInIdentity | null> {
    const accounts = await this.app.getTokenCache().getAllAccounts();
    const account = accounts[0];
    if (!account) return null;
    this.account = account;
    try {
      const result = await this.app.acquireTokenSilent({ account, scopes: [graphDefaultScope] });
      return this.accept(result);
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) return null;
      throw error;
    }
  }

  async getAccessToken(): Promise<string> {
    const account = this.account;
    if (!account) throw new SignInRequiredError('Rekey is not signed in to this Entra ID tenant. Sign in from Connections first.');
    try {
      let result = await this.app.acquireTokenSilent({ account, scopes: [graphDefaultScope] });
      if (this.rejected.has(result.accessToken)) {
        result = await this.app.acquireTokenSilent({ account, scopes: [graphDefaultScope], forceRefresh: true });
      }
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) throw new SignInRequiredError();
      throw error;
    }
  }

  reject(token: string): void {
    this.rejected.add(token);
  }

  /** Remove every cached account and token, in memory and in the SecretStore. */
  async signOut(): Promise<void> {
    const cache = this.app.getTokenCache();
    for (const account of await cache.getAllAccounts()) await this.app.signOut({ account });
    this.account = null;
    this.rejected.clear();
    await this.plugin.clear();
  }

  private accept(result: AuthenticationResult): SignedInIdentity {
    if (!result.account) throw new Error('Entra ID returned a token without an account.');
    this.account = result.account;
    const claims = readAccessTokenClaims(result.accessToken);
    return {
      mode: 'delegated',
      tenantId: claims.tenantId ?? result.account.tenantId,
      objectId: claims.objectId ?? result.account.localAccountId,
      username: result.account.username,
      displayName: result.account.name ?? result.account.username,
    };
  }
}

export interface CertificateCredential {
  /** PEM of the certificate uploaded to the app registration (public part). */
  certificatePem: string;
  /** PEM of its private key; comes from the SecretStore and never leaves memory. */
  privateKeyPem: string;
}

export interface AppOnlyAuthOptions extends CommonAuthOptions {
  credential: CertificateCredential;
  secrets: SecretStore;
  cacheSecretName: string;
}

/** SHA-256 thumbprint (hex) of a certificate, as shown in the Entra portal's certificate list. */
export function certificateThumbprintSha256(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex').toUpperCase();
}

export class AppOnlyAuth implements TokenSource {
  readonly mode = 'app-only' as const;
  private readonly app: ConfidentialClientApplication;
  private readonly plugin: SecretStoreCachePlugin;
  private rejected = new Set<string>();

  constructor(private readonly options: AppOnlyAuthOptions) {
    this.plugin = new SecretStoreCachePlugin(options.secrets, options.cacheSecretName);
    const configuration = baseConfiguration(options, this.plugin);
    configuration.auth.clientCertificate = {
      thumbprintSha256: certificateThumbprintSha256(options.credential.certificatePem),
      privateKey: options.credential.privateKeyPem,
      x5c: options.credential.certificatePem,
    };
    this.app = new ConfidentialClientApplication(configuration);
  }

  async connect(): Promise<SignedInIdentity> {
    const token = await this.getAccessToken();
    const claims = readAccessTokenClaims(token);
    return {
      mode: 'app-only',
      tenantId: claims.tenantId ?? this.options.tenant,
      objectId: claims.objectId ?? '',
      username: this.options.clientId,
      displayName: claims.displayName ?? this.options.clientId,
    };
  }

  async getAccessToken(): Promise<string> {
    let result = await this.app.acquireTokenByClientCredential({ scopes: [graphDefaultScope] });
    if (result && this.rejected.has(result.accessToken)) {
      result = await this.app.acquireTokenByClientCredential({ scopes: [graphDefaultScope], skipCache: true });
    }
    if (!result) throw new Error('Entra ID returned no token for the app-only connection.');
    return result.accessToken;
  }

  reject(token: string): void {
    this.rejected.add(token);
  }

  async signOut(): Promise<void> {
    this.rejected.clear();
    await this.app.clearCache();
    await this.plugin.clear();
  }
}
