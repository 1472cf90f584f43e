// The Okta stand-in over HTTP: the seeded org, paging, search, the headers
// Okta always sends, and its errors. Every response is checked against Okta's
// OpenAPI description at the end.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, type SeededOrg } from '../../../../main/practice/okta/seed';
import { startOktaStandin, type ObservedExchange, type OktaStandin } from '../../../../main/practice/okta/server';
import { conformanceProblems } from './openapi-validator';
import { scaledClock } from './support/clock';

let standin: OktaStandin;
let seeded: SeededOrg;
const exchanges: ObservedExchange[] = [];

beforeAll(async () => {
  seeded = seedOrg();
  standin = await startOktaStandin({ state: seeded.state });
  standin.onResponse((exchange) => exchanges.push(exchange));
});

afterAll(async () => {
  await standin.close();
  expect(conformanceProblems(exchanges)).toEqual([]);
});

async function get(pathAndQuery: string, token = seeded.apiToken, method = 'GET') {
  const response = await fetch(pathAndQuery.startsWith('http') ? pathAndQuery : `${standin.url}${pathAndQuery}`, { method, headers: { Authorization: `SSWS ${token}`, Accept: 'application/json' } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const nextLink = (headers: Headers) => /<([^>]+)>; rel="next"/.exec(headers.get('link') ?? '')?.[1];

describe('the seeded org', () => {
  it('is a realistic workforce: 250+ people, every status, admins, AD users, non-ASCII names', () => {
    const users = [...seeded.state.users.values()];
    expect(users.length).toBeGreaterThanOrEqual(250);
    expect(new Set(users.map((user) => user.status))).toEqual(new Set(['ACTIVE', 'PROVISIONED', 'PASSWORD_EXPIRED', 'SUSPENDED', 'DEPROVISIONED', 'LOCKED_OUT', 'STAGED', 'RECOVERY']));
    expect(new Set(seeded.state.roleAssignments.map((role) => role.type))).toEqual(new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'HELP_DESK_ADMIN', 'READ_ONLY_ADMIN', 'REPORT_ADMIN', 'APP_ADMIN']));
    expect(users.filter((user) => user.provider.type === 'ACTIVE_DIRECTORY').length).toBeGreaterThan(20);
    expect(users.filter((user) => /[^ -~]/.test(`${user.profile.firstName}${user.profile.lastName}`)).length).toBeGreaterThan(50);
    expect(new Set(users.map((user) => user.profile.login)).size).toBe(users.length);
    expect(seedOrg().state.users.size).toBe(users.length);
    expect([...seedOrg().state.users.keys()]).toEqual([...seeded.state.users.keys()]);
  });
});

describe('GET /api/v1/users', () => {
  it('pages with Link rel="next" until the end, leaving out deactivated users', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/api/v1/users?limit=200';
    let pages = 0;
    while (url) {
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('link')).toMatch(/rel="self"/);
      seen.push(...(page.body as { id: string }[]).map((user) => user.id));
      url = nextLink(page.headers);
      pages++;
    }
    const expected = [...seeded.state.users.values()].filter((user) => user.status !== 'DEPROVISIONED');
    expect(pages).toBe(Math.ceil(expected.length / 200));
    expect(seen.sort()).toEqual(expected.map((user) => user.id).sort());
  });

  it('caps limit at 200 and rejects a limit that is not a number', async () => {
    expect(((await get('/api/v1/users?limit=500')).body as unknown[]).length).toBe(200);
    expect(await get('/api/v1/users?limit=abc')).toMatchObject({ status: 400, body: { errorCode: 'E0000001' } });
  });

  it('search includes deactivated users and keeps the search in the next link', async () => {
    const first = await get(`/api/v1/users?search=${encodeURIComponent('status eq "DEPROVISIONED" or status eq "ACTIVE"')}&limit=50`);
    expect((first.body as { status: string }[]).every((user) => ['DEPROVISIONED', 'ACTIVE'].includes(user.status))).toBe(true);
    expect(new URL(nextLink(first.headers)!).searchParams.get('search')).toBe('status eq "DEPROVISIONED" or status eq "ACTIVE"');
    const deprovisioned = await get(`/api/v1/users?search=${encodeURIComponent('status eq "DEPROVISIONED"')}`);
    expect((deprovisioned.body as unknown[]).length).toBe([...seeded.state.users.values()].filter((user) => user.status === 'DEPROVISIONED').length);
  });

  it('rejects a search Okta would reject with 400 E0000031', async () => {
    expect(await get(`/api/v1/users?search=${encodeURIComponent('profile.department co "Eng"')}`)).toMatchObject({ status: 400, body: { errorCode: 'E0000031', errorSummary: 'Invalid search criteria.' } });
    expect(await get(`/api/v1/users?filter=${encodeURIComponent('profile.department eq "Sales"')}`)).toMatchObject({ status: 400, body: { errorCode: 'E0000031' } });
  });

  it('q is a starts-with lookup without paging, 10 results by default', async () => {
    const result = await get('/api/v1/users?q=is');
    const users = result.body as { profile: { firstName: string; lastName: string; email: string } }[];
    expect(users.length).toBeLessThanOrEqual(10);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((user) => [user.profile.firstName, user.profile.lastName, user.profile.email].some((value) => value.toLowerCase().startsWith('is')))).toBe(true);
    expect(nextLink(result.headers)).toBeUndefined();
  });

  it('sends the rate-limit headers and a request id with every answer, errors included', async () => {
    for (const result of [await get('/api/v1/users?limit=1'), await get('/api/v1/users', 'bad-token'), await get('/api/v1/nowhere')]) {
      expect(Number(result.headers.get('x-rate-limit-limit'))).toBeGreaterThan(0);
      expect(result.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
      expect(Number(result.headers.get('x-rate-limit-reset')) * 1000).toBeGreaterThan(Date.now() - 1000);
      expect(result.headers.get('x-okta-request-id')).toBeTruthy();
    }
  });
});

describe('users, groups and roles', () => {
  it('a single user carries its lifecycle links; logins resolve like ids', async () => {
    const byLogin = await get(`/api/v1/users/${encodeURIComponent(seeded.superAdmin.profile.login)}`);
    expect(byLogin).toMatchObject({ status: 200, body: { id: seeded.superAdmin.id, _links: { expirePassword: { href: expect.stringContaining('/lifecycle/expire_password') } } } });
    expect(await get('/api/v1/users/00uNoSuchUser0000000')).toMatchObject({ status: 404, body: { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: 00uNoSuchUser0000000 (User)' } });
    expect(await get('/api/v1/users/me')).toMatchObject({ status: 200, body: { id: seeded.superAdmin.id } });
  });

  it('group stats flag the groups that carry admin roles; members page at 1000', async () => {
    const groups = (await get('/api/v1/groups?expand=stats')).body as { id: string; profile: { name: string }; _embedded: { stats: { usersCount: number; hasAdminPrivlege: boolean } } }[];
    const admins = groups.find((group) => group.profile.name === 'Okta Admins')!;
    expect(admins._embedded.stats).toMatchObject({ usersCount: 2, hasAdminPrivlege: true });
    expect(groups.find((group) => group.profile.name === 'Sales')!._embedded.stats.hasAdminPrivlege).toBe(false);
    const members = await get(`/api/v1/groups/${admins.id}/users`);
    expect((members.body as unknown[]).length).toBe(2);
  });

  it('lists admins through /api/v1/iam/assignees/users, paging in the body', async () => {
    const ids: string[] = [];
    let url: string | undefined = '/api/v1/iam/assignees/users?limit=3';
    while (url) {
      const page = (await get(url)).body as { value: { id: string }[]; _links?: { next?: { href: string } } };
      ids.push(...page.value.map((entry) => entry.id));
      url = page._links?.next?.href;
    }
    expect(ids.sort()).toEqual(seeded.state.usersWithRoleAssignments());
  });

  it('a user\'s roles include those held through a group', async () => {
    const oktaAdmins = [...seeded.state.groups.values()].find((group) => group.name === 'Okta Admins')!;
    const member = [...oktaAdmins.members][0]!;
    expect((await get(`/api/v1/users/${member}/roles`)).body).toEqual([expect.objectContaining({ type: 'ORG_ADMIN', assignmentType: 'GROUP', status: 'ACTIVE' })]);
  });

  it('validates the sessions flags and the method', async () => {
    expect(await get(`/api/v1/users/${seeded.superAdmin.id}/sessions?oauthTokens=yes`, seeded.apiToken, 'DELETE')).toMatchObject({ status: 400, body: { errorCode: 'E0000001' } });
    expect(await get(`/api/v1/users/${seeded.superAdmin.id}/sessions`, seeded.apiToken, 'PUT')).toMatchObject({ status: 405, body: { errorCode: 'E0000022' } });
  });
});

describe('injected latency', () => {
  it('delays answers on the stand-in\'s clock', async () => {
    const clock = scaledClock(100);
    const slow = await startOktaStandin({ state: seedOrg({ users: 15 }).state, clock });
    try {
      slow.faults.add({ path: '/api/v1/users', times: 1, action: { kind: 'latency', ms: 60_000 } });
      const token = [...slow.state.apiTokens.keys()][0]!;
      const sentAt = clock.now();
      const response = await fetch(`${slow.url}/api/v1/users?limit=1`, { headers: { Authorization: `SSWS ${token}` } });
      expect(response.status).toBe(200);
      expect(Date.parse(response.headers.get('date')!)).toBeGreaterThanOrEqual(Math.floor(sentAt / 1000) * 1000 + 60_000);
      expect(slow.faults.pending()).toBe(0);
    } finally {
      await slow.close();
    }
  });
});

describe('npm run standin -- okta', () => {
  it('prints its address and an API token that works', async () => {
    const child = spawn(path.join(process.cwd(), 'node_modules/.bin/tsx'), ['main/practice/standin-cli.ts', 'okta'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines: string[] = [];
      const reader = createInterface({ input: child.stdout! });
      for await (const line of reader) {
        lines.push(line);
        if (lines.length === 2) break;
      }
      expect(lines[0]).toMatch(/^okta stand-in: http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toMatch(/^api token: \S{20,}$/);
      const url = lines[0]!.replace('okta stand-in: ', '');
      const response = await fetch(`${url}/api/v1/users?limit=1`, { headers: { Authorization: `SSWS ${lines[1]!.replace('api token: ', '')}` } });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
