// Connection settings are checked before anything is sent, with sentences.
import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../main/core/ports';
import { authorityConfiguration } from '../../../main/entra/auth';
import { EntraConnection, validateConnectionConfig, type EntraConnectionConfig } from '../../../main/entra/connection';

const valid: EntraConnectionConfig = { tenant: 'contoso.onmicrosoft.com', clientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58', mode: 'delegated' };

describe('validateConnectionConfig', () => {
  it('accepts a tenant id or domain and the client id of an app registration', () => {
    expect(validateConnectionConfig(valid)).toEqual([]);
    expect(validateConnectionConfig({ ...valid, tenant: '4f1c2b7e-9d3a-4e51-8c2f-6a7b9e0d1c25' })).toEqual([]);
  });

  it('explains what is wrong', () => {
    expect(validateConnectionConfig({ ...valid, tenant: 'not a tenant', clientId: 'rekey' })).toEqual([
      'The tenant must be a tenant id (a GUID) or a verified domain such as contoso.onmicrosoft.com.',
      'The client id must be the Application (client) ID of your app registration (a GUID).',
    ]);
    expect(validateConnectionConfig({ ...valid, tenant: 'common' })).toContain('Use your own tenant id or domain, not common/organizations/consumers: Rekey works on one tenant.');
    expect(validateConnectionConfig({ ...valid, authorityHost: 'http://login.example.com' })).toEqual(['The sign-in authority must use https (http://login.example.com).']);
    expect(validateConnectionConfig({ ...valid, mode: 'app-only' })).toEqual([
      'An app-only connection needs the certificate uploaded to the app registration (PEM).',
    ]);
  });

  it('only trusts an extra certificate for a practice stand-in, never for Microsoft', () => {
    expect(validateConnectionConfig({ ...valid, trustedCertificatePem: 'PEM' })).toEqual([
      'A trusted certificate is only for the practice stand-in, where sign-in and Graph share one non-Microsoft host.',
    ]);
    expect(
      validateConnectionConfig({ ...valid, trustedCertificatePem: 'PEM', authorityHost: 'https://127.0.0.1:4443', graphBaseUrl: 'https://127.0.0.1:4443/v1.0' }),
    ).toEqual([]);
  });

  it('refuses to build a connection from invalid settings', () => {
    expect(() => new EntraConnection({ ...valid, clientId: 'x' }, { secrets: memorySecretStore() })).toThrow(/client id must be/);
  });
});

describe('authorityConfiguration', () => {
  it('hands MSAL the metadata so that no discovery request is made', () => {
    const config = authorityConfiguration('https://login.microsoftonline.com', 'contoso.onmicrosoft.com');
    expect(config.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(config.knownAuthorities).toEqual(['login.microsoftonline.com']);
    expect(JSON.parse(config.authorityMetadata)).toMatchObject({
      token_endpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
      authorization_endpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
    });
    expect(JSON.parse(config.cloudDiscoveryMetadata).metadata[0].aliases).toEqual(['login.microsoftonline.com']);
    expect(() => authorityConfiguration('http://127.0.0.1:80', 'x')).toThrow(/must use https/);
  });
});
