// The Okta directory end to end: the real @okta/okta-sdk-nodejs against the
// stand-in, with both ways of signing in (SSWS API token; API service app with
// a private-key JWT and DPoP-bound tokens). Listing, search, plan, reset,
// verify, and error mapping. Every response is checked against Okta's OpenAPI
// description at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAccounts, defaultResetOptions, type Account } from '../../../main/core/domain';
import { OktaDirectory } from '../../../main/okta/directory';
import { OktaOperationError } from '../../../main/okta/call';
import { apiTokenSecretName } from '../../../main/okta/connection';
import { startTestOrg, type TestOrg } from '../practice/okta/support/org';
import { conformanceProblems } from '../practice/okta/openapi-validator';

let org: TestOrg;

beforeAll(async () => {
  org = await startTestOrg({ users: 260 });
});

afterAll(async () => {
  await org.close();
  expect(conformanceProblems(org.exchanges)).toEqual([]);
});

function directory(mode: 'api-token' | 'service-app', options = {}) {
  return new OktaDirectory(mode === 'api-token' ? org.apiToken : org.serviceApp, org.secrets, { clock: org.clock, ...options });
}

const activeUsers = () => [...org.seeded.state.users.values()].filter((user) => user.status !== 'DEPROVISIONED');

describe.each(['api-token', 'service-app'] as const)('listing with %s', (mode) => {
  it('reads every account of a 260-user org over several pages', async () => {
    const before = org.exchanges.length;
    const okta = directory(mode);
    const pages: Account[][] = [];
    for await (const page of okta.listAccounts({ pageSize: 100 })) pages.push(page);
    const accounts = pages.flat();

    expect(accounts.length).toBe(activeUsers().length);
    expect(accounts.length).toBeGreaterThanOrEqual(230);
    expect(new Set(accounts.map((account) => account.id)).size).toBe(accounts.length);
    const listingCalls = org.exchanges.slice(before).filter((exchange) => exchange.path === '/api/v1/users');
    expect(listingCalls.length).toBe(Math.ceil(accounts.length / 100));
    expect(listingCalls.slice(1).every((exchange) => exchange.query.includes('after='))).toBe(true);
    if (mode === 'service-app') {
      const apiCalls = org.exchanges.slice(before).filter((exchange) => exchange.path.startsWith('/api/'));
      expect(apiCalls.every((exchange) => exchange.scheme === 'DPoP' && exchange.dpopProof)).toBe(true);
    }
  });

  it('marks admins with the role that makes them privileged, directly or through a group', async () => {
    const accounts = await collectAccounts(directory(mode), {});
    const byId = new Map(accounts.map((account) => [account.id, account]));
    const { state, superAdmin } = org.seeded;
    expect(byId.get(superAdmin.id)?.privileged).toBe(true);
    expect(byId.get(superAdmin.id)?.privilegedWhy).toContain('SUPER_ADMIN');
    const oktaAdmins = [...state.groups.values()].find((group) => group.name === 'Okta Admins')!;
    for (const member of oktaAdmins.members) {
      expect(byId.get(member)?.privileged).toBe(true);
      expect(byId.get(member)?.privilegedWhy).toBe('ORG_ADMIN role (Organizational Administrator) through group Okta Admins');
    }
    const expectedAdmins = accounts.filter((account) => state.rolesOfUser(account.id).length > 0).map((account) => account.id).sort();
    expect(accounts.filter((account) => account.privileged).map((account) => account.id).sort()).toEqual(expectedAdmins);
  });
});

describe('account facts', () => {
  let accounts: Account[];
  beforeAll(async () => {
    accounts = await collectAccounts(directory('api-token'), {});
  });

  it('carries status, credential provider, names and group names as Okta has them', () => {
    for (const account of accounts) {
      const user = org.seeded.state.users.get(account.id)!;
      expect(account.login).toBe(user.profile.login);
      expect(account.displayName).toBe(user.profile.displayName);
      expect(account.attributes.status).toBe(user.status);
      expect(account.attributes.credentialProvider).toBe(user.provider.type);
      expect(account.attributes.mustChange).toBe(user.status === 'PASSWORD_EXPIRED');
      expect(account.enabled).toBe(!['SUSPENDED', 'STAGED', 'DEPROVISIONED'].includes(user.status));
      expect([...account.groups].sort()).toEqual(org.seeded.state.groupsOf(user.id).map((group) => group.name).sort());
    }
    expect(accounts.some((account) => /[^ -~]/.test(account.displayName))).toBe(true);
    expect(accounts.some((account) => account.attributes.credentialProvider === 'ACTIVE_DIRECTORY')).toBe(true);
  });

  it('marks the admin whose API token Rekey uses as the connection account', () => {
    const marked = accounts.filter((account) => account.attributes.isConnectionAccount);
    expect(marked.map((account) => account.id)).toEqual([org.seeded.superAdmin.id]);
  });
});

describe('search', () => {
  it('finds accounts by free text across login, email and names (diacritics kept)', async () => {
    const found = await collectAccounts(directory('service-app'), { search: 'josé' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((account) => `${account.displayName} ${account.login}`.toLowerCase().includes('josé') || account.displayName.toLowerCase().includes('jos'))).toBe(true);
    const expected = [...org.seeded.state.users.values()].filter((user) => [user.profile.firstName, user.profile.lastName, user.profile.login, user.profile.email].some((value) => value.toLowerCase().includes('josé')));
    expect(found.map((account) => account.id).sort()).toEqual(expected.map((user) => user.id).sort());
  });

  it('passes an Okta search expression through as is', async () => {
    const found = await collectAccounts(directory('api-token'), { search: 'status eq "LOCKED_OUT"' });
    const expected = [...org.seeded.state.users.values()].filter((user) => user.status === 'LOCKED_OUT');
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((account) => account.id).sort()).toEqual(expected.map((user) => user.id).sort());
  });

  it('sends an Okta filter as the filter parameter, matching free text locally', async () => {
    const before = org.exchanges.length;
    const okta = directory('api-token');
    const found = await collectAccounts(okta, { filter: 'status eq "SUSPENDED"', search: 'example.com' } as Parameters<OktaDirectory['listAccounts']>[0]);
    const expected = [...org.seeded.state.users.values()].filter((user) => user.status === 'SUSPENDED' && user.profile.login.includes('example.com'));
    expect(found.map((account) => account.id).sort()).toEqual(expected.map((user) => user.id).sort());
    expect(org.exchanges.slice(before).some((exchange) => exchange.path === '/api/v1/users' && new URLSearchParams(exchange.query).get('filter') === 'status eq "SUSPENDED"')).toBe(true);
  });

  it('reads groups and admin roles once per directory, not once per listing', async () => {
    const okta = directory('api-token');
    await collectAccounts(okta, { search: 'status eq "STAGED"' });
    const before = org.exchanges.length;
    await collectAccounts(okta, { search: 'status eq "RECOVERY"' });
    const repeated = org.exchanges.slice(before).filter((exchange) => exchange.path === '/api/v1/groups' || exchange.path.startsWith('/api/v1/iam/'));
    expect(repeated).toEqual([]);
  });

  it('lists the members of one group, by name', async () => {
    const found = await collectAccounts(directory('api-token'), { group: 'Help Desk' });
    const group = [...org.seeded.state.groups.values()].find((candidate) => candidate.name === 'Help Desk')!;
    expect(found.map((account) => account.id).sort()).toEqual([...group.members].sort());
    expect(found.every((account) => account.privilegedWhy?.includes('HELP_DESK_ADMIN'))).toBe(true);
  });

  it('looks up a handful of accounts one by one instead of indexing every group', async () => {
    const before = org.exchanges.length;
    await collectAccounts(directory('api-token'), { search: 'status eq "RECOVERY"' });
    const calls = org.exchanges.slice(before);
    expect(calls.filter((exchange) => /^\/api\/v1\/users\/[^/]+\/groups$/.test(exchange.path)).length).toBeGreaterThan(0);
    expect(calls.filter((exchange) => /^\/api\/v1\/groups\/[^/]+\/users$/.test(exchange.path)).length).toBe(0);
  });

  it('indexes group memberships once a listing is large, spending at most twice the cheaper way', async () => {
    const before = org.exchanges.length;
    const accounts = await collectAccounts(directory('api-token'), {});
    const calls = org.exchanges.slice(before);
    const perUser = calls.filter((exchange) => /^\/api\/v1\/users\/[^/]+\/groups$/.test(exchange.path)).length;
    const perGroup = calls.filter((exchange) => /^\/api\/v1\/groups\/[^/]+\/users$/.test(exchange.path)).length;
    expect(perGroup).toBeGreaterThan(0);
    const cheapest = Math.min(accounts.length, org.seeded.state.groups.size);
    expect(perUser + perGroup).toBeLessThanOrEqual(2 * cheapest);
  });
});

describe('plan, reset and verify', () => {
  const pick = (predicate: (user: { status: string; provider: { type: string } }) => boolean) =>
    [...org.seeded.state.users.values()].filter((user) => !org.seeded.state.rolesOfUser(user.id).length).find(predicate)!;

  it('expires the password and ends sessions with OAuth tokens, then reads PASSWORD_EXPIRED back', async () => {
    const okta = directory('service-app');
    const target = pick((user) => user.status === 'ACTIVE' && user.provider.type === 'OKTA');
    target.oauthTokens = 3;
    target.rememberedDevices = 2;
    const [account] = await collectAccounts(okta, { search: `id eq "${target.id}"` });
    const [plan] = await okta.planReset([account!], defaultResetOptions);
    expect(plan!.steps.map((step) => [step.step, step.applicable])).toEqual([['force-change', true], ['end-sessions', true]]);

    const [before] = await okta.readState([account!]);
    expect(before!.mustChange).toBe('no');

    const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change', 'end-sessions'] }], options: defaultResetOptions }, new AbortController().signal);
    expect(result!.steps.map((step) => step.status)).toEqual(['done', 'done']);
    const [expire, sessions] = result!.steps;
    expect(expire!.evidence.at(-1)).toMatchObject({ kind: 'http', method: 'POST', url: `/api/v1/users/${target.id}/lifecycle/expire_password`, status: 200 });
    const last = expire!.evidence.at(-1);
    expect(last?.kind === 'http' ? last.requestId : undefined).toMatch(/\S{8,}/);
    expect(sessions!.evidence.at(-1)).toMatchObject({ method: 'DELETE', url: `/api/v1/users/${target.id}/sessions?oauthTokens=true&forgetDevices=false`, status: 204 });
    expect(target.status).toBe('PASSWORD_EXPIRED');
    expect(target.sessions).toBe(0);
    expect(target.oauthTokens).toBe(0);
    expect(target.rememberedDevices).toBe(2);

    const [after] = await okta.readState([account!]);
    expect(after).toMatchObject({ mustChange: 'yes', directoryStatus: 'PASSWORD_EXPIRED', via: 'Okta API', sessionsRevokedSince: undefined });
    expect(after!.evidence[0]).toMatchObject({ method: 'GET', url: `/api/v1/users/${target.id}`, status: 200 });
  });

  it('re-reads from Okta on every verification (the SDK cache is off)', async () => {
    const okta = directory('api-token');
    const target = pick((user) => user.status === 'ACTIVE');
    const [account] = await collectAccounts(okta, { search: `id eq "${target.id}"` });
    expect((await okta.readState([account!]))[0]!.mustChange).toBe('no');
    target.status = 'PASSWORD_EXPIRED';
    expect((await okta.readState([account!]))[0]!.mustChange).toBe('yes');
    target.status = 'ACTIVE';
    expect((await okta.readState([account!]))[0]!.directoryStatus).toBe('ACTIVE');
  });

  it('plans around statuses and credential providers', async () => {
    const okta = directory('api-token');
    const targets = ['SUSPENDED', 'DEPROVISIONED', 'STAGED', 'PROVISIONED'].map((status) => pick((user) => user.status === status));
    const adUser = pick((user) => user.status === 'ACTIVE' && user.provider.type === 'ACTIVE_DIRECTORY');
    const federated = pick((user) => user.status === 'ACTIVE' && user.provider.type === 'FEDERATION');
    const accounts = await collectAccounts(okta, { search: [...targets, adUser, federated].map((user) => `id eq "${user.id}"`).join(' or ') });
    const plans = new Map((await okta.planReset(accounts, defaultResetOptions)).map((plan) => [plan.account.attributes.status === 'ACTIVE' ? plan.account.attributes.credentialProvider : plan.account.attributes.status, plan]));
    expect(plans.get('SUSPENDED')!.steps.find((step) => step.step === 'force-change')).toMatchObject({ applicable: false, description: expect.stringContaining('suspended') });
    expect(plans.get('SUSPENDED')!.steps.find((step) => step.step === 'end-sessions')!.applicable).toBe(true);
    expect(plans.get('DEPROVISIONED')!.steps.every((step) => !step.applicable)).toBe(true);
    expect(plans.get('STAGED')!.steps.every((step) => !step.applicable)).toBe(true);
    expect(plans.get('PROVISIONED')!.steps.find((step) => step.step === 'force-change')!.applicable).toBe(false);
    expect(plans.get('ACTIVE_DIRECTORY')!.warnings.map((warning) => warning.kind)).toEqual(['ad-delegated-password']);
    expect(plans.get('FEDERATION')!.warnings.map((warning) => warning.kind)).toEqual(['federated-password']);
  });

  it('reports a status that changed after planning as not applicable, with Okta\'s reason', async () => {
    const okta = directory('api-token');
    const target = pick((user) => user.status === 'ACTIVE' && user.provider.type === 'OKTA');
    const [account] = await collectAccounts(okta, { search: `id eq "${target.id}"` });
    target.status = 'DEPROVISIONED';
    const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);
    expect(result!.steps[0]).toMatchObject({ status: 'not-applicable', message: expect.stringContaining('current status') });
    expect(result!.steps[0]!.evidence[0]).toMatchObject({ status: 403, errorCode: 'E0000038' });
  });
});

describe('errors an admin can act on', () => {
  it('401 E0000011: a revoked API token', async () => {
    const secrets = { ...org.secrets, get: async (name: string) => (name === apiTokenSecretName(org.apiToken) ? '00revokedTokenValue000000000000000000000000' : org.secrets.get(name)) };
    const okta = new OktaDirectory(org.apiToken, secrets, { clock: org.clock });
    const error = await collectAccounts(okta, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaOperationError);
    expect((error as OktaOperationError).failure).toMatchObject({ kind: 'invalid-credentials', status: 401, errorCode: 'E0000011' });
    expect((error as Error).message).toMatch(/API token.*Security > API > Tokens/);
    expect((error as OktaOperationError).evidence[0]).toMatchObject({ status: 401, errorCode: 'E0000011', errorId: expect.stringMatching(/^oae/) });
  });

  it('404 E0000007: a user deleted since the listing', async () => {
    const okta = directory('service-app');
    const ghost: Account = { directoryId: org.serviceApp.id, kind: 'okta', id: '00uDELETED0000000000', login: 'gone@example.com', displayName: 'Gone', enabled: true, privileged: false, groups: [], attributes: { status: 'ACTIVE' } };
    const [result] = await okta.reset({ items: [{ account: ghost, steps: ['force-change', 'end-sessions'] }], options: defaultResetOptions }, new AbortController().signal);
    expect(result!.steps[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('Okta has no user gone@example.com') });
    expect(result!.steps[0]!.evidence[0]).toMatchObject({ status: 404, errorCode: 'E0000007' });
    expect(result!.steps[1]).toMatchObject({ status: 'skipped' });
    const [state] = await okta.readState([ghost]);
    expect(state).toMatchObject({ mustChange: 'unknown', error: expect.stringContaining('Okta has no user') });
  });

  it('403 E0000006 with insufficient_scope: the app may read but was not granted okta.users.manage', async () => {
    const limited = await startTestOrg({ users: 20, grantedScopes: ['okta.users.read', 'okta.groups.read'], connectionScopes: ['okta.users.read', 'okta.groups.read'] });
    try {
      const okta = new OktaDirectory(limited.serviceApp, limited.secrets, { clock: limited.clock });
      const [account] = await collectAccounts(okta, { search: `id eq "${limited.seeded.superAdmin.id}"` });
      const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);
      expect(result!.steps[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('not granted the okta.users.manage scope') });
      expect(result!.steps[0]!.evidence[0]).toMatchObject({ status: 403, errorCode: 'E0000006' });
      expect(okta.listingNotices.join(' ')).toContain('Admin accounts are not marked');
    } finally {
      await limited.close();
      expect(conformanceProblems(limited.exchanges)).toEqual([]);
    }
  });

  it('invalid_scope at the token endpoint names the refusal instead of the SDK\'s "Invalid token provided"', async () => {
    const limited = await startTestOrg({ users: 20, grantedScopes: ['okta.users.read', 'okta.groups.read'] });
    try {
      const okta = new OktaDirectory(limited.serviceApp, limited.secrets, { clock: limited.clock });
      const error = await collectAccounts(okta, {}).catch((caught: unknown) => caught);
      expect((error as OktaOperationError).failure).toMatchObject({ kind: 'missing-scope', errorCode: 'invalid_scope' });
      expect((error as Error).message).toContain('okta.users.manage');
    } finally {
      await limited.close();
    }
  });

  it('403 E0000006: a User Administrator app cannot reset a super admin, and the plan said so', async () => {
    const weaker = await startTestOrg({ users: 20, appRoles: ['USER_ADMIN'] });
    try {
      const okta = new OktaDirectory(weaker.serviceApp, weaker.secrets, { clock: weaker.clock });
      const [account] = await collectAccounts(okta, { search: `id eq "${weaker.seeded.superAdmin.id}"` });
      const [plan] = await okta.planReset([account!], defaultResetOptions);
      expect(plan!.warnings.map((warning) => warning.kind)).toContain('privileged-needs-stronger-role');
      const [result] = await okta.reset({ items: [{ account: account!, steps: ['force-change'] }], options: defaultResetOptions }, new AbortController().signal);
      expect(result!.steps[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('Super Administrator') });
      expect(result!.steps[0]!.evidence[0]).toMatchObject({ status: 403, errorCode: 'E0000006' });
    } finally {
      await weaker.close();
      expect(conformanceProblems(weaker.exchanges)).toEqual([]);
    }
  });
});
