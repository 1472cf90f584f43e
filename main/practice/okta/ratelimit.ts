// Okta's per-endpoint rate limits: every response carries X-Rate-Limit-Limit,
// X-Rate-Limit-Remaining and X-Rate-Limit-Reset (epoch seconds at which the
// one-minute window ends); past the limit Okta answers 429 E0000047. Limits are
// per org and per endpoint bucket, shared by every app and token in the org,
// which is why another app's burst (consume()) eats into Rekey's budget.
//
// Buckets follow Okta's "Management rate limits" table; the defaults are the
// Workforce Identity per-minute figures.
import type { Clock } from '../../core/ports';

export type StandinBucket =
  | 'oauth2-token' | 'users-create-list' | 'users-get' | 'users-update' | 'groups' | 'groups-by-id' | 'oauth2-clients' | 'api-v1';

export const workforceLimits: Record<StandinBucket, number> = {
  'oauth2-token': 600,
  'users-create-list': 600,
  'users-get': 2000,
  'users-update': 600,
  groups: 500,
  'groups-by-id': 1000,
  'oauth2-clients': 100,
  'api-v1': 1200,
};

export function standinBucketFor(method: string, path: string): StandinBucket {
  const verb = method.toUpperCase();
  if (path === '/oauth2/v1/token') return 'oauth2-token';
  if (path.startsWith('/oauth2/v1/clients')) return 'oauth2-clients';
  if (path === '/api/v1/users') return verb === 'GET' || verb === 'POST' ? 'users-create-list' : 'api-v1';
  if (/^\/api\/v1\/users\/[^/]+$/.test(path)) return verb === 'GET' ? 'users-get' : 'users-update';
  if (/^\/api\/v1\/groups\/[^/]+$/.test(path)) return 'groups-by-id';
  if (path === '/api/v1/groups' || path.startsWith('/api/v1/groups/')) return 'groups';
  return 'api-v1';
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

const windowMs = 60_000;

export class RateLimiter {
  private readonly limits: Record<StandinBucket, number>;
  private readonly used = new Map<StandinBucket, { window: number; count: number }>();
  /** 429 responses sent, per principal (client id or "ssws:<token name>"). */
  readonly throttled = new Map<string, number>();

  constructor(private readonly clock: Clock, limits: Partial<Record<StandinBucket, number>> = {}) {
    this.limits = { ...workforceLimits, ...limits };
  }

  setLimit(bucket: StandinBucket, limit: number): void {
    this.limits[bucket] = limit;
  }

  limitOf(bucket: StandinBucket): number {
    return this.limits[bucket];
  }

  /** Count one request against its bucket and say whether it may proceed. */
  admit(bucket: StandinBucket, principal: string): RateDecision {
    const entry = this.entry(bucket);
    const limit = this.limits[bucket];
    const allowed = entry.count < limit;
    if (allowed) entry.count++;
    else this.throttled.set(principal, (this.throttled.get(principal) ?? 0) + 1);
    return { allowed, headers: this.headers(bucket) };
  }

  /** Headers describing the bucket right now (sent with every response). */
  headers(bucket: StandinBucket): Record<string, string> {
    const entry = this.entry(bucket);
    const limit = this.limits[bucket];
    return {
      'X-Rate-Limit-Limit': String(limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, limit - entry.count)),
      'X-Rate-Limit-Reset': String((entry.window + windowMs) / 1000),
    };
  }

  /** Another app in the org spends `count` requests from the bucket's current window. */
  consume(bucket: StandinBucket, count: number): void {
    this.entry(bucket).count += count;
  }

  remaining(bucket: StandinBucket): number {
    return Math.max(0, this.limits[bucket] - this.entry(bucket).count);
  }

  throttledTotal(): number {
    let total = 0;
    for (const count of this.throttled.values()) total += count;
    return total;
  }

  private entry(bucket: StandinBucket): { window: number; count: number } {
    const window = Math.floor(this.clock.now() / windowMs) * windowMs;
    let entry = this.used.get(bucket);
    if (!entry || entry.window !== window) {
      entry = { window, count: 0 };
      this.used.set(bucket, entry);
    }
    return entry;
  }
}
