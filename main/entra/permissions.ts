// "Check permissions": before any run, read what the connection was granted
// (the token's scp or roles) and which directory roles the signed-in admin
// (or the app's service principal) holds, and say what is missing, each with
// a one-sentence fix. Least privilege, per Microsoft's documentation:
//   permissions  User-PasswordProfile.ReadWrite.All, User.RevokeSessions.All,
//                User.Read.All, GroupMember.Read.All, RoleManagement.Read.Directory
//   roles        User Administrator for ordinary users; Privileged
//                Authentication Administrator for admins (Global Administrator covers both)
import type { SignedInIdentity, TokenSource } from './auth';
import { readAccessTokenClaims } from './claims';
import { GraphHttpError, type GraphApi } from './graph';

export const directoryRoleTemplates = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  passwordAdministrator: '966707d0-3269-4727-9be2-8c3a10f19b9d',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
} as const;

const roleNames: Record<string, string> = {
  [directoryRoleTemplates.globalAdministrator]: 'Global Administrator',
  [directoryRoleTemplates.privilegedAuthenticationAdministrator]: 'Privileged Authentication Administrator',
  [directoryRoleTemplates.userAdministrator]: 'User Administrator',
  [directoryRoleTemplates.helpdeskAdministrator]: 'Helpdesk Administrator',
  [directoryRoleTemplates.passwordAdministrator]: 'Password Administrator',
  [directoryRoleTemplates.authenticationAdministrator]: 'Authentication Administrator',
};

export interface RequiredPermission {
  name: string;
  /** What Rekey uses it for, completing "needed to ...". */
  purpose: string;
  /** Broader permissions that also cover it (not recommended, but accepted). */
  coveredBy: string[];
}

export const requiredPermissions: RequiredPermission[] = [
  { name: 'User-PasswordProfile.ReadWrite.All', purpose: 'set "change password at next sign-in"', coveredBy: ['User.ReadWrite.All', 'Directory.AccessAsUser.All'] },
  { name: 'User.RevokeSessions.All', purpose: 'end sign-in sessions', coveredBy: ['User.ReadWrite.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'] },
  { name: 'User.Read.All', purpose: 'list accounts and re-read them to verify', coveredBy: ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] },
  { name: 'GroupMember.Read.All', purpose: 'select accounts by group', coveredBy: ['Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] },
  { name: 'RoleManagement.Read.Directory', purpose: 'recognise admins (members of directory roles)', coveredBy: ['RoleManagement.ReadWrite.Directory', 'Directory.Read.All', 'Directory.ReadWrite.All'] },
];

/** Roles that may reset ordinary users / admins (force change + revoke). */
export const rolesForOrdinaryUsers: string[] = [
  directoryRoleTemplates.globalAdministrator,
  directoryRoleTemplates.privilegedAuthenticationAdministrator,
  directoryRoleTemplates.userAdministrator,
];
export const rolesForAdmins: string[] = [directoryRoleTemplates.globalAdministrator, directoryRoleTemplates.privilegedAuthenticationAdministrator];

export interface PermissionCheck {
  /** Permission or role name. */
  name: string;
  kind: 'permission' | 'directory-role';
  satisfied: boolean;
  /** Without it Rekey cannot work at all (false: only some accounts fail, e.g. admins). */
  required: boolean;
  purpose: string;
  /** How it is satisfied ("granted", "covered by Directory.Read.All", "held: Global Administrator"). */
  detail: string;
  /** One sentence an admin can act on, when not satisfied. */
  fix?: string;
}

export interface HeldRole {
  displayName: string;
  roleTemplateId: string;
}

export interface PermissionReport {
  mode: 'delegated' | 'app-only';
  /** Who was checked (UPN or app client id). */
  identity: string;
  checkedAt: string;
  granted: string[];
  directoryRoles: HeldRole[];
  /** How the roles were read: Graph memberOf, or the token's wids claim when Graph would not say. */
  rolesSource: 'graph' | 'token' | 'unknown';
  checks: PermissionCheck[];
  missing: PermissionCheck[];
  canResetOrdinaryUsers: boolean;
  canResetAdmins: boolean;
  /** Everything required is there; a run can start. */
  ready: boolean;
}

export interface PermissionContext {
  graph: GraphApi;
  tokens: TokenSource;
  identity: SignedInIdentity;
  clientId: string;
  now: () => number;
}

export async function checkPermissions(context: PermissionContext): Promise<PermissionReport> {
  const { graph, tokens, identity, clientId } = context;
  const claims = readAccessTokenClaims(await tokens.getAccessToken());
  const granted = identity.mode === 'delegated' ? claims.scopes : claims.roles;
  const kindWord = identity.mode === 'delegated' ? 'Delegated' : 'Application';
  const who = identity.mode === 'delegated' ? identity.username : `the service principal of app ${clientId}`;
  const reconnect = identity.mode === 'delegated' ? 'sign in again' : 'reconnect';

  const checks: PermissionCheck[] = requiredPermissions.map((p) => {
    const via = p.coveredBy.find((c) => granted.includes(c));
    const satisfied = granted.includes(p.name) || via !== undefined;
    return {
      name: p.name,
      kind: 'permission',
      satisfied,
      required: true,
      purpose: p.purpose,
      detail: granted.includes(p.name) ? 'granted' : via ? `covered by ${via}` : 'not granted',
      ...(satisfied
        ? {}
        : {
            fix: `Add the ${kindWord} Microsoft Graph permission ${p.name} to app registration ${clientId} (API permissions), grant admin consent, then ${reconnect}.`,
          }),
    };
  });

  let rolesSource: PermissionReport['rolesSource'] = 'graph';
  let directoryRoles: HeldRole[];
  try {
    const path =
      identity.mode === 'delegated'
        ? '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId'
        : `/servicePrincipals/${encodeURIComponent(identity.objectId)}/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId`;
    directoryRoles = (await graph.all<HeldRole>(path, { headers: { ConsistencyLevel: 'eventual' } })).map((r) => ({
      displayName: r.displayName,
      roleTemplateId: r.roleTemplateId,
    }));
  } catch (error) {
    if (!(error instanceof GraphHttpError) || (error.status !== 403 && error.status !== 400)) throw error;
    // Graph would not list the memberships; the delegated token's wids claim still names the roles.
    rolesSource = claims.roleTemplateIds.length > 0 ? 'token' : 'unknown';
    directoryRoles = claims.roleTemplateIds.filter((id) => roleNames[id]).map((id) => ({ displayName: roleNames[id] as string, roleTemplateId: id }));
  }

  const heldName = (ids: string[]): string | undefined => directoryRoles.find((r) => ids.includes(r.roleTemplateId))?.displayName;
  const ordinary = heldName(rolesForOrdinaryUsers);
  const admins = heldName(rolesForAdmins);
  const assignee = identity.mode === 'delegated' ? identity.username : `the app's service principal (${identity.displayName})`;
  checks.push({
    name: 'User Administrator',
    kind: 'directory-role',
    satisfied: ordinary !== undefined,
    required: true,
    purpose: 'reset ordinary (non-admin) users',
    detail: ordinary ? `held: ${ordinary}` : rolesSource === 'unknown' ? 'could not be read' : 'not held',
    ...(ordinary
      ? {}
      : { fix: `Assign the User Administrator role to ${assignee} in Entra ID (Roles and administrators), then ${reconnect}.` }),
  });
  checks.push({
    name: 'Privileged Authentication Administrator',
    kind: 'directory-role',
    satisfied: admins !== undefined,
    required: false,
    purpose: 'reset admins (users who hold any directory role)',
    detail: admins ? `held: ${admins}` : rolesSource === 'unknown' ? 'could not be read' : 'not held',
    ...(admins
      ? {}
      : {
          fix: `Assign the Privileged Authentication Administrator role to ${assignee} to reset admins; without it admins fail with a clear error and the rest of a run is unaffected.`,
        }),
  });

  const missing = checks.filter((c) => !c.satisfied);
  return {
    mode: identity.mode,
    identity: who,
    checkedAt: new Date(context.now()).toISOString(),
    granted,
    directoryRoles,
    rolesSource,
    checks,
    missing,
    canResetOrdinaryUsers: ordinary !== undefined,
    canResetAdmins: admins !== undefined,
    ready: missing.every((c) => !c.required),
  };
}
