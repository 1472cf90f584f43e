// An Okta connection: which org, and how Rekey signs in to it. The record is
// not secret (it is saved in settings); the private key or API token it refers
// to lives only in the SecretStore, under the names below.
import type { SecretStore } from '../core/ports';

/** Scopes Rekey asks for: read and manage users, read groups, read admin roles (to mark admins). */
export const requiredScopes = ['okta.users.read', 'okta.users.manage', 'okta.groups.read'] as const;
export const optionalScopes = ['okta.roles.read'] as const;
export type OktaScope = (typeof requiredScopes)[number] | (typeof optionalScopes)[number];
export const recommendedScopes: readonly OktaScope[] = [...requiredScopes, ...optionalScopes];

export type OktaAuth =
  /** Recommended: an API Services app, client credentials with a private-key JWT (DPoP-bound tokens). */
  | { mode: 'private-key'; clientId: string; keyId: string; scopes: OktaScope[] }
  /** An SSWS API token: works, but carries every admin right of the admin who created it. */
  | { mode: 'api-token' };

export interface OktaConnection {
  kind: 'okta';
  /** "okta:<host>": also the directoryId of every account read through it. */
  id: string;
  /** Normalised org URL: https://<org>.okta.com (http only for the local stand-in). */
  orgUrl: string;
  displayName: string;
  auth: OktaAuth;
}

/** Something the admin typed for a connection cannot be used; the message says what to enter instead. */
export class ConnectionInputError extends Error {}

export class OrgUrlError extends ConnectionInputError {}

/**
 * Validate and normalise an org URL. Real orgs are https only; plain http is
 * accepted only for the loopback practice stand-in (127.0.0.1).
 */
export function normaliseOrgUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new OrgUrlError(`"${text}" is not a URL. Enter your Okta org's address, e.g. https://example.okta.com.`);
  }
  if (url.username || url.password) throw new OrgUrlError('The org URL must not contain a user name or password.');
  if (url.search || url.hash) throw new OrgUrlError('Enter only the org address, without "?" or "#" parts (e.g. https://example.okta.com).');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '') {
    throw new OrgUrlError(`Enter only the org address, without a path: https://${url.host} (not ${url.host}${url.pathname}). Use the org URL, not the Admin Console's "-admin" address.`);
  }
  if (url.hostname.endsWith('-admin.okta.com') || url.hostname.endsWith('-admin.oktapreview.com')) {
    throw new OrgUrlError(`That is the Admin Console address. Use the org URL without "-admin": https://${url.hostname.replace('-admin.', '.')}.`);
  }
  if (url.protocol === 'http:') {
    if (url.hostname !== '127.0.0.1') throw new OrgUrlError('Okta orgs are reached over https only. Plain http is accepted only for the practice stand-in on 127.0.0.1.');
  } else if (url.protocol !== 'https:') {
    throw new OrgUrlError(`Okta orgs use https, not ${url.protocol.replace(':', '')}.`);
  }
  return `${url.protocol}//${url.host}`;
}

export function connectionId(orgUrl: string): string {
  return `okta:${new URL(orgUrl).host}`;
}

export function privateKeySecretName(connection: Pick<OktaConnection, 'orgUrl'>): string {
  return `okta/${new URL(connection.orgUrl).host}/private-key`;
}

export function apiTokenSecretName(connection: Pick<OktaConnection, 'orgUrl'>): string {
  return `okta/${new URL(connection.orgUrl).host}/api-token`;
}

export const apiTokenWarning =
  'An API token acts with every admin right of the admin who created it, expires after 30 days without use, and stops working when that admin is deactivated. Prefer an API Services app with a private key: its access is limited to the scopes and admin role you grant it.';

export function privateKeyConnection(orgUrl: string, clientId: string, keyId: string, scopes: readonly OktaScope[] = recommendedScopes): OktaConnection {
  const url = normaliseOrgUrl(orgUrl);
  if (!/^\S+$/.test(clientId.trim())) throw new ConnectionInputError('Enter the service app\'s client id (General tab > Client Credentials).');
  return { kind: 'okta', id: connectionId(url), orgUrl: url, displayName: new URL(url).host, auth: { mode: 'private-key', clientId: clientId.trim(), keyId, scopes: [...scopes] } };
}

export function apiTokenConnection(orgUrl: string): OktaConnection {
  const url = normaliseOrgUrl(orgUrl);
  return { kind: 'okta', id: connectionId(url), orgUrl: url, displayName: new URL(url).host, auth: { mode: 'api-token' } };
}

/** Forget the connection's secret (the record itself is the caller's to delete from settings). */
export async function forgetConnectionSecrets(connection: OktaConnection, secrets: SecretStore): Promise<void> {
  await secrets.delete(privateKeySecretName(connection));
  await secrets.delete(apiTokenSecretName(connection));
}
