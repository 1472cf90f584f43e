// "Check connection" against the stand-in: what Okta will refuse is found
// before any run, each with a fix.
import { afterAll, describe, expect, it } from 'vitest';
import { checkOktaConnection, type ConnectionCheckReport } from '../../../main/okta/check';
import { apiTokenSecretName, privateKeySecretName } from '../../../main/okta/connection';
import { generateServiceAppKey } from '../../../main/okta/keys';
import { startTestOrg, type TestOrg, type TestOrgOptions } from '../practice/okta/support/org';
import { conformanceProblems } from '../practice/okta/openapi-validator';

const orgs: TestOrg[] = [];
afterAll(async () => {
  for (const org of orgs) await org.close();
  expect(conformanceProblems(orgs.flatMap((org) => org.exchanges))).toEqual([]);
});

async function check(options: TestOrgOptions, mode: 'serviceApp' | 'apiToken' = 'serviceApp', prepare?: (org: TestOrg) => Promise<void>): Promise<ConnectionCheckReport> {
  const org = await startTestOrg({ users: 15, ...options });
  orgs.push(org);
  await prepare?.(org);
  return checkOktaConnection(org[mode], org.secrets, { clock: org.clock });
}

const item = (report: ConnectionCheckReport, id: string) => report.items.find((entry) => entry.id === id);

describe('checkOktaConnection', () => {
  it('a well set-up service app passes every check', async () => {
    const report = await check({});
    expect(report.items.filter((entry) => entry.status !== 'ok')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.grantedScopes.sort()).toEqual(['okta.groups.read', 'okta.roles.read', 'okta.users.manage', 'okta.users.read']);
    expect(report.roles).toEqual(['SUPER_ADMIN']);
  });

  it('finds a scope that was not granted, and says where to grant it', async () => {
    const report = await check({ grantedScopes: ['okta.users.read', 'okta.groups.read', 'okta.roles.read'] });
    expect(report.ok).toBe(false);
    expect(item(report, 'scope:okta.users.manage')).toMatchObject({ status: 'error', fix: expect.stringContaining('Okta API Scopes and grant okta.users.manage') });
    expect(item(report, 'scope:okta.users.read')!.status).toBe('ok');
  });

  it('a missing okta.roles.read is a warning: runs work, admins are not marked', async () => {
    const report = await check({ grantedScopes: ['okta.users.read', 'okta.users.manage', 'okta.groups.read'], connectionScopes: ['okta.users.read', 'okta.users.manage', 'okta.groups.read'] });
    expect(report.ok).toBe(true);
    expect(item(report, 'scope:okta.roles.read')).toMatchObject({ status: 'warning', message: expect.stringContaining('cannot mark admin accounts') });
    expect(item(report, 'roles')!.status).toBe('warning');
  });

  it.each([
    [['READ_ONLY_ADMIN'], 'error', /enough to read, not to expire passwords/],
    [['USER_ADMIN'], 'warning', /only a Super Administrator reset other admins/],
    [[], 'error', /holds no admin role/],
  ] as const)('judges admin roles %j as %s', async (roles, status, message) => {
    const report = await check({ appRoles: [...roles] });
    expect(item(report, 'roles')).toMatchObject({ status, message: expect.stringMatching(message) });
    expect(report.ok).toBe(status !== 'error');
  });

  it('a public key that is not on the app is refused, naming the kid to add', async () => {
    const report = await check({}, 'serviceApp', async (org) => {
      const other = await generateServiceAppKey();
      await org.secrets.set(privateKeySecretName(org.serviceApp), other.privateKeyPem);
    });
    expect(report.ok).toBe(false);
    expect(item(report, 'credentials')).toMatchObject({ status: 'error', message: expect.stringContaining('client credentials'), fix: expect.stringContaining('kid') });
  });

  it('an API token passes, with the warning about its creator\'s rights', async () => {
    const report = await check({}, 'apiToken');
    expect(report.ok).toBe(true);
    expect(item(report, 'auth-kind')).toMatchObject({ status: 'warning', message: expect.stringContaining('every admin right') });
    expect(item(report, 'credentials')!.message).toMatch(/acts as .*@example\.com/);
    expect(report.roles).toEqual(['SUPER_ADMIN']);
  });

  it('a revoked API token is reported with what to do', async () => {
    const report = await check({}, 'apiToken', async (org) => {
      await org.secrets.set(apiTokenSecretName(org.apiToken), '00revokedRevokedRevokedRevokedRevoked000');
    });
    expect(report.ok).toBe(false);
    expect(item(report, 'credentials')).toMatchObject({ status: 'error', message: expect.stringContaining('E0000011') });
  });

  it('says so when no secret is saved', async () => {
    const report = await check({}, 'serviceApp', async (org) => {
      await org.secrets.delete(privateKeySecretName(org.serviceApp));
    });
    expect(item(report, 'secret')).toMatchObject({ status: 'error', fix: expect.stringContaining('Generate a key pair') });
  });
});
