// The Connections screen's state: the connections as main last described
// them, what the operator is doing to each (sign in, check, remove), the
// diagnostics of the last Check, and a sign-in prompt (device code) waiting
// for the operator. Main is the truth: every action ends with its view of the
// connection, and connections.changed makes the list be read again.
import { create } from 'zustand';
import type { z } from 'zod';
import type { AddConnectionRequest, ConnectionView, diagnostic, EventPayloadOf, RekeyApi } from '../../preload/contract';
import { callErrorMessage } from '../lib/errors';

export type ConnectionsApi = RekeyApi['connections'];
export type Diagnostic = z.infer<typeof diagnostic>;
export type ConnectionOperation = 'signing-in' | 'signing-out' | 'checking' | 'removing';
export type SignInPrompt = EventPayloadOf<'connections.prompt'>;

export interface ConnectionActivity {
  busy: ConnectionOperation | null;
  /** The last action's failure, as a sentence. */
  error: string | null;
  /** The last Check's findings. */
  diagnostics: Diagnostic[] | null;
}

export const idleActivity: ConnectionActivity = { busy: null, error: null, diagnostics: null };

export interface ConnectionsState {
  phase: 'idle' | 'loading' | 'loaded' | 'failed';
  connections: ConnectionView[];
  /** Why the list could not be read. */
  error: string | null;
  activity: Record<string, ConnectionActivity>;
  prompt: SignInPrompt | null;
  refresh(api: Pick<ConnectionsApi, 'list'>): Promise<void>;
  /** Add a connection; rejects with the sentence to show in the form. */
  add(api: Pick<ConnectionsApi, 'add'>, request: AddConnectionRequest): Promise<ConnectionView>;
  signIn(api: Pick<ConnectionsApi, 'signIn'>, id: string): Promise<void>;
  signOut(api: Pick<ConnectionsApi, 'signOut'>, id: string): Promise<void>;
  check(api: Pick<ConnectionsApi, 'check'>, id: string): Promise<void>;
  remove(api: Pick<ConnectionsApi, 'remove'>, id: string): Promise<void>;
  showPrompt(prompt: SignInPrompt | null): void;
}

export const useConnectionsStore = create<ConnectionsState>()((set, get) => {
  const patch = (id: string, change: Partial<ConnectionActivity>) =>
    set((state) => ({ activity: { ...state.activity, [id]: { ...(state.activity[id] ?? idleActivity), ...change } } }));

  const upsert = (view: ConnectionView) =>
    set((state) => {
      const index = state.connections.findIndex((connection) => connection.id === view.id);
      const connections = index === -1 ? [...state.connections, view] : state.connections.map((connection, i) => (i === index ? view : connection));
      return { connections };
    });

  /** Run one action on one connection: busy while it runs, its error kept for the card. */
  async function act<T>(id: string, busy: ConnectionOperation, run: () => Promise<T>, done: (result: T) => void): Promise<void> {
    patch(id, { busy, error: null });
    try {
      const result = await run();
      patch(id, { busy: null });
      done(result);
    } catch (error) {
      patch(id, { busy: null, error: callErrorMessage(error) });
    }
  }

  // A slow answer to an earlier list call must not overwrite a newer one.
  let listGeneration = 0;

  return {
    phase: 'idle',
    connections: [],
    error: null,
    activity: {},
    prompt: null,

    refresh: async (api) => {
      const mine = ++listGeneration;
      if (get().phase !== 'loaded') set({ phase: 'loading' });
      try {
        const connections = await api.list();
        if (mine === listGeneration) set({ phase: 'loaded', connections, error: null });
      } catch (error) {
        if (mine === listGeneration) set({ phase: get().phase === 'loaded' ? 'loaded' : 'failed', error: callErrorMessage(error) });
      }
    },

    add: async (api, request) => {
      const view = await api.add(request);
      upsert(view);
      return view;
    },

    signIn: (api, id) =>
      act(id, 'signing-in', () => api.signIn({ id }), (view) => {
        upsert(view);
        if (get().prompt?.id === id) set({ prompt: null });
      }),

    signOut: (api, id) => act(id, 'signing-out', () => api.signOut({ id }), upsert),

    check: (api, id) => act(id, 'checking', () => api.check({ id }), (diagnostics) => patch(id, { diagnostics })),

    remove: (api, id) =>
      act(id, 'removing', () => api.remove({ id }), () => {
        set((state) => {
          const activity = { ...state.activity };
          delete activity[id];
          return { connections: state.connections.filter((connection) => connection.id !== id), activity };
        });
      }),

    showPrompt: (prompt) => set({ prompt }),
  };
});
