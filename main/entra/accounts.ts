// Listing Entra ID users as Rekey accounts: only the properties the console
// shows ($select), Graph's own paging (@odata.nextLink followed as-is),
// $search with ConsistencyLevel: eventual, members of one group, and who is
// an admin (members of directory roles, directly or through a role-assignable
// group), with the role named in privilegedWhy.
import type { Account, AccountQuery } from '../core/domain';
import type { SignedInIdentity } from './auth';
import { GraphHttpError, type GraphApi } from './graph';

/** What the account list shows; signInActivity only when the token may read it (AuditLog.Read.All, Entra ID P1). */
export const accountSelect = ['id', 'userPrincipalName', 'displayName', 'accountEnabled', 'userType', 'onPremisesSyncEnabled', 'mail'];

export interface GraphUser {
  id: string;
  userPrincipalName?: string | null;
  displayName?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  mail?: string | null;
  signInActivity?: { lastSignInDateTime?: string | null } | null;
}

interface DirectoryObjectRef {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
}

export interface ListingContext {
  graph: GraphApi;
  directoryId: string;
  identity: SignedInIdentity;
  readSignInActivity: boolean;
}

const advanced = { ConsistencyLevel: 'eventual' };
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const roleReadConcurrency = 4;

export async function* listAccounts(context: ListingContext, query: AccountQuery, signal?: AbortSignal): AsyncGenerator<Account[]> {
  const { graph } = context;
  const privileged = await privilegedUsers(graph, signal);
  const select = [...accountSelect, ...(context.readSignInActivity ? ['signInActivity'] : [])].join(',');
  const top = Math.min(999, Math.max(1, query.pageSize ?? 200));
  const params = [`$select=${select}`, `$top=${top}`, '$count=true'];
  const search = query.search?.trim();
  if (search) params.push(`$search=${encodeURIComponent(searchExpression(search))}`);

  let groupName: string | undefined;
  let path: string;
  if (query.group) {
    const group = await resolveGroup(graph, query.group, signal);
    groupName = group.displayName ?? query.group;
    path = `/groups/${encodeURIComponent(group.id)}/transitiveMembers/microsoft.graph.user?${params.join('&')}`;
  } else {
    path = `/users?${params.join('&')}`;
  }
  for await (const page of graph.pages<GraphUser>(path, { headers: advanced, signal })) {
    yield page.map((user) => toAccount(user, context, privileged.get(user.id), groupName));
  }
}

/** Graph $search: tokenised on displayName, prefix on UPN and mail. Quotes would end the clause, so they are dropped. */
export function searchExpression(text: string): string {
  const term = text.replace(/["\\]/g, ' ').trim();
  return ['displayName', 'userPrincipalName', 'mail'].map((p) => `"${p}:${term}"`).join(' OR ');
}

export function toAccount(user: GraphUser, context: Pick<ListingContext, 'directoryId' | 'identity'>, roles: string[] | undefined, groupName?: string): Account {
  const enabled = user.accountEnabled !== false;
  const self = user.id === context.identity.objectId && context.identity.mode === 'delegated';
  const login = user.userPrincipalName ?? user.id;
  return {
    directoryId: context.directoryId,
    kind: 'entra',
    id: user.id,
    login,
    displayName: user.displayName ?? login,
    enabled,
    privileged: (roles?.length ?? 0) > 0,
    ...(roles?.length ? { privilegedWhy: roles.join('; ') } : {}),
    groups: groupName ? [groupName] : [],
    attributes: {
      synced: user.onPremisesSyncEnabled === true,
      guest: user.userType === 'Guest',
      status: enabled ? 'Enabled' : 'Disabled',
      ...(user.mail ? { email: user.mail } : {}),
      ...(user.signInActivity !== undefined ? { lastSignIn: user.signInActivity?.lastSignInDateTime ?? null } : {}),
      ...(self ? { isCurrentUser: true, isConnectionAccount: true } : {}),
    },
  };
}

async function resolveGroup(graph: GraphApi, group: string, signal?: AbortSignal): Promise<{ id: string; displayName?: string | null }> {
  if (guidPattern.test(group)) {
    try {
      const reply = await graph.request<{ id: string; displayName?: string }>('GET', `/groups/${group}?$select=id,displayName`, { signal });
      return reply.body;
    } catch (error) {
      if (error instanceof GraphHttpError && error.status === 404) throw new Error(`There is no group with id ${group} in this Entra ID tenant.`);
      throw error;
    }
  }
  const filter = encodeURIComponent(`displayName eq '${group.replace(/'/g, "''")}'`);
  const matches = await graph.all<{ id: string; displayName?: string }>(`/groups?$filter=${filter}&$select=id,displayName`, { signal });
  if (matches.length === 0) throw new Error(`There is no group named "${group}" in this Entra ID tenant; check the spelling or use the group's object id.`);
  if (matches.length > 1) throw new Error(`${matches.length} groups are named "${group}"; use the group's object id to pick one.`);
  return matches[0] as { id: string; displayName?: string };
}

/**
 * Users who hold a directory role, with the reason ("Global Administrator
 * role", "Privileged Role Administrator role through group Tier 0"). Role
 * members are read per role with paging: $expand=members would stop at 20.
 * If Graph refuses to say, listing stops: treating admins as ordinary users
 * would slip them past approval rules.
 */
export async function privilegedUsers(graph: GraphApi, signal?: AbortSignal): Promise<Map<string, string[]>> {
  const reasons = new Map<string, string[]>();
  const add = (userId: string, reason: string): void => {
    const list = reasons.get(userId) ?? [];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(userId, list);
  };
  let roles: Array<{ id: string; displayName: string }>;
  try {
    roles = await graph.all('/directoryRoles?$select=id,displayName,roleTemplateId', { signal });
  } catch (error) {
    if (error instanceof GraphHttpError && error.status === 403) {
      throw new Error(
        'Rekey cannot tell which accounts are admins because RoleManagement.Read.Directory is not granted; add it to the app registration (admin consent), sign in again and run Check permissions.',
      );
    }
    throw error;
  }
  const queue = [...roles];
  const worker = async (): Promise<void> => {
    for (let role = queue.shift(); role; role = queue.shift()) {
      const members = await graph.all<DirectoryObjectRef>(`/directoryRoles/${encodeURIComponent(role.id)}/members?$select=id,displayName`, { signal });
      for (const member of members) {
        const type = member['@odata.type'];
        if (type === '#microsoft.graph.user') add(member.id, `${role.displayName} role`);
        if (type === '#microsoft.graph.group') {
          const users = await graph.all<DirectoryObjectRef>(
            `/groups/${encodeURIComponent(member.id)}/transitiveMembers/microsoft.graph.user?$select=id&$count=true`,
            { headers: advanced, signal },
          );
          for (const user of users) add(user.id, `${role.displayName} role through group ${member.displayName ?? member.id}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(roleReadConcurrency, roles.length) }, worker));
  return reasons;
}
