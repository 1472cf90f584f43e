// The SecretStore (main/core/ports.ts) of the desktop app: token caches, keys
// and session passwords encrypted with Electron safeStorage (DPAPI on Windows,
// Keychain on macOS, the desktop secret service on Linux) and kept as base64
// ciphertext in one JSON file under userData. It uses safeStorage's async API
// (the sync one is deprecated) and refuses to store anything when encryption
// is unavailable: a clear-text fallback would defeat the point.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/ports';

export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SecretStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

interface SecretFile {
  version: 1;
  /** name -> base64 ciphertext from safeStorage. */
  secrets: Record<string, string>;
}

const NAME = /^[A-Za-z0-9._:@/-]{1,200}$/;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new SecretStoreError('A secret name must be 1-200 letters, digits or . _ : @ / - characters.');
  }
  return name;
}

export interface SafeStorageSecretStoreOptions {
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
}

export class SafeStorageSecretStore implements SecretStore {
  private readonly platform: NodeJS.Platform;
  private readonly log: (line: string) => void;
  /** Writes are serialised so two concurrent set() calls cannot lose each other's update. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly filePath: string,
    options: SafeStorageSecretStoreOptions = {},
  ) {
    this.platform = options.platform ?? process.platform;
    this.log = options.log ?? (() => {});
  }

  /** True when secrets can be encrypted here. On Linux the "basic_text" backend uses a hard-coded key, which is no protection. */
  async isAvailable(): Promise<boolean> {
    if (!(await this.safeStorage.isAsyncEncryptionAvailable())) return false;
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  }

  async get(name: string): Promise<string | null> {
    checkName(name);
    const file = await this.load();
    const cipher = file.secrets[name];
    if (cipher === undefined) return null;
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.safeStorage.decryptStringAsync(Buffer.from(cipher, 'base64'));
    } catch {
      // E.g. the profile was restored on another machine: the secret is gone, the operator signs in again.
      this.log(`the stored secret "${name}" can no longer be decrypted on this machine and was ignored`);
      return null;
    }
    if (decrypted.shouldReEncrypt) {
      // The OS rotated or upgraded its key: store the secret again under the new one.
      await this.set(name, decrypted.result).catch((error: unknown) => {
        this.log(`the stored secret "${name}" could not be re-encrypted: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return decrypted.result;
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    if (typeof value !== 'string') throw new SecretStoreError('A secret value must be text.');
    return this.serialise(async () => {
      if (!(await this.isAvailable())) {
        throw new SecretStoreError(
          'Rekey did not save the secret because this machine offers no OS encryption for it (Electron safeStorage is unavailable); sign in again next time, or run Rekey in a desktop session with a keyring.',
        );
      }
      const cipher = await this.safeStorage.encryptStringAsync(value);
      const file = await this.load();
      file.secrets[name] = Buffer.from(cipher).toString('base64');
      await this.save(file);
    });
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    return this.serialise(async () => {
      const file = await this.load();
      if (!(name in file.secrets)) return;
      delete file.secrets[name];
      await this.save(file);
    });
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<SecretFile> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: Object.create(null) as Record<string, string> };
      throw new SecretStoreError(`Rekey could not read its secret store at ${this.filePath}: ${(error as Error).message}`);
    }
    const secrets = Object.create(null) as Record<string, string>;
    try {
      const parsed = JSON.parse(text) as Partial<SecretFile>;
      for (const [name, cipher] of Object.entries(parsed.secrets ?? {})) {
        if (NAME.test(name) && typeof cipher === 'string') secrets[name] = cipher;
      }
    } catch {
      // A damaged file holds nothing we could decrypt anyway; the next write replaces it.
      this.log(`the secret store at ${this.filePath} is damaged and was treated as empty`);
    }
    return { version: 1, secrets };
  }

  /** Write to a temp file and rename over the old one, so a crash never leaves half a file. */
  private async save(file: SecretFile): Promise<void> {
    await mkdir(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify({ version: 1, secrets: { ...file.secrets } }, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, this.filePath);
    } catch (error) {
      await rm(temp, { force: true });
      throw new SecretStoreError(`Rekey could not save its secret store at ${this.filePath}: ${(error as Error).message}`);
    }
  }
}
