// The Graph resources the stand-in serves, one handler per path. Used for
// top-level requests and for $batch items alike (same rules, same answers).
//
//   GET   /users  /users/{id|upn}  /users/{id}/memberOf|transitiveMemberOf[/cast]
//   PATCH /users/{id}                       (CSDL-checked body)
//   POST  /users/{id}/revokeSignInSessions
//   GET   /me  /me/memberOf|transitiveMemberOf[/cast]
//   GET   /groups  /groups/{id}  /groups/{id}/members|transitiveMembers[/cast]
//   GET   /directoryRoles  /directoryRoles/{id}  /directoryRoles/{id}/members[/cast]
//   GET   /servicePrincipals/{id}  /servicePrincipals(appId='...')  .../memberOf|transitiveMemberOf[/cast]
//   GET   /organization
//
// Guests: revokeSignInSessions answers 200 {"value":true} like Graph, but
// changes nothing, because a guest's sessions live in their home tenant
// ("does not apply to guests" in Microsoft's documentation).
import { permissionSets, requirePermission, requireRoleFor, type Caller } from './access';
import type { FaultInjector, FaultRule } from './faults';
import type { GraphModel } from './metadata';
import { pageOf, parseCollectionQuery, parseSelect, project, type Json } from './odata';
import { badRequest, errorBody, errorReply, GraphFailure, notFound, type GraphReply, type RequestContext } from './responses';
import { isoSeconds } from './seed';
import {
  defaultsFor,
  groupDefaults,
  groupJson,
  objectJson,
  organizationJson,
  qualifiedTypes,
  roleDefaults,
  roleJson,
  servicePrincipalDefaults,
  servicePrincipalJson,
  userDefaults,
  userJson,
} from './shapes';
import type { DirectoryObject, TenantState, UserState } from './state';
import type { WriteThrottle } from './throttle';

export type { Caller };

export interface GraphCall {
  method: string;
  /** Path after /v1.0, e.g. "/users/abc", still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  caller: Caller;
  context: RequestContext;
  /** Absolute URL of the request (for @odata.nextLink). */
  selfUrl: URL;
  scope: 'top-level' | 'batch-item';
}

export interface RoutesOptions {
  state: TenantState;
  model: GraphModel;
  throttle: WriteThrottle;
  faults: FaultInjector;
  /** https://127.0.0.1:PORT */
  origin: () => string;
}

const directoryObjectTypes = [qualifiedTypes.user, qualifiedTypes.group, qualifiedTypes.servicePrincipal, qualifiedTypes.directoryRole];
const userSearchable = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'mailNickname'];
const readOnlyUserProperties = new Set([
  'id',
  'deletedDateTime',
  'createdDateTime',
  'creationType',
  'lastPasswordChangeDateTime',
  'signInSessionsValidFromDateTime',
  'signInActivity',
  'onPremisesSyncEnabled',
  'onPremisesSamAccountName',
  'onPremisesLastSyncDateTime',
  'onPremisesSecurityIdentifier',
  'securityIdentifier',
  'assignedPlans',
  'provisionedPlans',
  'externalUserState',
]);
/** Properties mastered by on-premises AD for synced users. */
const onPremisesMastered = new Set(['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'accountEnabled', 'jobTitle', 'department', 'passwordProfile']);
const syncedMessage = 'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.';

/** One answered request (top-level or $batch item), for tests and drills. */
export interface OperationRecord {
  method: string;
  path: string;
  status: number;
  scope: 'top-level' | 'batch-item';
  userId?: string;
}

const maxOperations = 20_000;

export class GraphRoutes {
  /** Every request answered, oldest first (bounded). */
  readonly operations: OperationRecord[] = [];

  constructor(private readonly options: RoutesOptions) {}

  /**
   * Answer one request. `fault` is the rule the caller already matched for a
   * top-level request (null: none); undefined means "match here" (batch items).
   */
  dispatch(call: GraphCall, fault?: FaultRule | null): GraphReply {
    const reply = this.answer(call, fault);
    this.operations.push({ method: call.method, path: call.path, status: reply.status, scope: call.scope, userId: this.userIdOf(call) });
    if (this.operations.length > maxOperations) this.operations.splice(0, this.operations.length - maxOperations);
    return reply;
  }

  private answer(call: GraphCall, fault?: FaultRule | null): GraphReply {
    const { context } = call;
    try {
      const matched = fault === undefined ? this.matchFault(call) : fault;
      if (matched && matched.kind !== 'silent-noop') {
        const reply = faultReply(matched, context);
        if (reply) return reply;
      }
      return this.route(call, matched?.kind === 'silent-noop');
    } catch (error) {
      if (error instanceof GraphFailure) return errorReply(error, context);
      return { status: 500, body: errorBody('generalException', 'General exception while processing', context) };
    }
  }

  /** The object id of the user a request is about, for per-user fault rules. */
  userIdOf(call: Pick<GraphCall, 'path' | 'caller'>): string | undefined {
    const segments = call.path.split('/').filter(Boolean);
    if (segments[0] === 'me') return call.caller.kind === 'user' ? call.caller.objectId : undefined;
    if (segments[0] === 'users' && segments[1]) return this.options.state.findUser(safeDecode(segments[1]))?.id;
    return undefined;
  }

  private matchFault(call: GraphCall): FaultRule | undefined {
    return this.options.faults.match({ method: call.method, path: call.path, userId: this.userIdOf(call), scope: call.scope });
  }

  private route(call: GraphCall, silentNoop: boolean): GraphReply {
    const segments = call.path.split('/').filter(Boolean).map(safeDecode);
    const [head = '', id, relation, cast, ...rest] = segments;
    if (rest.length > 0) throw badRequest(`Resource not found for the segment '${rest[0]}'.`);
    const appKey = /^servicePrincipals\(appId='([^']+)'\)$/.exec(head);
    if (appKey?.[1]) return this.servicePrincipal(call, this.spByAppId(appKey[1]), id, relation);

    switch (head) {
      case 'users':
        if (id === undefined) return this.onlyGet(call, () => this.listUsers(call));
        return this.user(call, this.requireUser(id), relation, cast, silentNoop);
      case 'me': {
        if (call.caller.kind !== 'user') throw badRequest('/me request is only valid with delegated authentication flow.');
        const me = this.requireUser(call.caller.objectId);
        if (id === undefined) return this.onlyGet(call, () => this.getUser(call, me, permissionSets.readSelf));
        return this.onlyGet(call, () => this.memberOf(call, me.id, id, relation));
      }
      case 'groups':
        return this.onlyGet(call, () => this.groups(call, id, relation, cast));
      case 'directoryRoles':
        return this.onlyGet(call, () => this.directoryRoles(call, id, relation, cast));
      case 'servicePrincipals': {
        if (id === undefined) throw badRequest('List service principals is not served by the practice stand-in; address one by id.');
        const sp = this.options.state.servicePrincipals.get(id);
        if (!sp) throw notFound(id);
        return this.servicePrincipal(call, sp.id, relation, cast);
      }
      case 'organization':
        return this.onlyGet(call, () => {
          requirePermission(call.caller, permissionSets.readOrganization);
          const select = parseSelect(call.query.get('$select'), { model: this.options.model, types: [qualifiedTypes.organization] });
          const org = organizationJson(this.options.state.tenant);
          return ok({ '@odata.context': `${this.origin()}/v1.0/$metadata#organization`, value: [project(org, select, Object.keys(org).filter((k) => k !== 'id'))] });
        });
      default:
        throw badRequest(`Resource not found for the segment '${head}'.`);
    }
  }

  // ----- users -----

  private user(call: GraphCall, user: UserState, relation: string | undefined, cast: string | undefined, silentNoop: boolean): GraphReply {
    if (relation === undefined) {
      if (call.method === 'GET') return this.getUser(call, user, permissionSets.readUsers);
      if (call.method === 'PATCH') return this.patchUser(call, user, silentNoop);
      throw methodNotAllowed();
    }
    if (relation === 'revokeSignInSessions' || relation === 'microsoft.graph.revokeSignInSessions') {
      if (call.method !== 'POST') throw methodNotAllowed();
      return this.revokeSessions(call, user);
    }
    if (relation === 'memberOf' || relation === 'transitiveMemberOf') return this.onlyGet(call, () => this.memberOf(call, user.id, relation, cast));
    throw badRequest(`Resource not found for the segment '${relation}'.`);
  }

  private listUsers(call: GraphCall): GraphReply {
    requirePermission(call.caller, permissionSets.readUsers);
    const query = parseCollectionQuery(call.query, {
      model: this.options.model,
      types: [qualifiedTypes.user],
      consistencyLevel: call.headers.consistencylevel,
      searchable: userSearchable,
    });
    this.checkSignInActivity(call, query.select);
    const items = [...this.options.state.users.values()].map(userJson);
    return ok(pageOf(items, query, call.selfUrl, this.contextUrl('users', query.select), (u) => project(u, query.select, userDefaults)));
  }

  private getUser(call: GraphCall, user: UserState, permissions: readonly string[]): GraphReply {
    requirePermission(call.caller, permissions);
    const select = parseSelect(call.query.get('$select'), { model: this.options.model, types: [qualifiedTypes.user] });
    this.checkSignInActivity(call, select);
    return ok({ '@odata.context': `${this.contextUrl('users', select)}/$entity`, ...project(userJson(user), select, userDefaults) });
  }

  private checkSignInActivity(call: GraphCall, select: string[] | undefined): void {
    if (select?.includes('signInActivity')) requirePermission(call.caller, permissionSets.readSignInActivity);
  }

  private patchUser(call: GraphCall, user: UserState, silentNoop: boolean): GraphReply {
    const body = call.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
    }
    const changes = this.validateUserPatch(body as Json);
    this.spendWrite(call);
    const names = Object.keys(changes);
    requirePermission(call.caller, names.includes('passwordProfile') ? permissionSets.passwordProfile : permissionSets.otherUserProperties);
    if (names.some((n) => n !== 'passwordProfile')) requirePermission(call.caller, permissionSets.otherUserProperties);
    requireRoleFor(this.options.state, call.caller, user.id);
    if (user.onPremisesSyncEnabled === true && names.some((n) => onPremisesMastered.has(n))) {
      throw badRequest(syncedMessage, 'Request_BadRequest');
    }
    if (silentNoop) return { status: 204 };
    for (const [name, value] of Object.entries(changes)) applyUserChange(user, name, value, this.now(call));
    return { status: 204 };
  }

  /** Every name must be a declared structural property of user (and of passwordProfile inside it), with the right type. */
  private validateUserPatch(body: Json): Json {
    const { model } = this.options;
    const changes: Json = {};
    for (const [name, value] of Object.entries(body)) {
      if (name.startsWith('@odata.')) continue;
      if (model.isNavigation(qualifiedTypes.user, name)) {
        throw badRequest(`Navigation property '${name}' cannot be updated through a PATCH of the user; use its own endpoint.`);
      }
      const property = model.property(qualifiedTypes.user, name);
      if (!property) throw unknownProperty(name, qualifiedTypes.user);
      if (readOnlyUserProperties.has(name)) throw badRequest(`Property '${name}' is read-only and cannot be set.`, 'Request_BadRequest');
      if (property.type === 'microsoft.graph.passwordProfile') {
        if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw cannotConvert(value, 'microsoft.graph.passwordProfile');
        for (const [inner, innerValue] of Object.entries((value ?? {}) as Json)) {
          const innerProperty = model.property('microsoft.graph.passwordProfile', inner);
          if (!innerProperty) throw unknownProperty(inner, 'microsoft.graph.passwordProfile');
          checkPrimitive(innerValue, innerProperty.type);
        }
      } else {
        checkPrimitive(value, property.type);
      }
      changes[name] = value;
    }
    if (Object.keys(changes).length === 0) throw badRequest('The request body has no properties to update.', 'Request_BadRequest');
    return changes;
  }

  private revokeSessions(call: GraphCall, user: UserState): GraphReply {
    this.spendWrite(call);
    requirePermission(call.caller, permissionSets.revokeSessions);
    requireRoleFor(this.options.state, call.caller, user.id);
    if (user.userType !== 'Guest') {
      const now = this.now(call);
      user.sessionsRevokedAtMs = now;
      user.signInSessionsValidFromDateTime = isoSeconds(now);
    }
    return ok({ '@odata.context': `${this.origin()}/v1.0/$metadata#Edm.Boolean`, value: true });
  }

  // ----- memberships -----

  private memberOf(call: GraphCall, objectId: string, relation: string | undefined, cast: string | undefined): GraphReply {
    if (relation !== 'memberOf' && relation !== 'transitiveMemberOf') throw badRequest(`Resource not found for the segment '${relation ?? ''}'.`);
    const self = call.caller.kind === 'user' && call.caller.objectId === objectId;
    requirePermission(call.caller, [
      ...(self ? permissionSets.readSelf : permissionSets.readUsers),
      ...permissionSets.readGroupMembers,
      ...permissionSets.readRoles,
    ]);
    const { state } = this.options;
    const objects = relation === 'memberOf' ? state.memberOf(objectId) : state.transitiveMemberOf(objectId);
    return this.objectCollection(call, objects, cast);
  }

  private groups(call: GraphCall, id: string | undefined, relation: string | undefined, cast: string | undefined): GraphReply {
    const { state, model } = this.options;
    if (id === undefined) {
      requirePermission(call.caller, permissionSets.readGroups);
      const query = parseCollectionQuery(call.query, {
        model,
        types: [qualifiedTypes.group],
        consistencyLevel: call.headers.consistencylevel,
        searchable: ['displayName', 'description', 'mailNickname'],
      });
      const items = [...state.groups.values()].map(groupJson);
      return ok(pageOf(items, query, call.selfUrl, this.contextUrl('groups', query.select), (g) => project(g, query.select, groupDefaults)));
    }
    const group = state.groups.get(id);
    if (!group) throw notFound(id);
    if (relation === undefined) {
      requirePermission(call.caller, permissionSets.readGroups);
      const select = parseSelect(call.query.get('$select'), { model, types: [qualifiedTypes.group] });
      const json: Json = { '@odata.context': `${this.contextUrl('groups', select)}/$entity`, ...project(groupJson(group), select, groupDefaults) };
      if (call.query.get('$expand') === 'members') json.members = expandMembers(group.members.map((m) => state.findObject(m)));
      return ok(json);
    }
    if (relation !== 'members' && relation !== 'transitiveMembers') throw badRequest(`Resource not found for the segment '${relation}'.`);
    requirePermission(call.caller, permissionSets.readGroupMembers);
    const objects =
      relation === 'members' ? group.members.map((m) => state.findObject(m)).filter((o): o is DirectoryObject => o !== undefined) : state.transitiveMembers(group.id);
    return this.objectCollection(call, objects, cast);
  }

  private directoryRoles(call: GraphCall, id: string | undefined, relation: string | undefined, cast: string | undefined): GraphReply {
    const { state, model } = this.options;
    requirePermission(call.caller, permissionSets.readRoles);
    if (id === undefined) {
      const query = parseCollectionQuery(call.query, { model, types: [qualifiedTypes.directoryRole], consistencyLevel: call.headers.consistencylevel, searchable: [] });
      const roles = [...state.roles.values()];
      const expandMembersToo = query.expand?.includes('members') ?? false;
      const shape = (r: Json): Json => {
        const out = project(r, query.select, roleDefaults);
        if (expandMembersToo) out.members = expandMembers((state.roles.get(String(r.id))?.members ?? []).map((m) => state.findObject(m)));
        return out;
      };
      return ok(pageOf(roles.map(roleJson), query, call.selfUrl, this.contextUrl('directoryRoles', query.select), shape));
    }
    const role = state.roles.get(id) ?? [...state.roles.values()].find((r) => r.roleTemplateId === id);
    if (!role) throw notFound(id);
    if (relation === undefined) {
      const select = parseSelect(call.query.get('$select'), { model, types: [qualifiedTypes.directoryRole] });
      return ok({ '@odata.context': `${this.contextUrl('directoryRoles', select)}/$entity`, ...project(roleJson(role), select, roleDefaults) });
    }
    if (relation !== 'members') throw badRequest(`Resource not found for the segment '${relation}'.`);
    const objects = role.members.map((m) => state.findObject(m)).filter((o): o is DirectoryObject => o !== undefined);
    return this.objectCollection(call, objects, cast);
  }

  private servicePrincipal(call: GraphCall, spId: string, relation: string | undefined, cast: string | undefined): GraphReply {
    return this.onlyGet(call, () => {
      const sp = this.options.state.servicePrincipals.get(spId);
      if (!sp) throw notFound(spId);
      const self = call.caller.kind === 'app' && call.caller.objectId === sp.id;
      requirePermission(call.caller, self ? [...permissionSets.readServicePrincipals, ...permissionSets.readRoles, ...permissionSets.readUsers] : permissionSets.readServicePrincipals);
      if (relation === undefined) {
        const select = parseSelect(call.query.get('$select'), { model: this.options.model, types: [qualifiedTypes.servicePrincipal] });
        return ok({ '@odata.context': `${this.contextUrl('servicePrincipals', select)}/$entity`, ...project(servicePrincipalJson(sp), select, servicePrincipalDefaults) });
      }
      if (relation !== 'memberOf' && relation !== 'transitiveMemberOf') throw badRequest(`Resource not found for the segment '${relation}'.`);
      const { state } = this.options;
      return this.objectCollection(call, relation === 'memberOf' ? state.memberOf(sp.id) : state.transitiveMemberOf(sp.id), cast);
    });
  }

  private spByAppId(appId: string): string {
    const sp = [...this.options.state.servicePrincipals.values()].find((s) => s.appId === appId);
    if (!sp) throw notFound(appId);
    return sp.id;
  }

  /** A directoryObject collection, optionally cast to one type (/microsoft.graph.user, /microsoft.graph.directoryRole...). */
  private objectCollection(call: GraphCall, objects: DirectoryObject[], cast: string | undefined): GraphReply {
    const castType = cast === undefined ? undefined : castTypes[cast];
    if (cast !== undefined && !castType) throw badRequest(`Resource not found for the segment '${cast}'.`);
    const filtered = castType ? objects.filter((o) => o.type === castType) : objects;
    const types = castType ? [`microsoft.graph.${castType}`] : directoryObjectTypes;
    const query = parseCollectionQuery(call.query, {
      model: this.options.model,
      types,
      consistencyLevel: call.headers.consistencylevel,
      searchable: castType === 'user' ? userSearchable : ['displayName'],
    });
    const items = filtered.map((o) => (castType ? stripType(objectJson(o)) : objectJson(o)));
    const contextName = castType ? `${castType === 'directoryRole' ? 'directoryRoles' : `${castType}s`}` : 'directoryObjects';
    const shape = (item: Json): Json => {
      const type = castType ?? typeOfJson(item);
      return project(item, query.select, defaultsFor(type));
    };
    return ok(pageOf(items, query, call.selfUrl, this.contextUrl(contextName, query.select), shape));
  }

  // ----- helpers -----

  private onlyGet(call: GraphCall, handler: () => GraphReply): GraphReply {
    if (call.method !== 'GET') throw methodNotAllowed();
    return handler();
  }

  private requireUser(idOrUpn: string): UserState {
    const user = this.options.state.findUser(idOrUpn);
    if (!user) throw notFound(idOrUpn);
    return user;
  }

  /** Writes count against the app + tenant identity write budget. */
  private spendWrite(call: GraphCall): void {
    const decision = this.options.throttle.take(`${call.caller.appId}|${this.options.state.tenant.id}`);
    if (!decision.allowed) {
      throw new GraphFailure(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': String(decision.retryAfterSeconds) });
    }
  }

  private contextUrl(entitySet: string, select: string[] | undefined): string {
    return `${this.origin()}/v1.0/$metadata#${entitySet}${select ? `(${select.join(',')})` : ''}`;
  }

  private origin(): string {
    return this.options.origin();
  }

  private now(call: GraphCall): number {
    return call.context.now;
  }
}

const castTypes: Record<string, DirectoryObject['type']> = {
  'microsoft.graph.user': 'user',
  'microsoft.graph.group': 'group',
  'microsoft.graph.directoryRole': 'directoryRole',
  'microsoft.graph.servicePrincipal': 'servicePrincipal',
};

function typeOfJson(item: Json): DirectoryObject['type'] {
  const t = String(item['@odata.type'] ?? '').replace('#microsoft.graph.', '');
  return (['user', 'group', 'servicePrincipal', 'directoryRole'].includes(t) ? t : 'user') as DirectoryObject['type'];
}

function stripType(item: Json): Json {
  const { ['@odata.type']: _type, ...rest } = item;
  return rest;
}

/** $expand=members returns at most 20 related objects (a documented Graph limit for directory objects). */
function expandMembers(objects: Array<DirectoryObject | undefined>): Json[] {
  return objects
    .filter((o): o is DirectoryObject => o !== undefined)
    .slice(0, 20)
    .map((o) => project(objectJson(o), undefined, defaultsFor(o.type)));
}

function applyUserChange(user: UserState, name: string, value: unknown, now: number): void {
  if (name === 'passwordProfile') {
    const profile = (value ?? {}) as Json;
    if (typeof profile.forceChangePasswordNextSignIn === 'boolean') user.passwordProfile.forceChangePasswordNextSignIn = profile.forceChangePasswordNextSignIn;
    if (typeof profile.forceChangePasswordNextSignInWithMfa === 'boolean') {
      user.passwordProfile.forceChangePasswordNextSignInWithMfa = profile.forceChangePasswordNextSignInWithMfa;
    }
    if (typeof profile.password === 'string') user.lastPasswordChangeDateTime = isoSeconds(now);
    return;
  }
  if (name === 'accountEnabled' && typeof value === 'boolean') user.accountEnabled = value;
  else if (name in user && name !== 'extra') (user as unknown as Json)[name] = value;
  else user.extra[name] = value;
}

function checkPrimitive(value: unknown, type: string): void {
  if (value === null) return;
  const ok =
    type === 'Edm.Boolean'
      ? typeof value === 'boolean'
      : type === 'Edm.String' || type === 'Edm.DateTimeOffset' || type === 'Edm.Guid'
        ? typeof value === 'string'
        : type.startsWith('Edm.Int')
          ? Number.isInteger(value)
          : type.startsWith('Collection(')
            ? Array.isArray(value)
            : true;
  if (!ok) throw cannotConvert(value, type);
}

function unknownProperty(name: string, type: string): GraphFailure {
  return badRequest(
    `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
}

function cannotConvert(value: unknown, type: string): GraphFailure {
  return badRequest(`Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${type}'.`);
}

function methodNotAllowed(): GraphFailure {
  return new GraphFailure(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
}

function faultReply(fault: FaultRule, context: RequestContext): GraphReply | undefined {
  const retryAfter = String(fault.retryAfterSeconds ?? 1);
  switch (fault.kind) {
    case 'throttle':
      return { status: 429, headers: { 'Retry-After': retryAfter }, body: errorBody('TooManyRequests', 'Please retry again later.', context) };
    case 'throttle-without-retry-after':
      return { status: 429, body: errorBody('TooManyRequests', 'Please retry again later.', context) };
    case 'server-error':
      return { status: 500, body: errorBody('generalException', 'General exception while processing', context) };
    case 'unavailable':
      return { status: 503, headers: { 'Retry-After': retryAfter }, body: errorBody('serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', context) };
    case 'gateway-timeout':
      return { status: 504, body: errorBody('UnknownError', 'The gateway did not receive a response in time.', context) };
    default:
      return undefined;
  }
}

function ok(body: unknown): GraphReply {
  return { status: 200, body };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The path segment '${segment}' is not valid percent-encoding.`);
  }
}
