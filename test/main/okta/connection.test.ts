// Adding an org: the URL, the connection record, and where secrets go.
import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../main/core/ports';
import { apiTokenSecretName, normaliseOrgUrl, OrgUrlError, privateKeySecretName } from '../../../main/okta/connection';
import { prepareServiceAppKey, saveApiToken, serviceAppConnection, servicePublicKey, forgetConnectionSecrets } from '../../../main/okta';

describe('org URL', () => {
  it.each([
    ['https://example.okta.com', 'https://example.okta.com'],
    ['https://Example.OKTA.com/', 'https://example.okta.com'],
    ['example.oktapreview.com', 'https://example.oktapreview.com'],
    ['  https://login.example.com  ', 'https://login.example.com'],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseOrgUrl(input)).toBe(expected);
  });

  it.each([
    ['http://example.okta.com', /https only/],
    ['http://localhost:8080', /https only/],
    ['ftp://example.okta.com', /use https/],
    ['https://example-admin.okta.com', /Admin Console address.*https:\/\/example\.okta\.com/],
    ['https://example.okta.com/oauth2/default', /without a path/],
    ['https://example.okta.com/?x=1', /without "\?"/],
    ['https://admin:pw@example.okta.com', /user name or password/],
    ['https://', /not a URL/],
  ])('refuses %s', (input, message) => {
    expect(() => normaliseOrgUrl(input)).toThrow(OrgUrlError);
    expect(() => normaliseOrgUrl(input)).toThrow(message);
  });
});

describe('secrets', () => {
  it('keeps the generated private key in the secret store only, and can show the public key again', async () => {
    const secrets = memorySecretStore();
    const setup = await prepareServiceAppKey('example.okta.com', secrets);
    const connection = serviceAppConnection('https://example.okta.com', '0oa1serviceapp', setup.keyId);
    const stored = await secrets.get(privateKeySecretName(connection));
    expect(stored).toMatch(/BEGIN PRIVATE KEY/);
    expect(JSON.stringify(connection)).not.toContain('PRIVATE');
    expect(JSON.stringify(setup)).not.toContain('PRIVATE');
    expect(connection).toMatchObject({ id: 'okta:example.okta.com', auth: { mode: 'private-key', clientId: '0oa1serviceapp', keyId: setup.keyId, scopes: ['okta.users.read', 'okta.users.manage', 'okta.groups.read', 'okta.roles.read'] } });
    expect(await servicePublicKey(connection, secrets)).toEqual(setup.publicJwk);
    expect(setup.steps.join(' ')).toContain('API Services');
    await forgetConnectionSecrets(connection, secrets);
    expect(await secrets.get(privateKeySecretName(connection))).toBeNull();
  });

  it('stores an API token with the warning about its creator\'s rights', async () => {
    const secrets = memorySecretStore();
    const token = '00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_01';
    const { connection, warning } = await saveApiToken('https://example.okta.com', ` ${token} `, secrets);
    expect(await secrets.get(apiTokenSecretName(connection))).toBe(token);
    expect(JSON.stringify(connection)).not.toContain(token);
    expect(warning).toMatch(/every admin right of the admin who created it/);
    await expect(saveApiToken('https://example.okta.com', 'SSWS short', secrets)).rejects.toThrow(/does not look like an Okta API token/);
  });
});
