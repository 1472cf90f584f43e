// The conformance checker must be able to say no: bodies that break Okta's
// description are reported, bodies that follow it are not.
import { describe, expect, it } from 'vitest';
import type { ObservedExchange } from '../../../../main/practice/okta/server';
import { conformanceProblems, loadOktaValidator } from './openapi-validator';

function exchange(overrides: Partial<ObservedExchange>): ObservedExchange {
  return { method: 'GET', path: '/api/v1/users/00u1', query: '', template: '/api/v1/users/{id}', status: 200, headers: {}, body: '', principal: 'test', dpopProof: false, ...overrides };
}

const user = {
  id: '00u1',
  status: 'ACTIVE',
  created: '2024-01-01T00:00:00.000Z',
  activated: null,
  statusChanged: null,
  lastLogin: null,
  lastUpdated: '2024-01-02T00:00:00.000Z',
  passwordChanged: null,
  profile: { firstName: 'Zoë', lastName: 'Müller', email: 'zoe@example.com', login: 'zoe@example.com' },
  credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
  _links: { self: { href: 'http://127.0.0.1/api/v1/users/00u1' } },
};

describe('Okta OpenAPI conformance', () => {
  it('accepts a user as Okta describes it, nullable timestamps included', () => {
    expect(loadOktaValidator().check(exchange({ body: JSON.stringify(user) }))).toEqual([]);
  });

  it('rejects an unknown user status and a wrongly typed field', () => {
    const problems = loadOktaValidator().check(exchange({ body: JSON.stringify({ ...user, status: 'HAPPY', created: 42 }) }));
    expect(problems.join('\n')).toMatch(/status/);
    expect(problems.join('\n')).toMatch(/created/);
  });

  it('rejects a link object without href', () => {
    const problems = loadOktaValidator().check(exchange({ body: JSON.stringify({ ...user, _links: { self: { name: 'x' } } }) }));
    expect(problems.join('\n')).toMatch(/href/);
  });

  it('tells role assignments apart by their type (oneOf with a discriminator)', () => {
    const role = { id: 'ra1', type: 'SUPER_ADMIN', label: 'Super Administrator', status: 'ACTIVE', assignmentType: 'USER', created: '2024-01-01T00:00:00.000Z', lastUpdated: '2024-01-01T00:00:00.000Z', _links: { assignee: { href: 'http://x/api/v1/users/00u1' } } };
    const roles = { path: '/api/v1/users/00u1/roles', template: '/api/v1/users/{userId}/roles' };
    expect(loadOktaValidator().check(exchange({ ...roles, body: JSON.stringify([role]) }))).toEqual([]);
    expect(loadOktaValidator().check(exchange({ ...roles, body: JSON.stringify([{ ...role, type: 'KING' }]) }))).not.toEqual([]);
  });

  it('holds undeclared error statuses to Okta\'s Error object', () => {
    const good = { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: 'oae1', errorCauses: [] };
    expect(loadOktaValidator().check(exchange({ status: 401, body: JSON.stringify(good) }))).toEqual([]);
    expect(loadOktaValidator().check(exchange({ status: 401, body: JSON.stringify({ message: 'nope' }) }))).toContain('error body has no errorCode');
    expect(loadOktaValidator().check(exchange({ status: 400, body: '' }))).not.toEqual([]);
  });

  it('checks requests too: undeclared query parameters and values of the wrong type', () => {
    const listing = { path: '/api/v1/users', template: '/api/v1/users', body: '[]' };
    expect(loadOktaValidator().checkRequest(exchange({ ...listing, query: '?search=status+eq+%22ACTIVE%22&limit=200&after=00u1' }))).toEqual([]);
    expect(loadOktaValidator().checkRequest(exchange({ ...listing, query: '?pageSize=10' }))).toEqual(['query parameter pageSize is not declared by GET /api/v1/users']);
    expect(loadOktaValidator().checkRequest(exchange({ ...listing, query: '?limit=many' })).join('')).toMatch(/limit=many/);
    const sessions = { method: 'DELETE', path: '/api/v1/users/00u1/sessions', template: '/api/v1/users/{userId}/sessions' };
    expect(loadOktaValidator().checkRequest(exchange({ ...sessions, query: '?oauthTokens=true&forgetDevices=false' }))).toEqual([]);
    expect(loadOktaValidator().checkRequest(exchange({ ...sessions, query: '?oauthTokens=yes' })).join('')).toMatch(/oauthTokens=yes/);
  });

  it('flags a request that matched no operation and a body on a 204', () => {
    expect(conformanceProblems([exchange({ template: undefined, path: '/api/v1/nowhere' })]).map((entry) => entry.problem)).toContain('request matched no operation');
    const sessions = exchange({ method: 'DELETE', path: '/api/v1/users/00u1/sessions', template: '/api/v1/users/{userId}/sessions', status: 204, body: '{}' });
    expect(conformanceProblems([sessions])).not.toEqual([]);
  });
});
