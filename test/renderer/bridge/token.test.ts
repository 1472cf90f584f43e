import { describe, expect, it } from 'vitest';
import { bridgeUrl, takeBridgeToken, tokenStorageKey } from '../../../renderer/bridge/token';

function fakeBrowser(hash: string, stored: Record<string, string> = {}) {
  const location = { hash, pathname: '/', search: '?lang=en' };
  const replaced: string[] = [];
  const history = {
    state: null,
    replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
      replaced.push(String(url));
      location.hash = '';
    },
  };
  const storage = {
    getItem: (key: string) => stored[key] ?? null,
    setItem: (key: string, value: string) => {
      stored[key] = value;
    },
  };
  return { location, history, storage, replaced, stored };
}

describe('takeBridgeToken', () => {
  it('reads the token from the fragment and removes it from the address bar', () => {
    const browser = fakeBrowser('#token=abc_DEF-123');
    expect(takeBridgeToken(browser)).toBe('abc_DEF-123');
    expect(browser.replaced).toEqual(['/?lang=en']);
    expect(browser.stored[tokenStorageKey]).toBe('abc_DEF-123');
  });

  it('falls back to the token kept for this tab, so a reload still connects', () => {
    const browser = fakeBrowser('', { [tokenStorageKey]: 'kept' });
    expect(takeBridgeToken(browser)).toBe('kept');
    expect(browser.replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeBridgeToken(fakeBrowser('#other=1'))).toBeNull();
  });

  it('still works when storage is disabled and throws', () => {
    const browser = fakeBrowser('#token=t1');
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(takeBridgeToken({ ...browser, storage: throwing })).toBe('t1');
    expect(takeBridgeToken({ ...fakeBrowser(''), storage: throwing })).toBeNull();
  });

  it('builds the bridge address on the page host with the token encoded', () => {
    expect(bridgeUrl('127.0.0.1:4000', 'a+b')).toBe('ws://127.0.0.1:4000/bridge?token=a%2Bb');
  });
});
