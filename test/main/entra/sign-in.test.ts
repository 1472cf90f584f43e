// Signing in with the real MSAL Node against the stand-in authority:
// browser + PKCE through the loopback listener, device code, silent refresh,
// the encrypted token cache, restore after restart, sign-out, app-only with
// a certificate.
import { readFile } from 'node:fs/promises';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EntraConnection } from '../../../main/entra/connection';
import { practiceTenant } from '../../../main/practice/graph/seed';
import type { GraphStandIn } from '../../../main/practice/graph/server';
import { encryptedFileSecretStore, practiceBrowser, practiceConfig, practiceDeps, startPracticeStandIn, type EncryptedFileSecretStore } from './support';

let standIn: GraphStandIn;
let secrets: EncryptedFileSecretStore;

beforeAll(async () => {
  standIn = await startPracticeStandIn();
  secrets = await encryptedFileSecretStore();
});
afterAll(async () => {
  await standIn?.close();
  await secrets?.dispose();
});

describe('delegated sign-in in the system browser (auth code + PKCE)', () => {
  it('signs in through the loopback redirect, keeps the cache encrypted at rest, and restores it after a restart', async () => {
    standIn.authority.signIn(`meganb@${standIn.tenantDomain}`);
    const browser = practiceBrowser(standIn);
    const connection = new EntraConnection(practiceConfig(standIn), practiceDeps(secrets));
    const codesBefore = standIn.authority.grants.authorization_code;
    const authorityCalls = vi.spyOn(standIn.authority, 'handle');

    const identity = await connection.signInInteractive({ openBrowser: browser.openBrowser });

    // MSAL got the authority metadata from Rekey: no discovery request, only authorize + token.
    const paths = authorityCalls.mock.calls.map(([request]) => request.path.split('/').slice(2).join('/'));
    authorityCalls.mockRestore();
    expect(paths).toEqual(['oauth2/v2.0/authorize', 'oauth2/v2.0/token']);

    expect(identity).toMatchObject({ mode: 'delegated', username: `meganb@${standIn.tenantDomain}`, tenantId: standIn.tenantId });
    expect(standIn.authority.grants.authorization_code).toBe(codesBefore + 1);
    const authorize = new URL(browser.opened[0] as string);
    expect(authorize.pathname).toBe(`/${standIn.tenantDomain}/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(authorize.searchParams.get('scope')).toContain('https://graph.microsoft.com/.default');

    // At rest: the secrets file holds ciphertext only; no token or account name in clear.
    const onDisk = await readFile(secrets.file, 'utf8');
    const cache = JSON.parse((await secrets.get(connection.secretNames.tokenCache)) as string) as Record<string, Record<string, { secret?: string }>>;
    const accessToken = Object.values(cache.AccessToken ?? {})[0]?.secret;
    const refreshToken = Object.values(cache.RefreshToken ?? {})[0]?.secret;
    expect(accessToken).toMatch(/^eyJ/);
    expect(refreshToken).toBeTruthy();
    expect(onDisk).not.toContain(accessToken as string);
    expect(onDisk).not.toContain(refreshToken as string);
    expect(onDisk).not.toContain('eyJ');
    expect(onDisk).not.toContain('meganb');

    // A new process: same SecretStore, no prompt.
    const restarted = new EntraConnection(practiceConfig(standIn), practiceDeps(secrets));
    const restored = await restarted.restore();
    expect(restored?.username).toBe(`meganb@${standIn.tenantDomain}`);
    const me = await restarted.checkPermissions();
    expect(me.identity).toBe(`meganb@${standIn.tenantDomain}`);

    // Sign-out forgets the tokens everywhere.
    await restarted.signOut();
    expect(await secrets.get(restarted.secretNames.tokenCache)).toBeNull();
    expect(restarted.status.state).toBe('signed-out');
    const afterSignOut = new EntraConnection(practiceConfig(standIn), practiceDeps(secrets));
    expect(await afterSignOut.restore()).toBeNull();
  });

  it('refuses a redirect URI the app registration does not allow', async () => {
    const app = standIn.state.appByClientId(practiceTenant.delegatedClientId);
    const saved = app?.redirectUris ?? [];
    if (app) app.redirectUris = ['https://rekey.example/callback'];
    try {
      const connection = new EntraConnection(practiceConfig(standIn), practiceDeps(await encryptedFileSecretStore()));
      await expect(connection.signInInteractive({ openBrowser: practiceBrowser(standIn).openBrowser })).rejects.toThrow(/did not post back/);
    } finally {
      if (app) app.redirectUris = saved;
    }
  });
});

describe('device code sign-in', () => {
  it('shows the code, keeps polling while pending, and signs in once approved', async () => {
    const store = await encryptedFileSecretStore();
    const connection = new EntraConnection(practiceConfig(standIn), practiceDeps(store));
    const polledBefore = standIn.authority.grants.device_code;
    const shown: string[] = [];
    const identity = await connection.signInWithDeviceCode((info) => {
      shown.push(info.message);
      expect(info.verificationUri).toBe(`${standIn.origin}/devicelogin`);
      // The admin approves on another device a little later.
      setTimeout(() => standIn.authority.approveDeviceCode(info.userCode, `alexw@${standIn.tenantDomain}`), 80);
    });
    expect(shown[0]).toMatch(/enter the code [A-Z2-9]{9} to authenticate/);
    expect(identity.username).toBe(`alexw@${standIn.tenantDomain}`);
    expect(standIn.authority.grants.device_code - polledBefore).toBeGreaterThan(1);
    await store.dispose();
  });

  it('stops polling when the sign-in is cancelled', async () => {
    const connection = new EntraConnection(practiceConfig(standIn), practiceDeps(await encryptedFileSecretStore()));
    const controller = new AbortController();
    const attempt = connection.signInWithDeviceCode(() => setTimeout(() => controller.abort(), 50), controller.signal);
    await expect(attempt).rejects.toThrow(/cancel/i);
  });
});

describe('silent token refresh', () => {
  it('refreshes with the refresh token when the access token is about to expire', async () => {
    // MSAL renews tokens 5 minutes before expiry; a 2-minute token is always "about to expire".
    const shortLived = await startPracticeStandIn({ accessTokenLifetimeSeconds: 120 });
    try {
      shortLived.authority.signIn(`meganb@${shortLived.tenantDomain}`);
      const connection = new EntraConnection(practiceConfig(shortLived), practiceDeps(await encryptedFileSecretStore()));
      await connection.signInInteractive({ openBrowser: practiceBrowser(shortLived).openBrowser });
      const before = shortLived.authority.grants.refresh_token;
      await connection.checkPermissions();
      expect(shortLived.authority.grants.refresh_token).toBeGreaterThan(before);
    } finally {
      await shortLived.close();
    }
  });
});

describe('app-only with a certificate', () => {
  it('connects with a client assertion signed by the registered certificate; the private key lives in the SecretStore', async () => {
    const certificate = await selfsigned.generate([{ name: 'commonName', value: 'Rekey automation' }], { keySize: 2048, algorithm: 'sha256' });
    standIn.registerCertificate(practiceTenant.appOnlyClientId, certificate.cert);
    const store = await encryptedFileSecretStore();
    const config = practiceConfig(standIn, { clientId: practiceTenant.appOnlyClientId, mode: 'app-only', certificatePem: certificate.cert });
    const connection = new EntraConnection(config, practiceDeps(store));
    await expect(connection.connectAppOnly()).rejects.toThrow(/private key is not stored/);
    await connection.storeCertificateKey(certificate.private);
    const before = standIn.authority.grants.client_credentials;

    const identity = await connection.connectAppOnly();

    expect(identity.mode).toBe('app-only');
    expect(identity.objectId).toBe(standIn.state.appByClientId(practiceTenant.appOnlyClientId)?.servicePrincipalId);
    expect(standIn.authority.grants.client_credentials).toBe(before + 1);
    const onDisk = await readFile(store.file, 'utf8');
    expect(onDisk).not.toContain('PRIVATE KEY');
    await store.dispose();
  });

  it('is refused when the key does not belong to a registered certificate', async () => {
    const registered = await selfsigned.generate([{ name: 'commonName', value: 'registered' }], { keySize: 2048, algorithm: 'sha256' });
    const stranger = await selfsigned.generate([{ name: 'commonName', value: 'stranger' }], { keySize: 2048, algorithm: 'sha256' });
    standIn.registerCertificate(practiceTenant.appOnlyClientId, registered.cert);
    const config = practiceConfig(standIn, { clientId: practiceTenant.appOnlyClientId, mode: 'app-only', certificatePem: stranger.cert });
    const connection = new EntraConnection(config, practiceDeps(await encryptedFileSecretStore()));
    await connection.storeCertificateKey(stranger.private);
    await expect(connection.connectAppOnly()).rejects.toThrow(/invalid_client|700027/);
  });
});
