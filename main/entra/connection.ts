// One Entra ID connection, as the Connections screen sees it: a tenant (id or
// domain) and the client id of the customer's own app registration; sign in
// with the system browser or a device code (delegated), or connect app-only
// with a certificate; check permissions; get the Directory for runs; sign
// out. Tokens and the certificate's private key live only in the SecretStore
// (encrypted at rest) and in this process's memory.
import type { Clock, SecretStore } from '../core/ports';
import { systemClock } from '../core/ports';
import {
  AppOnlyAuth,
  DelegatedAuth,
  defaultAuthorityHost,
  graphResource,
  type DeviceCodeInfo,
  type InteractiveSignIn,
  type SignedInIdentity,
  type TokenSource,
} from './auth';
import { EntraDirectory } from './directory';
import { GraphApi } from './graph';
import { checkPermissions, type PermissionReport } from './permissions';
import { defaultRetryTiming, graphWriteQuota, WriteBudget, type RetryTiming, type WriteQuota } from './throttle';
import { createFetch, MsalNetwork, type FetchLike, type TrustedHost } from './transport';

export interface EntraConnectionConfig {
  /** Tenant id (GUID) or a verified domain such as contoso.onmicrosoft.com. */
  tenant: string;
  /** Application (client) id of the customer's own app registration. */
  clientId: string;
  mode: 'delegated' | 'app-only';
  /** Default https://login.microsoftonline.com; the practice stand-in's origin in practice. */
  authorityHost?: string;
  /** Default https://graph.microsoft.com; the practice stand-in's origin in practice. */
  graphBaseUrl?: string;
  /** App-only: the certificate (public PEM) uploaded to the app registration. Its private key goes to the SecretStore. */
  certificatePem?: string;
  /**
   * Practice only: the stand-in's self-signed certificate, trusted for the
   * stand-in's origin and nothing else. Refused for Microsoft's hosts.
   */
  trustedCertificatePem?: string;
  /** Shown in the console; default: the tenant. */
  displayName?: string;
}

export interface EntraConnectionDeps {
  secrets: SecretStore;
  clock?: Clock;
  /** Share of Graph's write quota Rekey may use (Settings → pacing.rateShare). */
  rateShare?: number;
  writeQuota?: WriteQuota;
  timing?: Partial<RetryTiming>;
  requestTimeoutMs?: number;
}

export type ConnectionState =
  | { state: 'signed-out' }
  | { state: 'signed-in'; identity: SignedInIdentity; permissions?: PermissionReport };

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domain = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const microsoftHosts = new Set(['login.microsoftonline.com', 'graph.microsoft.com']);

/** Problems with a connection's settings, as sentences; empty when it can be used. */
export function validateConnectionConfig(config: EntraConnectionConfig): string[] {
  const problems: string[] = [];
  if (!guid.test(config.tenant) && !domain.test(config.tenant)) {
    problems.push('The tenant must be a tenant id (a GUID) or a verified domain such as contoso.onmicrosoft.com.');
  }
  if (['common', 'organizations', 'consumers'].includes(config.tenant.toLowerCase())) {
    problems.push('Use your own tenant id or domain, not common/organizations/consumers: Rekey works on one tenant.');
  }
  if (!guid.test(config.clientId)) problems.push('The client id must be the Application (client) ID of your app registration (a GUID).');
  for (const [label, value] of [
    ['sign-in authority', config.authorityHost ?? defaultAuthorityHost],
    ['Graph address', config.graphBaseUrl ?? graphResource],
  ] as const) {
    try {
      if (new URL(value).protocol !== 'https:') problems.push(`The ${label} must use https (${value}).`);
    } catch {
      problems.push(`The ${label} is not a URL (${value}).`);
    }
  }
  if (config.mode === 'app-only' && !config.certificatePem) {
    problems.push('An app-only connection needs the certificate uploaded to the app registration (PEM).');
  }
  if (config.trustedCertificatePem && problems.length === 0) {
    const authority = new URL(config.authorityHost ?? defaultAuthorityHost);
    const graph = new URL(config.graphBaseUrl ?? graphResource);
    if (microsoftHosts.has(authority.hostname) || microsoftHosts.has(graph.hostname) || authority.origin !== graph.origin) {
      problems.push('A trusted certificate is only for the practice stand-in, where sign-in and Graph share one non-Microsoft host.');
    }
  }
  return problems;
}

export class EntraConnection {
  readonly id: string;
  readonly displayName: string;
  private readonly fetchLike: FetchLike;
  private readonly clock: Clock;
  private readonly timing: RetryTiming;
  private readonly budget: WriteBudget;
  private tokens: (TokenSource & { signOut(): Promise<void> }) | undefined;
  private delegated: DelegatedAuth | undefined;
  private identity: SignedInIdentity | undefined;
  private report: PermissionReport | undefined;
  private graphApi: GraphApi | undefined;
  private directoryInstance: EntraDirectory | undefined;

  constructor(
    readonly config: EntraConnectionConfig,
    private readonly deps: EntraConnectionDeps,
  ) {
    const problems = validateConnectionConfig(config);
    if (problems.length > 0) throw new Error(problems.join(' '));
    this.id = `entra:${config.tenant.toLowerCase()}`;
    this.displayName = config.displayName ?? config.tenant;
    const trusted: TrustedHost | undefined = config.trustedCertificatePem
      ? { origin: new URL(config.authorityHost as string).origin, certificatePem: config.trustedCertificatePem }
      : undefined;
    this.fetchLike = createFetch(trusted);
    this.clock = deps.clock ?? systemClock;
    this.timing = { ...defaultRetryTiming, ...deps.timing };
    this.budget = new WriteBudget(deps.writeQuota ?? graphWriteQuota, deps.rateShare ?? 0.9, this.clock);
  }

  /** Names of this connection's secrets in the SecretStore. */
  get secretNames(): { tokenCache: string; certificateKey: string } {
    const base = `entra/${this.config.tenant.toLowerCase()}/${this.config.clientId.toLowerCase()}`;
    return { tokenCache: `${base}/token-cache`, certificateKey: `${base}/certificate-key` };
  }

  get status(): ConnectionState {
    return this.identity ? { state: 'signed-in', identity: this.identity, ...(this.report ? { permissions: this.report } : {}) } : { state: 'signed-out' };
  }

  /** Delegated sign-in in the system browser (auth code + PKCE, loopback redirect http://localhost). */
  async signInInteractive(request: InteractiveSignIn): Promise<SignedInIdentity> {
    return this.connected(this.delegatedAuth(), await this.delegatedAuth().signInInteractive(request));
  }

  /** Delegated sign-in with a device code; `onCode` receives the message to show. */
  async signInWithDeviceCode(onCode: (info: DeviceCodeInfo) => void, signal?: AbortSignal): Promise<SignedInIdentity> {
    return this.connected(this.delegatedAuth(), await this.delegatedAuth().signInWithDeviceCode(onCode, signal));
  }

  /** Resume a delegated session from the encrypted token cache, without prompting. */
  async restore(): Promise<SignedInIdentity | null> {
    if (this.config.mode !== 'delegated') return this.hasCertificateKey().then((has) => (has ? this.connectAppOnly() : null));
    const identity = await this.delegatedAuth().restore();
    return identity ? this.connected(this.delegatedAuth(), identity) : null;
  }

  /** Keep the app-only certificate's private key (PEM) in the SecretStore. */
  async storeCertificateKey(privateKeyPem: string): Promise<void> {
    if (!/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(privateKeyPem)) {
      throw new Error('The private key must be a PEM block (-----BEGIN PRIVATE KEY-----).');
    }
    await this.deps.secrets.set(this.secretNames.certificateKey, privateKeyPem);
  }

  async hasCertificateKey(): Promise<boolean> {
    return (await this.deps.secrets.get(this.secretNames.certificateKey)) !== null;
  }

  /** App-only connection with the certificate credential (for unattended runs). */
  async connectAppOnly(): Promise<SignedInIdentity> {
    if (this.config.mode !== 'app-only' || !this.config.certificatePem) throw new Error('This connection is not configured for app-only access.');
    const privateKeyPem = await this.deps.secrets.get(this.secretNames.certificateKey);
    if (!privateKeyPem) throw new Error("The certificate's private key is not stored yet; add it in Connections first.");
    const auth = new AppOnlyAuth({
      clientId: this.config.clientId,
      tenant: this.config.tenant,
      authorityHost: this.config.authorityHost ?? defaultAuthorityHost,
      network: this.msalNetwork(),
      credential: { certificatePem: this.config.certificatePem, privateKeyPem },
      secrets: this.deps.secrets,
      cacheSecretName: this.secretNames.tokenCache,
    });
    return this.connected(auth, await auth.connect());
  }

  /** Which permissions and roles are there and which are missing, each missing one with its fix. */
  async checkPermissions(): Promise<PermissionReport> {
    const { tokens, identity } = this.requireSignedIn();
    this.report = await checkPermissions({ graph: this.graph(), tokens, identity, clientId: this.config.clientId, now: () => this.clock.now() });
    return this.report;
  }

  /** The Directory for listing, planning, resetting and verifying. */
  directory(): EntraDirectory {
    const { identity } = this.requireSignedIn();
    this.directoryInstance ??= new EntraDirectory({
      id: this.id,
      displayName: this.displayName,
      graph: this.graph(),
      identity,
      clock: this.clock,
      timing: this.timing,
      budget: this.budget,
      writeQuota: this.deps.writeQuota ?? graphWriteQuota,
      permissions: () => this.report,
      readSignInActivity: () => this.report?.granted.includes('AuditLog.Read.All') ?? false,
    });
    return this.directoryInstance;
  }

  /** Forget every token (memory and SecretStore); optionally the certificate key too. */
  async signOut(options: { forgetCertificateKey?: boolean } = {}): Promise<void> {
    await (this.tokens ?? (this.config.mode === 'delegated' ? this.delegatedAuth() : undefined))?.signOut();
    if (!this.tokens) await this.deps.secrets.delete(this.secretNames.tokenCache);
    if (options.forgetCertificateKey) await this.deps.secrets.delete(this.secretNames.certificateKey);
    this.tokens = undefined;
    this.identity = undefined;
    this.report = undefined;
    this.graphApi = undefined;
    this.directoryInstance = undefined;
  }

  private connected(tokens: TokenSource & { signOut(): Promise<void> }, identity: SignedInIdentity): SignedInIdentity {
    this.tokens = tokens;
    this.identity = identity;
    this.report = undefined;
    this.graphApi = undefined;
    this.directoryInstance = undefined;
    return identity;
  }

  private delegatedAuth(): DelegatedAuth {
    if (this.config.mode !== 'delegated') throw new Error('This connection is configured for app-only access; use connectAppOnly().');
    this.delegated ??= new DelegatedAuth({
      clientId: this.config.clientId,
      tenant: this.config.tenant,
      authorityHost: this.config.authorityHost ?? defaultAuthorityHost,
      network: this.msalNetwork(),
      secrets: this.deps.secrets,
      cacheSecretName: this.secretNames.tokenCache,
    });
    return this.delegated;
  }

  /** MSAL's own HTTP client unless a stand-in certificate must be trusted. */
  private msalNetwork(): MsalNetwork | undefined {
    return this.config.trustedCertificatePem ? new MsalNetwork(this.fetchLike) : undefined;
  }

  private graph(): GraphApi {
    const { tokens } = this.requireSignedIn();
    this.graphApi ??= new GraphApi({
      baseUrl: this.config.graphBaseUrl ?? graphResource,
      tokens,
      fetchLike: this.fetchLike,
      clock: this.clock,
      timing: this.timing,
      requestTimeoutMs: this.deps.requestTimeoutMs ?? 60_000,
    });
    return this.graphApi;
  }

  private requireSignedIn(): { tokens: TokenSource; identity: SignedInIdentity } {
    if (!this.tokens || !this.identity) throw new Error(`Rekey is not connected to ${this.displayName}; sign in from Connections first.`);
    return { tokens: this.tokens, identity: this.identity };
  }
}
