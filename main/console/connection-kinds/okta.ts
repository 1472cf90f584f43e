// An Okta org. Recommended: an API Services app signing in with a private
// key Rekey generates (or imports) and keeps in the SecretStore; the operator
// pastes the public JWK into Okta and then adds the connection again with the
// app's client id. An SSWS API token also works, with a warning.
import type { AddConnectionRequest } from '../../../preload/contract';
import type { Directory } from '../../core/domain';
import {
  apiTokenWarning,
  checkOktaConnection,
  forgetConnectionSecrets,
  normaliseOrgUrl,
  OktaDirectory,
  prepareServiceAppKey,
  saveApiToken,
  serviceAppConnection,
  serviceAppSteps,
  type OktaConnection,
} from '../../okta';
import { apiTokenConnection, apiTokenSecretName, connectionId, privateKeySecretName } from '../../okta/connection';
import { importServiceAppKey, publicJwkOf } from '../../okta/keys';
import type { SavedConnection } from '../../storage/connections-file';
import { failedCheck, oktaDiagnostics } from './diagnostics';
import type { ConnectionDescription, Diagnostic, KindContext, LiveConnection } from './live';

type OktaRecord = Extract<SavedConnection, { kind: 'okta' }>;
type OktaRequest = Extract<AddConnectionRequest, { kind: 'okta' }>;

export function oktaConnectionId(orgUrl: string): string {
  return connectionId(normaliseOrgUrl(orgUrl));
}

export class OktaLive implements LiveConnection {
  readonly kind = 'okta' as const;
  readonly directoryKind = 'okta' as const;
  readonly practice = false;
  readonly id: string;
  readonly displayName: string;
  private directory: OktaDirectory | null = null;
  private publicJwk: string | undefined;

  constructor(
    private readonly saved: OktaRecord,
    private readonly context: KindContext,
  ) {
    this.id = saved.id;
    this.displayName = saved.displayName;
  }

  /**
   * Store the credential and build the record. For a private key: an imported
   * PEM/JWK wins; otherwise a key already stored for this org is kept (the
   * operator is coming back with the client id), else a new pair is generated.
   */
  static async add(request: OktaRequest, context: KindContext): Promise<OktaLive> {
    const orgUrl = normaliseOrgUrl(request.orgUrl);
    const host = new URL(orgUrl).host;
    const base = { kind: 'okta' as const, id: connectionId(orgUrl), displayName: host, orgUrl };
    if (request.auth === 'api-token') {
      if (!request.apiToken) throw new Error('Paste the API token (Security > API > Tokens in the Okta Admin Console).');
      await saveApiToken(orgUrl, request.apiToken, context.secrets);
      return new OktaLive({ ...base, auth: 'api-token' }, context);
    }
    if (request.apiToken) throw new Error('An API token is only used with API-token sign-in; a service app signs in with its private key.');
    const stored = request.privateKeyPem ? null : await context.secrets.get(privateKeySecretName({ orgUrl }));
    const keyId = stored ? importServiceAppKey(stored).keyId : (await prepareServiceAppKey(orgUrl, context.secrets, request.privateKeyPem ? { importText: request.privateKeyPem } : {})).keyId;
    const clientId = request.clientId?.trim();
    return new OktaLive({ ...base, auth: 'private-key', keyId, ...(clientId ? { clientId } : {}) }, context);
  }

  record(): SavedConnection {
    return this.saved;
  }

  connected(): boolean {
    return this.directory !== null;
  }

  describe(): ConnectionDescription {
    const facts = [
      { label: 'Org', value: this.saved.orgUrl },
      { label: 'Sign-in', value: this.saved.auth === 'api-token' ? 'API token (SSWS)' : 'Service app with a private key' },
    ];
    if (this.saved.clientId) facts.push({ label: 'Client id', value: this.saved.clientId });
    if (this.saved.keyId) facts.push({ label: 'Key id', value: this.saved.keyId });
    const warnings = this.saved.auth === 'api-token' ? [apiTokenWarning] : [];
    let signedOutDetail: string;
    if (this.saved.auth === 'private-key' && !this.saved.clientId) {
      signedOutDetail = `${serviceAppSteps().join(' ')} Then add this org again with the client id; Rekey keeps the key it generated.`;
    } else {
      signedOutDetail = 'Sign in to use this org again.';
    }
    return { facts, warnings, signedOutDetail, ...(this.publicJwk ? { publicJwk: this.publicJwk } : {}) };
  }

  directories(): Directory[] {
    return this.directory ? [this.directory] : [];
  }

  /** No network: the SDK fetches a token on first use. A missing client id or secret leaves it signed out. */
  async restore(): Promise<void> {
    const pem = this.saved.auth === 'private-key' ? await this.context.secrets.get(privateKeySecretName(this.saved)) : null;
    if (pem && this.saved.keyId) this.publicJwk = JSON.stringify(publicJwkOf(pem, this.saved.keyId), null, 2);
    const connection = this.connection();
    if (!connection) return;
    const secret = connection.auth.mode === 'api-token' ? await this.context.secrets.get(apiTokenSecretName(connection)) : pem;
    if (!secret) throw new Error(`No ${connection.auth.mode === 'api-token' ? 'API token' : 'private key'} is stored for ${this.saved.orgUrl} on this computer; remove the connection and add it again.`);
    this.directory = new OktaDirectory(connection, this.context.secrets, { clock: this.context.clock, rateShare: this.context.settings.get().pacing.rateShare });
  }

  /** Connect, then ask Okta what it will refuse: a sign-in that cannot work fails here, with the fix. */
  async signIn(): Promise<void> {
    await this.restore();
    const connection = this.connection();
    if (!connection) throw new Error(this.describe().signedOutDetail);
    const report = await checkOktaConnection(connection, this.context.secrets, { rateShare: this.context.settings.get().pacing.rateShare });
    const blocking = report.items.filter((item) => item.status === 'error');
    if (blocking.length > 0) {
      this.directory = null;
      throw new Error(blocking.map((item) => `${item.message}${item.fix ? ` ${item.fix}` : ''}`).join(' '));
    }
  }

  async signOut(): Promise<void> {
    this.directory = null;
  }

  async check(): Promise<Diagnostic[]> {
    const connection = this.connection();
    if (!connection) {
      return [{ severity: 'error', title: 'Client id missing', detail: 'Rekey has a key pair for this org but does not know the service app yet.', fix: 'Create the API Services app with the public key shown, then add this org again with its client id.' }];
    }
    try {
      return oktaDiagnostics(await checkOktaConnection(connection, this.context.secrets, { rateShare: this.context.settings.get().pacing.rateShare }));
    } catch (error) {
      return [failedCheck('Okta could not be checked', error, 'Check that the org URL is right and the org is reachable from this computer.')];
    }
  }

  async forget(): Promise<void> {
    await forgetConnectionSecrets(this.connection() ?? apiTokenConnection(this.saved.orgUrl), this.context.secrets);
  }

  async close(): Promise<void> {
    this.directory = null;
  }

  private connection(): OktaConnection | null {
    if (this.saved.auth === 'api-token') return { ...apiTokenConnection(this.saved.orgUrl), id: this.saved.id, displayName: this.saved.displayName };
    if (!this.saved.clientId || !this.saved.keyId) return null;
    return { ...serviceAppConnection(this.saved.orgUrl, this.saved.clientId, this.saved.keyId), id: this.saved.id, displayName: this.saved.displayName };
  }
}
