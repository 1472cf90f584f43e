// $batch as Microsoft documents it: at most 20 requests, unique ids,
// dependsOn with 424 for failed dependencies, per-item status/headers/body,
// 200 for the batch itself, 400 for a malformed batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawClient, type RawClient } from './support';

let client: RawClient;
let ids: string[];

beforeAll(async () => {
  client = await rawClient();
  ids = [...client.standIn.state.users.values()].filter((u) => u.userType === 'Member' && !u.onPremisesSyncEnabled).map((u) => u.id);
});
afterAll(async () => {
  await client?.standIn.close();
});

const get = (id: string, userId: string) => ({ id, method: 'GET', url: `/users/${userId}?$select=id,displayName` });

describe('$batch', () => {
  it('answers 200 with one response per request, each with its own status, headers and body', async () => {
    const reply = await client.call('POST', '/$batch', {
      body: {
        requests: [
          get('a', ids[0] as string),
          { id: 'b', method: 'PATCH', url: `/users/${ids[1]}`, headers: { 'Content-Type': 'application/json' }, body: { passwordProfile: { forceChangePasswordNextSignIn: true } } },
          get('c', '00000000-0000-4000-8000-000000000000'),
          { id: 'd', method: 'POST', url: `users/${ids[2]}/revokeSignInSessions` },
        ],
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const byId = Object.fromEntries((reply.body.responses as Array<{ id: string; body?: any }>).map((r) => [r.id, r])); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(byId.a).toMatchObject({ status: 200, body: { id: ids[0] } });
    expect(byId.b).toMatchObject({ status: 204 });
    expect(byId.b).not.toHaveProperty('body');
    expect(byId.c).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
    expect(byId.c?.body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(byId.d).toMatchObject({ status: 200, body: { value: true } });
    expect(client.standIn.state.users.get(ids[1] as string)?.passwordProfile.forceChangePasswordNextSignIn).toBe(true);
  });

  it('refuses more than 20 requests as a whole', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => get(String(i + 1), ids[i] as string));
    const reply = await client.call('POST', '/$batch', { body: { requests } });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'BadRequest', message: 'The batch contains 21 requests; a batch may contain at most 20.' });
    const twenty = await client.call('POST', '/$batch', { body: { requests: requests.slice(0, 20) } });
    expect(twenty.status).toBe(200);
    expect(twenty.body.responses).toHaveLength(20);
  });

  it('refuses duplicate ids, unknown dependencies, cycles and malformed bodies', async () => {
    const duplicate = await client.call('POST', '/$batch', { body: { requests: [get('1', ids[0] as string), get('1', ids[1] as string)] } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(/request id '1' is used more than once/);
    const unknown = await client.call('POST', '/$batch', { body: { requests: [{ ...get('1', ids[0] as string), dependsOn: ['9'] }] } });
    expect(unknown.status).toBe(400);
    const cycle = await client.call('POST', '/$batch', {
      body: { requests: [{ ...get('1', ids[0] as string), dependsOn: ['2'] }, { ...get('2', ids[1] as string), dependsOn: ['1'] }] },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toMatch(/cycle/);
    expect((await client.call('POST', '/$batch', { body: { requests: 'nope' } })).status).toBe(400);
    expect((await client.call('POST', '/$batch', { raw: '{not json', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
  });

  it('answers 424 for a request whose dependency failed, and runs dependencies first', async () => {
    const reply = await client.call('POST', '/$batch', {
      body: {
        requests: [
          { id: '2', method: 'POST', url: `/users/${ids[3]}/revokeSignInSessions`, dependsOn: ['1'] },
          { id: '1', method: 'PATCH', url: `/users/${ids[3]}`, headers: { 'Content-Type': 'application/json' }, body: { passwordProfile: { forceChange: true } } },
          { id: '3', method: 'POST', url: `/users/${ids[4]}/revokeSignInSessions`, dependsOn: ['4'] },
          { id: '4', method: 'PATCH', url: `/users/${ids[4]}`, headers: { 'Content-Type': 'application/json' }, body: { passwordProfile: { forceChangePasswordNextSignIn: true } } },
        ],
      },
    });
    expect(reply.status).toBe(200);
    const status = Object.fromEntries((reply.body.responses as Array<{ id: string; status: number }>).map((r) => [r.id, r.status]));
    expect(status).toEqual({ '1': 400, '2': 424, '3': 200, '4': 204 });
    const operations = client.standIn.operations.filter((o) => o.userId === ids[4] && o.method !== 'GET');
    expect(operations.map((o) => o.method)).toEqual(['PATCH', 'POST']);
  });

  it('requires relative URLs and a Content-Type for bodies, per item', async () => {
    const reply = await client.call('POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: `https://graph.microsoft.com/v1.0/users/${ids[0]}` },
          { id: '2', method: 'PATCH', url: `/users/${ids[0]}`, body: { passwordProfile: { forceChangePasswordNextSignIn: true } } },
        ],
      },
    });
    expect(reply.status).toBe(200);
    expect((reply.body.responses as Array<{ status: number }>).map((r) => r.status)).toEqual([400, 400]);
  });

  it('throttles each write item separately with an integer Retry-After', async () => {
    const throttled = await rawClient({ writeQuota: { writesPerWindow: 5, windowSeconds: 150 } });
    try {
      const requests = ids.slice(0, 8).map((id, i) => ({ id: String(i), method: 'POST', url: `/users/${id}/revokeSignInSessions` }));
      const reply = await throttled.call('POST', '/$batch', { body: { requests } });
      const statuses = (reply.body.responses as Array<{ status: number; headers: Record<string, string> }>).map((r) => r.status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      const retryAfter = (reply.body.responses as Array<{ headers: Record<string, string> }>)[5]?.headers['Retry-After'];
      expect(retryAfter).toMatch(/^[1-9]\d*$/);
      expect(Number(retryAfter)).toBe(30); // one write per 150 s / 5 = 30 s (service time)
    } finally {
      await throttled.standIn.close();
    }
  });
});
