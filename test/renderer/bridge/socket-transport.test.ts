import { describe, expect, it } from 'vitest';
import { buildRekeyApi, RekeyCallError } from '../../../preload/api';
import { reconnectDelay, type ConnectionState } from '../../../renderer/bridge/connection-state';
import { createSocketTransport, type SocketLike, type Timers } from '../../../renderer/bridge/socket-transport';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  drop() {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.({} as CloseEvent);
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
  lastRequest(): { id: number; channel: string; payload: unknown } {
    return JSON.parse(this.sent.at(-1) ?? 'null');
  }
}

/** Timers the test fires by hand: no real waiting, no timed assertions. */
class ManualTimers implements Timers {
  waiting: { callback: () => void; ms: number; handle: number }[] = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number) {
    const handle = this.next++;
    this.waiting.push({ callback, ms, handle });
    return handle;
  }
  clearTimeout(handle: unknown) {
    this.waiting = this.waiting.filter((timer) => timer.handle !== handle);
  }
  fire() {
    const due = this.waiting.shift();
    if (!due) throw new Error('no timer waiting');
    due.callback();
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const transport = createSocketTransport({
    url: 'ws://127.0.0.1:1/bridge?token=t',
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    timers,
  });
  const states: ConnectionState[] = [];
  transport.onStateChange((state) => states.push(state));
  const current = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  };
  return { transport, sockets, timers, states, current, api: buildRekeyApi(transport) };
}

const practiceInfo = { name: 'Rekey', version: '0.1.0', platform: 'linux', elevated: false, practice: true, host: 'practice-bridge' };

describe('practice bridge transport', () => {
  it('queues calls made while connecting and sends them once the socket opens', async () => {
    const { api, current, transport } = setup();
    expect(transport.state()).toEqual({ status: 'connecting', everConnected: false });
    const info = api.app.info();
    expect(current().sent).toEqual([]);
    current().open();
    expect(current().lastRequest()).toMatchObject({ channel: 'app.info' });
    current().receive({ id: current().lastRequest().id, envelope: { ok: true, value: practiceInfo } });
    await expect(info).resolves.toEqual(practiceInfo);
    expect(transport.state()).toEqual({ status: 'online' });
  });

  it('turns a refusal envelope into a RekeyCallError with the code and message', async () => {
    const { api, current } = setup();
    current().open();
    const saving = api.settings.set({ theme: 'dark' });
    current().receive({ id: current().lastRequest().id, envelope: { ok: false, error: { code: 'invalid-request', message: 'The request was refused.' } } });
    const error = await saving.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RekeyCallError);
    expect(error).toMatchObject({ code: 'invalid-request', message: 'The request was refused.' });
  });

  it('matches replies to calls by id, whatever order they arrive in', async () => {
    const { api, current } = setup();
    current().open();
    const first = api.settings.get();
    const firstId = current().lastRequest().id;
    const second = api.app.info();
    const secondId = current().lastRequest().id;
    current().receive({ id: secondId, envelope: { ok: true, value: 'second' } });
    current().receive({ id: firstId, envelope: { ok: true, value: 'first' } });
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
  });

  it('fails calls in flight when the socket drops, goes offline, and reconnects with growing backoff', async () => {
    const { api, current, sockets, timers, transport, states } = setup();
    current().open();
    const inFlight = api.app.info();
    current().drop();
    await expect(inFlight).rejects.toThrow(/dropped before it answered/);
    expect(transport.state()).toEqual({ status: 'offline', everConnected: true, failedAttempts: 1, retryInMs: reconnectDelay(1) });

    // While offline a call fails at once with a sentence, instead of hanging.
    await expect(api.settings.get()).rejects.toThrow(/offline/);

    timers.fire();
    expect(sockets).toHaveLength(2);
    expect(transport.state()).toEqual({ status: 'connecting', everConnected: true });
    current().drop();
    expect(transport.state()).toMatchObject({ status: 'offline', failedAttempts: 2, retryInMs: reconnectDelay(2) });
    expect(reconnectDelay(2)).toBeGreaterThan(reconnectDelay(1));

    timers.fire();
    current().open();
    expect(transport.state()).toEqual({ status: 'online' });
    expect(states.map((state) => state.status)).toEqual(['online', 'offline', 'connecting', 'offline', 'connecting', 'online']);
    // A success resets the backoff.
    current().drop();
    expect(transport.state()).toMatchObject({ failedAttempts: 1, retryInMs: reconnectDelay(1) });
  });

  it('caps the backoff at 10 seconds', () => {
    expect(reconnectDelay(1)).toBe(500);
    expect(reconnectDelay(50)).toBe(10_000);
  });

  it('ignores frames it cannot match or read', async () => {
    const { api, current } = setup();
    current().open();
    const info = api.app.info();
    const id = current().lastRequest().id;
    current().onmessage?.({ data: 'garbage' } as MessageEvent);
    current().receive({ id: id + 100, envelope: { ok: true, value: 'stray' } });
    current().receive({ id, envelope: 'not an envelope' });
    current().receive({ id, envelope: { ok: true, value: practiceInfo } });
    await expect(info).resolves.toEqual(practiceInfo);
  });

  it('stops for good on dispose: closes the socket and never reconnects', async () => {
    const { current, timers, transport, api } = setup();
    current().open();
    const waiting = api.app.info();
    transport.dispose();
    expect(current().closed).toBe(true);
    await expect(waiting).rejects.toThrow(/dropped/);
    current().drop();
    expect(timers.waiting).toHaveLength(0);
    await expect(api.app.info()).rejects.toThrow(/offline/);
  });
});
