import { z } from 'zod';
import type * as Contract from '../../preload/contract';
import { describe, expect, it, vi } from 'vitest';

// Give the contract one event stream so subscriptions can be tested for real.
vi.mock('../../preload/contract', async (importOriginal) => {
  const actual = await importOriginal<typeof Contract>();
  const events = { 'run.progress': actual.event({ payload: z.object({ done: z.number() }), summary: 'Progress.' }) };
  return { ...actual, events, isEventName: (name: unknown) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name) };
});

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, _request: unknown): Promise<unknown> => ({ ok: true, value: null })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  }),
  send: vi.fn(),
  sendSync: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

await import('../../preload/index');
const { channels } = await import('../../preload/contract');

type Api = Record<string, Record<string, (request?: unknown) => Promise<unknown>>> & {
  on(event: string, listener: (payload: unknown) => void): () => void;
};
const api = exposed.get('rekey') as Api;

/** Every value reachable from the exposed object, functions included. */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    if (seen.has(value)) return seen;
    seen.add(value);
    for (const key of Reflect.ownKeys(value as object)) reachable((value as Record<PropertyKey, unknown>)[key], seen);
  }
  return seen;
}

describe('preload', () => {
  it('exposes exactly one global, window.rekey', () => {
    expect([...exposed.keys()]).toEqual(['rekey']);
  });

  it('has one method per channel, grouped by domain', () => {
    for (const name of Object.keys(channels)) {
      const [domain, verb] = name.split('.') as [string, string];
      expect(typeof api[domain]?.[verb], name).toBe('function');
    }
    const methodCount = Object.entries(api).filter(([key]) => key !== 'on').reduce((n, [, group]) => n + Object.keys(group).length, 0);
    expect(methodCount).toBe(Object.keys(channels).length);
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const all = reachable(api);
    expect(all.has(ipcRenderer)).toBe(false);
    for (const fn of Object.values(ipcRenderer)) expect(all.has(fn)).toBe(false);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
  });

  it('invokes the wire channel and resolves with the envelope value', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { theme: 'dark' } });
    await expect(api.settings?.get?.()).resolves.toEqual({ theme: 'dark' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('rekey:settings.get', undefined);
  });

  it('rejects with the contract error in a form that survives the bridge copy', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden-sender', message: 'Calls are accepted only from the Rekey window.' } });
    const error = await api.settings?.set?.({ theme: 'dark' }).catch((e: unknown) => e);
    // contextBridge copies a rejection like a structured clone: custom Error properties would be lost.
    expect(structuredClone(error)).toEqual({ name: 'RekeyCallError', code: 'forbidden-sender', message: 'Calls are accepted only from the Rekey window.' });
  });

  it('turns a broken reply or a failed invoke into contract errors', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce('not an envelope');
    await expect(api.app?.info?.()).rejects.toMatchObject({ code: 'invalid-reply' });
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'rekey:app.info'"));
    await expect(api.app?.info?.()).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('No handler registered') });
  });

  it('on refuses unknown events', () => {
    expect(() => api.on('shell.exec', () => {})).toThrow();
    try {
      api.on('shell.exec', () => {});
    } catch (error) {
      expect(structuredClone(error)).toMatchObject({ code: 'unknown-channel' });
    }
    expect(ipcRenderer.on).not.toHaveBeenCalledWith('rekey-event:shell.exec', expect.anything());
  });

  it('delivers event payloads without the IpcRendererEvent, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api.on('run.progress', (...args: unknown[]) => received.push(args));
    const senderEvent = { sender: ipcRenderer, senderId: 0 };
    for (const listener of listeners.get('rekey-event:run.progress') ?? []) listener(senderEvent, { done: 2 });
    expect(received).toEqual([[{ done: 2 }]]);
    off();
    expect(listeners.get('rekey-event:run.progress')?.size).toBe(0);
  });
});
