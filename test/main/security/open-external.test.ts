import { describe, expect, it, vi } from 'vitest';

const shellOpenExternal = vi.fn(async (_url: string) => {});
vi.mock('electron', () => ({ shell: { openExternal: (url: string) => shellOpenExternal(url) } }));

const { checkExternalUrl, isAllowedExternalUrl, openExternal } = await import('../../../main/security/open-external');

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://learn.microsoft.com/en-us/graph/api/user-revokesigninsessions',
    'https://docs.microsoft.com/azure/active-directory/',
    'https://login.microsoftonline.com/common/adminconsent?client_id=x',
    'https://portal.azure.com/#home',
    'https://entra.microsoft.com/',
    'https://aka.ms/rekey',
    'https://developer.okta.com/docs/reference/api/users/',
    'https://help.okta.com/en-us/content/topics/users-groups-profiles/usgp-reset-passwords.htm',
    'https://support.okta.com/help/s/',
    'https://acme.okta.com/admin/users',
    'https://acme-admin.okta.com/',
    'https://dev-123456.oktapreview.com/',
    'https://LEARN.Microsoft.com/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['http, not https', 'http://learn.microsoft.com/'],
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['smb share', 'file://attacker/share/payload.exe'],
    ['ms-msdt handler', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['search-ms handler', 'search-ms:query=invoice&crumb=location:\\\\attacker\\share'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['unknown host', 'https://example.com/'],
    ['lookalike suffix', 'https://learn.microsoft.com.evil.example/'],
    ['lookalike prefix', 'https://evillearn.microsoft.com/'],
    ['bare okta.com', 'https://okta.com/'],
    ['nested okta subdomain', 'https://a.b.okta.com/'],
    ['okta lookalike', 'https://acme.okta.com.evil.example/'],
    ['trailing dot host', 'https://acme.okta.com./'],
    ['credentials in URL', 'https://user:pass@learn.microsoft.com/'],
    ['non-standard port', 'https://learn.microsoft.com:8443/'],
    ['IP address', 'https://20.190.151.7/'],
    ['not a URL', 'learn.microsoft.com'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings and huge URLs', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ href: 'https://aka.ms/' })).toBe(false);
    expect(isAllowedExternalUrl(`https://aka.ms/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('says why it refused', () => {
    const verdict = checkExternalUrl('http://learn.microsoft.com/');
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('https') });
    const host = checkExternalUrl('https://example.com/');
    expect(host.allowed).toBe(false);
    if (!host.allowed) expect(host.reason).toContain('"example.com"');
  });
});

describe('openExternal', () => {
  it('opens an allowed link through shell.openExternal, normalised', async () => {
    shellOpenExternal.mockClear();
    const verdict = await openExternal('https://Learn.Microsoft.com/en-us/entra/');
    expect(verdict).toEqual({ allowed: true, url: 'https://learn.microsoft.com/en-us/entra/' });
    expect(shellOpenExternal).toHaveBeenCalledWith('https://learn.microsoft.com/en-us/entra/');
  });

  it('never calls the shell for a refused link', async () => {
    shellOpenExternal.mockClear();
    const verdict = await openExternal('file:///C:/Windows/System32/calc.exe');
    expect(verdict.allowed).toBe(false);
    expect(shellOpenExternal).not.toHaveBeenCalled();
  });

  it('turns a shell failure into a refusal with a reason instead of throwing', async () => {
    const verdict = await openExternal('https://aka.ms/x', async () => {
      throw new Error('no default browser');
    });
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('no default browser') });
  });
});
