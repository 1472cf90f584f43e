// The Okta directory: one connected org behind core's Directory interface.
import type {
  Account,
  AccountPlan,
  AccountResetResult,
  Directory,
  DirectoryCapabilities,
  PacingHints,
  ResetBatch,
  ResetOptions,
  VerifiedState,
} from '../core/domain';
import type { SecretStore } from '../core/ports';
import { accountFromUser, matchesText, userListingFor, type OktaAccountQuery } from './accounts';
import { resetBuckets } from './buckets';
import { callOkta, callOktaOrThrow } from './call';
import type { OktaConnection } from './connection';
import { forEachLimited } from './concurrency';
import { findGroup, loadGroupCatalog, MembershipResolver, type GroupCatalog } from './groups';
import { pagesOf, type PagedCollection } from './pages';
import { planOktaReset } from './plan';
import { readAccountState, resetAccount } from './reset';
import { loadAdminIndex, privilegeOf, readRoleTypes, type AdminIndex } from './roles';
import type { OktaUser } from './sdk';
import { OktaSession, type OktaRuntimeOptions } from './session';

export interface OktaDirectoryOptions extends OktaRuntimeOptions {
  /** Accounts handled at once inside one reset()/readState() call (the pacer still sets the rate). */
  concurrency?: number;
  /** How many accounts the engine should put in one reset() call. */
  batchSize?: number;
  /** How long the group list and admin roles read for one listing serve the next ones (clock ms). */
  orgKnowledgeTtlMs?: number;
}

interface OrgKnowledge {
  catalog: GroupCatalog;
  admins: AdminIndex;
  readAt: number;
}

export class OktaDirectory implements Directory {
  readonly kind = 'okta' as const;
  readonly id: string;
  readonly displayName: string;
  readonly capabilities: DirectoryCapabilities = {
    forceChange: true,
    forceChangeWithMfa: false,
    endSessions: true,
    readsSessionRevocation: false,
    clearNeverExpires: false,
  };
  /** Notes about the last listing an admin should see (e.g. why admins are not marked). */
  listingNotices: string[] = [];
  readonly session: OktaSession;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly orgKnowledgeTtlMs: number;
  private knowledge?: OrgKnowledge;
  private connectionUserId?: Promise<string | undefined>;
  private connectionRoles?: Promise<string[] | undefined>;

  constructor(connection: OktaConnection, secrets: SecretStore, options: OktaDirectoryOptions = {}) {
    this.id = connection.id;
    this.displayName = connection.displayName;
    this.session = new OktaSession(connection, secrets, options);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.batchSize = Math.max(1, options.batchSize ?? 10);
    this.orgKnowledgeTtlMs = options.orgKnowledgeTtlMs ?? 5 * 60_000;
  }

  /** Hints for the engine, from the rate limits Okta has announced so far. */
  get pacing(): PacingHints {
    const limits = resetBuckets.map((bucket) => this.session.pacer.learnedLimit(bucket)).filter((limit): limit is number => limit !== undefined);
    const hints: PacingHints = { maxConcurrency: this.concurrency, batchSize: this.batchSize };
    // Writes per second Rekey may sustain: its share of the tightest per-minute limit on the reset endpoints.
    if (limits.length > 0) hints.ratePerSecond = (Math.min(...limits) * this.session.pacer.rateShare) / 60;
    return hints;
  }

  async *listAccounts(query: OktaAccountQuery, signal?: AbortSignal): AsyncIterable<Account[]> {
    const client = await this.session.sdk();
    const policy = this.session.policy;
    const { catalog, admins } = await this.orgKnowledge(signal);
    this.listingNotices = admins.notice ? [admins.notice] : [];
    const connectionUserId = await this.connectionUser();
    const memberships = new MembershipResolver(client, policy, catalog, this.concurrency);

    let collection: PagedCollection<OktaUser>;
    let filterText: string | undefined;
    if (query.group) {
      const group = findGroup(catalog, query.group);
      if (!group) throw new Error(`Okta has no group named or with id "${query.group}". Check the name on the Directory > Groups page.`);
      collection = (await callOktaOrThrow(policy, { signal, idempotent: true, action: `list the members of ${group.name}` }, () =>
        client.groupApi.listGroupUsers({ groupId: group.id, limit: Math.min(query.pageSize ?? 200, 1000) }),
      )) as unknown as PagedCollection<OktaUser>;
      filterText = query.search;
    } else {
      const listing = userListingFor(query);
      collection = (await callOktaOrThrow(policy, { signal, idempotent: true, action: 'list users' }, () => client.userApi.listUsers(listing))) as unknown as PagedCollection<OktaUser>;
      if (listing.filter) filterText = query.search;
    }

    for await (const page of pagesOf(policy, collection, { signal, action: 'list users' })) {
      const users = page.filter((user) => user.id && matchesText(user, filterText));
      if (users.length === 0) continue;
      const groupsByUser = await memberships.groupsOf(users.map((user) => user.id as string), signal);
      yield users.map((user) => this.toAccount(user, groupsByUser.get(user.id as string) ?? [], catalog, admins, connectionUserId));
    }
  }

  async planReset(accounts: Account[], options: ResetOptions): Promise<AccountPlan[]> {
    const connectionRoles = await this.ownRoles();
    return accounts.map((account) => planOktaReset(account, options, { connectionRoles }));
  }

  async reset(batch: ResetBatch, signal: AbortSignal): Promise<AccountResetResult[]> {
    const results = new Map<string, AccountResetResult>();
    await forEachLimited(batch.items, this.concurrency, async (item) => {
      results.set(item.account.id, await resetAccount(this.session, item, batch.options, signal));
    });
    return batch.items.map((item) => results.get(item.account.id) as AccountResetResult);
  }

  async readState(accounts: Account[], signal?: AbortSignal): Promise<VerifiedState[]> {
    const states = new Map<string, VerifiedState>();
    await forEachLimited(accounts, this.concurrency, async (account) => {
      states.set(account.id, await readAccountState(this.session, account, signal));
    });
    return accounts.map((account) => states.get(account.id) as VerifiedState);
  }

  /** Groups and admin roles: read once, reused by listings within the TTL (they cost requests from the shared budget). */
  private async orgKnowledge(signal?: AbortSignal): Promise<OrgKnowledge> {
    const now = this.session.clock.now();
    if (this.knowledge && now - this.knowledge.readAt < this.orgKnowledgeTtlMs) return this.knowledge;
    const client = await this.session.sdk();
    const catalog = await loadGroupCatalog(client, this.session.policy, signal);
    const admins = await loadAdminIndex(client, this.session.policy, catalog, signal);
    this.knowledge = { catalog, admins, readAt: now };
    return this.knowledge;
  }

  private toAccount(user: OktaUser, groupIds: string[], catalog: GroupCatalog, admins: AdminIndex, connectionUserId: string | undefined): Account {
    const privilege = privilegeOf(admins, user.id as string, groupIds);
    return accountFromUser(user, this.id, {
      groups: groupIds.map((id) => catalog.groups.get(id)?.name ?? id),
      privileged: privilege.privileged,
      privilegedWhy: privilege.why,
      isConnectionAccount: connectionUserId !== undefined && connectionUserId === user.id,
    });
  }

  /** With an API token, the admin who created it (GET /api/v1/users/me); a service app is no user. */
  private connectionUser(): Promise<string | undefined> {
    if (this.session.connection.auth.mode !== 'api-token') return Promise.resolve(undefined);
    this.connectionUserId ??= (async () => {
      const client = await this.session.sdk();
      const outcome = await callOkta(this.session.policy, { idempotent: true, action: 'read the API token\'s admin' }, () => client.userApi.getUser({ userId: 'me' }));
      return outcome.ok ? outcome.value.id : undefined;
    })();
    return this.connectionUserId;
  }

  /** The admin roles Rekey's connection holds, when Okta lets us read them (undefined when it does not). */
  private ownRoles(): Promise<string[] | undefined> {
    this.connectionRoles ??= this.readOwnRoles().catch(() => undefined);
    return this.connectionRoles;
  }

  private async readOwnRoles(): Promise<string[] | undefined> {
    const client = await this.session.sdk();
    const { auth } = this.session.connection;
    let list: () => Promise<unknown>;
    if (auth.mode === 'private-key') {
      list = () => client.roleAssignmentApi.listRolesForClient({ clientId: auth.clientId });
    } else {
      const me = await this.connectionUser();
      if (!me) return undefined;
      list = () => client.roleAssignmentApi.listAssignedRolesForUser({ userId: me });
    }
    const result = await readRoleTypes(this.session.policy, list);
    return result.ok ? result.roles : undefined;
  }
}
