// The practice bridge's Transport for preload/api.ts buildRekeyApi: calls go
// out as {id, channel, payload} over a WebSocket and come back as
// {id, envelope}; events arrive as {event, payload} (see
// main/practice/host.ts for the other end). When the socket drops, calls in
// flight fail with a sentence the operator can act on, and the transport
// reconnects with backoff while the UI shows "offline".
import type { ChannelName, Envelope, EventName } from '../../preload/contract';
import { knownEvents, type Transport } from '../../preload/api';
import { reconnectDelay, type ConnectionState } from './connection-state';

/** The part of the browser WebSocket the transport uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SocketTransportOptions {
  url: string;
  openSocket: (url: string) => SocketLike;
  timers?: Timers;
}

export interface SocketTransport extends Transport {
  state(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Stop for good: close the socket, cancel the retry, fail what is waiting. */
  dispose(): void;
}

const OPEN = 1;

const lostMessage = 'The connection to the practice host dropped before it answered. Rekey reconnects on its own; try again once it shows online.';
const offlineMessage = 'Rekey is offline: the practice host is not answering. Check that npm run practice is still running; a new launch prints a new address to open.';

function failed(message: string): Envelope<never> {
  return { ok: false, error: { code: 'failed', message } };
}

export function createSocketTransport({ url, openSocket, timers = globalThis }: SocketTransportOptions): SocketTransport {
  let current: ConnectionState = { status: 'connecting', everConnected: false };
  let socket: SocketLike | null = null;
  let retry: unknown = null;
  let disposed = false;
  let everConnected = false;
  let failedAttempts = 0;
  let nextId = 1;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Calls made while a connection attempt is under way; sent when it opens. */
  const queued: string[] = [];
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function setState(next: ConnectionState): void {
    current = next;
    for (const listener of stateListeners) listener(next);
  }

  function failAll(message: string): void {
    queued.length = 0;
    for (const resolve of pending.values()) resolve(failed(message));
    pending.clear();
  }

  function connect(): void {
    retry = null;
    setState({ status: 'connecting', everConnected });
    const ws = openSocket(url);
    socket = ws;
    ws.onopen = () => {
      everConnected = true;
      failedAttempts = 0;
      setState({ status: 'online' });
      for (const frame of queued.splice(0)) ws.send(frame);
    };
    ws.onmessage = (event) => receive(event.data);
    // An error is always followed by close; reconnecting happens there, once.
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll(lostMessage);
      if (disposed) return;
      failedAttempts += 1;
      const retryInMs = reconnectDelay(failedAttempts);
      setState({ status: 'offline', everConnected, failedAttempts, retryInMs });
      retry = timers.setTimeout(connect, retryInMs);
    };
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const frame = message as { id?: unknown; envelope?: unknown; event?: unknown; payload?: unknown };
    if (typeof frame.id === 'number' && isEnvelope(frame.envelope)) {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      resolve?.(frame.envelope);
      return;
    }
    if (typeof frame.event === 'string' && (knownEvents as string[]).includes(frame.event)) {
      for (const listener of eventListeners.get(frame.event as EventName) ?? []) listener(frame.payload);
    }
  }

  connect();

  return {
    invoke(channel: ChannelName, request: unknown): Promise<Envelope<unknown>> {
      if (disposed || current.status === 'offline') return Promise.resolve(failed(offlineMessage));
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, payload: request });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket && socket.readyState === OPEN) socket.send(frame);
        else queued.push(frame);
      });
    },
    subscribe(event, listener) {
      const listeners = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, listeners);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => current,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (retry !== null) timers.clearTimeout(retry);
      const ws = socket;
      socket = null;
      ws?.close();
      failAll(lostMessage);
    },
  };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as { ok?: unknown; error?: unknown };
  if (envelope.ok === true) return 'value' in envelope;
  return envelope.ok === false && typeof envelope.error === 'object' && envelope.error !== null;
}
