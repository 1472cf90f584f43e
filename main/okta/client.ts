// Building the Okta SDK client, with two things about SDK 8 made safe:
//
// 1. Ambient configuration. `new Client(config)` runs a ConfigLoader that
//    merges ~/.okta/okta.yaml, ./okta.yaml and every OKTA_CLIENT_* environment
//    variable *under* the explicit config (and throws on a malformed yaml).
//    Any key Rekey leaves unset could come from a stray file or variable, so
//    a forgotten okta.yaml could point Rekey at another org. We construct the
//    client with the loader's file/environment step bypassed (only the SDK's
//    built-in default is applied), pass every key explicitly, and then check
//    the client took exactly what we gave it.
//
// 2. Token errors. The SDK's token request skips its own error filter (oauth.js
//    calls `Http.errorFilter` on the module object, which is undefined), so an
//    error answer from /oauth2/v1/token (invalid_client, invalid_scope, ...) is
//    cached as if it were the access token; every API call then goes out with
//    no usable token and fails as 401 E0000011, hiding the real cause. (The
//    same quirk is what lets its use_dpop_nonce retry work at all.) We wrap this
//    client's token fetch: a response without an access token is dropped from
//    the cache and raised as an OktaTokenError carrying Okta's error, the
//    use_dpop_nonce retry is bounded to one, the client is marked DPoP when
//    Okta says token_type DPoP, and concurrent callers share one request.
//
// The SDK's response cache is turned off (it would answer a verification
// re-read from memory), and Rekey's executor replaces the SDK's retrying one.
import { sdk, sdkConfigLoader, type OktaClient, type SdkConfigLoader } from './sdk';
import type { RekeyRequestExecutor } from './executor';

export type SdkAuth =
  | { mode: 'api-token'; token: string }
  | { mode: 'private-key'; clientId: string; keyId: string; privateKeyPem: string; scopes: readonly string[] };

export interface SdkClientSettings {
  orgUrl: string;
  auth: SdkAuth;
  executor: RekeyRequestExecutor;
  userAgent?: string;
}

/** Thrown when the SDK client does not match the configuration Rekey gave it. */
export class SdkConfigurationError extends Error {}

export function createSdkClient(settings: SdkClientSettings): OktaClient {
  const { auth } = settings;
  const explicit = {
    orgUrl: settings.orgUrl,
    authorizationMode: auth.mode === 'api-token' ? 'SSWS' : 'PrivateKey',
    token: auth.mode === 'api-token' ? auth.token : '',
    clientId: auth.mode === 'private-key' ? auth.clientId : '',
    scopes: auth.mode === 'private-key' ? auth.scopes.join(' ') : '',
    privateKey: auth.mode === 'private-key' ? auth.privateKeyPem : '',
    keyId: auth.mode === 'private-key' ? auth.keyId : '',
    userAgent: settings.userAgent ?? 'Rekey',
    requestExecutor: settings.executor,
    cacheMiddleware: null,
  };
  const client = withoutAmbientConfig(() => new sdk.Client(explicit as unknown as ConstructorParameters<typeof sdk.Client>[0]));
  checkEffectiveConfig(client, settings);
  if (auth.mode === 'private-key') installTokenHandling(client);
  return client;
}

/**
 * Run `construct` with the SDK's ConfigLoader reading neither files nor the
 * environment. The constructor is synchronous, so the swap cannot be observed
 * by any other code.
 */
export function withoutAmbientConfig<T>(construct: () => T): T {
  const prototype = sdkConfigLoader.prototype;
  const original = prototype.applyDefaults;
  prototype.applyDefaults = function applyBuiltInDefaultsOnly(this: SdkConfigLoader) {
    this.apply({ client: { authorizationMode: 'SSWS' } });
  };
  try {
    return construct();
  } finally {
    prototype.applyDefaults = original;
  }
}

function checkEffectiveConfig(client: OktaClient, settings: SdkClientSettings): void {
  const problems: string[] = [];
  if (client.baseUrl !== settings.orgUrl.replace(/\/$/, '')) problems.push('org URL');
  const { auth } = settings;
  if (auth.mode === 'api-token') {
    if (client.authorizationMode !== 'SSWS' || client.apiToken !== auth.token) problems.push('API token');
  } else {
    if (client.authorizationMode !== 'PrivateKey') problems.push('authorization mode');
    if (client.clientId !== auth.clientId || client.keyId !== auth.keyId) problems.push('client id or key id');
    if (client.scopes.join(' ') !== auth.scopes.join(' ')) problems.push('scopes');
  }
  if (client.requestExecutor !== settings.executor) problems.push('request executor');
  if (problems.length > 0) {
    throw new SdkConfigurationError(`The Okta SDK did not take Rekey's settings (${problems.join(', ')}); Rekey will not connect with a configuration it did not choose.`);
  }
}

interface TokenResponse {
  access_token?: string;
  token_type?: string;
  error?: string;
  error_description?: string;
}

/** What the SDK's OAuth object really has (its typings omit the nonce argument and isDPoP). */
interface SdkOAuth {
  accessToken: TokenResponse | null;
  isDPoP: boolean;
  getAccessToken(nonce?: string | null): Promise<TokenResponse>;
}

/** Okta's token endpoint refused Rekey's request: the OAuth error as Okta stated it. */
export class OktaTokenError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OktaTokenError';
  }
}

function installTokenHandling(client: OktaClient): void {
  const oauth = client.oauth as unknown as SdkOAuth;
  const fetchWithSdk = oauth.getAccessToken.bind(oauth);
  let pending: Promise<TokenResponse> | undefined;
  let nonceRetries = 0;

  const fetchToken = async (): Promise<TokenResponse> => {
    nonceRetries = 0;
    const token = await fetchWithSdk(null);
    if (typeof token?.access_token !== 'string' || token.access_token.length === 0) {
      oauth.accessToken = null;
      throw new OktaTokenError(typeof token?.error === 'string' ? token.error : 'invalid_response', token?.error_description);
    }
    oauth.isDPoP = token.token_type === 'DPoP';
    return token;
  };

  oauth.getAccessToken = (nonce: string | null = null) => {
    if (oauth.accessToken) return Promise.resolve(oauth.accessToken);
    if (nonce) {
      // The SDK's own use_dpop_nonce branch calling back in: allow it once per token request.
      if (++nonceRetries > 1) return Promise.resolve({ error: 'use_dpop_nonce', error_description: 'Okta asked for a new DPoP nonce again after Rekey sent one.' });
      return fetchWithSdk(nonce);
    }
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
