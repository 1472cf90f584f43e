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

  it('without console services, serves an empty console that keeps everything in memory', async () => {
    const dispatcher = createDispatcher(createHandlers({ settings: memorySettingsStore(), appInfo: () => info }));
    expect(await dispatcher.dispatch('connections.list', undefined, ctx, true)).toEqual({ ok: true, value: [] });
    expect(await dispatcher.dispatch('accounts.list', { offset: 0, limit: 10 }, ctx, true)).toMatchObject({ ok: true, value: { accounts: [], total: 0, loading: false, directories: [] } });
    expect(await dispatcher.dispatch('activity.runs', undefined, ctx, true)).toEqual({ ok: true, value: [] });
    const refused = await dispatcher.dispatch('connections.add', { kind: 'okta', orgUrl: 'https://example.okta.com', auth: 'api-token' }, ctx, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('Paste the API token') } });
  });

  it('routes every domain\'s channels to its service (checked on the empty console)', async () => {
    const dispatcher = createDispatcher(createHandlers({ settings: memorySettingsStore(), appInfo: () => info }));
    const value = async (channel: string, payload?: unknown) => {
      const reply = await dispatcher.dispatch(channel, payload, ctx, true);
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
      return reply.value as Record<string, unknown>;
    };
    expect(await value('connections.importHosts', { text: 'PC01\nbad host\n' })).toEqual({ hosts: ['PC01'], problems: [{ line: 2, message: '"bad host" contains a space, which no computer name can contain.' }] });
    const plan = await value('plan.create', { selection: { by: 'all' }, exclusionSets: [] });
    expect(plan).toMatchObject({ version: 1, entries: [], createdBy: 'operator' });
    expect(JSON.parse(String((await value('plan.export', { planId: plan.id })).content)).id).toBe(plan.id);
    expect(await value('plan.previewExclusions', { keys: [], exclusionSets: ['Break-glass'] })).toEqual({ selected: 0, excluded: [] });
    expect(await value('run.cancel', { runId: 'nothing-running' })).toEqual({ cancelling: false });
    expect(await value('run.unfinished')).toEqual([]);
    expect(await value('activity.timeline')).toEqual([]);
    expect(await value('accounts.importCsv', { fileName: 'x.csv', text: 'directory,login\nentra,a@b.c\n' })).toMatchObject({ keys: [], rows: 1, problems: [{ line: 2, reason: 'unknown-directory' }] });
    expect((await value('exclusions.exportSets', {})).fileName).toBe('rekey-exclusion-sets.json');
    expect(await value('exclusions.previewRule', { rule: { id: 'r', when: {}, decision: 'confirm' } })).toEqual({ matches: 0, of: 0, sample: [] });
    expect((await value('verify.explainNetUser', { text: 'nothing useful' })).userName).toBeNull();
    expect(await value('verify.lookup', { name: 'adele' })).toEqual({ matches: [], searched: [] });
  });
});
