import { describe, expect, it } from 'vitest';
import { entraRequest, oktaRequest, remoteRequest, type EntraDraft, type OktaDraft } from '../../../../../renderer/screens/Connections/model/add-request';

const guid = '1b2c3d4e-0000-4000-8000-1234567890ab';
const entra: EntraDraft = { tenant: 'contoso.onmicrosoft.com', clientId: guid, auth: 'interactive', certificatePem: '', privateKeyPem: '' };
const okta: OktaDraft = { orgUrl: 'https://fabrikam.okta.com', auth: 'private-key', clientId: '', privateKeyPem: '', apiToken: '' };

describe('entraRequest', () => {
  it('builds the request main expects, without key material unless the certificate mode needs it', () => {
    expect(entraRequest(entra)).toEqual({ ok: true, request: { kind: 'entra', tenant: 'contoso.onmicrosoft.com', clientId: guid, auth: 'interactive' } });
  });

  it('names the wrong fields with a sentence that says what to enter', () => {
    const checked = entraRequest({ ...entra, tenant: 'x', clientId: 'not-a-guid' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.tenant).toMatch(/tenant ID/);
    expect(checked.problems.clientId).toMatch(/Application \(client\) ID/);
  });

  it('requires both PEMs for certificate sign-in', () => {
    const checked = entraRequest({ ...entra, auth: 'certificate', certificatePem: '-----BEGIN CERTIFICATE-----\nabc', privateKeyPem: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems)).toEqual(['privateKeyPem']);
    const good = entraRequest({ ...entra, auth: 'certificate', certificatePem: '-----BEGIN CERTIFICATE-----\nabc', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nxyz' });
    expect(good.ok && good.request).toMatchObject({ auth: 'certificate', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nxyz' });
  });
});

describe('oktaRequest', () => {
  it('sends a private-key request with only what was filled in', () => {
    expect(oktaRequest(okta)).toEqual({ ok: true, request: { kind: 'okta', orgUrl: 'https://fabrikam.okta.com', auth: 'private-key' } });
    const withClient = oktaRequest({ ...okta, clientId: ' 0oa123 ' });
    expect(withClient.ok && withClient.request).toMatchObject({ clientId: '0oa123' });
  });

  it('needs an https org address and, for a token, the token', () => {
    const checked = oktaRequest({ ...okta, orgUrl: 'http://fabrikam.okta.com', auth: 'api-token' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.orgUrl).toMatch(/https:\/\//);
    expect(checked.problems.apiToken).toMatch(/API token/);
    const token = oktaRequest({ ...okta, auth: 'api-token', apiToken: '00abc' });
    expect(token.ok && token.request).toEqual({ kind: 'okta', orgUrl: 'https://fabrikam.okta.com', auth: 'api-token', apiToken: '00abc' });
  });
});

describe('remoteRequest', () => {
  const draft = { transport: 'http-kerberos' as const, userName: '', password: '' };

  it('connects as the current Windows identity when no credential is typed', () => {
    expect(remoteRequest(draft, ['ws-01'])).toEqual({ ok: true, request: { kind: 'windows-remote', hosts: ['ws-01'], transport: 'http-kerberos' } });
  });

  it('needs both user and password once either is typed', () => {
    const checked = remoteRequest({ ...draft, password: 'secret' }, ['ws-01']);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems)).toEqual(['userName']);
    const good = remoteRequest({ ...draft, transport: 'https', userName: 'CONTOSO\\admin', password: 'secret' }, ['ws-01']);
    expect(good.ok && good.request).toEqual({ kind: 'windows-remote', hosts: ['ws-01'], transport: 'https', credential: { userName: 'CONTOSO\\admin', password: 'secret' } });
  });

  it('needs at least one computer', () => {
    const checked = remoteRequest(draft, []);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.hosts).toBe('Name at least one computer.');
  });
});
