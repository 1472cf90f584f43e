// Reading an access token's claims. Rekey does not validate Graph tokens
// (Graph does); it only reads what it was granted (scp / roles) and who it is
// (oid, tid, upn) to explain permissions and to recognise its own account.

export interface AccessTokenClaims {
  /** Delegated permissions (scp), split. */
  scopes: string[];
  /** Application permissions (roles). */
  roles: string[];
  tenantId?: string;
  /** Signed-in user's object id (delegated) or the app's service principal id (app-only). */
  objectId?: string;
  appId?: string;
  userPrincipalName?: string;
  displayName?: string;
  /** Directory role template ids of the signed-in user, when the token carries them (wids). */
  roleTemplateIds: string[];
  /** "user" or "app". */
  identityType: 'user' | 'app';
  expiresAt?: number;
}

export function readAccessTokenClaims(token: string): AccessTokenClaims {
  const payload = token.split('.')[1];
  let claims: Record<string, unknown> = {};
  if (payload) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (parsed && typeof parsed === 'object') claims = parsed as Record<string, unknown>;
    } catch {
      claims = {};
    }
  }
  const text = (name: string): string | undefined => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const list = (name: string): string[] => (Array.isArray(claims[name]) ? (claims[name] as unknown[]).map(String) : []);
  const roles = list('roles');
  return {
    scopes: (text('scp') ?? '').split(' ').filter(Boolean),
    roles,
    tenantId: text('tid'),
    objectId: text('oid'),
    appId: text('appid') ?? text('azp'),
    userPrincipalName: text('upn') ?? text('preferred_username') ?? text('unique_name'),
    displayName: text('name') ?? text('app_displayname'),
    roleTemplateIds: list('wids'),
    identityType: text('idtyp') === 'app' || (text('scp') === undefined && roles.length > 0) ? 'app' : 'user',
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
  };
}
