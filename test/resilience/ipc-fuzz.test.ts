// Every IPC channel fuzzed with fast-check: arbitrary junk (including values
// only structured clone carries: NaN, BigInt, Map, Date, typed arrays,
// "__proto__" keys) and near-valid requests (one key missing, one too many,
// one leaf of the wrong type or out of range). Through the real dispatcher
// (main/ipc/dispatch.ts), with handlers that record what they receive:
//   - no handler ever receives a payload its channel's schema rejects, and
//     what it receives is exactly the schema's parse of the payload;
//   - a payload the schema accepts does reach the handler;
//   - every answer is a well-formed envelope, and the dispatcher keeps serving.
// Then the same through the practice host's real WebSocket bridge, in front
// of the real handler table (main/handlers).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { channels, contractError, type ChannelName } from '../../preload/contract';
import { createDispatcher, HandlerError, type CallContext, type Handler, type HandlerTable } from '../../main/ipc/dispatch';
import { arbitraryFor, nearValid } from './harness/zod-arbitrary';

const ctx: CallContext = { transport: 'electron', operator: 'fuzzer' };
const names = Object.keys(channels) as ChannelName[];
const appInfo = { name: 'Rekey', version: '0.1.0', platform: 'linux', elevated: false, practice: true, host: 'practice-bridge' } as const;

const junk = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
  withUnicodeString: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')),
});

interface Received {
  channel: ChannelName;
  request: unknown;
}

/** A handler table whose handlers only record what reached them. */
function recordingTable(received: Received[]): HandlerTable {
  const table: Partial<Record<ChannelName, Handler<ChannelName>>> = {};
  for (const channel of names) {
    table[channel] = ((request: unknown) => {
      received.push({ channel, request });
      if (channel === 'app.info') return appInfo;
      // The reply does not matter here; a refusal with a reason is a normal answer.
      throw new HandlerError(`${channel} recorded the request.`);
    }) as Handler<ChannelName>;
  }
  return table as HandlerTable;
}

function expectEnvelope(reply: unknown): void {
  expect(typeof reply).toBe('object');
  const envelope = reply as { ok: unknown; error?: unknown };
  expect(typeof envelope.ok).toBe('boolean');
  if (envelope.ok === false) expect(contractError.safeParse(envelope.error).success).toBe(true);
}

describe('every IPC channel, fuzzed through the dispatcher', () => {
  const reachedHandler = new Map<ChannelName, number>();

  it.each(names)('%s: no handler sees a payload its schema rejects, and the dispatcher keeps serving', async (channel) => {
    const received: Received[] = [];
    const dispatcher = createDispatcher(recordingTable(received));
    const schema = channels[channel].request;
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: nearValid(schema), weight: 3 }, { arbitrary: junk, weight: 1 }), async (payload) => {
        received.length = 0;
        const reply = await dispatcher.dispatch(channel, payload, ctx, true);
        expectEnvelope(reply);
        const parsed = schema.safeParse(payload);
        if (parsed.success) {
          // Accepted: the handler ran once, with exactly the parsed value.
          expect(received).toHaveLength(1);
          expect(received[0]?.request).toEqual(parsed.data);
          reached++;
        } else {
          expect(received).toEqual([]);
          expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
        }
        const alive = await dispatcher.dispatch('app.info', undefined, ctx, true);
        expect(alive).toEqual({ ok: true, value: appInfo });
      }),
      { numRuns: 120 },
    );
    reachedHandler.set(channel, reached);
    // Not vacuous: some generated requests were valid and did reach the handler.
    expect(reached).toBeGreaterThan(0);
  });

  it('a junk channel name or an untrusted sender never reaches any handler', async () => {
    const received: Received[] = [];
    const dispatcher = createDispatcher(recordingTable(received));
    // Both transports hand the dispatcher a string channel (one ipcMain.handle per contract
    // channel; the bridge's frame schema): junk names are strings, hostile ones included.
    const channelNames = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'app.info ', 'APP.INFO', 'app', 'app.', '.info'));
    await fc.assert(
      fc.asyncProperty(channelNames.filter((name) => !(names as string[]).includes(name)), junk, async (channel, payload) => {
        const reply = await dispatcher.dispatch(channel, payload, ctx, true);
        expectEnvelope(reply);
        expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      }),
      { numRuns: 200 },
    );
    for (const channel of names) {
      const valid = fc.sample(arbitraryFor(channels[channel].request), 1)[0];
      expect(await dispatcher.dispatch(channel, valid, ctx, false)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(received).toEqual([]);
  });
});

describe('the practice host bridge, fuzzed over its WebSocket in front of the real handler table', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('answers every frame with an envelope, never hands a handler a rejected payload, and keeps the socket open', async () => {
    const { startPracticeHost } = await import('../../main/practice/host');
    const { createHandlers } = await import('../../main/handlers');
    const { memorySettingsStore } = await import('../../main/storage/settings');
    const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-fuzz-renderer-'));
    cleanup.push(() => rm(rendererDir, { recursive: true, force: true }));

    // The real table (an empty console: nothing connected, nothing saved), each handler wrapped to record its input.
    const real = createHandlers({ settings: memorySettingsStore(), appInfo: () => appInfo });
    const received: Received[] = [];
    const watched: Partial<Record<ChannelName, Handler<ChannelName>>> = {};
    for (const channel of names) {
      const handler = real[channel] as Handler<ChannelName>;
      watched[channel] = ((request: unknown, context: CallContext) => {
        received.push({ channel, request });
        return handler(request as never, context);
      }) as Handler<ChannelName>;
    }
    const host = await startPracticeHost({ rendererDir, handlers: watched as HandlerTable });
    cleanup.push(() => host.close());

    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${encodeURIComponent(host.token)}`, { headers: { origin: host.origin } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    cleanup.push(async () => socket.close());
    let closed = false;
    socket.on('close', () => (closed = true));
    const waiting = new Map<number, (envelope: unknown) => void>();
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; envelope?: unknown };
      if (typeof message.id === 'number') waiting.get(message.id)?.(message.envelope);
    });
    let nextId = 0;
    const call = (frame: string, id: number) =>
      new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to frame ${id} within 20 s`)), 20_000);
        waiting.set(id, (envelope) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(envelope);
        });
        socket.send(frame);
      });

    // Channels whose valid requests would start work that outlives the test (sign-ins, elevation) are sent junk only.
    const junkOnly = new Set<ChannelName>(['app.restartElevated', 'connections.add', 'connections.signIn']);
    let reachedRealHandlers = 0;
    const frames = fc.record({
      channel: fc.constantFrom(...names),
      variant: fc.nat(),
      junkValue: fc.jsonValue({ maxDepth: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(frames, async ({ channel, variant, junkValue }) => {
        const schema = channels[channel].request;
        const candidate = junkOnly.has(channel) || variant % 3 === 0 ? junkValue : fc.sample(nearValid(schema), { numRuns: 1, seed: variant })[0];
        // What a browser can send: JSON (a BigInt or a cycle never leaves the page).
        let json: string | undefined;
        try {
          json = JSON.stringify(candidate);
        } catch {
          json = JSON.stringify(junkValue);
        }
        const wire = json === undefined ? undefined : (JSON.parse(json) as unknown);
        if (junkOnly.has(channel) && schema.safeParse(wire).success) return; // never start a sign-in for real
        received.length = 0;
        const id = ++nextId;
        const envelope = await call(JSON.stringify({ id, channel, payload: wire }), id);
        expectEnvelope(envelope);
        if (received.length > 0) reachedRealHandlers++;
        for (const seen of received) {
          expect(seen.channel).toBe(channel);
          const parsed = schema.safeParse(wire);
          expect(parsed.success).toBe(true);
          expect(seen.request).toEqual(parsed.success ? parsed.data : undefined);
        }
        if (!schema.safeParse(wire).success) expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      }),
      { numRuns: 300 },
    );
    // Frames that are not even requests get a structured refusal; the socket stays open.
    for (const raw of ['not json', '{"id":1}', '[]', '{"id":"x","channel":"app.info"}', JSON.stringify({ id: 5, channel: 'app.info', payload: 'x'.repeat(200_000) })]) {
      const before = nextId;
      socket.send(raw);
      await new Promise((r) => setTimeout(r, 50));
      expect(nextId).toBe(before);
    }
    const id = ++nextId;
    expect(await call(JSON.stringify({ id, channel: 'app.info' }), id)).toEqual({ ok: true, value: appInfo });
    expect(closed).toBe(false);
    expect(reachedRealHandlers).toBeGreaterThan(20);
  });
});
