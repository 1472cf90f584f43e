// Who is an Okta admin, and through which role. Cheap on the rate budget:
// one paged call lists the users holding a role directly
// (GET /api/v1/iam/assignees/users), then only those users' roles are read;
// groups that carry an admin role are known from the group listing's stats and
// only their roles are read. Needs okta.roles.read; without it the listing
// still works and the connection check says admins cannot be marked.
import { callOkta, callOktaOrThrow, OktaOperationError, type CallPolicy } from './call';
import type { OktaFailure } from './errors';
import { allOf, type PagedCollection } from './pages';
import type { GroupCatalog } from './groups';
import type { OktaClient } from './sdk';

export interface RoleGrant {
  type: string;
  label?: string;
  /** Group name when the role comes from a group membership. */
  viaGroup?: string;
}

export interface AdminIndex {
  available: boolean;
  /** Why admins are not marked, when they are not. */
  notice?: string;
  /** Roles held directly (or reported on the user), by user id. */
  userRoles: Map<string, RoleGrant[]>;
  /** Roles assigned to groups, by group id. */
  groupRoles: Map<string, RoleGrant[]>;
}

const roleNames: Record<string, string> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organizational Administrator',
  USER_ADMIN: 'User Administrator',
  HELP_DESK_ADMIN: 'Help Desk Administrator',
  APP_ADMIN: 'Application Administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
  READ_ONLY_ADMIN: 'Read-Only Administrator',
  REPORT_ADMIN: 'Report Administrator',
  MOBILE_ADMIN: 'Mobile Administrator',
  API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management Administrator',
  WORKFLOWS_ADMIN: 'Workflows Administrator',
  ACCESS_CERTIFICATIONS_ADMIN: 'Access Certifications Administrator',
  ACCESS_REQUESTS_ADMIN: 'Access Requests Administrator',
  CUSTOM: 'custom admin role',
};

/** Strongest first, so privilegedWhy leads with the role that matters most. */
const strength = ['SUPER_ADMIN', 'ORG_ADMIN', 'API_ACCESS_MANAGEMENT_ADMIN', 'APP_ADMIN', 'USER_ADMIN', 'HELP_DESK_ADMIN', 'GROUP_MEMBERSHIP_ADMIN', 'MOBILE_ADMIN', 'WORKFLOWS_ADMIN', 'ACCESS_CERTIFICATIONS_ADMIN', 'ACCESS_REQUESTS_ADMIN', 'CUSTOM', 'REPORT_ADMIN', 'READ_ONLY_ADMIN'];

interface RoleLike {
  type?: string;
  label?: string;
  assignmentType?: string;
}

export async function loadAdminIndex(client: OktaClient, policy: CallPolicy, catalog: GroupCatalog, signal?: AbortSignal): Promise<AdminIndex> {
  const userRoles = new Map<string, RoleGrant[]>();
  const groupRoles = new Map<string, RoleGrant[]>();
  const unavailable = (failure: OktaFailure): AdminIndex => ({
    available: false,
    notice: `Admin accounts are not marked: Okta refused to list admin roles (${failure.message})`,
    userRoles,
    groupRoles,
  });

  const adminIds: string[] = [];
  let after: string | undefined;
  do {
    const cursor = after;
    const outcome = await callOkta(policy, { signal, idempotent: true, action: 'list the users with admin roles' }, () =>
      client.roleAssignmentApi.listUsersWithRoleAssignments({ limit: 100, ...(cursor ? { after: cursor } : {}) }),
    );
    if (!outcome.ok) {
      if (outcome.failure.kind === 'missing-scope' || outcome.failure.kind === 'insufficient-role') return unavailable(outcome.failure);
      throw new OktaOperationError(outcome.failure, outcome.evidence);
    }
    for (const assignee of outcome.value.value ?? []) if (assignee.id) adminIds.push(assignee.id);
    const nextHref = outcome.value._links?.next?.href;
    after = nextHref ? (new URL(nextHref).searchParams.get('after') ?? undefined) : undefined;
  } while (after);

  for (const userId of adminIds) {
    const collection = await callOktaOrThrow(policy, { signal, idempotent: true, action: 'read an admin\'s roles' }, () => client.roleAssignmentApi.listAssignedRolesForUser({ userId }));
    const roles = await allOf(policy, collection as unknown as PagedCollection<RoleLike>, { signal, action: 'read an admin\'s roles' });
    userRoles.set(userId, roles.filter((role) => role.assignmentType !== 'GROUP').map(grantOf));
  }
  for (const group of [...catalog.groups.values()].filter((candidate) => candidate.hasAdminRole)) {
    const collection = await callOktaOrThrow(policy, { signal, idempotent: true, action: 'read a group\'s roles' }, () => client.roleAssignmentApi.listGroupAssignedRoles({ groupId: group.id }));
    const roles = await allOf(policy, collection as unknown as PagedCollection<RoleLike>, { signal, action: 'read a group\'s roles' });
    groupRoles.set(group.id, roles.map((role) => ({ ...grantOf(role), viaGroup: group.name })));
  }
  return { available: true, userRoles, groupRoles };
}

function grantOf(role: RoleLike): RoleGrant {
  return { type: role.type ?? 'CUSTOM', label: role.label };
}

/** The roles that make a user privileged: held directly and through the user's groups. */
export function privilegeOf(index: AdminIndex, userId: string, groupIds: readonly string[]): { privileged: boolean; why?: string; roles: string[] } {
  const grants = [...(index.userRoles.get(userId) ?? []), ...groupIds.flatMap((groupId) => index.groupRoles.get(groupId) ?? [])];
  if (grants.length === 0) return { privileged: false, roles: [] };
  grants.sort((a, b) => rank(a.type) - rank(b.type));
  const why = grants
    .map((grant) => `${grant.type} role (${roleNames[grant.type] ?? grant.label ?? 'admin role'})${grant.viaGroup ? ` through group ${grant.viaGroup}` : ''}`)
    .filter((text, position, all) => all.indexOf(text) === position)
    .join('; ');
  return { privileged: true, why, roles: [...new Set(grants.map((grant) => grant.type))] };
}

function rank(type: string): number {
  const position = strength.indexOf(type);
  return position === -1 ? strength.length : position;
}

export function roleName(type: string): string {
  return roleNames[type] ?? type;
}

/**
 * The role types a role listing returns (the connection's own roles, or a
 * user's). Every admin role may view roles, so a 403 means "no admin role":
 * an empty list. Other failures (a missing okta.roles.read scope) are returned.
 */
export async function readRoleTypes(policy: CallPolicy, list: () => Promise<unknown>, signal?: AbortSignal): Promise<{ ok: true; roles: string[] } | { ok: false; failure: OktaFailure }> {
  try {
    const collection = await callOktaOrThrow(policy, { signal, idempotent: true, action: 'read admin roles' }, list);
    const roles = await allOf(policy, collection as PagedCollection<RoleLike>, { signal, action: 'read admin roles' });
    return { ok: true, roles: [...new Set(roles.map((role) => role.type).filter((type): type is string => typeof type === 'string'))] };
  } catch (error) {
    if (!(error instanceof OktaOperationError)) throw error;
    if (error.failure.kind === 'insufficient-role') return { ok: true, roles: [] };
    return { ok: false, failure: error.failure };
  }
}
