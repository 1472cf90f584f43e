// The MSAL cache plugin: reads the SecretStore once, writes every change, in order.
import type { TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../main/core/ports';
import { SecretStoreCachePlugin } from '../../../main/entra/cache-plugin';

function context(serialized: () => string, changed: boolean, deserialized: string[] = []): TokenCacheContext {
  return {
    cacheHasChanged: changed,
    tokenCache: { serialize: serialized, deserialize: (value: string) => void deserialized.push(value) },
  } as unknown as TokenCacheContext;
}

function slowStore(): SecretStore & { reads: number; writes: string[] } {
  const values = new Map<string, string>();
  const store = {
    reads: 0,
    writes: [] as string[],
    get: async (name: string) => {
      store.reads++;
      return values.get(name) ?? null;
    },
    set: async (name: string, value: string) => {
      // The first write is slower than the second: order must still hold.
      await new Promise((r) => setTimeout(r, value === 'v1' ? 30 : 1));
      values.set(name, value);
      store.writes.push(value);
    },
    delete: async (name: string) => void values.delete(name),
  };
  return store;
}

describe('SecretStoreCachePlugin', () => {
  it('loads the stored cache once, then deserializes the latest snapshot on every access', async () => {
    const store = slowStore();
    await store.set('cache', 'stored');
    const plugin = new SecretStoreCachePlugin(store, 'cache');
    const seen: string[] = [];
    await plugin.beforeCacheAccess(context(() => '', false, seen));
    await plugin.afterCacheAccess(context(() => 'v2', true));
    await plugin.beforeCacheAccess(context(() => '', false, seen));
    expect(store.reads).toBe(1);
    expect(seen).toEqual(['stored', 'v2']);
  });

  it('writes changes in the order they happened and skips unchanged caches', async () => {
    const store = slowStore();
    const plugin = new SecretStoreCachePlugin(store, 'cache');
    await Promise.all([plugin.afterCacheAccess(context(() => 'v1', true)), plugin.afterCacheAccess(context(() => 'unchanged', false)), plugin.afterCacheAccess(context(() => 'v3', true))]);
    expect(store.writes).toEqual(['v1', 'v3']);
    expect(await store.get('cache')).toBe('v3');
  });

  it('clears the stored cache on sign-out', async () => {
    const store = slowStore();
    const plugin = new SecretStoreCachePlugin(store, 'cache');
    await plugin.afterCacheAccess(context(() => 'v9', true));
    await plugin.clear();
    expect(await store.get('cache')).toBeNull();
    const seen: string[] = [];
    await plugin.beforeCacheAccess(context(() => '', false, seen));
    expect(seen).toEqual([]);
  });
});
