// Injected trouble for resilience tests and drills: throttling with or
// without Retry-After, server errors, dropped connections, responses that
// never come, access tokens that expire mid-run, and the reported "PATCH
// answered 204 but changed nothing". Rules match by method, path and user.

export type FaultKind =
  | 'throttle' // 429 with Retry-After (seconds)
  | 'throttle-without-retry-after' // 429 with no Retry-After header
  | 'server-error' // 500
  | 'unavailable' // 503 with Retry-After
  | 'gateway-timeout' // 504
  | 'connection-reset' // the TCP connection is destroyed (top-level requests only)
  | 'read-timeout' // no response at all (top-level requests only)
  | 'token-expired' // 401 InvalidAuthenticationToken, and every token issued so far stops working
  | 'silent-noop'; // a PATCH answers 204 without changing anything

export interface FaultRule {
  kind: FaultKind;
  method?: string;
  /** Exact path after /v1.0 ("/$batch", "/users") or a pattern ("/users/{id}/revokeSignInSessions" is matched by /revokeSignInSessions$/). */
  path?: string | RegExp;
  /** Only requests about this user (object id). */
  userId?: string;
  /** Let this many matching requests through first. */
  skip?: number;
  /** How many times to fire (default: once). Infinity for always. */
  times?: number;
  /** Where the rule applies: a top-level HTTP request, an item inside $batch, or both (default). */
  scope?: 'any' | 'top-level' | 'batch-item';
  /** For throttle / unavailable: the Retry-After value in (service) seconds. Default 1. */
  retryAfterSeconds?: number;
}

export interface FaultTarget {
  method: string;
  path: string;
  userId?: string;
  scope: 'top-level' | 'batch-item';
}

interface LiveRule extends FaultRule {
  seen: number;
  fired: number;
}

export class FaultInjector {
  private rules: LiveRule[] = [];
  /** Added delay per top-level request, in real milliseconds. */
  latencyMs = 0;

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
  }

  /** How many times rules of this kind fired so far. */
  firedCount(kind?: FaultKind): number {
    return this.rules.filter((r) => kind === undefined || r.kind === kind).reduce((sum, r) => sum + r.fired, 0);
  }

  /** The fault to apply to this request, if any (and count it). */
  match(target: FaultTarget): FaultRule | undefined {
    for (const rule of this.rules) {
      if (!applies(rule, target)) continue;
      rule.seen += 1;
      if (rule.seen <= (rule.skip ?? 0)) continue;
      if (rule.fired >= (rule.times ?? 1)) continue;
      rule.fired += 1;
      return rule;
    }
    return undefined;
  }
}

function applies(rule: FaultRule, target: FaultTarget): boolean {
  const scope = rule.scope ?? 'any';
  if (scope !== 'any' && scope !== target.scope) return false;
  if ((rule.kind === 'connection-reset' || rule.kind === 'read-timeout') && target.scope !== 'top-level') return false;
  if (rule.method && rule.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (rule.userId && rule.userId !== target.userId) return false;
  if (rule.path !== undefined) {
    if (typeof rule.path === 'string' ? rule.path !== target.path : !rule.path.test(target.path)) return false;
  }
  return true;
}
