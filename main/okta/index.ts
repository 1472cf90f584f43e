// Rekey's Okta directory: what the rest of the app (the Connections screen's
// handlers, the run engine) calls. Connection records are plain data the caller
// saves in settings; keys and tokens go only into the SecretStore passed in.
//
// Service app setup (recommended):
//   1. prepareServiceAppKey(orgUrl, secrets)           -> public JWK to paste into Okta
//   2. the admin creates the API Services app, pastes the JWK, grants scopes and a role
//   3. serviceAppConnection(orgUrl, clientId, keyId)   -> connection record to save
//   4. checkOktaConnection(connection, secrets)        -> what Okta will refuse, with fixes
//   5. new OktaDirectory(connection, secrets, options) -> the Directory for the run engine
// API token: saveApiToken(orgUrl, token, secrets) returns the record and the warning to show.
import type { SecretStore } from '../core/ports';
import {
  apiTokenConnection,
  apiTokenSecretName,
  apiTokenWarning,
  normaliseOrgUrl,
  privateKeyConnection,
  privateKeySecretName,
  recommendedScopes,
  type OktaConnection,
  type OktaScope,
} from './connection';
import { generateServiceAppKey, importServiceAppKey, publicJwkOf, type PublicJwk } from './keys';

export { checkOktaConnection, type CheckItem, type CheckStatus, type ConnectionCheckReport } from './check';
export { normaliseOrgUrl, OrgUrlError, ConnectionInputError, forgetConnectionSecrets, recommendedScopes, apiTokenWarning, type OktaConnection, type OktaAuth, type OktaScope } from './connection';
export { OktaDirectory, type OktaDirectoryOptions } from './directory';
export type { OktaAccountQuery } from './accounts';
export { OktaOperationError } from './call';
export type { OktaFailure, OktaFailureKind } from './errors';
export { KeyImportError, type PublicJwk } from './keys';

export interface ServiceAppKeySetup {
  publicJwk: PublicJwk;
  keyId: string;
  /** What the admin does in Okta, in order. */
  steps: string[];
}

/** Generate (or import) the service app's key pair and store the private key. Returns what to paste into Okta. */
export async function prepareServiceAppKey(orgUrl: string, secrets: SecretStore, options: { importText?: string } = {}): Promise<ServiceAppKeySetup> {
  const url = normaliseOrgUrl(orgUrl);
  const key = options.importText ? importServiceAppKey(options.importText) : await generateServiceAppKey();
  await secrets.set(privateKeySecretName({ orgUrl: url }), key.privateKeyPem);
  return { publicJwk: key.publicJwk, keyId: key.keyId, steps: serviceAppSteps() };
}

export function serviceAppSteps(): string[] {
  return [
    'In the Okta Admin Console open Applications > Applications > Create App Integration, choose "API Services" and name the app Rekey.',
    'On the app\'s General tab, edit Client Credentials: choose "Public key / Private key", Add key, paste the public key Rekey shows, and save. Leave "Require Demonstrating Proof of Possession (DPoP) header in token requests" on.',
    `On the Okta API Scopes tab, grant ${recommendedScopes.join(', ')}.`,
    'On the Admin roles tab, assign Super Administrator (or User Administrator to reset non-admin accounts only).',
    'Copy the Client ID from the General tab into Rekey, then run "Check connection".',
  ];
}

/** The connection record for a service app whose key Rekey holds. */
export function serviceAppConnection(orgUrl: string, clientId: string, keyId: string, scopes: readonly OktaScope[] = recommendedScopes): OktaConnection {
  return privateKeyConnection(orgUrl, clientId, keyId, scopes);
}

/** Show the public key again (e.g. to add it to the app later). */
export async function servicePublicKey(connection: OktaConnection, secrets: SecretStore): Promise<PublicJwk | null> {
  if (connection.auth.mode !== 'private-key') return null;
  const pem = await secrets.get(privateKeySecretName(connection));
  return pem ? publicJwkOf(pem, connection.auth.keyId) : null;
}

/** Store an SSWS API token; the warning must be shown to the admin. */
export async function saveApiToken(orgUrl: string, token: string, secrets: SecretStore): Promise<{ connection: OktaConnection; warning: string }> {
  const connection = apiTokenConnection(orgUrl);
  const trimmed = token.trim();
  if (!/^[A-Za-z0-9_-]{20,}$/.test(trimmed)) throw new Error('That does not look like an Okta API token (a string of 42 letters, digits, "-" and "_"). Copy it again from Security > API > Tokens.');
  await secrets.set(apiTokenSecretName(connection), trimmed);
  return { connection, warning: apiTokenWarning };
}
