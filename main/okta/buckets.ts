// Which Okta rate-limit bucket a request counts against. Okta limits requests
// per minute per endpoint group (its "Management rate limits" table), and the
// headers of a response describe only that group, so the pacer must key its
// knowledge the same way. Where the table is ambiguous we group coarser, which
// errs on the side of sending less.

export type RateBucket =
  | 'oauth2-token'
  | 'users-create-list'
  | 'users-get'
  | 'users-update'
  | 'groups'
  | 'groups-by-id'
  | 'oauth2-clients'
  | 'api-v1';

export function rateBucketFor(method: string, pathname: string): RateBucket {
  const verb = method.toUpperCase();
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/oauth2/v1/token') return 'oauth2-token';
  if (path.startsWith('/oauth2/v1/clients')) return 'oauth2-clients';
  // "Create or list users: only GET or POST to /api/v1/users"
  if (path === '/api/v1/users') return verb === 'GET' || verb === 'POST' ? 'users-create-list' : 'api-v1';
  // "Get a user by ID or login: only GET to /api/v1/users/{idOrLogin}"; "Update or delete a user by ID: POST, PUT, DELETE"
  if (/^\/api\/v1\/users\/[^/]+$/.test(path)) return verb === 'GET' ? 'users-get' : 'users-update';
  // "Get, update, or delete a group by ID: /api/v1/groups/{id} only"; "Create or list groups: /api/v1/groups except /api/v1/groups/{id}"
  if (/^\/api\/v1\/groups\/[^/]+$/.test(path)) return 'groups-by-id';
  if (path === '/api/v1/groups' || path.startsWith('/api/v1/groups/')) return 'groups';
  // "Most other API actions: /api/v1" — lifecycle operations, sessions, roles, ...
  return 'api-v1';
}

/** The buckets a reset writes to (expire_password and clear sessions both fall under "most other API actions"). */
export const resetBuckets: readonly RateBucket[] = ['api-v1'];
