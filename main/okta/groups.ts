// Group names for each listed account, without spending the org's rate budget
// carelessly. Two ways to learn memberships:
//   per user:  GET /api/v1/users/{id}/groups       1 request per account
//   per group: GET /api/v1/groups/{id}/users        ~1 request per group (1000 members a page)
// Which is cheaper depends on how many accounts the listing turns out to have,
// which is unknown until it ends. So we "rent before we buy": look up accounts
// one by one while that has cost less than building the whole index would, then
// build the index once and use it for the rest. Total cost stays within twice
// the cheaper option whatever the listing's size.
import { callOktaOrThrow, type CallPolicy } from './call';
import { forEachLimited } from './concurrency';
import { allOf, type PagedCollection } from './pages';
import type { OktaClient, OktaGroup } from './sdk';

export interface GroupInfo {
  id: string;
  name: string;
  type?: string;
  usersCount?: number;
  /** Okta's _embedded.stats.hasAdminPrivlege: an admin role is assigned to the group. */
  hasAdminRole: boolean;
}

export interface GroupCatalog {
  groups: Map<string, GroupInfo>;
  /** Requests the per-group index would cost (members are listed 1000 a page). */
  indexCost: number;
}

const membersPerPage = 1000;

export async function loadGroupCatalog(client: OktaClient, policy: CallPolicy, signal?: AbortSignal): Promise<GroupCatalog> {
  const collection = await callOktaOrThrow(policy, { signal, idempotent: true, action: 'list groups' }, () => client.groupApi.listGroups({ limit: 200, expand: 'stats' }));
  const groups = new Map<string, GroupInfo>();
  let indexCost = 0;
  for (const group of await allOf(policy, collection as unknown as PagedCollection<OktaGroup>, { signal, action: 'list groups' })) {
    if (!group.id) continue;
    const stats = group._embedded?.stats;
    const usersCount = typeof stats?.usersCount === 'number' ? stats.usersCount : undefined;
    groups.set(group.id, { id: group.id, name: group.profile?.name ?? group.id, type: group.type, usersCount, hasAdminRole: stats?.hasAdminPrivlege === true });
    indexCost += Math.max(1, Math.ceil((usersCount ?? membersPerPage) / membersPerPage));
  }
  return { groups, indexCost };
}

/** Find a group by id or by exact name (case-insensitive). */
export function findGroup(catalog: GroupCatalog, idOrName: string): GroupInfo | undefined {
  const byId = catalog.groups.get(idOrName);
  if (byId) return byId;
  const wanted = idOrName.trim().toLowerCase();
  return [...catalog.groups.values()].find((group) => group.name.toLowerCase() === wanted);
}

export class MembershipResolver {
  private index?: Map<string, string[]>;
  private perUserSpent = 0;
  /** Requests spent so far on memberships (for tests and the run summary). */
  requests = 0;

  constructor(
    private readonly client: OktaClient,
    private readonly policy: CallPolicy,
    private readonly catalog: GroupCatalog,
    private readonly concurrency: number,
  ) {}

  /** Group ids of each of these users. */
  async groupsOf(userIds: readonly string[], signal?: AbortSignal): Promise<Map<string, string[]>> {
    if (!this.index && this.perUserSpent + userIds.length > this.catalog.indexCost) await this.buildIndex(signal);
    if (this.index) return new Map(userIds.map((id) => [id, this.index?.get(id) ?? []]));
    this.perUserSpent += userIds.length;
    const result = new Map<string, string[]>();
    await forEachLimited(userIds, this.concurrency, async (userId) => {
      this.requests++;
      const collection = await callOktaOrThrow(this.policy, { signal, idempotent: true, action: 'list the groups of a user' }, () => this.client.userApi.listUserGroups({ userId }));
      const groups = await allOf(this.policy, collection as unknown as PagedCollection<OktaGroup>, { signal, action: 'list the groups of a user' });
      result.set(userId, groups.map((group) => group.id).filter((id): id is string => typeof id === 'string'));
    });
    return result;
  }

  get usesIndex(): boolean {
    return this.index !== undefined;
  }

  private async buildIndex(signal?: AbortSignal): Promise<void> {
    const index = new Map<string, string[]>();
    await forEachLimited([...this.catalog.groups.keys()], this.concurrency, async (groupId) => {
      const collection = await callOktaOrThrow(this.policy, { signal, idempotent: true, action: 'list the members of a group' }, () =>
        this.client.groupApi.listGroupUsers({ groupId, limit: membersPerPage }),
      );
      const members = await allOf(this.policy, collection as unknown as PagedCollection<{ id?: string }>, { signal, action: 'list the members of a group' });
      this.requests += Math.max(1, Math.ceil(members.length / membersPerPage));
      for (const member of members) {
        if (!member.id) continue;
        const list = index.get(member.id) ?? [];
        list.push(groupId);
        index.set(member.id, list);
      }
    });
    this.index = index;
  }
}
