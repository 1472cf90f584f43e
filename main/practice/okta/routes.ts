// The Management API operations the stand-in serves, each with the OAuth scope
// its description requires and the admin permission it needs. Handlers return
// plain results; server.ts adds rate-limit headers, request ids and errors.
import type { Clock } from '../../core/ports';
import type { AuthService, Principal } from './auth';
import { errors, OktaHttpError } from './errors';
import { linkHeader, pageOf, parseLimit } from './paging';
import { compileExpression, matchesQuery, readPath, SearchSyntaxError } from './search';
import { expirableStatuses, type OrgState, type RoleType, type StandinUser } from './state';
import { groupView, roleView, userView } from './views';

export interface RouteContext {
  state: OrgState;
  auth: AuthService;
  clock: Clock;
  origin: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  principal: Principal;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** The operation's path in the OpenAPI description, e.g. /api/v1/users/{id}. */
  template: string;
  pattern: RegExp;
  scope: string;
  handle(context: RouteContext): RouteResult;
}

const userManagers: ReadonlySet<RoleType> = new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'HELP_DESK_ADMIN']);

function route(method: string, template: string, scope: string, handle: Route['handle']): Route {
  const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_match, name: string) => `(?<${name}>[^/]+)`)}$`);
  return { method, template, pattern, scope, handle };
}

function iso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

function requireUser(context: RouteContext, key: string): StandinUser {
  const raw = decodeURIComponent(context.params[key] ?? '');
  const user = raw === 'me' && context.principal.kind === 'ssws' ? context.state.users.get(context.principal.token.userId) : context.state.findUser(raw);
  if (!user) throw errors.userNotFound(raw);
  return user;
}

/** Okta lets only a super admin act on another super admin, and only super or org admins act on any admin. */
function requireManagerOf(context: RouteContext, target: StandinUser): void {
  const roles = new Set(context.auth.rolesOf(context.principal));
  if (![...roles].some((role) => userManagers.has(role))) throw errors.accessDenied();
  const targetRoles = new Set(context.state.rolesOfUser(target.id).map((role) => role.type));
  if (targetRoles.has('SUPER_ADMIN') && !roles.has('SUPER_ADMIN')) throw errors.accessDenied();
  if (targetRoles.size > 0 && !roles.has('SUPER_ADMIN') && !roles.has('ORG_ADMIN')) throw errors.accessDenied();
}

function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (raw !== 'true' && raw !== 'false') throw errors.badParameter(`${name}: must be true or false`);
  return raw === 'true';
}

function limitParam(query: URLSearchParams, fallback: number, maximum: number): number {
  const limit = parseLimit(query.get('limit'), fallback, maximum);
  if (limit === undefined) throw errors.badParameter('limit: must be a positive integer');
  return limit;
}

function compile(text: string, dialect: 'search' | 'filter') {
  try {
    return compileExpression(text, dialect);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw errors.invalidSearch(error.message);
    throw error;
  }
}

function listUsers(context: RouteContext): RouteResult {
  const { query, state, origin } = context;
  const search = query.get('search');
  const filter = query.get('filter');
  const q = query.get('q');
  let users = [...state.users.values()];
  if (search !== null) {
    const expression = compile(search, 'search');
    users = users.filter((user) => expression.matches(readPath(userView(user, origin, { collection: true }))));
  } else if (filter !== null) {
    const expression = compile(filter, 'filter');
    users = users.filter((user) => expression.matches(readPath(userView(user, origin, { collection: true }))));
  } else {
    // A plain listing (and q) leaves out deactivated users; search and filter include them.
    users = users.filter((user) => user.status !== 'DEPROVISIONED');
    if (q !== null) users = users.filter((user) => matchesQuery(user.profile, q));
  }
  const limit = limitParam(query, q !== null && search === null && filter === null ? 10 : 200, 200);
  if (q !== null && search === null && filter === null) {
    // q does not page: the first `limit` matches, no next link.
    const items = pageOf(users, undefined, limit).items;
    return { status: 200, body: items.map((user) => userView(user, origin, { collection: true })) };
  }
  const page = pageOf(users, query.get('after') ?? undefined, limit);
  const linkQuery = new URLSearchParams(query);
  linkQuery.delete('after');
  return {
    status: 200,
    body: page.items.map((user) => userView(user, origin, { collection: true })),
    headers: { Link: linkHeader(origin, context.path, linkQuery, page.nextAfter) },
  };
}

function listGroups(context: RouteContext): RouteResult {
  const { query, state, origin } = context;
  const stats = (query.get('expand') ?? '').split(',').includes('stats');
  let groups = [...state.groups.values()];
  const search = query.get('search');
  const q = query.get('q');
  if (search !== null) {
    const expression = compile(search, 'search');
    groups = groups.filter((group) => expression.matches(readPath(groupView(group, origin, state, { stats: false }))));
  } else if (q !== null) {
    groups = groups.filter((group) => group.name.toLowerCase().startsWith(q.toLowerCase()));
  }
  const page = pageOf(groups, query.get('after') ?? undefined, limitParam(query, 10000, 10000));
  const linkQuery = new URLSearchParams(query);
  linkQuery.delete('after');
  return {
    status: 200,
    body: page.items.map((group) => groupView(group, origin, state, { stats })),
    headers: { Link: linkHeader(origin, context.path, linkQuery, page.nextAfter) },
  };
}

export const routes: Route[] = [
  route('GET', '/api/v1/users', 'okta.users.read', listUsers),

  route('GET', '/api/v1/users/{id}', 'okta.users.read', (context) => {
    const user = requireUser(context, 'id');
    return { status: 200, body: userView(user, context.origin, { collection: false }), headers: { ETag: `W/"${Date.parse(user.lastUpdated)}"` } };
  }),

  route('POST', '/api/v1/users/{id}/lifecycle/expire_password', 'okta.users.manage', (context) => {
    const user = requireUser(context, 'id');
    requireManagerOf(context, user);
    if (!expirableStatuses.has(user.status)) throw errors.statusNotAllowed();
    context.state.expirePassword(user, iso(context.clock));
    return { status: 200, body: userView(user, context.origin, { collection: false }) };
  }),

  route('DELETE', '/api/v1/users/{userId}/sessions', 'okta.users.manage', (context) => {
    // Defaults as the description states them: oauthTokens=false, forgetDevices=true (Identity Engine).
    const oauthTokens = booleanParam(context.query, 'oauthTokens', false);
    const forgetDevices = booleanParam(context.query, 'forgetDevices', true);
    const user = context.state.users.get(decodeURIComponent(context.params.userId ?? ''));
    if (!user) throw errors.userNotFound(context.params.userId ?? '');
    requireManagerOf(context, user);
    context.state.revokeSessions(user, { oauthTokens, forgetDevices });
    return { status: 204 };
  }),

  route('GET', '/api/v1/users/{id}/groups', 'okta.users.read', (context) => {
    const user = requireUser(context, 'id');
    return { status: 200, body: context.state.groupsOf(user.id).map((group) => groupView(group, context.origin, context.state, { stats: false })) };
  }),

  route('GET', '/api/v1/users/{userId}/roles', 'okta.roles.read', (context) => {
    const user = requireUser(context, 'userId');
    return { status: 200, body: context.state.rolesOfUser(user.id).map((role) => roleView(role, context.origin, { kind: 'USER', id: user.id })) };
  }),

  route('GET', '/api/v1/groups', 'okta.groups.read', listGroups),

  route('GET', '/api/v1/groups/{groupId}', 'okta.groups.read', (context) => {
    const group = context.state.groups.get(context.params.groupId ?? '');
    if (!group) throw errors.groupNotFound(context.params.groupId ?? '');
    return { status: 200, body: groupView(group, context.origin, context.state, { stats: false }) };
  }),

  route('GET', '/api/v1/groups/{groupId}/users', 'okta.groups.read', (context) => {
    const group = context.state.groups.get(context.params.groupId ?? '');
    if (!group) throw errors.groupNotFound(context.params.groupId ?? '');
    const members = [...group.members].map((id) => context.state.users.get(id)).filter((user): user is StandinUser => user !== undefined);
    const page = pageOf(members, context.query.get('after') ?? undefined, limitParam(context.query, 1000, 1000));
    const linkQuery = new URLSearchParams(context.query);
    linkQuery.delete('after');
    return {
      status: 200,
      body: page.items.map((user) => userView(user, context.origin, { collection: true })),
      headers: { Link: linkHeader(context.origin, context.path, linkQuery, page.nextAfter) },
    };
  }),

  route('GET', '/api/v1/groups/{groupId}/roles', 'okta.roles.read', (context) => {
    const group = context.state.groups.get(context.params.groupId ?? '');
    if (!group) throw errors.groupNotFound(context.params.groupId ?? '');
    return { status: 200, body: context.state.rolesOfGroup(group.id).map((role) => roleView(role, context.origin, { kind: 'GROUP', id: group.id })) };
  }),

  route('GET', '/api/v1/iam/assignees/users', 'okta.roles.read', (context) => {
    // This operation pages in the body (_links.next), not in a Link header.
    const ids = context.state.usersWithRoleAssignments().map((id) => ({ id }));
    const limit = limitParam(context.query, 100, 100);
    const page = pageOf(ids, context.query.get('after') ?? undefined, limit);
    const body: Record<string, unknown> = {
      value: page.items.map(({ id }) => ({
        id,
        orn: `orn:okta:${context.state.orgId}:users:${id}`,
        _links: { self: { href: `${context.origin}/api/v1/users/${id}` }, roles: { href: `${context.origin}/api/v1/users/${id}/roles` } },
      })),
    };
    if (page.nextAfter) body._links = { next: { href: `${context.origin}/api/v1/iam/assignees/users?after=${page.nextAfter}&limit=${limit}` } };
    return { status: 200, body };
  }),

  route('GET', '/oauth2/v1/clients/{clientId}/roles', 'okta.roles.read', (context) => {
    const clientId = context.params.clientId ?? '';
    if (!context.state.apps.has(clientId)) throw new OktaHttpError(404, errors.resourceNotFound(clientId).body);
    return { status: 200, body: context.state.rolesOfClient(clientId).map((role) => roleView(role, context.origin, { kind: 'CLIENT', id: clientId })) };
  }),
];

/** `okta.*.manage` includes what the matching `okta.*.read` allows. */
export function scopeSatisfied(granted: ReadonlySet<string>, required: string): boolean {
  return granted.has(required) || (required.endsWith('.read') && granted.has(required.replace(/\.read$/, '.manage')));
}

/** Reading needs some admin role; an SSWS token or app with none gets 403 like in Okta. */
export function requireAnyAdmin(auth: AuthService, principal: Principal): void {
  if (auth.rolesOf(principal).length === 0) throw errors.accessDenied();
}
