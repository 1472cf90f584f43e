// "Check connection": find out before any run what Okta will refuse, and say
// how to fix it in one sentence each.
//   - service app: one token request per scope (invalid_scope = not granted),
//     then the app's admin roles; API token: whose token it is and their roles;
//   - then one small read of users and of groups.
// Nothing is written: Okta offers no dry run of a write, so write permission is
// judged from the admin roles.
import type { SecretStore } from '../core/ports';
import { callOkta } from './call';
import { apiTokenSecretName, apiTokenWarning, normaliseOrgUrl, optionalScopes, privateKeySecretName, recommendedScopes, requiredScopes, type OktaConnection } from './connection';
import type { OktaFailure } from './errors';
import { publicJwkOf } from './keys';
import { readRoleTypes, roleName } from './roles';
import { OktaSession, type OktaRuntimeOptions } from './session';

export type CheckStatus = 'ok' | 'warning' | 'error';

export interface CheckItem {
  id: string;
  label: string;
  status: CheckStatus;
  message: string;
  /** One sentence: what to change in Okta (or in Rekey). */
  fix?: string;
}

export interface ConnectionCheckReport {
  connectionId: string;
  /** True when nothing blocks a run (warnings may remain). */
  ok: boolean;
  checkedAt: string;
  items: CheckItem[];
  grantedScopes: string[];
  roles: string[];
}

const userManagers = ['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'HELP_DESK_ADMIN'];

export async function checkOktaConnection(connection: OktaConnection, secrets: SecretStore, options: OktaRuntimeOptions = {}): Promise<ConnectionCheckReport> {
  const session = new OktaSession(connection, secrets, { ...options, max429Retries: options.max429Retries ?? 2 });
  const items: CheckItem[] = [];
  const grantedScopes: string[] = [];
  let roles: string[] = [];
  const report = (): ConnectionCheckReport => ({
    connectionId: connection.id,
    ok: !items.some((item) => item.status === 'error'),
    checkedAt: new Date(session.clock.now()).toISOString(),
    items,
    grantedScopes,
    roles,
  });

  try {
    const normalised = normaliseOrgUrl(connection.orgUrl);
    if (normalised !== connection.orgUrl) throw new Error(`The saved org URL ${connection.orgUrl} is not in the form Rekey uses (${normalised}).`);
    items.push({ id: 'org-url', label: 'Org address', status: 'ok', message: `${connection.orgUrl}` });
  } catch (error) {
    items.push({ id: 'org-url', label: 'Org address', status: 'error', message: error instanceof Error ? error.message : String(error), fix: 'Edit the connection and enter the org URL, e.g. https://example.okta.com.' });
    return report();
  }

  if (connection.auth.mode === 'api-token') {
    items.push({ id: 'auth-kind', label: 'Sign-in method', status: 'warning', message: apiTokenWarning, fix: 'Create an API Services app for Rekey and switch this connection to a private key.' });
    if (!(await secrets.get(apiTokenSecretName(connection)))) {
      items.push({ id: 'secret', label: 'API token', status: 'error', message: 'No API token is saved for this connection.', fix: 'Paste an API token (Security > API > Tokens > Create token) into the connection.' });
      return report();
    }
    const client = await session.sdk();
    const me = await callOkta(session.policy, { idempotent: true, action: 'identify the token\'s admin' }, () => client.userApi.getUser({ userId: 'me' }));
    if (!me.ok) {
      items.push(failureItem('credentials', 'API token', me.failure));
      return report();
    }
    items.push({ id: 'credentials', label: 'API token', status: 'ok', message: `Valid; it acts as ${me.value.profile?.login ?? me.value.id}.` });
    const owned = await readRoleTypes(session.policy, () => client.roleAssignmentApi.listAssignedRolesForUser({ userId: me.value.id as string }));
    if (owned.ok) roles = owned.roles;
    items.push(owned.ok ? roleItem(roles, 'the token\'s admin') : failureItem('roles', 'Admin roles', owned.failure));
  } else {
    const { clientId, keyId, scopes } = connection.auth;
    const privateKey = await secrets.get(privateKeySecretName(connection));
    if (!privateKey) {
      items.push({ id: 'secret', label: 'Private key', status: 'error', message: 'No private key is saved for this connection.', fix: 'Generate a key pair in Rekey (or import yours) and add the public key to the service app.' });
      return report();
    }
    const wanted = [...new Set([...scopes, ...recommendedScopes])];
    for (const scope of wanted) {
      const client = await session.sdkWithScopes([scope]);
      const token = await callOkta(session.policy, { idempotent: true, action: `get a token for ${scope}` }, () => (client.oauth as unknown as { getAccessToken(): Promise<unknown> }).getAccessToken());
      if (token.ok) {
        grantedScopes.push(scope);
        items.push({ id: `scope:${scope}`, label: `Scope ${scope}`, status: 'ok', message: 'Granted.' });
        continue;
      }
      if (token.failure.kind === 'missing-scope') {
        const required = (requiredScopes as readonly string[]).includes(scope) || scopes.includes(scope);
        const purpose = scope === 'okta.roles.read' ? 'Without it Rekey cannot mark admin accounts.' : 'Rekey needs it to list and reset accounts.';
        items.push({ id: `scope:${scope}`, label: `Scope ${scope}`, status: required ? 'error' : 'warning', message: `Not granted to the app. ${purpose}`, fix: `In the Admin Console open Applications > Applications > (Rekey's app) > Okta API Scopes and grant ${scope}.` });
        continue;
      }
      if (token.failure.kind === 'invalid-credentials') {
        const jwk = publicJwkOf(privateKey, keyId);
        items.push({ ...failureItem('credentials', 'Client credentials', token.failure), fix: `Check that the client id is ${clientId} and that the public key with kid ${jwk.kid} is added to the app (General > Client Credentials > Public key / Private key).` });
        return report();
      }
      items.push(failureItem(`scope:${scope}`, `Scope ${scope}`, token.failure));
      return report();
    }
    items.push({ id: 'credentials', label: 'Client credentials', status: 'ok', message: `Okta accepted Rekey's signed client assertion for app ${clientId}.` });
    if (grantedScopes.includes(optionalScopes[0])) {
      const client = await session.sdkWithScopes(grantedScopes);
      const owned = await readRoleTypes(session.policy, () => client.roleAssignmentApi.listRolesForClient({ clientId }));
      if (owned.ok) roles = owned.roles;
      items.push(owned.ok ? roleItem(roles, 'the app') : failureItem('roles', 'Admin roles', owned.failure));
    } else {
      items.push({ id: 'roles', label: 'Admin roles', status: 'warning', message: 'Rekey cannot read the app\'s admin roles without okta.roles.read, so it cannot tell whether Okta will let it reset admins.', fix: 'Grant okta.roles.read, or make sure the app holds the Super Administrator role.' });
    }
  }

  const client = connection.auth.mode === 'private-key' && grantedScopes.length > 0 ? await session.sdkWithScopes(grantedScopes) : await session.sdk();
  const users = await callOkta(session.policy, { idempotent: true, action: 'list users' }, async () => (await client.userApi.listUsers({ limit: 1 })).next());
  items.push(users.ok ? { id: 'read-users', label: 'Read users', status: 'ok', message: 'Okta answered a user listing.' } : failureItem('read-users', 'Read users', users.failure));
  const groups = await callOkta(session.policy, { idempotent: true, action: 'list groups' }, async () => (await client.groupApi.listGroups({ limit: 1 })).next());
  items.push(groups.ok ? { id: 'read-groups', label: 'Read groups', status: 'ok', message: 'Okta answered a group listing.' } : failureItem('read-groups', 'Read groups', groups.failure));
  return report();
}

function roleItem(roles: string[], holder: string): CheckItem {
  const names = roles.map((role) => `${roleName(role)} (${role})`).join(', ');
  if (roles.length === 0) {
    return { id: 'roles', label: 'Admin roles', status: 'error', message: `${capitalise(holder)} holds no admin role, so Okta refuses every call.`, fix: 'Assign the Super Administrator role (Applications > (Rekey\'s app) > Admin roles > Edit assignments).' };
  }
  if (!roles.some((role) => userManagers.includes(role))) {
    return { id: 'roles', label: 'Admin roles', status: 'error', message: `${capitalise(holder)} holds ${names}: enough to read, not to expire passwords or end sessions.`, fix: 'Assign the Super Administrator role, or User Administrator to reset non-admin accounts only.' };
  }
  if (!roles.includes('SUPER_ADMIN')) {
    return { id: 'roles', label: 'Admin roles', status: 'warning', message: `${capitalise(holder)} holds ${names}: it can reset ordinary users, but Okta lets only a Super Administrator reset other admins.`, fix: 'Assign the Super Administrator role if admin accounts must be reset too.' };
  }
  return { id: 'roles', label: 'Admin roles', status: 'ok', message: `${capitalise(holder)} holds ${names}.` };
}

/** A failed probe: Rekey's failure messages already end with what to do about it. */
function failureItem(id: string, label: string, failure: OktaFailure): CheckItem {
  return { id, label, status: 'error', message: failure.message };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
