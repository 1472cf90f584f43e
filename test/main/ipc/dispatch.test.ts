import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, HandlerError, type CallContext, type HandlerTable } from '../../../main/ipc/dispatch';
import { defaultSettings, settingsPatch, type Settings } from '../../../preload/contract';

const ctx: CallContext = { transport: 'electron', operator: 'alice' };
const info = { name: 'Rekey', version: '0.1.0', platform: 'win32', elevated: false, practice: false, host: 'electron' } as const;

function table(overrides: Partial<HandlerTable> = {}) {
  const handlers = {
    'app.info': vi.fn(() => info),
    'settings.get': vi.fn(() => defaultSettings),
    'settings.set': vi.fn((patch: unknown): Settings => ({ ...defaultSettings, ...(patch as object) }) as Settings),
    ...overrides,
  };
  return handlers;
}

describe('createDispatcher', () => {
  it('runs the handler for a valid call and returns its reply', async () => {
    const handlers = table();
    const reply = await createDispatcher(handlers as HandlerTable).dispatch('settings.set', { theme: 'dark' }, ctx, true);
    expect(reply).toEqual({ ok: true, value: { ...defaultSettings, theme: 'dark' } });
    expect(handlers['settings.set']).toHaveBeenCalledWith({ theme: 'dark' }, ctx);
  });

  it.each([
    ['unknown theme', { theme: 'neon' }],
    ['out-of-range concurrency', { pacing: { maxConcurrency: 0 } }],
    ['fractional throttle', { pacing: { windowsThrottle: 2.5 } }],
    ['unknown key (strict)', { theme: 'dark', password: 'hunter2' }],
    ['a string', 'theme=dark'],
    ['an array', [{ theme: 'dark' }]],
    ['null', null],
    ['prototype pollution', JSON.parse('{"__proto__": {"admin": true}}')],
  ])('refuses a malformed settings.set payload (%s) without calling the handler', async (_label, payload) => {
    const handlers = table();
    const reply = await createDispatcher(handlers as HandlerTable).dispatch('settings.set', payload, ctx, true);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-request');
      expect(reply.error.issues?.length).toBeGreaterThan(0);
    }
    expect(handlers['settings.set']).not.toHaveBeenCalled();
  });

  it('accepts "no request" in its allowed forms for app.info and refuses anything else', async () => {
    const handlers = table();
    const dispatcher = createDispatcher(handlers as HandlerTable);
    for (const empty of [undefined, null, {}]) {
      expect((await dispatcher.dispatch('app.info', empty, ctx, true)).ok).toBe(true);
    }
    const junk = await dispatcher.dispatch('app.info', { verbose: true }, ctx, true);
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers['app.info']).toHaveBeenCalledTimes(3);
  });

  it.each(['accounts.delete', 'runPowerShell', '__proto__', 'constructor', 'toString', '', 42, null])('refuses unknown channel %s', async (channel) => {
    const handlers = table();
    const reply = await createDispatcher(handlers as HandlerTable).dispatch(channel, undefined, ctx, true);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an untrusted sender before looking at channel or payload', async () => {
    const handlers = table();
    const log = vi.fn();
    const dispatcher = createDispatcher(handlers as HandlerTable, log);
    const valid = await dispatcher.dispatch('settings.set', { theme: 'dark' }, ctx, false);
    expect(valid).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const unknown = await dispatcher.dispatch('nope', undefined, ctx, false);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handlers['settings.set']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('turns a throwing handler into "failed" with its message', async () => {
    const handlers = table({
      'settings.get': () => {
        throw new HandlerError('The settings file is locked by another program.');
      },
    });
    const reply = await createDispatcher(handlers as HandlerTable).dispatch('settings.get', undefined, ctx, true);
    expect(reply).toEqual({ ok: false, error: { code: 'failed', message: 'The settings file is locked by another program.' } });
  });

  it('turns a rejecting async handler into "failed"', async () => {
    const handlers = table({ 'app.info': async () => Promise.reject(new Error('boom')) });
    const reply = await createDispatcher(handlers as HandlerTable).dispatch('app.info', undefined, ctx, true);
    expect(reply).toMatchObject({ ok: false, error: { code: 'failed', message: 'boom' } });
  });

  it('refuses a reply outside the contract ("invalid-reply")', async () => {
    const handlers = table({ 'settings.get': () => ({ ...defaultSettings, theme: 'neon' }) as unknown as Settings });
    const reply = await createDispatcher(handlers as HandlerTable).dispatch('settings.get', undefined, ctx, true);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  });

  it('strips reply fields the contract does not declare', async () => {
    const handlers = table({ 'app.info': () => ({ ...info, token: 'secret' }) as typeof info });
    const reply = await createDispatcher(handlers as HandlerTable).dispatch('app.info', undefined, ctx, true);
    expect(reply.ok && JSON.stringify(reply.value)).not.toContain('secret');
  });

  it('property: junk never reaches settings.set unless it parses as a settings patch', async () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record(
        {
          theme: fc.oneof(fc.constantFrom('system', 'light', 'dark', 'high-contrast'), fc.string()),
          powershellEdition: fc.oneof(fc.constantFrom('windows-powershell', 'pwsh'), fc.anything()),
          pacing: fc.oneof(
            fc.record({ maxConcurrency: fc.oneof(fc.integer({ min: -5, max: 80 }), fc.double()), rateShare: fc.double() }, { requiredKeys: [] }),
            fc.anything(),
          ),
          extra: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    let reachedHandler = 0;
    await fc.assert(
      fc.asyncProperty(junk, async (payload) => {
        const handlers = table();
        const reply = await createDispatcher(handlers as HandlerTable).dispatch('settings.set', payload, ctx, true);
        const parses = settingsPatch.safeParse(payload).success;
        expect(vi.mocked(handlers['settings.set']).mock.calls.length).toBe(parses ? 1 : 0);
        if (parses) reachedHandler++;
        else expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      }),
      { numRuns: 500 },
    );
    // The generator must exercise both sides, or the property proves nothing.
    expect(reachedHandler).toBeGreaterThan(0);
    expect(reachedHandler).toBeLessThan(500);
  });
});
