// An Entra ID tenant, signed in with the customer's own app registration:
// the system browser (auth code + PKCE), a device code, or app-only with a
// certificate whose private key is kept in the SecretStore. Tokens live in
// the SecretStore-backed MSAL cache (main/entra/cache-plugin.ts).
import type { AddConnectionRequest } from '../../../preload/contract';
import type { Directory } from '../../core/domain';
import { certificateThumbprintSha256, EntraConnection } from '../../entra';
import type { SavedConnection } from '../../storage/connections-file';
import { entraDiagnostics, failedCheck } from './diagnostics';
import { errorText, type ConnectionDescription, type Diagnostic, type KindContext, type LiveConnection, type SignInPrompt } from './live';

type EntraRecord = Extract<SavedConnection, { kind: 'entra' }>;
type EntraRequest = Extract<AddConnectionRequest, { kind: 'entra' }>;

const authLabels: Record<EntraRecord['auth'], string> = {
  interactive: 'Browser sign-in (delegated)',
  'device-code': 'Device code (delegated)',
  certificate: 'Certificate (app-only)',
};

export function entraConnectionId(tenant: string): string {
  return `entra:${tenant.trim().toLowerCase()}`;
}

export class EntraLive implements LiveConnection {
  readonly kind = 'entra' as const;
  readonly directoryKind = 'entra' as const;
  readonly practice = false;
  readonly id: string;
  readonly displayName: string;
  private readonly connection: EntraConnection;
  private permissionProblem: string | null = null;

  constructor(
    private readonly saved: EntraRecord,
    private readonly context: KindContext,
  ) {
    this.id = saved.id;
    this.displayName = saved.displayName;
    this.connection = new EntraConnection(
      {
        tenant: saved.tenant,
        clientId: saved.clientId,
        mode: saved.auth === 'certificate' ? 'app-only' : 'delegated',
        ...(saved.certificatePem ? { certificatePem: saved.certificatePem } : {}),
        displayName: saved.displayName,
      },
      { secrets: context.secrets, clock: context.clock, rateShare: context.settings.get().pacing.rateShare },
    );
  }

  /** Validate the request, keep the certificate's private key in the SecretStore, and build the record. */
  static async add(request: EntraRequest, context: KindContext): Promise<EntraLive> {
    if (request.auth === 'certificate') {
      if (!request.certificatePem || !request.privateKeyPem) {
        throw new Error('A certificate connection needs both the certificate (PEM) uploaded to the app registration and its private key (PEM).');
      }
      certificateThumbprintSha256(request.certificatePem); // throws on a certificate that cannot be read
    } else if (request.certificatePem || request.privateKeyPem) {
      throw new Error('A certificate and key are only used with certificate (app-only) sign-in; choose that, or leave them empty.');
    }
    const tenant = request.tenant.trim();
    const record: EntraRecord = {
      kind: 'entra',
      id: entraConnectionId(tenant),
      displayName: tenant,
      tenant,
      clientId: request.clientId.trim(),
      auth: request.auth,
      ...(request.auth === 'certificate' && request.certificatePem ? { certificatePem: request.certificatePem.trim() } : {}),
    };
    const live = new EntraLive(record, context);
    if (request.auth === 'certificate' && request.privateKeyPem) await live.connection.storeCertificateKey(request.privateKeyPem);
    return live;
  }

  record(): SavedConnection {
    return this.saved;
  }

  connected(): boolean {
    return this.connection.status.state === 'signed-in';
  }

  describe(): ConnectionDescription {
    const facts = [
      { label: 'Tenant', value: this.saved.tenant },
      { label: 'Client id', value: this.saved.clientId },
      { label: 'Sign-in', value: authLabels[this.saved.auth] },
    ];
    if (this.saved.certificatePem) {
      try {
        facts.push({ label: 'Certificate thumbprint (SHA-256)', value: certificateThumbprintSha256(this.saved.certificatePem) });
      } catch {
        // Validated when added; a hand-edited file may hold something else, which the check reports.
      }
    }
    const status = this.connection.status;
    const warnings: string[] = [];
    if (status.state === 'signed-in') {
      facts.push({ label: 'Signed in as', value: `${status.identity.displayName} (${status.identity.username})` });
      for (const missing of status.permissions?.missing ?? []) warnings.push(missing.fix ?? `${missing.name} is missing.`);
      if (this.permissionProblem) warnings.push(`Rekey could not read what this connection may do (${this.permissionProblem}); run Check for details.`);
    }
    const signedOutDetail =
      this.saved.auth === 'certificate'
        ? 'Connect with the certificate: its private key is stored; use Sign in.'
        : this.saved.auth === 'device-code'
          ? 'Sign in: Rekey shows a code to enter at the Microsoft sign-in page.'
          : 'Sign in: Rekey opens the Microsoft sign-in page in your browser.';
    return { facts, warnings, signedOutDetail };
  }

  directories(): Directory[] {
    return this.connected() ? [this.connection.directory()] : [];
  }

  async restore(): Promise<void> {
    await this.connection.restore();
    if (this.connected()) await this.readPermissions();
  }

  async signIn(prompt: (prompt: SignInPrompt) => void): Promise<void> {
    if (this.saved.auth === 'certificate') {
      await this.connection.connectAppOnly();
    } else if (this.saved.auth === 'device-code') {
      await this.connection.signInWithDeviceCode((info) => prompt({ message: info.message, userCode: info.userCode, verificationUri: info.verificationUri }));
    } else {
      prompt({ message: `Sign in to ${this.saved.tenant} in the browser window Rekey opened, then come back here.` });
      await this.connection.signInInteractive({ openBrowser: (url) => this.context.openBrowser(url) });
    }
    await this.readPermissions();
  }

  async signOut(): Promise<void> {
    await this.connection.signOut();
  }

  async check(): Promise<Diagnostic[]> {
    if (!this.connected()) {
      return [{ severity: 'error', title: 'Not signed in', detail: `Rekey is not connected to ${this.saved.tenant}.`, fix: 'Sign in from Connections, then check again.' }];
    }
    try {
      return entraDiagnostics(await this.connection.checkPermissions());
    } catch (error) {
      return [failedCheck('Permissions could not be read', error, 'Sign in again; if it persists, check that the app registration exists and admin consent was granted.')];
    }
  }

  async forget(): Promise<void> {
    await this.connection.signOut({ forgetCertificateKey: true });
  }

  async close(): Promise<void> {
    // Nothing runs in the background; tokens stay in the encrypted cache for the next start.
  }

  /** The permission report also tells the directory which admins it may reset; a failure here is not a failed sign-in. */
  private async readPermissions(): Promise<void> {
    try {
      await this.connection.checkPermissions();
      this.permissionProblem = null;
    } catch (error) {
      this.permissionProblem = errorText(error);
    }
  }
}
