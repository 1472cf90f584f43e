import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/handlers';
import { createDispatcher, type CallContext } from '../../../main/ipc/dispatch';
import { memorySettingsStore } from '../../../main/storage/settings';
import { channels, defaultSettings, type AppInfo } from '../../../preload/contract';

const info: AppInfo = { name: 'Rekey', version: '9.9.9', platform: 'win32', elevated: true, practice: false, host: 'electron' };
const ctx: CallContext = { transport: 'electron', operator: 'tester' };

describe('createHandlers', () => {
  it('has a handler for exactly the channels in the contract', () => {
    const handlers = createHandlers({ settings: memorySettingsStore(), appInfo: () => info });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort());
  });

  it('answers app.info with what the host says about itself', async () => {
    const dispatcher = createDispatcher(createHandlers({ settings: memorySettingsStore(), appInfo: () => info }));
    expect(await dispatcher.dispatch('app.info', undefined, ctx, true)).toEqual({ ok: true, value: info });
  });

  it('saves settings through the store it was given', async () => {
    const store = memorySettingsStore();
    const dispatcher = createDispatcher(createHandlers({ settings: store, appInfo: () => info }));
    const reply = await dispatcher.dispatch('settings.set', { powershellEdition: 'pwsh', pacing: { rateShare: 0.5 } }, ctx, true);
    expect(reply.ok).toBe(true);
    expect(store.get()).toEqual({ ...defaultSettings, powershellEdition: 'pwsh', pacing: { ...defaultSettings.pacing, rateShare: 0.5 } });
    expect(await dispatcher.dispatch('settings.get', undefined, ctx, true)).toEqual({ ok: true, value: store.get() });
  });
});
