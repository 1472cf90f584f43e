// The Okta org the stand-in serves: users, groups, admin role assignments,
// API service apps and API tokens, with the lifecycle rules Rekey exercises
// (expire password, clear sessions). Plain data plus small transitions; the
// HTTP shape lives in views.ts.
import { randomBytes } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';

export type UserStatus = 'ACTIVE' | 'DEPROVISIONED' | 'LOCKED_OUT' | 'PASSWORD_EXPIRED' | 'PROVISIONED' | 'RECOVERY' | 'STAGED' | 'SUSPENDED';
export type ProviderType = 'OKTA' | 'ACTIVE_DIRECTORY' | 'LDAP' | 'FEDERATION' | 'SOCIAL' | 'IMPORT';
export type RoleType =
  | 'SUPER_ADMIN' | 'ORG_ADMIN' | 'USER_ADMIN' | 'HELP_DESK_ADMIN' | 'APP_ADMIN' | 'GROUP_MEMBERSHIP_ADMIN'
  | 'READ_ONLY_ADMIN' | 'REPORT_ADMIN' | 'MOBILE_ADMIN' | 'API_ACCESS_MANAGEMENT_ADMIN';

export const roleLabels: Record<RoleType, string> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organizational Administrator',
  USER_ADMIN: 'Group Administrator',
  HELP_DESK_ADMIN: 'Help Desk Administrator',
  APP_ADMIN: 'Application Administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
  READ_ONLY_ADMIN: 'Read Only Administrator',
  REPORT_ADMIN: 'Report Administrator',
  MOBILE_ADMIN: 'Mobile Administrator',
  API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management Administrator',
};

export interface UserProfile {
  firstName: string;
  lastName: string;
  email: string;
  login: string;
  displayName?: string | null;
  department?: string;
  title?: string | null;
  [custom: string]: unknown;
}

export interface StandinUser {
  id: string;
  status: UserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  profile: UserProfile;
  provider: { type: ProviderType; name: string };
  /** Live Okta sessions, OAuth grants and remembered devices: what "clear sessions" removes. */
  sessions: number;
  oauthTokens: number;
  rememberedDevices: number;
}

export interface StandinGroup {
  id: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  type: 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';
  name: string;
  description: string;
  members: Set<string>;
}

export interface RoleAssignment {
  id: string;
  type: RoleType;
  created: string;
  lastUpdated: string;
  /** Who the role is assigned to: a user, a group, or a client app. */
  assignee: { kind: 'USER' | 'GROUP' | 'CLIENT'; id: string };
}

export interface ServiceApp {
  clientId: string;
  name: string;
  /** Public keys registered on the app (private_key_jwt client authentication). */
  jwks: JsonWebKey[];
  grantedScopes: Set<string>;
  /** "Require Demonstrating Proof of Possession (DPoP) header in token requests": on by default for new API service apps. */
  dpopRequired: boolean;
}

export interface ApiToken {
  token: string;
  name: string;
  /** The admin who created it: an SSWS token acts with that admin's roles. */
  userId: string;
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Okta-looking ids: a 3-character type prefix and 17 base62 characters (00u..., 00g..., 0oa...). */
export function newOktaId(prefix: string, random: () => number = secureRandom): string {
  let id = prefix;
  while (id.length < 20) id += base62[Math.floor(random() * base62.length)];
  return id;
}

function secureRandom(): number {
  return randomBytes(4).readUInt32BE(0) / 0x1_0000_0000;
}

/** Statuses from which Okta lets an admin expire the password. */
export const expirableStatuses: ReadonlySet<UserStatus> = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);

export class OrgState {
  readonly users = new Map<string, StandinUser>();
  readonly groups = new Map<string, StandinGroup>();
  readonly roleAssignments: RoleAssignment[] = [];
  readonly apps = new Map<string, ServiceApp>();
  readonly apiTokens = new Map<string, ApiToken>();
  readonly orgId: string;

  constructor(private readonly random: () => number = secureRandom) {
    this.orgId = newOktaId('00o', random);
  }

  newId(prefix: string): string {
    return newOktaId(prefix, this.random);
  }

  addUser(user: Omit<StandinUser, 'id'> & { id?: string }): StandinUser {
    const full: StandinUser = { ...user, id: user.id ?? this.newId('00u') };
    this.users.set(full.id, full);
    return full;
  }

  addGroup(group: Omit<StandinGroup, 'id' | 'members'> & { id?: string }): StandinGroup {
    const full: StandinGroup = { ...group, id: group.id ?? this.newId('00g'), members: new Set() };
    this.groups.set(full.id, full);
    return full;
  }

  addMember(groupId: string, userId: string): void {
    this.groups.get(groupId)?.members.add(userId);
  }

  assignRole(type: RoleType, assignee: RoleAssignment['assignee'], at: string): RoleAssignment {
    const assignment: RoleAssignment = { id: this.newId('ra1'), type, created: at, lastUpdated: at, assignee };
    this.roleAssignments.push(assignment);
    return assignment;
  }

  registerServiceApp(app: Omit<ServiceApp, 'clientId'> & { clientId?: string }): ServiceApp {
    const full: ServiceApp = { ...app, clientId: app.clientId ?? this.newId('0oa') };
    this.apps.set(full.clientId, full);
    return full;
  }

  issueApiToken(userId: string, name: string, token = `00${randomBytes(30).toString('base64url')}`): ApiToken {
    const apiToken: ApiToken = { token, name, userId };
    this.apiTokens.set(token, apiToken);
    return apiToken;
  }

  /** Okta accepts an id, a login, or an unambiguous login short name wherever `{id}` appears. */
  findUser(idOrLogin: string): StandinUser | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId) return byId;
    const wanted = idOrLogin.toLowerCase();
    const matches = [...this.users.values()].filter(
      (user) => user.profile.login.toLowerCase() === wanted || user.profile.login.toLowerCase().split('@')[0] === wanted,
    );
    return matches.length === 1 ? matches[0] : matches.find((user) => user.profile.login.toLowerCase() === wanted);
  }

  groupsOf(userId: string): StandinGroup[] {
    return [...this.groups.values()].filter((group) => group.members.has(userId));
  }

  /** Role assignments that apply to a user: assigned to the user, or to a group the user belongs to. */
  rolesOfUser(userId: string): RoleAssignment[] {
    const groupIds = new Set(this.groupsOf(userId).map((group) => group.id));
    return this.roleAssignments.filter(
      (role) => (role.assignee.kind === 'USER' && role.assignee.id === userId) || (role.assignee.kind === 'GROUP' && groupIds.has(role.assignee.id)),
    );
  }

  rolesOfGroup(groupId: string): RoleAssignment[] {
    return this.roleAssignments.filter((role) => role.assignee.kind === 'GROUP' && role.assignee.id === groupId);
  }

  rolesOfClient(clientId: string): RoleAssignment[] {
    return this.roleAssignments.filter((role) => role.assignee.kind === 'CLIENT' && role.assignee.id === clientId);
  }

  /** Users with a role assigned directly (what /api/v1/iam/assignees/users lists). */
  usersWithRoleAssignments(): string[] {
    return [...new Set(this.roleAssignments.filter((role) => role.assignee.kind === 'USER').map((role) => role.assignee.id))].sort();
  }

  expirePassword(user: StandinUser, at: string): void {
    if (user.status !== 'PASSWORD_EXPIRED') user.statusChanged = at;
    user.status = 'PASSWORD_EXPIRED';
    user.lastUpdated = at;
  }

  revokeSessions(user: StandinUser, options: { oauthTokens: boolean; forgetDevices: boolean }): void {
    user.sessions = 0;
    if (options.oauthTokens) user.oauthTokens = 0;
    if (options.forgetDevices) user.rememberedDevices = 0;
  }
}
