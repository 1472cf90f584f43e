// The practice tenant's directory: users, groups, directory roles, service
// principals and the app registrations the fake authority knows. Plain
// in-memory data with a few lookups; the HTTP layers (routes, authority)
// enforce the rules, this module only stores and answers.

export interface PasswordProfileState {
  forceChangePasswordNextSignIn: boolean;
  forceChangePasswordNextSignInWithMfa: boolean;
}

export interface SignInActivityState {
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
}

export interface UserState {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  usageLocation: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  /** true: mastered in on-premises AD (Entra Connect); null: cloud-only (what Graph returns for those). */
  onPremisesSyncEnabled: boolean | null;
  onPremisesSamAccountName: string | null;
  createdDateTime: string;
  passwordProfile: PasswordProfileState;
  lastPasswordChangeDateTime: string | null;
  signInSessionsValidFromDateTime: string | null;
  /** Exact moment of the last revokeSignInSessions (ms); Graph shows it rounded to the second. */
  sessionsRevokedAtMs?: number;
  signInActivity: SignInActivityState;
  /** Anything else a PATCH set (declared user properties Rekey never uses). */
  extra: Record<string, unknown>;
}

export interface GroupState {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  isAssignableToRole: boolean;
  onPremisesSyncEnabled: boolean | null;
  createdDateTime: string;
  /** Direct members: user, group or service principal ids. */
  members: string[];
}

export interface DirectoryRoleState {
  id: string;
  displayName: string;
  description: string;
  roleTemplateId: string;
  /** Direct members: user, role-assignable group or service principal ids. */
  members: string[];
}

export interface ServicePrincipalState {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: 'Application';
  accountEnabled: boolean;
}

/** An app registration as the fake authority sees it. */
export interface AppRegistration {
  clientId: string;
  displayName: string;
  /** Public client (desktop): may use auth code + PKCE and device code without a secret. */
  publicClient: boolean;
  /** Registered redirect URIs; "http://localhost" allows any loopback port (RFC 8252). */
  redirectUris: string[];
  /** Admin-consented delegated Microsoft Graph permissions (scp). */
  delegatedScopes: string[];
  /** Granted Microsoft Graph application permissions (roles). */
  applicationPermissions: string[];
  /** PEM certificates whose private keys may sign client assertions. */
  certificates: string[];
  /** The app's service principal in this tenant. */
  servicePrincipalId: string;
}

export interface TenantInfo {
  id: string;
  displayName: string;
  /** The initial *.onmicrosoft.com domain; also accepted in authority URLs. */
  domain: string;
}

export type DirectoryObject =
  | { type: 'user'; value: UserState }
  | { type: 'group'; value: GroupState }
  | { type: 'servicePrincipal'; value: ServicePrincipalState }
  | { type: 'directoryRole'; value: DirectoryRoleState };

/** Well-known role template ids (identical in every tenant). */
export const roleTemplates = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  passwordAdministrator: '966707d0-3269-4727-9be2-8c3a10f19b9d',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
} as const;

export class TenantState {
  readonly users = new Map<string, UserState>();
  readonly groups = new Map<string, GroupState>();
  readonly roles = new Map<string, DirectoryRoleState>();
  readonly servicePrincipals = new Map<string, ServicePrincipalState>();
  readonly apps = new Map<string, AppRegistration>();
  private readonly byUpn = new Map<string, string>();

  constructor(readonly tenant: TenantInfo) {}

  addUser(user: UserState): UserState {
    this.users.set(user.id, user);
    this.byUpn.set(user.userPrincipalName.toLowerCase(), user.id);
    return user;
  }

  /**
   * A user by object id or by userPrincipalName (Graph accepts both in /users/{id}).
   * Takes the decoded value: routes decode the path segment once, as Graph
   * does. Decoding again here turned an id containing "%2e" into another id
   * and threw on a lone "%" (found by the resilience suite's hostile ids).
   */
  findUser(idOrUpn: string): UserState | undefined {
    return this.users.get(idOrUpn) ?? this.users.get(this.byUpn.get(idOrUpn.toLowerCase()) ?? '');
  }

  findObject(id: string): DirectoryObject | undefined {
    const user = this.users.get(id);
    if (user) return { type: 'user', value: user };
    const group = this.groups.get(id);
    if (group) return { type: 'group', value: group };
    const sp = this.servicePrincipals.get(id);
    if (sp) return { type: 'servicePrincipal', value: sp };
    const role = this.roles.get(id);
    if (role) return { type: 'directoryRole', value: role };
    return undefined;
  }

  /** All users reachable from a group through nested groups. */
  transitiveMembers(groupId: string, seen: Set<string> = new Set()): DirectoryObject[] {
    const group = this.groups.get(groupId);
    if (!group || seen.has(groupId)) return [];
    seen.add(groupId);
    const out: DirectoryObject[] = [];
    for (const id of group.members) {
      const object = this.findObject(id);
      if (!object) continue;
      out.push(object);
      if (object.type === 'group') out.push(...this.transitiveMembers(object.value.id, seen));
    }
    return dedupe(out);
  }

  /** Groups and roles an object belongs to, directly. */
  memberOf(objectId: string): DirectoryObject[] {
    const out: DirectoryObject[] = [];
    for (const group of this.groups.values()) if (group.members.includes(objectId)) out.push({ type: 'group', value: group });
    for (const role of this.roles.values()) if (role.members.includes(objectId)) out.push({ type: 'directoryRole', value: role });
    return out;
  }

  /** Groups and roles an object belongs to, directly or through groups. */
  transitiveMemberOf(objectId: string): DirectoryObject[] {
    const out: DirectoryObject[] = [];
    const queue = [objectId];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const current = queue.shift() as string;
      for (const parent of this.memberOf(current)) {
        if (seen.has(parent.value.id)) continue;
        seen.add(parent.value.id);
        out.push(parent);
        if (parent.type === 'group') queue.push(parent.value.id);
      }
    }
    return out;
  }

  /** Role template ids an object holds, directly or through a role-assignable group. */
  roleTemplateIdsOf(objectId: string): Set<string> {
    // Asked on every credential write (for the caller and the target), so it
    // walks down from the few directory roles rather than up from the object:
    // walking up scans every group's member list, which costs O(users) per
    // write in a tenant of thousands (the x50 benchmark spent most of its
    // time here). Same answer: a role counts when the object is a member of
    // it directly or through (nested) groups that are members of it.
    const ids = new Set<string>();
    for (const role of this.roles.values()) {
      const holds = role.members.some(
        (member) => member === objectId || (this.groups.has(member) && this.transitiveMembers(member).some((object) => object.value.id === objectId)),
      );
      if (holds) ids.add(role.roleTemplateId);
    }
    return ids;
  }

  appByClientId(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId);
  }
}

function dedupe(objects: DirectoryObject[]): DirectoryObject[] {
  const seen = new Set<string>();
  return objects.filter((o) => (seen.has(o.value.id) ? false : (seen.add(o.value.id), true)));
}
