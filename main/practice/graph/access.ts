// Who may do what in the stand-in, following Microsoft's documented least
// privileges: a permission (delegated scp or application role) AND, for
// writes, a directory role held by the signed-in user (delegated) or by the
// app's service principal (app-only). Resetting an admin needs Privileged
// Authentication Administrator or Global Administrator.
import { insufficientPrivileges } from './responses';
import { roleTemplates, type TenantState } from './state';

export interface Caller {
  kind: 'user' | 'app';
  /** The signed-in user's object id, or the app's service principal id. */
  objectId: string;
  appId: string;
  /** scp (delegated) or roles (application) of the access token. */
  permissions: Set<string>;
}

export const permissionSets = {
  readUsers: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'User.ReadBasic.All'],
  readSelf: ['User.Read', 'User.ReadWrite', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  passwordProfile: ['User-PasswordProfile.ReadWrite.All', 'User.ReadWrite.All', 'Directory.AccessAsUser.All'],
  otherUserProperties: ['User.ReadWrite.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'],
  revokeSessions: ['User.RevokeSessions.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'],
  readRoles: ['RoleManagement.Read.Directory', 'RoleManagement.ReadWrite.Directory', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readGroupMembers: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readGroups: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readServicePrincipals: ['Application.Read.All', 'Directory.Read.All', 'RoleManagement.Read.Directory'],
  readOrganization: ['User.Read', 'Organization.Read.All', 'Directory.Read.All', 'User.Read.All'],
  readSignInActivity: ['AuditLog.Read.All'],
} as const;

/** Roles allowed to change password settings / end sessions of ordinary (non-admin) users. */
const ordinaryTargetRoles: string[] = [
  roleTemplates.globalAdministrator,
  roleTemplates.privilegedAuthenticationAdministrator,
  roleTemplates.userAdministrator,
  roleTemplates.helpdeskAdministrator,
  roleTemplates.passwordAdministrator,
  roleTemplates.authenticationAdministrator,
];
/** Roles allowed to do it to users who hold any directory role. */
const privilegedTargetRoles: string[] = [roleTemplates.globalAdministrator, roleTemplates.privilegedAuthenticationAdministrator];

export function requirePermission(caller: Caller, anyOf: readonly string[]): void {
  if (!anyOf.some((p) => caller.permissions.has(p))) throw insufficientPrivileges();
}

/** The role check for a credential write (passwordProfile, revokeSignInSessions) on one target user. */
export function requireRoleFor(state: TenantState, caller: Caller, targetUserId: string): void {
  const held = state.roleTemplateIdsOf(caller.objectId);
  const targetIsPrivileged = state.roleTemplateIdsOf(targetUserId).size > 0;
  const allowed = targetIsPrivileged ? privilegedTargetRoles : ordinaryTargetRoles;
  if (!allowed.some((r) => held.has(r))) throw insufficientPrivileges();
}
