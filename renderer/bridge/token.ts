// The practice console's address carries the bridge token in the fragment
// (#token=...), which browsers never send to a server or put in a Referer.
// We take it out of the address bar at once, so it does not end up in
// screenshots, history or a copied link, and keep it for this tab only so a
// reload still connects.

export const tokenStorageKey = 'rekey.bridgeToken';

export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** sessionStorage; may be missing or throw (storage disabled). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function takeBridgeToken({ location, history, storage }: TokenSources): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    tryStorage(() => storage?.setItem(tokenStorageKey, fromHash));
    return fromHash;
  }
  return tryStorage(() => storage?.getItem(tokenStorageKey)) ?? null;
}

function tryStorage<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

export function bridgeUrl(host: string, token: string): string {
  return `ws://${host}/bridge?token=${encodeURIComponent(token)}`;
}
