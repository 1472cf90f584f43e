// Rekey must count requests in the same buckets Okta does, or its pacing
// would be about the wrong budget. Both sides follow Okta's rate-limit table
// independently; they must agree.
import { describe, expect, it } from 'vitest';
import { rateBucketFor } from '../../../main/okta/buckets';
import { standinBucketFor } from '../../../main/practice/okta/ratelimit';

const requests: [string, string][] = [
  ['POST', '/oauth2/v1/token'],
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['GET', '/api/v1/users/00u1'],
  ['GET', '/api/v1/users/me'],
  ['POST', '/api/v1/users/00u1'],
  ['DELETE', '/api/v1/users/00u1'],
  ['POST', '/api/v1/users/00u1/lifecycle/expire_password'],
  ['DELETE', '/api/v1/users/00u1/sessions'],
  ['GET', '/api/v1/users/00u1/groups'],
  ['GET', '/api/v1/users/00u1/roles'],
  ['GET', '/api/v1/groups'],
  ['GET', '/api/v1/groups/00g1'],
  ['GET', '/api/v1/groups/00g1/users'],
  ['GET', '/api/v1/groups/00g1/roles'],
  ['GET', '/api/v1/iam/assignees/users'],
  ['GET', '/oauth2/v1/clients/0oa1/roles'],
];

describe('rate buckets', () => {
  it.each(requests)('%s %s: Rekey and the stand-in agree', (method, path) => {
    expect(rateBucketFor(method, path)).toBe(standinBucketFor(method, path));
  });

  it('a reset writes to the "most other API actions" bucket, and reads users one by one in their own', () => {
    expect(rateBucketFor('POST', '/api/v1/users/00u1/lifecycle/expire_password')).toBe('api-v1');
    expect(rateBucketFor('DELETE', '/api/v1/users/00u1/sessions')).toBe('api-v1');
    expect(rateBucketFor('GET', '/api/v1/users/00u1')).toBe('users-get');
    expect(rateBucketFor('GET', '/api/v1/users/')).toBe('users-create-list');
  });
});
