// The stand-in's shared per-minute rate budget.
import { describe, expect, it } from 'vitest';
import { RateLimiter, standinBucketFor } from '../../../../main/practice/okta/ratelimit';
import { manualClock } from '../../okta/support/manual-clock';

describe('RateLimiter', () => {
  it('counts per bucket per minute and announces limit, remaining and reset in epoch seconds', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 30));
    const limiter = new RateLimiter(clock, { 'api-v1': 2 });
    expect(limiter.admit('api-v1', 'app').headers).toEqual({ 'X-Rate-Limit-Limit': '2', 'X-Rate-Limit-Remaining': '1', 'X-Rate-Limit-Reset': String(Date.UTC(2026, 0, 1, 12, 1, 0) / 1000) });
    expect(limiter.admit('api-v1', 'app').allowed).toBe(true);
    expect(limiter.admit('api-v1', 'app')).toMatchObject({ allowed: false, headers: { 'X-Rate-Limit-Remaining': '0' } });
    expect(limiter.admit('users-get', 'app').allowed).toBe(true);
    expect(limiter.throttled.get('app')).toBe(1);
    await clock.advance(30_000);
    expect(limiter.admit('api-v1', 'app').allowed).toBe(true);
  });

  it('lets another app spend the shared budget', () => {
    const limiter = new RateLimiter(manualClock(), { groups: 10 });
    limiter.consume('groups', 9);
    expect(limiter.admit('groups', 'rekey').allowed).toBe(true);
    expect(limiter.admit('groups', 'rekey').allowed).toBe(false);
    expect(limiter.throttledTotal()).toBe(1);
  });

  it.each([
    ['GET', '/api/v1/users', 'users-create-list'],
    ['GET', '/api/v1/users/00u1', 'users-get'],
    ['DELETE', '/api/v1/users/00u1', 'users-update'],
    ['POST', '/api/v1/users/00u1/lifecycle/expire_password', 'api-v1'],
    ['DELETE', '/api/v1/users/00u1/sessions', 'api-v1'],
    ['GET', '/api/v1/groups/00g1/users', 'groups'],
    ['GET', '/api/v1/groups/00g1', 'groups-by-id'],
    ['POST', '/oauth2/v1/token', 'oauth2-token'],
  ])('%s %s counts against %s', (method, path, bucket) => {
    expect(standinBucketFor(method, path)).toBe(bucket);
  });
});
