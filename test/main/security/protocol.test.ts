import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/security/csp';
import { contentTypeFor, createAppProtocolHandler, isAppUrl, resolveAppAsset } from '../../../main/security/protocol';

const root = path.resolve('/srv/rekey/renderer');

describe('resolveAppAsset', () => {
  it('maps / and directory URLs to index.html', () => {
    expect(resolveAppAsset(root, 'app://rekey/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://rekey/assets/')).toBe(path.join(root, 'assets', 'index.html'));
  });

  it('maps a bundle path to the file under root, ignoring query and hash', () => {
    expect(resolveAppAsset(root, 'app://rekey/assets/index-abc123.js')).toBe(path.join(root, 'assets', 'index-abc123.js'));
    expect(resolveAppAsset(root, 'app://rekey/index.html?x=1#/accounts')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://rekey/fonts/Segoe%20UI.woff2')).toBe(path.join(root, 'fonts', 'Segoe UI.woff2'));
  });

  it.each([
    ['plain dot-dot', 'app://rekey/../etc/passwd'],
    ['dot-dot in the middle', 'app://rekey/assets/../../secret.txt'],
    ['trailing dot-dot', 'app://rekey/assets/..'],
    ['single dot segment', 'app://rekey/./index.html'],
    ['encoded dots', 'app://rekey/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', 'app://rekey/%2E%2E/secret'],
    ['mixed encoded dot', 'app://rekey/.%2e/secret'],
    ['encoded slash', 'app://rekey/..%2fsecret'],
    ['encoded backslash', 'app://rekey/..%5csecret'],
    ['double-encoded dots', 'app://rekey/%252e%252e/secret'],
    ['backslash', 'app://rekey/..\\secret'],
    ['backslash inside', 'app://rekey/assets\\..\\..\\secret'],
    ['NUL byte', 'app://rekey/index.html\0.png'],
    ['encoded NUL', 'app://rekey/index.html%00.png'],
    ['absolute path after the host', 'app://rekey//etc/passwd'],
    ['windows drive', 'app://rekey/C:/Windows/win.ini'],
    ['encoded drive', 'app://rekey/C%3A/Windows/win.ini'],
    ['alternate data stream', 'app://rekey/index.html::$DATA'],
    ['hidden file', 'app://rekey/.env'],
    ['other host', 'app://evil/index.html'],
    ['host prefix trick', 'app://rekey.evil/index.html'],
    ['credentials', 'app://user:pw@rekey/index.html'],
    ['port', 'app://rekey:8080/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['https scheme', 'https://rekey/index.html'],
    ['malformed escape', 'app://rekey/%E0%A4%A'],
    ['the root itself', 'app://rekey'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(resolveAppAsset(root, undefined)).toBeNull();
    expect(resolveAppAsset(root, 42)).toBeNull();
    expect(resolveAppAsset(root, `app://rekey/${'a'.repeat(5000)}`)).toBeNull();
  });

  it('never returns a path outside root, whatever the path (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', '.', '..', '/', '\\', '%2e', '%2E', '%2f', '%5c', '%00', '%25', ':', 'index.html', 'C:'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const resolved = resolveAppAsset(root, `app://rekey/${pieces.join('')}`);
        return resolved === null || resolved.startsWith(root + path.sep);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isAppUrl', () => {
  it('accepts only app://rekey', () => {
    expect(isAppUrl('app://rekey/index.html')).toBe(true);
    expect(isAppUrl('app://rekey.example/index.html')).toBe(false);
    expect(isAppUrl('https://rekey/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['blob.bin', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let outside: string;
  const handler = () => createAppProtocolHandler(dir);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rekey-protocol-'));
    outside = await mkdtemp(path.join(os.tmpdir(), 'rekey-outside-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Rekey</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log("hi")');
    await writeFile(path.join(dir, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(outside, 'secret.txt'), 'top secret');
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'assets', 'link.txt'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('serves index.html for / with the CSP and nosniff', async () => {
    const response = await handler()(new Request('app://rekey/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Rekey</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(contentSecurityPolicy());
  });

  it('sends a CSP without eval and without any remote origin', async () => {
    const response = await handler()(new Request('app://rekey/assets/app.js'));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('serves each file with its content type', async () => {
    const js = await handler()(new Request('app://rekey/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("hi")');
    const css = await handler()(new Request('app://rekey/assets/app.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 with the security headers for missing files, directories and refused URLs', async () => {
    for (const url of ['app://rekey/missing.js', 'app://rekey/assets', 'app://rekey/%2e%2e/secret.txt', 'app://other/index.html']) {
      const response = await handler()(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('does not follow a symlink out of the bundle', async () => {
    const response = await handler()(new Request('app://rekey/assets/link.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('top secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://rekey/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
