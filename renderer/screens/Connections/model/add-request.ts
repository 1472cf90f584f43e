// The Add forms' drafts turned into connections.add requests, checked with the
// same schema main applies, with a sentence per field instead of zod's terse
// messages. Main checks again; this only saves a round trip and says which
// field is wrong.
import { addConnectionRequest, type AddConnectionRequest } from '../../../../preload/contract';

export type FieldProblems<F extends string> = Partial<Record<F, string>>;

export type Checked<F extends string> = { ok: true; request: AddConnectionRequest } | { ok: false; problems: FieldProblems<F> };

function check<F extends string>(request: unknown, messages: Record<F, string>, fieldOf: (path: PropertyKey[]) => F | null): Checked<F> {
  const parsed = addConnectionRequest.safeParse(request);
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems: FieldProblems<F> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    if (field && !problems[field]) problems[field] = messages[field];
  }
  return { ok: false, problems };
}

const firstKey = (path: PropertyKey[]): string => String(path[0] ?? '');

// --- Entra ---------------------------------------------------------------

export interface EntraDraft {
  tenant: string;
  clientId: string;
  auth: 'interactive' | 'device-code' | 'certificate';
  certificatePem: string;
  privateKeyPem: string;
}
export type EntraField = 'tenant' | 'clientId' | 'certificatePem' | 'privateKeyPem';

const entraMessages: Record<EntraField, string> = {
  tenant: 'Enter the tenant ID (a GUID) or its primary domain, such as contoso.onmicrosoft.com.',
  clientId: 'Enter the Application (client) ID of the app registration: a GUID such as 1b2c3d4e-0000-4000-8000-1234567890ab.',
  certificatePem: 'Paste or load the certificate (PEM, starting with -----BEGIN CERTIFICATE-----).',
  privateKeyPem: "Paste or load the certificate's private key (PEM, starting with -----BEGIN PRIVATE KEY-----).",
};

export function entraRequest(draft: EntraDraft): Checked<EntraField> {
  const certificate = draft.auth === 'certificate';
  const request = {
    kind: 'entra',
    tenant: draft.tenant,
    clientId: draft.clientId.trim(),
    auth: draft.auth,
    ...(certificate ? { certificatePem: draft.certificatePem, privateKeyPem: draft.privateKeyPem } : {}),
  };
  const checked = check<EntraField>(request, entraMessages, (path) => {
    const key = firstKey(path);
    return key === 'tenant' || key === 'clientId' || key === 'certificatePem' || key === 'privateKeyPem' ? key : null;
  });
  if (!certificate) return checked;
  // The schema allows the PEMs to be absent (other modes); the certificate mode needs both.
  const problems: FieldProblems<EntraField> = checked.ok ? {} : { ...checked.problems };
  if (!draft.certificatePem.includes('-----BEGIN CERTIFICATE-----')) problems.certificatePem = entraMessages.certificatePem;
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(draft.privateKeyPem)) problems.privateKeyPem = entraMessages.privateKeyPem;
  return Object.keys(problems).length > 0 ? { ok: false, problems } : checked;
}

// --- Okta ----------------------------------------------------------------

export interface OktaDraft {
  orgUrl: string;
  auth: 'private-key' | 'api-token';
  clientId: string;
  privateKeyPem: string;
  apiToken: string;
}
export type OktaField = 'orgUrl' | 'clientId' | 'privateKeyPem' | 'apiToken';

const oktaMessages: Record<OktaField, string> = {
  orgUrl: 'Enter the org address, such as https://your-org.okta.com.',
  clientId: 'The client id is at most 200 characters; copy it from the service app in the Okta admin console.',
  privateKeyPem: 'Paste or load the private key (PEM), or leave it empty to let Rekey generate one.',
  apiToken: 'Paste the API token (Security > API > Tokens in the Okta admin console).',
};

export function oktaRequest(draft: OktaDraft): Checked<OktaField> {
  const request =
    draft.auth === 'api-token'
      ? { kind: 'okta', orgUrl: draft.orgUrl, auth: 'api-token', apiToken: draft.apiToken.trim() }
      : {
          kind: 'okta',
          orgUrl: draft.orgUrl,
          auth: 'private-key',
          ...(draft.clientId.trim() ? { clientId: draft.clientId.trim() } : {}),
          ...(draft.privateKeyPem.trim() ? { privateKeyPem: draft.privateKeyPem } : {}),
        };
  const checked = check<OktaField>(request, oktaMessages, (path) => {
    const key = firstKey(path);
    return key === 'orgUrl' || key === 'clientId' || key === 'privateKeyPem' || key === 'apiToken' ? key : null;
  });
  const problems: FieldProblems<OktaField> = checked.ok ? {} : { ...checked.problems };
  if (!/^https:\/\//i.test(draft.orgUrl.trim())) problems.orgUrl = oktaMessages.orgUrl;
  if (draft.auth === 'api-token' && !draft.apiToken.trim()) problems.apiToken = oktaMessages.apiToken;
  return Object.keys(problems).length > 0 ? { ok: false, problems } : checked;
}

// --- Remote Windows computers --------------------------------------------

export interface RemoteDraft {
  transport: 'http-kerberos' | 'https';
  userName: string;
  password: string;
}
export type RemoteField = 'hosts' | 'userName' | 'password';

const remoteMessages: Record<RemoteField, string> = {
  hosts: 'Name at least one computer.',
  userName: 'Enter the user as DOMAIN\\user or user@domain, or leave user and password empty to use your Windows sign-in.',
  password: 'Enter the password for this user, or leave user and password empty to use your Windows sign-in.',
};

/** `hosts` are the names main's importHosts accepted. */
export function remoteRequest(draft: RemoteDraft, hosts: readonly string[]): Checked<RemoteField> {
  const userName = draft.userName.trim();
  const withCredential = userName !== '' || draft.password !== '';
  const request = {
    kind: 'windows-remote',
    hosts: [...hosts],
    transport: draft.transport,
    ...(withCredential ? { credential: { userName, password: draft.password } } : {}),
  };
  const checked = check<RemoteField>(request, remoteMessages, (path) => {
    const key = firstKey(path);
    if (key === 'hosts') return 'hosts';
    if (key === 'credential') return path[1] === 'password' ? 'password' : 'userName';
    return null;
  });
  const problems: FieldProblems<RemoteField> = checked.ok ? {} : { ...checked.problems };
  if (withCredential && userName === '') problems.userName = remoteMessages.userName;
  if (withCredential && draft.password === '') problems.password = remoteMessages.password;
  return Object.keys(problems).length > 0 ? { ok: false, problems } : checked;
}
