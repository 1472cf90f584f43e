// Where window.rekey comes from. Inside Electron the preload has already put it
// on window. In a browser (the practice console) we build the very same API
// from the contract over the practice host's WebSocket bridge.
import type { RekeyApi } from '../../preload/contract';
import { buildRekeyApi, type Transport } from '../../preload/api';
import type { ConnectionState } from './connection-state';
import { createSocketTransport } from './socket-transport';
import { bridgeUrl, takeBridgeToken } from './token';

export interface RekeyConnection {
  api: RekeyApi;
  state(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}

const online: ConnectionState = { status: 'online' };
const noToken: ConnectionState = { status: 'no-token' };

/** Without a token every call is refused with a sentence saying how to open the console properly. */
const tokenlessTransport: Transport = {
  invoke: async () => ({
    ok: false,
    error: { code: 'unauthorized', message: 'This page was opened without its access token. Open the full address printed by npm run practice.' },
  }),
  subscribe: () => () => {},
};

export function connectRekey(win: Window & typeof globalThis): RekeyConnection {
  // The preload (Electron) exposes window.rekey; read it without declaring a global the preload may also declare.
  const fromPreload = (win as unknown as { rekey?: RekeyApi }).rekey;
  if (fromPreload) return { api: fromPreload, state: () => online, onStateChange: () => () => {} };

  const token = takeBridgeToken({ location: win.location, history: win.history, storage: safeSessionStorage(win) });
  if (!token) return { api: buildRekeyApi(tokenlessTransport), state: () => noToken, onStateChange: () => () => {} };

  const transport = createSocketTransport({
    url: bridgeUrl(win.location.host, token),
    openSocket: (url) => new win.WebSocket(url),
  });
  return { api: buildRekeyApi(transport), state: transport.state, onStateChange: transport.onStateChange };
}

function safeSessionStorage(win: Window & typeof globalThis): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}
