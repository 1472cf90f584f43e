// MSAL's token cache, persisted through the SecretStore port (encrypted at
// rest by its implementation: Electron safeStorage's async API in the app,
// AES-GCM in tests). Never written in clear text anywhere.
//
// MSAL expects beforeCacheAccess to deserialize the cache every time (its
// refresh-token lookup misses otherwise). The store is read once, on first
// access; after that the last serialized snapshot is kept in memory (one
// connection owns one secret name) and every change is written through.
// Writes are serialised so an older snapshot never overwrites a newer one.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretStore } from '../core/ports';

export class SecretStoreCachePlugin implements ICachePlugin {
  /** undefined: not read from the store yet; null: nothing stored. */
  private snapshot: string | null | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly secrets: SecretStore,
    readonly secretName: string,
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.snapshot === undefined) this.snapshot = await this.secrets.get(this.secretName);
    if (this.snapshot) context.tokenCache.deserialize(this.snapshot);
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const snapshot = context.tokenCache.serialize();
    this.snapshot = snapshot;
    const write = this.writes.then(() => this.secrets.set(this.secretName, snapshot));
    // A failed write must not block later ones; the failure still reaches this caller.
    this.writes = write.catch(() => undefined);
    await write;
  }

  /** Forget the persisted cache (sign-out). */
  async clear(): Promise<void> {
    await this.writes;
    this.snapshot = null;
    await this.secrets.delete(this.secretName);
  }
}
