import { describe, expect, it, vi } from 'vitest';
import { buildRekeyApi, RekeyCallError, type Transport } from '../../preload/api';
import { channels, defaultSettings, type Envelope } from '../../preload/contract';

function transport(reply: Envelope<unknown> = { ok: true, value: defaultSettings }) {
  const t = {
    invoke: vi.fn(async (_channel: string, _request: unknown) => reply),
    subscribe: vi.fn((_event: string, _listener: (payload: unknown) => void) => () => {}),
  };
  return t as typeof t & Transport;
}

describe('buildRekeyApi', () => {
  it('has one method per contract channel, grouped by domain, plus on', () => {
    const api = buildRekeyApi(transport()) as unknown as Record<string, Record<string, unknown>>;
    const expected = new Map<string, string[]>();
    for (const name of Object.keys(channels)) {
      const [domain, verb] = name.split('.') as [string, string];
      expected.set(domain, [...(expected.get(domain) ?? []), verb]);
    }
    expect(Object.keys(api).sort()).toEqual([...expected.keys(), 'on'].sort());
    for (const [domain, verbs] of expected) {
      expect(Object.keys(api[domain] ?? {}).sort()).toEqual(verbs.sort());
      for (const verb of verbs) expect(typeof api[domain]?.[verb]).toBe('function');
    }
    expect(typeof api.on).toBe('function');
  });

  it('calls the transport with the channel name and request, resolving with the value', async () => {
    const t = transport();
    const api = buildRekeyApi(t);
    await expect(api.settings.set({ theme: 'dark' })).resolves.toEqual(defaultSettings);
    expect(t.invoke).toHaveBeenCalledWith('settings.set', { theme: 'dark' });
  });

  it('rejects with the contract error', async () => {
    const t = transport({ ok: false, error: { code: 'invalid-request', message: 'The request for settings.set was refused.', issues: [{ path: 'theme', message: 'Invalid option' }] } });
    const api = buildRekeyApi(t);
    const error = await api.settings.set({ theme: 'dark' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RekeyCallError);
    expect(error).toMatchObject({ code: 'invalid-request', message: 'The request for settings.set was refused.', issues: [{ path: 'theme' }] });
  });

  it('on refuses unknown events without subscribing', () => {
    const t = transport();
    const api = buildRekeyApi(t);
    expect(() => (api.on as (e: string, l: () => void) => void)('shell.exec', () => {})).toThrow(RekeyCallError);
    expect(t.subscribe).not.toHaveBeenCalled();
  });

  it('is frozen, so page code cannot swap a method', () => {
    const api = buildRekeyApi(transport()) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.settings)).toBe(true);
  });
});
