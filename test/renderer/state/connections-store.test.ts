import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../preload/contract';
import { idleActivity, useConnectionsStore, type ConnectionsApi } from '../../../renderer/state/connections-store';

const view = (id: string, change: Partial<ConnectionView> = {}): ConnectionView => ({
  id,
  kind: 'practice',
  directoryKind: 'entra',
  displayName: `Connection ${id}`,
  status: 'connected',
  practice: true,
  facts: [],
  warnings: [],
  ...change,
});

const refused = (message: string) => ({ name: 'RekeyCallError', code: 'failed', message });

function fakeApi(change: Partial<ConnectionsApi> = {}): ConnectionsApi {
  return {
    list: async () => [view('practice')],
    add: async (request) => view(request.kind, { kind: request.kind }),
    remove: async () => ({ removed: true }),
    signIn: async ({ id }) => view(id, { status: 'connected' }),
    signOut: async ({ id }) => view(id, { status: 'signed-out' }),
    check: async () => [{ severity: 'ok', title: 'Practice tenant is running' }],
    importHosts: async () => ({ hosts: [], problems: [] }),
    ...change,
  };
}

const store = () => useConnectionsStore.getState();

beforeEach(() => useConnectionsStore.setState({ phase: 'idle', connections: [], error: null, activity: {}, prompt: null }));

describe('connections store', () => {
  it('reads the list, and keeps the last good list when a later read fails', async () => {
    await store().refresh(fakeApi());
    expect(store().phase).toBe('loaded');
    expect(store().connections.map((c) => c.id)).toEqual(['practice']);
    await store().refresh(fakeApi({ list: async () => Promise.reject(refused('Offline.')) }));
    expect(store().phase).toBe('loaded');
    expect(store().error).toBe('Offline.');
    expect(store().connections).toHaveLength(1);
  });

  it('fails the first read with the sentence', async () => {
    await store().refresh(fakeApi({ list: async () => Promise.reject(refused('The host refused.')) }));
    expect(store().phase).toBe('failed');
    expect(store().error).toBe('The host refused.');
  });

  it('adds a connection and shows the view main returned; a refusal reaches the caller', async () => {
    await store().add(fakeApi(), { kind: 'practice' });
    expect(store().connections.map((c) => c.id)).toEqual(['practice']);
    await expect(store().add(fakeApi({ add: async () => Promise.reject(refused('Not on Windows.')) }), { kind: 'windows-local' })).rejects.toMatchObject({ message: 'Not on Windows.' });
  });

  it('keeps Check findings per connection and the last action error on the card', async () => {
    await store().refresh(fakeApi());
    await store().check(fakeApi(), 'practice');
    expect(store().activity.practice?.diagnostics).toEqual([{ severity: 'ok', title: 'Practice tenant is running' }]);
    await store().signOut(fakeApi({ signOut: async () => Promise.reject(refused('Could not sign out.')) }), 'practice');
    expect(store().activity.practice).toMatchObject({ busy: null, error: 'Could not sign out.' });
    await store().signOut(fakeApi(), 'practice');
    expect(store().activity.practice?.error).toBeNull();
    expect(store().connections[0]?.status).toBe('signed-out');
  });

  it('shows busy while an action runs', async () => {
    let finish: (() => void) | null = null;
    const api = fakeApi({ check: () => new Promise((resolve) => (finish = () => resolve([])) as unknown) });
    const running = store().check(api, 'practice');
    expect(store().activity.practice?.busy).toBe('checking');
    (finish as unknown as () => void)();
    await running;
    expect(store().activity.practice?.busy).toBeNull();
  });

  it('clears a device-code prompt when the sign-in finishes, and forgets a removed connection', async () => {
    await store().refresh(fakeApi());
    store().showPrompt({ id: 'practice', message: 'Enter the code', userCode: 'ABCD-1234', verificationUri: 'https://microsoft.com/devicelogin' });
    await store().signIn(fakeApi(), 'practice');
    expect(store().prompt).toBeNull();
    await store().remove(fakeApi(), 'practice');
    expect(store().connections).toEqual([]);
    expect(store().activity.practice ?? idleActivity).toEqual(idleActivity);
  });
});
