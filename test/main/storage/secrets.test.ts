import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SafeStorageSecretStore, SecretStoreError, type SafeStorageLike } from '../../../main/storage/secrets';

/**
 * A safeStorage stand-in that really encrypts (AES-256-GCM with a per-instance key),
 * like DPAPI/Keychain do: ciphertext is useless without the key.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>> } = {}) {
  const key = randomBytes(32);
  let rotate = false;
  const api = {
    isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? true),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
    encryptStringAsync: vi.fn(async (plain: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    }),
    decryptStringAsync: vi.fn(async (data: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: rotate };
    }),
    rotateKey: () => (rotate = true),
  };
  return api;
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rekey-secrets-'));
  file = path.join(dir, 'secrets.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const secret = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.refresh-token-value';

describe('SafeStorageSecretStore', () => {
  it('round-trips a secret and keeps only ciphertext on disk', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32' });
    await store.set('entra:contoso:token-cache', secret);
    expect(await store.get('entra:contoso:token-cache')).toBe(secret);

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('refresh-token-value');
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    const saved = JSON.parse(text) as { version: number; secrets: Record<string, string> };
    expect(saved.version).toBe(1);
    expect(Buffer.from(saved.secrets['entra:contoso:token-cache'] ?? '', 'base64').length).toBeGreaterThan(secret.length);
  });

  it('uses only the async safeStorage API', async () => {
    const safe = fakeSafeStorage();
    const store = new SafeStorageSecretStore(safe as SafeStorageLike, file, { platform: 'win32' });
    await store.set('a', 'b');
    await store.get('a');
    expect(safe.encryptStringAsync).toHaveBeenCalled();
    expect(safe.decryptStringAsync).toHaveBeenCalled();
    expect(safe.isAsyncEncryptionAvailable).toHaveBeenCalled();
  });

  it('refuses to save when encryption is unavailable, and writes nothing', async () => {
    const safe = fakeSafeStorage({ available: false });
    const store = new SafeStorageSecretStore(safe, file, { platform: 'win32' });
    await expect(store.set('okta:acme:api-token', secret)).rejects.toThrow(SecretStoreError);
    await expect(store.set('okta:acme:api-token', secret)).rejects.toThrow(/not save the secret/);
    expect(safe.encryptStringAsync).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses Linux's basic_text backend, whose key is hard-coded", async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage({ backend: 'basic_text' }), file, { platform: 'linux' });
    expect(await store.isAvailable()).toBe(false);
    await expect(store.set('x', secret)).rejects.toThrow(SecretStoreError);
  });

  it('returns null for a missing secret and deletes secrets', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32' });
    expect(await store.get('nothing-here')).toBeNull();
    await store.set('a', '1');
    await store.set('b', '2');
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('2');
  });

  it('keeps every update when writes race, and leaves no temp files', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`host-${i}`, `password-${i}`)));
    for (let i = 0; i < 20; i++) expect(await store.get(`host-${i}`)).toBe(`password-${i}`);
    expect(await readdir(dir)).toEqual(['secrets.json']);
  });

  it('re-encrypts when the OS says the key rotated', async () => {
    const safe = fakeSafeStorage();
    const store = new SafeStorageSecretStore(safe, file, { platform: 'win32' });
    await store.set('a', secret);
    const before = await readFile(file, 'utf8');
    safe.rotateKey();
    expect(await store.get('a')).toBe(secret);
    expect(await readFile(file, 'utf8')).not.toBe(before);
  });

  it('treats a secret that no longer decrypts as absent, without leaking it to the log', async () => {
    const log = vi.fn();
    await new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32' }).set('a', secret);
    // Another machine (another key) reads the file.
    const elsewhere = new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32', log });
    expect(await elsewhere.get('a')).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.mock.calls)).not.toContain(secret);
  });

  it('survives a damaged file: reads as empty, the next save replaces it', async () => {
    await writeFile(file, '{{ not json');
    const store = new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32' });
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'b');
    expect(await store.get('a')).toBe('b');
  });

  it('refuses names that could break the file or the object model', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), file, { platform: 'win32' });
    for (const name of ['', ' ', 'a b', 'x'.repeat(201), 'line\nbreak']) {
      await expect(store.set(name, 'v'), JSON.stringify(name)).rejects.toThrow(SecretStoreError);
    }
    await expect(store.get('__proto__')).resolves.toBeNull();
  });
});
