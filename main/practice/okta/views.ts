// How the stand-in's records look on the wire: Okta's User, Group and role
// assignment objects with their HAL _links. A user in a collection carries only
// its self link; a single user carries the lifecycle links its status allows.
import { roleLabels, type OrgState, type RoleAssignment, type StandinGroup, type StandinUser } from './state';

type Links = Record<string, { href: string; method?: string }>;

export function userView(user: StandinUser, origin: string, options: { collection: boolean }): Record<string, unknown> {
  const self = `${origin}/api/v1/users/${user.id}`;
  const links: Links = { self: { href: self } };
  if (!options.collection) Object.assign(links, lifecycleLinks(user, self, origin));
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: 'oty1defaultusertype0' },
    profile: { ...user.profile },
    credentials: {
      ...(user.provider.type === 'OKTA' || user.provider.type === 'ACTIVE_DIRECTORY' || user.provider.type === 'LDAP' ? { password: {} } : {}),
      provider: { ...user.provider },
    },
    _links: links,
  };
}

function lifecycleLinks(user: StandinUser, self: string, origin: string): Links {
  const links: Links = {};
  const post = (name: string, path: string) => (links[name] = { href: `${self}${path}`, method: 'POST' });
  switch (user.status) {
    case 'STAGED':
    case 'PROVISIONED':
      post('activate', '/lifecycle/activate');
      post('deactivate', '/lifecycle/deactivate');
      break;
    case 'DEPROVISIONED':
      break;
    case 'SUSPENDED':
      post('unsuspend', '/lifecycle/unsuspend');
      post('deactivate', '/lifecycle/deactivate');
      break;
    default:
      post('resetPassword', '/lifecycle/reset_password');
      post('resetFactors', '/lifecycle/reset_factors');
      post('expirePassword', '/lifecycle/expire_password');
      post('suspend', '/lifecycle/suspend');
      post('deactivate', '/lifecycle/deactivate');
      if (user.status === 'LOCKED_OUT') post('unlock', '/lifecycle/unlock');
  }
  links.schema = { href: `${origin}/api/v1/meta/schemas/user/oscdefaultuserschema0` };
  links.type = { href: `${origin}/api/v1/meta/types/user/oty1defaultusertype0` };
  return links;
}

export function groupView(group: StandinGroup, origin: string, state: OrgState, options: { stats: boolean }): Record<string, unknown> {
  const self = `${origin}/api/v1/groups/${group.id}`;
  const view: Record<string, unknown> = {
    id: group.id,
    created: group.created,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastMembershipUpdated,
    objectClass: ['okta:user_group'],
    type: group.type,
    profile: { name: group.name, description: group.description },
    _links: {
      self: { href: self },
      logo: [{ name: 'medium', href: `${origin}/assets/img/logos/groups/okta-medium.png`, type: 'image/png' }],
      users: { href: `${self}/users` },
      apps: { href: `${self}/apps` },
    },
  };
  if (options.stats) {
    view._embedded = {
      stats: {
        usersCount: group.members.size,
        appsCount: 0,
        groupPushMappingsCount: 0,
        hasAdminPrivlege: state.rolesOfGroup(group.id).length > 0,
      },
    };
  }
  return view;
}

/** A standard role assignment as seen from a user, a group or a client app. */
export function roleView(role: RoleAssignment, origin: string, seenFrom: { kind: 'USER' | 'GROUP' | 'CLIENT'; id: string }): Record<string, unknown> {
  const assigneePath =
    role.assignee.kind === 'USER' ? `/api/v1/users/${role.assignee.id}` : role.assignee.kind === 'GROUP' ? `/api/v1/groups/${role.assignee.id}` : `/oauth2/v1/clients/${role.assignee.id}`;
  const ownerPath = seenFrom.kind === 'USER' ? `/api/v1/users/${seenFrom.id}` : seenFrom.kind === 'GROUP' ? `/api/v1/groups/${seenFrom.id}` : `/oauth2/v1/clients/${seenFrom.id}`;
  return {
    id: role.id,
    label: roleLabels[role.type],
    type: role.type,
    status: 'ACTIVE',
    created: role.created,
    lastUpdated: role.lastUpdated,
    assignmentType: role.assignee.kind,
    _links: {
      assignee: { href: `${origin}${assigneePath}` },
      ...(role.type === 'USER_ADMIN' || role.type === 'HELP_DESK_ADMIN' || role.type === 'GROUP_MEMBERSHIP_ADMIN'
        ? { targets: { href: `${origin}${ownerPath}/roles/${role.id}/targets/groups` } }
        : {}),
    },
  };
}
