// Directory connections: add, remove, sign in, check. Credentials typed by the
// operator travel once from the renderer to main and are kept only there
// (encrypted with safeStorage, or in memory for WinRM passwords); no reply
// ever carries a secret back.
import { z } from 'zod';
import { channel, event, noRequest } from './define';
import { directoryKind } from './settings';

const id = z.string().min(1).max(300);
const hostName = z.string().trim().min(1).max(255);

export const connectionKind = z.enum(['entra', 'okta', 'windows-local', 'windows-remote', 'practice']);

export const connectionView = z.object({
  id,
  kind: connectionKind,
  directoryKind,
  displayName: z.string(),
  /** connected: usable now; signed-out: needs sign-in; error: see detail; checking: a check is running. */
  status: z.enum(['connected', 'signed-out', 'error', 'checking']),
  detail: z.string().optional(),
  practice: z.boolean(),
  /** Non-secret facts to show: tenant, client id, org URL, auth mode, hosts, transport, signed-in account. */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  /** Okta private-key auth: the public JWK to paste into the Okta service app. */
  publicJwk: z.string().optional(),
  warnings: z.array(z.string()),
});
export type ConnectionView = z.infer<typeof connectionView>;

export const addConnectionRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('entra'),
      /** Tenant id (GUID) or primary domain. */
      tenant: z.string().trim().min(3).max(255),
      clientId: z.string().trim().uuid(),
      auth: z.enum(['interactive', 'device-code', 'certificate']),
      /** certificate: PEM private key + certificate, stored encrypted; never returned. */
      certificatePem: z.string().max(64_000).optional(),
      privateKeyPem: z.string().max(64_000).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('okta'),
      orgUrl: z.string().trim().url().max(300),
      auth: z.enum(['private-key', 'api-token']),
      clientId: z.string().trim().max(200).optional(),
      /** private-key: import an existing PEM instead of generating a key pair. */
      privateKeyPem: z.string().max(64_000).optional(),
      /** api-token: the SSWS token. */
      apiToken: z.string().max(400).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('windows-local') }).strict(),
  z
    .object({
      kind: z.literal('windows-remote'),
      hosts: z.array(hostName).min(1).max(5_000),
      transport: z.enum(['http-kerberos', 'https']),
      /** Empty: the current Windows identity. Held in memory for this session only. */
      credential: z.object({ userName: z.string().trim().min(1).max(300), password: z.string().max(1_000) }).strict().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('practice') }).strict(),
]);
export type AddConnectionRequest = z.infer<typeof addConnectionRequest>;

export const diagnostic = z.object({
  severity: z.enum(['ok', 'warning', 'error']),
  title: z.string(),
  detail: z.string().optional(),
  /** The fix in one sentence. */
  fix: z.string().optional(),
});

export const hostImportResult = z.object({
  hosts: z.array(z.string()),
  problems: z.array(z.object({ line: z.number().int().nullable(), message: z.string() })),
});

export const connectionsChannels = {
  'connections.list': channel({ request: noRequest, reply: z.array(connectionView), summary: 'The connected directories and their state.' }),
  'connections.add': channel({ request: addConnectionRequest, reply: connectionView, summary: 'Add a directory connection.' }),
  'connections.remove': channel({ request: z.object({ id }).strict(), reply: z.object({ removed: z.boolean() }), summary: 'Remove a connection and forget its stored credentials.' }),
  'connections.signIn': channel({ request: z.object({ id }).strict(), reply: connectionView, summary: 'Sign in (browser, device code or certificate); prompts arrive as connections.prompt.' }),
  'connections.signOut': channel({ request: z.object({ id }).strict(), reply: connectionView, summary: 'Sign out and clear the token cache.' }),
  'connections.check': channel({ request: z.object({ id }).strict(), reply: z.array(diagnostic), summary: 'Concrete diagnostics (missing role or scope, WinRM unreachable, TrustedHosts) with the fix.' }),
  'connections.importHosts': channel({
    request: z.object({ text: z.string().max(5 * 1024 * 1024) }).strict(),
    reply: hostImportResult,
    summary: 'Read a CSV or list of Windows host names; every bad line is reported.',
  }),
};

export const connectionsEvents = {
  'connections.prompt': event({
    payload: z.object({ id, message: z.string(), userCode: z.string().optional(), verificationUri: z.string().optional() }),
    summary: 'Sign-in needs the operator (device code to enter, browser opened).',
  }),
  'connections.changed': event({ payload: z.object({ id }), summary: 'A connection changed state; re-read connections.list.' }),
};
