// The stand-in refuses what Graph refuses, in Graph's words, and pages and
// filters like Graph: PATCH bodies and $select checked against the CSDL,
// $search/$count only with ConsistencyLevel: eventual, $top 1..999, absolute
// https @odata.nextLink, $filter with advanced operators gated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawClient, type RawClient } from './support';

let client: RawClient;
let someone: string;

beforeAll(async () => {
  client = await rawClient();
  someone = [...client.standIn.state.users.values()].find((u) => u.userType === 'Member' && !u.onPremisesSyncEnabled && client.standIn.state.roleTemplateIdsOf(u.id).size === 0)?.id as string;
});
afterAll(async () => {
  await client?.standIn.close();
});

function expectGraphError(reply: { status: number; body: any }, status: number, code: string, message: string): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(reply.status).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(reply.body.error.message).toBe(message);
  expect(reply.body.error.innerError).toMatchObject({ 'request-id': expect.stringMatching(/^[0-9a-f-]{36}$/), date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/) });
}

describe('PATCH /users/{id} is checked against the user entity and passwordProfile in the CSDL', () => {
  it('accepts the flag and answers 204 without a body', async () => {
    const reply = await client.call('PATCH', `/users/${someone}`, { body: { passwordProfile: { forceChangePasswordNextSignIn: true } } });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(client.standIn.state.users.get(someone)?.passwordProfile.forceChangePasswordNextSignIn).toBe(true);
  });

  it('refuses unknown properties with the service’s message', async () => {
    expectGraphError(
      await client.call('PATCH', `/users/${someone}`, { body: { forceChangePassword: true } }),
      400,
      'BadRequest',
      "The property 'forceChangePassword' does not exist on type 'microsoft.graph.user'. Make sure to only use property names that are defined by the type or mark the type as open type.",
    );
    expectGraphError(
      await client.call('PATCH', `/users/${someone}`, { body: { passwordProfile: { forceChange: true } } }),
      400,
      'BadRequest',
      "The property 'forceChange' does not exist on type 'microsoft.graph.passwordProfile'. Make sure to only use property names that are defined by the type or mark the type as open type.",
    );
  });

  it('refuses wrong types, read-only properties and navigation properties', async () => {
    expectGraphError(
      await client.call('PATCH', `/users/${someone}`, { body: { passwordProfile: { forceChangePasswordNextSignIn: 'yes' } } }),
      400,
      'BadRequest',
      "Cannot convert the literal '\"yes\"' to the expected type 'Edm.Boolean'.",
    );
    expect((await client.call('PATCH', `/users/${someone}`, { body: { signInSessionsValidFromDateTime: '2020-01-01T00:00:00Z' } })).status).toBe(400);
    expect((await client.call('PATCH', `/users/${someone}`, { body: { manager: null } })).status).toBe(400);
  });

  it('refuses synced users with the on-premises message, and admins for a User Administrator', async () => {
    const synced = [...client.standIn.state.users.values()].find((u) => u.onPremisesSyncEnabled === true)?.id as string;
    expectGraphError(
      await client.call('PATCH', `/users/${synced}`, { body: { passwordProfile: { forceChangePasswordNextSignIn: true } } }),
      400,
      'Request_BadRequest',
      'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
    );
    const alex = client.standIn.authority.issueUserToken(`alexw@${client.standIn.tenantDomain}`, '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58');
    const patti = client.standIn.state.findUser(`pattif@${client.standIn.tenantDomain}`)?.id as string;
    expectGraphError(
      await client.call('POST', `/users/${patti}/revokeSignInSessions`, { token: alex }),
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    expect((await client.call('POST', `/users/${someone}/revokeSignInSessions`, { token: alex })).status).toBe(200);
  });

  it('sets signInSessionsValidFromDateTime on revoke, except for guests whose sessions live elsewhere', async () => {
    const guest = [...client.standIn.state.users.values()].find((u) => u.userType === 'Guest');
    const before = guest?.signInSessionsValidFromDateTime;
    const reply = await client.call('POST', `/users/${guest?.id}/revokeSignInSessions`);
    expect(reply.body).toEqual({ '@odata.context': `${client.standIn.graphBaseUrl}/$metadata#Edm.Boolean`, value: true });
    expect(guest?.signInSessionsValidFromDateTime).toBe(before);
    await client.call('POST', `/users/${someone}/revokeSignInSessions`);
    expect(Date.parse(client.standIn.state.users.get(someone)?.signInSessionsValidFromDateTime ?? '')).toBeGreaterThan(Date.now() - 5000);
  });
});

describe('reading users', () => {
  it('returns $select-only properties such as passwordProfile only when selected, never the password', async () => {
    const plain = await client.call('GET', `/users/${someone}`);
    expect(plain.body).not.toHaveProperty('passwordProfile');
    expect(plain.body).toHaveProperty('userPrincipalName');
    const selected = await client.call('GET', `/users/${someone}?$select=passwordProfile,signInSessionsValidFromDateTime,lastPasswordChangeDateTime,onPremisesSyncEnabled,accountEnabled,userType`);
    expect(Object.keys(selected.body).sort()).toEqual(['@odata.context', 'accountEnabled', 'id', 'lastPasswordChangeDateTime', 'onPremisesSyncEnabled', 'passwordProfile', 'signInSessionsValidFromDateTime', 'userType'].sort());
    expect(selected.body.passwordProfile.password).toBeNull();
    expectGraphError(await client.call('GET', '/users?$select=id,favouriteColour'), 400, 'BadRequest', "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
  });

  it('pages with absolute https nextLinks that cover every user exactly once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/users?$select=id&$top=37';
    let pages = 0;
    while (url) {
      const reply = await client.call('GET', url);
      expect(reply.status).toBe(200);
      seen.push(...(reply.body.value as Array<{ id: string }>).map((u) => u.id));
      url = reply.body['@odata.nextLink'];
      if (url) expect(url.startsWith(`${client.standIn.graphBaseUrl}/users?`)).toBe(true);
      pages++;
    }
    expect(seen).toHaveLength(client.standIn.state.users.size);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(client.standIn.state.users.size / 37));
    expectGraphError(await client.call('GET', '/users?$top=1000'), 400, 'Request_BadRequest', "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    expect((await client.call('GET', '/users?$skiptoken=forged')).status).toBe(400);
  });

  it('needs ConsistencyLevel: eventual for $search and $count', async () => {
    const search = '/users?$search=' + encodeURIComponent('"displayName:megan"');
    expectGraphError(
      await client.call('GET', search),
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
    expectGraphError(await client.call('GET', '/users?$count=true'), 400, 'Request_BadRequest', '$count is not currently supported.');
    const found = await client.call('GET', `${search}&$count=true`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(found.status).toBe(200);
    expect(found.body['@odata.count']).toBe(found.body.value.length);
    expect((found.body.value as Array<{ displayName: string }>).map((u) => u.displayName)).toContain('Megan Bowen');
  });

  it('filters with eq, startswith and in; ne needs the advanced query parameters', async () => {
    const guests = await client.call('GET', "/users?$filter=userType eq 'Guest'&$select=id,userType&$top=999");
    expect(guests.body.value.length).toBe([...client.standIn.state.users.values()].filter((u) => u.userType === 'Guest').length);
    const starts = await client.call('GET', `/users?$filter=${encodeURIComponent("startswith(userPrincipalName,'megan')")}`);
    expect(starts.body.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual([`meganb@${client.standIn.tenantDomain}`]);
    const both = await client.call('GET', `/users?$filter=${encodeURIComponent(`id in ('${someone}', 'nobody') and accountEnabled eq true`)}`);
    expect(both.body.value.map((u: { id: string }) => u.id)).toEqual([someone]);
    expect((await client.call('GET', "/users?$filter=userType ne 'Guest'")).status).toBe(400);
    const advanced = await client.call('GET', "/users?$filter=userType ne 'Guest'&$count=true&$top=1", { headers: { ConsistencyLevel: 'eventual' } });
    expect(advanced.status).toBe(200);
    expect((await client.call('GET', "/users?$filter=shoeSize eq 42")).status).toBe(400);
  });

  it('caps $expand=members at 20 while /members pages through all of them', async () => {
    const role = [...client.standIn.state.roles.values()].find((r) => r.displayName === 'Password Administrator');
    if (!role) throw new Error('no role');
    role.members = [...client.standIn.state.users.keys()].slice(0, 25);
    try {
      const expanded = await client.call('GET', '/directoryRoles?$expand=members');
      const withMembers = (expanded.body.value as Array<{ id: string; members: unknown[] }>).find((r) => r.id === role.id);
      expect(withMembers?.members).toHaveLength(20);
      const first = await client.call('GET', `/directoryRoles/${role.id}/members?$select=id&$top=10`);
      const all = [...first.body.value];
      for (let next = first.body['@odata.nextLink']; next; ) {
        const page = await client.call('GET', next);
        all.push(...page.body.value);
        next = page.body['@odata.nextLink'];
      }
      expect(all).toHaveLength(25);
      expect(all.every((m: Record<string, unknown>) => m['@odata.type'] === '#microsoft.graph.user')).toBe(true);
    } finally {
      role.members = [];
    }
    const mine = await client.call('GET', '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId');
    expect(mine.body.value).toEqual([{ id: expect.any(String), displayName: 'Privileged Authentication Administrator', roleTemplateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13' }]);
  });

  it('answers 401 in Graph’s shape without a valid token', async () => {
    const none = await client.call('GET', '/users', { token: null });
    expectGraphError(none, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forged = client.token.slice(0, -4) + 'AAAA';
    expect((await client.call('GET', '/users', { token: forged })).status).toBe(401);
  });
});
